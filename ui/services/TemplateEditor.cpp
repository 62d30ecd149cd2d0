#include "services/TemplateEditor.h"

#include "common/Format.h"
#include "common/Prompter.h"
#include "core/Engine.h"
#include "core/SessionRules.h"
#include "crypto/SecureBytes.h"
#include "services/LocaleNames.h"
#include "ui_TemplateEditor.h"

#include <QFontDatabase>
#include <QLocale>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTime>

namespace vc::ui {

namespace {

// GSM 03.38: the basic alphabet costs one unit per character, the extension table two; any other
// character turns the whole message into UCS-2. What an SMS costs depends on it.
constexpr QStringView GsmBasic =
    u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    u"ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
constexpr QStringView GsmExtension = u"^{}\\[~]|€\f";

struct SmsSize
{
    qsizetype characters = 0;
    qsizetype parts = 0;
};

SmsSize smsSize(const QString &text)
{
    qsizetype gsmUnits = 0;
    bool gsm = true;
    for (QChar c : text) {
        if (GsmBasic.contains(c))
            gsmUnits += 1;
        else if (GsmExtension.contains(c))
            gsmUnits += 2;
        else
            gsm = false;
    }
    const qsizetype units = gsm ? gsmUnits : text.size();
    const qsizetype single = gsm ? 160 : 70;
    const qsizetype perPart = gsm ? 153 : 67; // the rest of a part holds the concatenation header
    const qsizetype parts = units <= single ? 1 : (units + perPart - 1) / perPart;
    return {text.size(), parts};
}

Result<TemplateCatalog> loadCatalog(const EngineConfig &config)
{
    return config.templatesDir.isEmpty() ? TemplateCatalog::loadBuiltIn()
                                         : TemplateCatalog::loadFromDirectory(config.templatesDir);
}

} // namespace

TemplateEditor::TemplateEditor(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::TemplateEditor>())
{
    m_ui->setupUi(this);
    if (auto catalog = loadCatalog(context.engine.config()))
        m_catalog = std::move(catalog).value();
    else
        qWarning("the console cannot read the shipped message texts: %s",
                 qPrintable(catalog.error().toString()));

    for (const QString &locale : supportedLocales())
        m_ui->localeCombo->addItem(localeDisplayName(locale), locale);
    const QList<TemplatePart> parts = allTemplateParts();
    for (int i = 0; i < parts.size(); ++i)
        m_ui->partCombo->setItemData(i, templatePartName(parts.at(i)));
    m_locale = m_ui->localeCombo->currentData().toString();
    m_part = m_ui->partCombo->currentData().toString();

    m_ui->templateSplitter->setStretchFactor(0, 1);
    m_ui->templateSplitter->setStretchFactor(1, 1);
    m_ui->templateEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    connect(m_ui->localeCombo, &QComboBox::currentIndexChanged, this, &TemplateEditor::choose);
    connect(m_ui->partCombo, &QComboBox::currentIndexChanged, this, &TemplateEditor::choose);
    connect(m_ui->templateEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_ui->templateMessage->clear();
        updatePreview();
        updateButtons();
        emit edited();
    });
    connect(m_ui->saveTemplateButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_ui->resetTemplateButton, &QPushButton::clicked, this, [this] { resetToShipped(); });
    connect(m_ui->revertTemplateButton, &QPushButton::clicked, this, &TemplateEditor::revert);
    retranslate();
    setService(std::nullopt);
}

TemplateEditor::~TemplateEditor() = default;

QString TemplateEditor::sampleCode(int length, CodeType type)
{
    // Recognisable at a glance, and without look-alike characters like the real alphabet.
    const QString pool =
        type == CodeType::Numeric ? QStringLiteral("1234567890") : QStringLiteral("7KQ4M9XP2R");
    return pool.left(qBound(1, length, static_cast<int>(pool.size())));
}

TemplatePart TemplateEditor::currentPart() const
{
    return templatePartFromName(m_part).value_or(TemplatePart::Sms);
}

