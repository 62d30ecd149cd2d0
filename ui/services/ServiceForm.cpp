#include "services/ServiceForm.h"

#include "common/Format.h"
#include "core/Engine.h"
#include "core/SessionRules.h"
#include "services/LocaleNames.h"
#include "ui_ServiceForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTime>

namespace vc::ui {

namespace {

QString channelKey(Channel c)
{
    return QStringLiteral("channel_") + channelName(c);
}

} // namespace

ServiceForm::ServiceForm(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::ServiceForm>())
{
    m_ui->setupUi(this);

    using namespace Limits;
    m_ui->field_name->setMaxLength(MaxServiceNameLength);
    m_ui->field_app_name->setMaxLength(MaxAppNameLength);
    m_ui->field_code_length->setRange(MinCodeLength, MaxCodeLength);
    m_ui->field_ttl_seconds->setRange(MinTtlSeconds, MaxTtlSeconds);
    m_ui->field_ttl_seconds->setSingleStep(60);
    m_ui->field_max_attempts->setRange(MinAttempts, MaxAttempts);
    m_ui->field_max_resends->setRange(MinResends, MaxResends);
    m_ui->field_resend_cooldown_seconds->setRange(MinResendCooldownSeconds,
                                                  MaxResendCooldownSeconds);
    m_ui->field_resend_cooldown_seconds->setSingleStep(10);
    m_ui->field_starts_per_recipient_per_hour->setRange(MinStartsPerRecipientPerHour,
                                                        MaxStartsPerRecipientPerHour);
    for (QSpinBox *spin : {m_ui->field_starts_per_ip_per_hour, m_ui->field_starts_per_key_per_hour,
                           m_ui->field_starts_per_service_per_hour})
        spin->setRange(MinStartsPerHour, MaxStartsPerHour);

    m_ui->field_code_type->setItemData(0, codeTypeName(CodeType::Numeric));
    m_ui->field_code_type->setItemData(1, codeTypeName(CodeType::Alphanumeric));
    for (const QString &locale : supportedLocales())
        m_ui->field_default_locale->addItem(localeDisplayName(locale), locale);

    bindFields();
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_ui->revertButton, &QPushButton::clicked, this, &ServiceForm::revert);
    retranslate();
    setService(std::nullopt);
}

ServiceForm::~ServiceForm() = default;

void ServiceForm::bindFields()
{
    auto onEdit = [this] {
        if (m_loading)
            return;
        m_ui->formMessage->clear();
        validate();
        emit edited();
    };
    for (const ServiceField &field : ServiceRules::fields()) {
        Binding b;
        b.field = &field;
        b.editor = findChild<QWidget *>(QStringLiteral("field_") + field.key);
        b.error = findChild<QLabel *>(QStringLiteral("error_") + field.key);
        // A new engine setting without an editor here is a bug the UI test catches.
        Q_ASSERT_X(b.editor && b.error, "ServiceForm", qPrintable(field.key));
        if (!b.editor || !b.error)
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(b.editor))
            connect(edit, &QLineEdit::textChanged, this, onEdit);
        else if (auto *spin = qobject_cast<QSpinBox *>(b.editor)) {
            // The spin box stays quiet while typed text is out of range, and its line edit
            // stays quiet when the value is set: listening to both sees every change.
            connect(spin, &QSpinBox::textChanged, this, onEdit);
            connect(spin->findChild<QLineEdit *>(), &QLineEdit::textChanged, this, onEdit);
        } else if (auto *check = qobject_cast<QCheckBox *>(b.editor))
            connect(check, &QCheckBox::toggled, this, onEdit);
        else if (auto *combo = qobject_cast<QComboBox *>(b.editor))
            connect(combo, &QComboBox::currentIndexChanged, this, onEdit);
        else
            for (Channel c : allChannels())
                if (auto *box = b.editor->findChild<QCheckBox *>(channelKey(c)))
                    connect(box, &QCheckBox::toggled, this, onEdit);
        m_bindings.append(b);
    }
    connect(m_ui->field_ttl_seconds, &QSpinBox::valueChanged, this, &ServiceForm::updateTtlHint);
}

