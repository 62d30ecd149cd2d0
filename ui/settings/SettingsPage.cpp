#include "settings/SettingsPage.h"

#include "common/ConsoleSettings.h"
#include "common/Format.h"
#include "common/ListenerController.h"
#include "common/Prompter.h"
#include "common/Translator.h"
#include "core/Engine.h"
#include "http/api/Listener.h"
#include "ui_SettingsPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHostAddress>
#include <QSignalBlocker>
#include <QTime>

namespace vc::ui {

namespace {

// Engine::setRetentionDays takes 1 to 3650 days.
constexpr int MinRetentionDays = 1;
constexpr int MaxRetentionDays = 3650;

} // namespace

SettingsPage::SettingsPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::SettingsPage>())
{
    m_ui->setupUi(this);
    QFont heading = m_ui->pageTitle->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.5);
    heading.setBold(true);
    m_ui->pageTitle->setFont(heading);
    m_ui->columns->setStretch(0, 1);
    m_ui->columns->setStretch(1, 1);
    m_ui->retentionDays->setRange(MinRetentionDays, MaxRetentionDays);

    loadListenerFields();
    connect(m_ui->listenerEnabled, &QCheckBox::toggled, this, [this] { applyListener(); });
    connect(m_ui->listenerApply, &QPushButton::clicked, this, [this] { applyListener(); });
    connect(m_ui->listenerHost, &QLineEdit::returnPressed, this, [this] { applyListener(); });
    connect(&context.listener, &ListenerController::stateChanged, this,
            &SettingsPage::updateListenerState);

    m_ui->databasePath->setText(QDir::toNativeSeparators(context.engine.config().databasePath));
    m_ui->dataDirEdit->setText(
        QDir::toNativeSeparators(context.settings.value(ConsoleSettings::DataDir).toString()));
    connect(m_ui->dataDirSave, &QPushButton::clicked, this,
            [this] { saveDataDir(m_ui->dataDirEdit->text()); });
    connect(m_ui->dataDirEdit, &QLineEdit::returnPressed, this,
            [this] { saveDataDir(m_ui->dataDirEdit->text()); });
    connect(m_ui->dataDirDefault, &QPushButton::clicked, this, [this] { saveDataDir({}); });
    connect(m_ui->dataDirBrowse, &QPushButton::clicked, this, [this] {
        const QString start = m_ui->dataDirEdit->text().isEmpty()
                                  ? this->context().engine.config().dataDir
                                  : m_ui->dataDirEdit->text();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), start);
        if (!dir.isEmpty())
            saveDataDir(dir);
    });

    connect(m_ui->retentionDays, &QSpinBox::textChanged, this,
            &SettingsPage::updateRetentionButton);
    connect(m_ui->retentionDays, &QSpinBox::valueChanged, this, &SettingsPage::updateRetentionUnit);
    connect(m_ui->retentionApply, &QPushButton::clicked, this, [this] { applyRetention(); });

    fillLanguages();
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this,
            [this] { setLanguage(m_ui->languageCombo->currentData().toString()); });

    retranslate();
    updateListenerState();
}

SettingsPage::~SettingsPage() = default;

QString SettingsPage::languageName(const QString &language)
{
    // Each language in its own name, as people look for it in a list. (QLocale calls English
    // "American English".)
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return Translator::nativeName(language);
}

void SettingsPage::fillLanguages()
{
    const QSignalBlocker block(m_ui->languageCombo);
    m_ui->languageCombo->clear();
    m_ui->languageCombo->addItem(QString(), QString()); // "System", named in retranslate()
    for (const QString &language : Translator::languages())
        m_ui->languageCombo->addItem(languageName(language), language);
    const QString saved = context().settings.value(ConsoleSettings::Language).toString();
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(saved)));
}

// "1 day", "90 days", in the plural form of the chosen language.
void SettingsPage::updateRetentionUnit()
{
    m_ui->retentionUnit->setText(tr("day(s)", nullptr, m_ui->retentionDays->value()));
}