QString TemplateEditor::shippedText() const
{
    return m_catalog ? m_catalog->builtIn(m_locale, currentPart()) : QString();
}

QString TemplateEditor::partTitle() const
{
    return m_ui->partCombo->itemText(m_ui->partCombo->findData(m_part));
}

void TemplateEditor::setService(const std::optional<Service> &service)
{
    const bool other = !service || !m_service || service->id != m_service->id;
    m_service = service;
    if (service)
        m_previewValues = *service;
    setEnabled(service.has_value());
    load(other);
}

void TemplateEditor::setPreviewValues(const Service &values)
{
    m_previewValues = values;
    updatePreview();
}

bool TemplateEditor::hasChanges() const
{
    return m_service && m_ui->templateEdit->toPlainText() != m_loadedText;
}

bool TemplateEditor::confirmDiscard()
{
    if (!hasChanges())
        return true;
    return m_context.prompter.confirm(
        this, tr("Unsaved message"),
        tr("The %1 message in %2 has changes that are not saved. Discard them?")
            .arg(partTitle(), localeDisplayName(m_locale)),
        tr("Discard changes"));
}

void TemplateEditor::choose()
{
    const QString locale = m_ui->localeCombo->currentData().toString();
    const QString part = m_ui->partCombo->currentData().toString();
    if (locale == m_locale && part == m_part)
        return;
    if (!confirmDiscard()) {
        const QSignalBlocker blockLocale(m_ui->localeCombo);
        const QSignalBlocker blockPart(m_ui->partCombo);
        m_ui->localeCombo->setCurrentIndex(m_ui->localeCombo->findData(m_locale));
        m_ui->partCombo->setCurrentIndex(m_ui->partCombo->findData(m_part));
        return;
    }
    m_locale = locale;
    m_part = part;
    load(true);
}

void TemplateEditor::load(bool force)
{
    if (!force && hasChanges())
        return; // a refresh never overwrites what the user is typing
    QString text;
    if (m_service) {
        auto stored = m_context.engine.messageTemplate(m_service->id, m_locale, m_part);
        if (!stored) {
            m_ui->templateMessage->setText(stored.error().toString());
            return;
        }
        text = *stored;
    }
    const bool sameText = text == m_loadedText && text == m_ui->templateEdit->toPlainText();
    m_loadedText = text;
    if (!sameText || force) {
        m_loading = true;
        // HTML reads better with its columns lined up; the short texts in the normal font.
        m_ui->templateEdit->setFont(currentPart() == TemplatePart::EmailHtml
                                        ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                                        : font());
        m_ui->templateEdit->setPlainText(text);
        m_loading = false;
        if (force)
            m_ui->templateMessage->clear();
    }
    updateOrigin();
    updatePreview();
    updateButtons();
}

void TemplateEditor::updateOrigin()
{
    if (!m_service) {
        m_ui->originLabel->clear();
        return;
    }
    const bool custom = m_loadedText != shippedText();
    m_ui->originLabel->setText(custom ? tr("<b>Custom text</b> for this service")
                                      : tr("Shipped text"));
}

