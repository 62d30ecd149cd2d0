// The Settings page in the real main window: the listener starts, stops and rebinds (a busy port
// is a warning, not a crash), retention reaches the engine, the data folder is kept for the next
// start, and switching the language re-translates the open window.

#include "delivery/DeliveryPage.h"
#include "services/ServiceListModel.h"
#include "services/ServicesPage.h"
#include "settings/SettingsPage.h"
#include "support/RawHttpClient.h"
#include "ui/ConsoleFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

using namespace vc;
using namespace vc::test;
using namespace vc::ui;

namespace {

template <typename W>
W *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

int pageIndex(ConsoleFixture &f, Page *page)
{
    for (int i = 0; i < f.window->pageCount(); ++i)
        if (f.window->page(i) == page)
            return i;
    return -1;
}

QLabel *listenerStatus(ConsoleFixture &f)
{
    return child<QLabel>(f.window.get(), "listenerStatus");
}

void setAddress(SettingsPage *page, const QString &host, int port)
{
    child<QLineEdit>(page, "listenerHost")->setText(host);
    child<QSpinBox>(page, "listenerPort")->setValue(port);
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT

private slots:
    void listenerStartsOnAnEphemeralPortAndStops()
    {
        ConsoleFixture f;
        auto *page = f.show<SettingsPage>();
        auto *enabled = child<QCheckBox>(page, "listenerEnabled");
        QVERIFY(!f.listener.isRunning());
        QVERIFY(!enabled->isChecked());
        QCOMPARE(listenerStatus(f)->text(), QStringLiteral("API off"));

        setAddress(page, QStringLiteral("127.0.0.1"), 0);
        enabled->click();
        QVERIFY(f.prompter.warnings.isEmpty());
        QVERIFY(f.listener.isRunning());
        const QString address = f.listener.address();
        QVERIFY2(address.startsWith(QStringLiteral("127.0.0.1:")) &&
                     !address.endsWith(QStringLiteral(":0")),
                 qPrintable(address));
        QVERIFY2(listenerStatus(f)->text().contains(address),
                 qPrintable(listenerStatus(f)->text()));
        QVERIFY(child<QLabel>(page, "listenerState")->text().contains(address));
        QCOMPARE(f.settings.value(ConsoleSettings::ListenerEnabled).toBool(), true);
        QCOMPARE(f.settings.value(ConsoleSettings::ListenerAddress).toString(),
                 QStringLiteral("127.0.0.1:0"));

        // It answers HTTP.
        RawHttpClient<5000> client;
        QVERIFY(client.connectTo(address.section(u':', -1).toUShort()));
        auto response = client.request(rawGet("/healthz"));
        QVERIFY(response);
        QCOMPARE(response->status, 200);

        enabled->click();
        QVERIFY(!f.listener.isRunning());
        QCOMPARE(listenerStatus(f)->text(), QStringLiteral("API off"));
        QCOMPARE(f.settings.value(ConsoleSettings::ListenerEnabled).toBool(), false);
    }

    void aBusyPortIsAWarningAndTheListenerStaysOff()
    {
        ConsoleFixture f;
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        auto *page = f.show<SettingsPage>();
        auto *enabled = child<QCheckBox>(page, "listenerEnabled");

        setAddress(page, QStringLiteral("127.0.0.1"), occupant.serverPort());
        enabled->click();
        QCOMPARE(f.prompter.warnings.size(), 1);
        QVERIFY2(f.prompter.warnings.first().contains(QStringLiteral("in use")),
                 qPrintable(f.prompter.warnings.first()));
        QVERIFY(!f.listener.isRunning());
        QVERIFY(!enabled->isChecked());
        QCOMPARE(child<QLabel>(page, "listenerState")->text(), QStringLiteral("Off"));
        QCOMPARE(listenerStatus(f)->text(), QStringLiteral("API off"));
        QCOMPARE(f.settings.value(ConsoleSettings::ListenerEnabled).toBool(), false);

        // Rebinding a running listener to the busy port: the same warning, and off.
        setAddress(page, QStringLiteral("127.0.0.1"), 0);
        enabled->click();
        QVERIFY(f.listener.isRunning());
        setAddress(page, QStringLiteral("127.0.0.1"), occupant.serverPort());
        QTest::mouseClick(child<QPushButton>(page, "listenerApply"), Qt::LeftButton);
        QCOMPARE(f.prompter.warnings.size(), 2);
        QVERIFY(!f.listener.isRunning());
        QVERIFY(!enabled->isChecked());
        QCOMPARE(listenerStatus(f)->text(), QStringLiteral("API off"));

        // A malformed address never reaches the listener.
        setAddress(page, QStringLiteral("localhost:x"), 8780);
        enabled->click();
        QVERIFY(child<QLabel>(page, "listenerError")->isVisible());
        QVERIFY(!f.listener.isRunning());
        QCOMPARE(f.prompter.warnings.size(), 2);
    }

    void retentionReachesTheEngine()
    {
        ConsoleFixture f;
        auto *page = f.show<SettingsPage>();
        auto *days = child<QSpinBox>(page, "retentionDays");
        auto *apply = child<QPushButton>(page, "retentionApply");
        QCOMPARE(days->value(), Engine::DefaultRetentionDays);
        QVERIFY(!apply->isEnabled());
        QCOMPARE(days->minimum(), 1);
        QCOMPARE(days->maximum(), 3650);

        days->setFocus();
        days->selectAll();
        QTest::keyClicks(days, QStringLiteral("30"));
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(*f.engine->retentionDays(), 30);
        QVERIFY(!apply->isEnabled());
        auto audit = f.engine->audit(AuditQuery{});
        QVERIFY(audit && !audit->isEmpty());
        QCOMPARE(audit->first().action, QStringLiteral("settings.update"));
        QCOMPARE(audit->first().actor, QStringLiteral("operator:ola"));

        // A change made elsewhere shows on the next refresh.
        QVERIFY(f.engine->setRetentionDays(400, kAdmin));
        page->refresh();
        QCOMPARE(days->value(), 400);
    }

    void theDataFolderIsKeptForTheNextStart()
    {
        ConsoleFixture f;
        auto *page = f.show<SettingsPage>();
        QCOMPARE(child<QLineEdit>(page, "databasePath")->text(),
                 QDir::toNativeSeparators(f.engine->config().databasePath));
        auto *edit = child<QLineEdit>(page, "dataDirEdit");
        auto *save = child<QPushButton>(page, "dataDirSave");

        edit->setText(QStringLiteral("relative/folder"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(child<QLabel>(page, "dataDirError")->isVisible());
        QCOMPARE(f.settings.value(ConsoleSettings::DataDir).toString(), QString());

        QTemporaryDir elsewhere;
        edit->setText(elsewhere.path());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!child<QLabel>(page, "dataDirError")->isVisible());
        QCOMPARE(f.settings.value(ConsoleSettings::DataDir).toString(), elsewhere.path());
        const QString note = child<QLabel>(page, "dataDirNote")->text();
        QVERIFY2(note.contains(QStringLiteral("next time")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("empty one")), qPrintable(note));
        QCOMPARE(f.engine->config().databasePath, f.engine.dbPath()); // this run keeps its data

        QTest::mouseClick(child<QPushButton>(page, "dataDirDefault"), Qt::LeftButton);
        QCOMPARE(f.settings.value(ConsoleSettings::DataDir).toString(), QString());
    }

    void switchingLanguageRetranslatesTheOpenWindow()
    {
        ConsoleFixture f;
        auto *services = f.window->findPage<ServicesPage>();
        auto *delivery = f.window->findPage<DeliveryPage>();
        auto *page = f.show<SettingsPage>();
        auto *sidebar = child<QListWidget>(f.window.get(), "sidebar");
        const int settingsRow = pageIndex(f, page);
        const int servicesRow = pageIndex(f, services);
        QCOMPARE(sidebar->item(settingsRow)->text(), QStringLiteral("Settings"));

        auto *combo = child<QComboBox>(page, "languageCombo");
        QCOMPARE(combo->itemText(combo->findData(QStringLiteral("nb"))),
                 QStringLiteral("Norsk bokmål"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("nb")));
        QCOMPARE(f.translator.language(), QStringLiteral("nb"));
        QCOMPARE(f.settings.value(ConsoleSettings::Language).toString(), QStringLiteral("nb"));
        QCOMPARE(QLocale().name(), QStringLiteral("nb_NO"));

        // The window, the visible page, and pages not shown all follow at once.
        QTRY_COMPARE(sidebar->item(settingsRow)->text(), QStringLiteral("Innstillinger"));
        QCOMPARE(sidebar->item(servicesRow)->text(), QStringLiteral("Tjenester"));
        QCOMPARE(listenerStatus(f)->text(), QStringLiteral("API av"));
        QCOMPARE(child<QLabel>(page, "pageTitle")->text(), QStringLiteral("Innstillinger"));
        QCOMPARE(child<QGroupBox>(page, "languageGroup")->title(), QStringLiteral("Språk"));
        QCOMPARE(child<QTabWidget>(services, "serviceTabs")->tabText(1),
                 QStringLiteral("Meldinger"));
        QCOMPARE(child<QPushButton>(services, "saveButton")->text(), QStringLiteral("Lagre"));
        QCOMPARE(child<QPushButton>(services, "resetTemplateButton")->text(),
                 QStringLiteral("Tilbakestill til standardtekst"));
        // Plural forms come from the catalogue: "1 dag", "90 dager".
        auto *retention = child<QSpinBox>(page, "retentionDays");
        retention->setValue(1);
        QCOMPARE(child<QLabel>(page, "retentionUnit")->text(), QStringLiteral("dag"));
        retention->setValue(90);
        QCOMPARE(child<QLabel>(page, "retentionUnit")->text(), QStringLiteral("dager"));
        QCOMPARE(services->model()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("Tjeneste"));
        QCOMPARE(child<QTabWidget>(delivery, "deliveryTabs")->tabText(0), QStringLiteral("Utboks"));
        QCOMPARE(delivery->findChild<QAction *>(QStringLiteral("copySessionId"))->text(),
                 QStringLiteral("Kopier økt-ID"));
        // The combo keeps its choice while its texts are re-set.
        QCOMPARE(combo->currentData().toString(), QStringLiteral("nb"));

        combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
        QTRY_COMPARE(sidebar->item(settingsRow)->text(), QStringLiteral("Settings"));
        QCOMPARE(child<QTabWidget>(services, "serviceTabs")->tabText(1),
                 QStringLiteral("Messages"));
        QCOMPARE(f.settings.value(ConsoleSettings::Language).toString(), QStringLiteral("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settings.moc"