QJsonValue ServiceForm::editorValue(const Binding &b) const
{
    // Test recipients are shown, not edited here (their codes are set with verifyctl or the API).
    if (qobject_cast<QLabel *>(b.editor))
        return QJsonValue();
    if (auto *edit = qobject_cast<QLineEdit *>(b.editor)) {
        if (b.field->get(Service{}).isArray()) { // a list typed as "NO, SE"
            QJsonArray items;
            for (const QString &item : edit->text().split(u',', Qt::SkipEmptyParts))
                if (!item.trimmed().isEmpty())
                    items.append(item.trimmed().toUpper());
            return items;
        }
        return edit->text();
    }
    if (auto *spin = qobject_cast<QSpinBox *>(b.editor))
        return spin->value();
    if (auto *check = qobject_cast<QCheckBox *>(b.editor))
        return check->isChecked();
    if (auto *combo = qobject_cast<QComboBox *>(b.editor))
        return combo->currentData().toString();
    QJsonArray channels; // the channel boxes
    for (Channel c : allChannels())
        if (auto *box = b.editor->findChild<QCheckBox *>(channelKey(c)); box && box->isChecked())
            channels.append(channelName(c));
    return channels;
}

void ServiceForm::setEditorValue(const Binding &b, const QJsonValue &value)
{
    if (auto *label = qobject_cast<QLabel *>(b.editor)) {
        QStringList shown;
        for (const QJsonValue &item : value.toArray())
            shown.append(item.toObject().value(QStringLiteral("recipient")).toString());
        label->setText(shown.isEmpty() ? tr("None") : shown.join(QStringLiteral(", ")));
    } else if (auto *edit = qobject_cast<QLineEdit *>(b.editor)) {
        if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : value.toArray())
                items.append(item.toString());
            edit->setText(items.join(QStringLiteral(", ")));
        } else {
            edit->setText(value.toString());
        }
    } else if (auto *spin = qobject_cast<QSpinBox *>(b.editor)) {
        spin->setValue(value.toInt());
    } else if (auto *check = qobject_cast<QCheckBox *>(b.editor)) {
        check->setChecked(value.toBool());
    } else if (auto *combo = qobject_cast<QComboBox *>(b.editor)) {
        combo->setCurrentIndex(combo->findData(value.toString()));
    } else {
        const QJsonArray names = value.toArray();
        for (Channel c : allChannels())
            if (auto *box = b.editor->findChild<QCheckBox *>(channelKey(c)))
                box->setChecked(names.contains(channelName(c)));
    }
}

void ServiceForm::setService(const std::optional<Service> &service)
{
    m_service = service;
    m_loading = true;
    const Service shown = service.value_or(Service{});
    m_loaded.clear();
    for (const Binding &b : std::as_const(m_bindings)) {
        setEditorValue(b, b.field->get(shown));
        m_loaded.insert(b.field->key, editorValue(b));
        showError(b, {});
    }
    m_loading = false;
    m_ui->formMessage->clear();
    setEnabled(service.has_value());
    updateTtlHint();
    validate();
}

bool ServiceForm::hasChanges() const
{
    for (const Binding &b : m_bindings)
        if (auto *spin = qobject_cast<QSpinBox *>(b.editor); spin && !spin->hasAcceptableInput())
            return true;
    return !changes().isEmpty();
}

QJsonObject ServiceForm::changes() const
{
    QJsonObject patch;
    if (!m_service)
        return patch;
    for (const Binding &b : m_bindings) {
        const QJsonValue value = editorValue(b);
        if (value != m_loaded.value(b.field->key))
            patch.insert(b.field->key, value);
    }
    return patch;
}

Service ServiceForm::editedService() const
{
    Service out = m_service.value_or(Service{});
    const QJsonObject patch = changes();
    for (const Binding &b : m_bindings) {
        if (!patch.contains(b.field->key))
            continue;
        Service probe = out;
        if (b.field->set(probe, patch.value(b.field->key)))
            out = probe;
    }
    return out;
}