void TemplateEditor::updatePreview()
{
    const TemplatePart part = currentPart();
    const QString code = sampleCode(m_previewValues.codeLength, m_previewValues.codeType);
    m_ui->previewLabel->setText(tr("Preview with the sample code %1").arg(code));
    QScrollBar *scroll = m_ui->templatePreview->verticalScrollBar();
    const int scrolled = scroll->value();

    const QString text = m_ui->templateEdit->toPlainText();
    Status valid = m_service ? validateTemplate(part, text) : Status{};
    Result<QString> rendered = QString();
    if (valid && m_service) {
        const int minutes = SessionRules::ttlMinutes(m_previewValues.ttlSeconds);
        const LocaleTemplates *words = m_catalog ? m_catalog->locale(m_locale) : nullptr;
        const QString minuteWord = !words         ? tr("minutes")
                                   : minutes == 1 ? words->minuteOne
                                                  : words->minuteOther;
        const SecureBytes sample(code.toLatin1());
        rendered = renderTemplate(text, part, minuteWord,
                                  MessageValues{&sample, m_previewValues.appName, minutes});
        if (!rendered)
            valid = rendered.error();
    }
    m_valid = valid.ok();
    if (!valid) {
        // What the engine would say on saving, in place of a preview that could not be sent.
        m_ui->templatePreview->setHtml(
            QStringLiteral("<p style=\"color:#c62828;\"><b>%1</b></p><p>%2</p>")
                .arg(tr("This text cannot be used:").toHtmlEscaped(),
                     valid.error().message.toHtmlEscaped()));
        m_ui->previewInfo->clear();
        return;
    }
    if (part == TemplatePart::EmailHtml)
        m_ui->templatePreview->setHtml(*rendered);
    else
        m_ui->templatePreview->setPlainText(*rendered);
    scroll->setValue(scrolled);

    switch (part) {
    case TemplatePart::Sms: {
        const SmsSize size = smsSize(*rendered);
        m_ui->previewInfo->setText(
            tr("Characters: %1 · SMS parts: %2")
                .arg(Format::number(size.characters), Format::number(size.parts)));
        break;
    }
    case TemplatePart::Voice:
        m_ui->previewInfo->setText(
            tr("Read aloud by the voice gateway: the code is spoken one character at a time."));
        break;
    case TemplatePart::EmailSubject:
        m_ui->previewInfo->setText(tr("One line, and never the code: subjects show in "
                                      "notifications, mail lists and server logs."));
        break;
    case TemplatePart::EmailText:
        m_ui->previewInfo->setText(
            tr("The plain-text part, for mail programs that do not show HTML."));
        break;
    case TemplatePart::EmailHtml:
        m_ui->previewInfo->setText(tr("As a simple mail program shows it; values are HTML-escaped. "
                                      "Check new layouts in real mail programs too."));
        break;
    }
}

void TemplateEditor::updateButtons()
{
    const bool dirty = hasChanges();
    m_ui->saveTemplateButton->setEnabled(m_service && dirty && m_valid);
    m_ui->revertTemplateButton->setEnabled(dirty);
    m_ui->resetTemplateButton->setEnabled(m_service && m_loadedText != shippedText());
}

bool TemplateEditor::save()
{
    if (!m_service || !hasChanges() || !m_valid)
        return false;
    const QString text = m_ui->templateEdit->toPlainText();
    // The shipped text saved as is becomes no override at all, so it keeps following the shipped
    // version when that is improved.
    const QString stored = text == shippedText() ? QString() : text;
    if (Status s = m_context.engine.setMessageTemplate(m_service->id, m_locale, m_part, stored,
                                                       m_context.operatorActor);
        !s) {
        m_ui->templateMessage->setText(tr("Not saved: %1").arg(s.error().toString()));
        return false;
    }
    load(true);
    m_ui->templateMessage->setText(
        tr("Saved at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    return true;
}

bool TemplateEditor::resetToShipped()
{
    if (!m_service || m_loadedText == shippedText())
        return false;
    if (!m_context.prompter.confirm(
            this, tr("Reset to shipped text"),
            tr("Replace this service's %1 message in %2 with the shipped text? Its own text is "
               "deleted.")
                .arg(partTitle(), localeDisplayName(m_locale)),
            tr("Reset")))
        return false;
    if (Status s = m_context.engine.setMessageTemplate(m_service->id, m_locale, m_part, QString(),
                                                       m_context.operatorActor);
        !s) {
        m_context.prompter.warn(this, tr("Not reset"), s.error().toString());
        return false;
    }
    load(true);
    m_ui->templateMessage->setText(tr("The shipped text is in use again."));
    return true;
}

void TemplateEditor::revert()
{
    load(true);
    emit edited();
}

void TemplateEditor::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->placeholderHint->setText(
        tr("Placeholders: {code}, {app_name}, {ttl_minutes} and {minutes} (the word for "
           "“minutes”). Write {{ or }} for a brace."));
    updateOrigin();
    updatePreview();
}

void TemplateEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace vc::ui