void SettingsPage::retranslate()
{
    m_ui->retranslateUi(this);
    QString system = QLocale::system().name().section(u'_', 0, 0);
    if (system == QLatin1String("no") || system == QLatin1String("nn"))
        system = QStringLiteral("nb");
    if (!Translator::languages().contains(system))
        system = QStringLiteral("en");
    m_ui->languageCombo->setItemText(0, tr("System (%1)").arg(languageName(system)));
    m_ui->languageNote->setText(
        tr("The window changes at once. Dates and numbers follow the chosen language too."));
    m_ui->retentionNote->setText(
        tr("Older finished sessions are deleted once a day with their events and outbox "
           "messages; hourly statistics are kept. The setting is stored in the database, so "
           "verifyd instances using it follow it too."));
    m_ui->dataDirEdit->setPlaceholderText(QDir::toNativeSeparators(EngineConfig::defaultDataDir()) +
                                          QStringLiteral(" ") + tr("(default)"));
    updateListenerState();
    updateDataNote(m_dataDirMessage);
    updateRetentionButton();
    updateRetentionUnit();
}

void SettingsPage::refresh()
{
    auto days = context().engine.retentionDays();
    if (!days) {
        m_ui->retentionMessage->setText(
            tr("The retention could not be read: %1").arg(days.error().toString()));
        return;
    }
    // Take in a change made elsewhere unless the user is about to apply one.
    if (m_ui->retentionDays->value() == m_retentionLoaded || m_retentionLoaded == 0)
        m_ui->retentionDays->setValue(*days);
    m_retentionLoaded = *days;
    updateRetentionButton();
    updateListenerState();
}

// --- listener --------------------------------------------------------------------------------

void SettingsPage::loadListenerFields()
{
    const QString saved = context().settings.value(ConsoleSettings::ListenerAddress).toString();
    auto parsed = http::ListenerConfig::parseListen(saved);
    if (!parsed)
        parsed = http::ListenerConfig::parseListen(
            ConsoleSettings::defaultValue(ConsoleSettings::ListenerAddress).toString());
    if (parsed) {
        m_ui->listenerHost->setText(parsed->first.toString());
        m_ui->listenerPort->setValue(parsed->second);
    }
}

QString SettingsPage::listenAddress() const
{
    QString host = m_ui->listenerHost->text().trimmed();
    if (host.contains(u':') && !host.startsWith(u'['))
        host = u'[' + host + u']'; // IPv6
    return host + u':' + QString::number(m_ui->listenerPort->value());
}

bool SettingsPage::applyListener()
{
    ListenerController &listener = context().listener;
    const QString address = listenAddress();
    auto parsed = http::ListenerConfig::parseListen(address);
    m_ui->listenerError->setVisible(!parsed);
    if (!parsed) {
        m_ui->listenerError->setText(
            tr("Enter an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every "
               "network)."));
        updateListenerState();
        return false;
    }
    const bool wanted = m_ui->listenerEnabled->isChecked();
    if (!wanted) {
        listener.stop();
        context().settings.setValue(ConsoleSettings::ListenerEnabled, false);
        context().settings.setValue(ConsoleSettings::ListenerAddress, address);
        updateListenerState();
        return true;
    }
    if (Status started = listener.start(address); !started) {
        // The listener stays off (a running one was stopped to rebind); say why, plainly.
        context().settings.setValue(ConsoleSettings::ListenerEnabled, false);
        updateListenerState();
        context().prompter.warn(
            this, tr("HTTP API not started"),
            tr("The HTTP API could not start on %1:\n%2\n\nIf another program uses this port, "
               "choose another port or stop that program.")
                .arg(address, started.error().message));
        return false;
    }
    context().settings.setValue(ConsoleSettings::ListenerEnabled, true);
    context().settings.setValue(ConsoleSettings::ListenerAddress, address);
    updateListenerState();
    return true;
}