QString ServiceForm::problemWith(const Binding &b) const
{
    if (!m_service)
        return {};
    if (auto *spin = qobject_cast<QSpinBox *>(b.editor); spin && !spin->hasAcceptableInput())
        return tr("Enter a whole number from %1 to %2.")
            .arg(Format::number(spin->minimum()), Format::number(spin->maximum()));
    const QJsonValue value = editorValue(b);
    if (value == m_loaded.value(b.field->key))
        return {};
    Service probe = *m_service;
    const Status checked = b.field->set(probe, value); // the engine's own check of this field
    if (checked)
        return {};
    const QString &key = b.field->key;
    if (key == QLatin1String("name") || key == QLatin1String("app_name")) {
        if (value.toString().trimmed().isEmpty())
            return tr("Enter a name.");
        return tr("Use at most %1 characters, without control characters.")
            .arg(Format::number(key == QLatin1String("name") ? Limits::MaxServiceNameLength
                                                             : Limits::MaxAppNameLength));
    }
    if (key == QLatin1String("default_region"))
        return tr("Enter a two-letter country code such as NO, or leave it empty.");
    if (key == QLatin1String("channels"))
        return tr("Choose at least one channel.");
    if (key == QLatin1String("webhook_url"))
        return tr("Enter an http or https address such as https://app.example.com/hooks, or "
                  "leave it empty.");
    return checked.error().message;
}

void ServiceForm::showError(const Binding &b, const QString &text)
{
    b.error->setText(text);
    b.error->setVisible(!text.isEmpty());
}

void ServiceForm::validate()
{
    bool valid = true;
    for (const Binding &b : std::as_const(m_bindings)) {
        const QString problem = problemWith(b);
        showError(b, problem);
        valid = valid && problem.isEmpty();
    }
    const bool dirty = hasChanges();
    m_ui->saveButton->setEnabled(m_service && dirty && valid);
    m_ui->revertButton->setEnabled(m_service && dirty);
}

bool ServiceForm::save()
{
    validate();
    if (!m_service || !m_ui->saveButton->isEnabled())
        return false;
    const QJsonObject patch = changes();
    auto updated = m_context.engine.updateService(m_service->id, patch, m_context.operatorActor);
    if (!updated) {
        // Only a change made elsewhere meanwhile gets here: the form checks what the engine does.
        const Error &error = updated.error();
        for (const Binding &b : std::as_const(m_bindings))
            if (b.field->key == error.field) {
                showError(b, error.message);
                return false;
            }
        m_ui->formMessage->setText(tr("Not saved: %1").arg(error.toString()));
        return false;
    }
    setService(*updated);
    m_ui->formMessage->setText(
        tr("Saved at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    emit saved(*updated);
    return true;
}

void ServiceForm::revert()
{
    setService(m_service);
    emit edited();
}

void ServiceForm::updateTtlHint()
{
    const int minutes = SessionRules::ttlMinutes(m_ui->field_ttl_seconds->value());
    m_ui->ttlHint->setText(tr("%1 min in messages").arg(Format::number(minutes)));
}

void ServiceForm::retranslate()
{
    m_ui->retranslateUi(this);
    for (QSpinBox *spin : {m_ui->field_starts_per_ip_per_hour, m_ui->field_starts_per_key_per_hour,
                           m_ui->field_starts_per_service_per_hour})
        spin->setSpecialValueText(tr("No limit"));
    for (const Binding &b : std::as_const(m_bindings))
        if (qobject_cast<QLabel *>(b.editor))
            setEditorValue(b, b.field->get(m_service.value_or(Service{})));
    // The hint is longer than the field: hovering shows all of it.
    m_ui->field_default_region->setToolTip(m_ui->field_default_region->placeholderText());
    m_ui->field_webhook_url->setToolTip(m_ui->field_webhook_url->placeholderText());
    updateTtlHint();
    validate();
}

void ServiceForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace vc::ui