void SettingsPage::updateListenerState()
{
    const ListenerController &listener = context().listener;
    const bool running = listener.isRunning();
    {
        const QSignalBlocker block(m_ui->listenerEnabled);
        m_ui->listenerEnabled->setChecked(running);
    }
    m_ui->listenerState->setText(running ? tr("On, at %1").arg(listener.address()) : tr("Off"));
    const auto parsed = http::ListenerConfig::parseListen(listenAddress());
    if (parsed && !parsed->first.isLoopback())
        m_ui->listenerHint->setText(
            tr("Other computers can reach this address. The console's API has no TLS: API keys "
               "and codes would cross the network in clear. Use verifyd with TLS for that."));
    else
        m_ui->listenerHint->setText(
            tr("Applications call the API at this address. 127.0.0.1 accepts connections from "
               "this computer only; port 0 picks a free port."));
}

// --- data folder -----------------------------------------------------------------------------

bool SettingsPage::saveDataDir(const QString &dir)
{
    const QString path = dir.trimmed().isEmpty() ? QString() : QDir::cleanPath(dir.trimmed());
    const bool valid = path.isEmpty() || QDir::isAbsolutePath(path);
    m_ui->dataDirError->setVisible(!valid);
    if (!valid) {
        m_ui->dataDirError->setText(tr("Enter a full path, such as /srv/verify."));
        return false;
    }
    if (QFileInfo(path).exists() && !QFileInfo(path).isDir()) {
        m_ui->dataDirError->setText(tr("This is a file, not a folder."));
        m_ui->dataDirError->setVisible(true);
        return false;
    }
    context().settings.setValue(ConsoleSettings::DataDir, path);
    m_ui->dataDirEdit->setText(QDir::toNativeSeparators(path));
    updateDataNote(path.isEmpty() ? EngineConfig::defaultDataDir() : path);
    return true;
}

void SettingsPage::updateDataNote(const QString &saved)
{
    m_dataDirMessage = saved;
    const QString current = QDir::cleanPath(context().engine.config().dataDir);
    if (saved.isEmpty()) {
        m_ui->dataDirNote->setText(tr("A new folder takes effect the next time the console "
                                      "starts; this window keeps its database."));
        return;
    }
    if (QDir::cleanPath(saved) == current) {
        m_ui->dataDirNote->setText(tr("Saved: the console keeps using this folder."));
        return;
    }
    QString note = tr("Saved. The console opens %1 the next time it starts; until then it keeps "
                      "using %2.")
                       .arg(QDir::toNativeSeparators(saved), QDir::toNativeSeparators(current));
    if (!QFileInfo::exists(QDir(saved).filePath(QStringLiteral("verify.db"))))
        note += u' ' + tr("There is no database there yet: a new, empty one will be created.");
    m_ui->dataDirNote->setText(note);
}

// --- retention -------------------------------------------------------------------------------

void SettingsPage::updateRetentionButton()
{
    m_ui->retentionApply->setEnabled(m_ui->retentionDays->hasAcceptableInput() &&
                                     m_ui->retentionDays->value() != m_retentionLoaded);
}

bool SettingsPage::applyRetention()
{
    const int days = m_ui->retentionDays->value();
    if (Status s = context().engine.setRetentionDays(days, context().operatorActor); !s) {
        context().prompter.warn(this, tr("Retention not changed"), s.error().toString());
        return false;
    }
    m_retentionLoaded = days;
    m_ui->retentionMessage->setText(
        tr("Saved at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    updateRetentionButton();
    return true;
}

// --- language --------------------------------------------------------------------------------

void SettingsPage::setLanguage(const QString &language)
{
    {
        const QSignalBlocker block(m_ui->languageCombo);
        m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(language)));
    }
    context().settings.setValue(ConsoleSettings::Language, language);
    context().translator.setLanguage(language);
    // Translator posts LanguageChange only when it installs or removes a catalogue; a switch
    // between languages without one (English and a language whose file is missing) still changes
    // the locale, so every window re-reads its texts, dates and numbers regardless.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
}

} // namespace vc::ui
