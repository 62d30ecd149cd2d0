// The Services page in the real main window: the settings form holds the engine's bounds and
// saves through the engine with the operator in the audit log; the message editor previews what
// a recipient gets and refuses what the engine would refuse.

#include "services/NewServiceDialog.h"
#include "services/ServiceForm.h"
#include "services/ServiceListModel.h"
#include "services/ServicesPage.h"
#include "services/TemplateEditor.h"
#include "ui/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

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

// Replaces what a spin box shows by typing, as a user does.
void typeInto(QSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

QList<AuditEntry> auditOf(Engine &engine, const QString &action)
{
    QList<AuditEntry> out;
    auto entries = engine.audit(AuditQuery{});
    if (entries)
        for (const AuditEntry &e : *entries)
            if (e.action == action)
                out << e;
    return out;
}

void chooseData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

} // namespace

class TestServicesPage : public QObject
{
    Q_OBJECT

private slots:
    void everySettingHasAnEditor()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        for (const ServiceField &field : ServiceRules::fields()) {
            QVERIFY2(page->findChild<QWidget *>(QStringLiteral("field_") + field.key),
                     qPrintable(field.key));
            QVERIFY2(page->findChild<QLabel *>(QStringLiteral("error_") + field.key),
                     qPrintable(field.key));
        }
    }

    void savingTheFormChangesTheServiceAndIsAudited()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        QCOMPARE(page->currentServiceId(), QStringLiteral("default"));
        auto *save = child<QPushButton>(page, "saveButton");
        QVERIFY(!save->isEnabled()); // nothing to save yet

        typeInto(child<QSpinBox>(page, "field_ttl_seconds"), QStringLiteral("600"));
        typeInto(child<QLineEdit>(page, "field_app_name"), QStringLiteral("Fjordbank"));
        child<QCheckBox>(page, "channel_voice")->setChecked(false);
        QVERIFY(page->form()->hasChanges());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);

        auto service = f.engine->service(QStringLiteral("default"));
        QVERIFY2(service, errorText(service).constData());
        QCOMPARE(service->ttlSeconds, 600);
        QCOMPARE(service->appName, QStringLiteral("Fjordbank"));
        QCOMPARE(service->channels, (QList<Channel>{Channel::Sms, Channel::Email}));
        QVERIFY(!page->form()->hasChanges());
        QVERIFY(!save->isEnabled());

        const QList<AuditEntry> updates =
            auditOf(*f.engine.engine, QStringLiteral("service.update"));
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().actor, QStringLiteral("operator:ola"));
        QCOMPARE(updates.first().targetId, QStringLiteral("default"));
        // Only what changed was sent.
        QCOMPARE(updates.first().detail.keys(),
                 (QStringList{QStringLiteral("app_name"), QStringLiteral("channels"),
                              QStringLiteral("ttl_seconds")}));
        QCOMPARE(updates.first()
                     .detail.value(QStringLiteral("ttl_seconds"))
                     .toObject()
                     .value(QStringLiteral("to"))
                     .toInt(),
                 600);
    }

    void spinBoxesHoldTheEnginesBounds()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        const Service base = ServiceRules::makeDefault(QStringLiteral("x"), kT0);
        int checked = 0;
        for (const ServiceField &field : ServiceRules::fields()) {
            auto *spin = page->findChild<QSpinBox *>(QStringLiteral("field_") + field.key);
            if (!spin)
                continue;
            // The engine's own setter takes the ends of the range and refuses one step outside.
            Service probe = base;
            QVERIFY2(field.set(probe, spin->minimum()), qPrintable(field.key));
            QVERIFY2(field.set(probe, spin->maximum()), qPrintable(field.key));
            QVERIFY2(!field.set(probe, spin->minimum() - 1), qPrintable(field.key));
            QVERIFY2(!field.set(probe, spin->maximum() + 1), qPrintable(field.key));
            ++checked;
        }
        QCOMPARE(checked, 9); // the six code and session limits, and the three start limits
        QCOMPARE(child<QSpinBox>(page, "field_ttl_seconds")->minimum(), Limits::MinTtlSeconds);
        QCOMPARE(child<QSpinBox>(page, "field_ttl_seconds")->maximum(), Limits::MaxTtlSeconds);
    }

    void outOfRangeValuesCannotBeSaved()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        auto *save = child<QPushButton>(page, "saveButton");
        auto *ttl = child<QSpinBox>(page, "field_ttl_seconds");
        auto *ttlError = child<QLabel>(page, "error_ttl_seconds");

        // 5 seconds is below the engine's 60: the form says so and will not save.
        typeInto(ttl, QStringLiteral("5"));
        QVERIFY(!ttl->hasAcceptableInput());
        QVERIFY(ttlError->isVisible());
        QVERIFY2(ttlError->text().contains(QStringLiteral("60")), qPrintable(ttlError->text()));
        QVERIFY(page->form()->hasChanges());
        QVERIFY(!save->isEnabled());
        QVERIFY(!page->form()->save());
        QTest::mouseClick(save, Qt::LeftButton);

        // Beyond the top the spin box takes no more digits; setting it clamps to the bound.
        ttl->setValue(99999);
        QCOMPARE(ttl->value(), Limits::MaxTtlSeconds);
        QVERIFY(!ttlError->isVisible());
        ttl->setValue(300);

        // An empty name and a malformed country are refused by the engine's own field checks.
        auto *name = child<QLineEdit>(page, "field_name");
        typeInto(name, QStringLiteral("   "));
        QVERIFY(child<QLabel>(page, "error_name")->isVisible());
        QVERIFY(!save->isEnabled());
        name->setText(QStringLiteral("Default"));
        typeInto(child<QLineEdit>(page, "field_default_region"), QStringLiteral("N1"));
        QVERIFY(child<QLabel>(page, "error_default_region")->isVisible());
        QVERIFY(!save->isEnabled());
        child<QLineEdit>(page, "field_default_region")->clear();
        for (const char *box : {"channel_sms", "channel_voice", "channel_email"})
            child<QCheckBox>(page, box)->setChecked(false);
        QVERIFY(child<QLabel>(page, "error_channels")->isVisible());
        QVERIFY(!save->isEnabled());
        QVERIFY(!page->form()->save());

        auto service = f.engine->service(QStringLiteral("default"));
        QCOMPARE(service->ttlSeconds, 300);
        QCOMPARE(service->name, QStringLiteral("Default"));
        QCOMPARE(service->channels, allChannels());
        QVERIFY(auditOf(*f.engine.engine, QStringLiteral("service.update")).isEmpty());

        // Revert puts the saved values back.
        QTest::mouseClick(child<QPushButton>(page, "revertButton"), Qt::LeftButton);
        QVERIFY(!page->form()->hasChanges());
        QVERIFY(child<QCheckBox>(page, "channel_sms")->isChecked());
    }

    void previewShowsWhatTheRecipientGets()
    {
        ConsoleFixture f;
        QVERIFY(f.engine->updateService(QStringLiteral("default"),
                                        {{QStringLiteral("app_name"), QStringLiteral("Fjordbank")},
                                         {QStringLiteral("ttl_seconds"), 600}},
                                        kAdmin));
        auto *page = f.show<ServicesPage>();
        child<QTabWidget>(page, "serviceTabs")->setCurrentIndex(1);
        auto *preview = child<QTextBrowser>(page, "templatePreview");
        auto *edit = child<QPlainTextEdit>(page, "templateEdit");

        QCOMPARE(page->templateEditor()->locale(), QStringLiteral("en"));
        QCOMPARE(page->templateEditor()->part(), QStringLiteral("sms"));
        QCOMPARE(TemplateEditor::sampleCode(6, CodeType::Numeric), QStringLiteral("123456"));
        const QString shown = preview->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("123456")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Fjordbank")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("10 minutes")), qPrintable(shown));

        // The preview follows typing, and unsaved settings in the form.
        edit->setPlainText(QStringLiteral("{app_name}: {code}, {ttl_minutes} {minutes}"));
        QCOMPARE(preview->toPlainText(), QStringLiteral("Fjordbank: 123456, 10 minutes"));
        typeInto(child<QLineEdit>(page, "field_app_name"), QStringLiteral("Nordlys"));
        child<QSpinBox>(page, "field_ttl_seconds")->setValue(60);
        QCOMPARE(preview->toPlainText(), QStringLiteral("Nordlys: 123456, 1 minute"));

        // Another locale and part: the voice script reads the code one digit at a time.
        QVERIFY(page->templateEditor()->hasChanges());
        f.prompter.confirmations.push_back(true); // discard the edit
        chooseData(child<QComboBox>(page, "localeCombo"), QStringLiteral("nb"));
        chooseData(child<QComboBox>(page, "partCombo"), QStringLiteral("voice"));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("1, 2, 3, 4, 5, 6")),
                 qPrintable(preview->toPlainText()));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("minutt")),
                 qPrintable(preview->toPlainText()));

        // E-mail HTML is shown as HTML, values escaped.
        chooseData(child<QComboBox>(page, "partCombo"), QStringLiteral("email_html"));
        QVERIFY(preview->toHtml().contains(QStringLiteral("123456")));
        QVERIFY(!preview->toPlainText().contains(QStringLiteral("<p")));
    }

    void invalidTemplatesShowTheErrorAndCannotBeSaved()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        child<QTabWidget>(page, "serviceTabs")->setCurrentIndex(1);
        auto *preview = child<QTextBrowser>(page, "templatePreview");
        auto *edit = child<QPlainTextEdit>(page, "templateEdit");
        auto *save = child<QPushButton>(page, "saveTemplateButton");
        const QString shipped = *f.engine->messageTemplate(
            QStringLiteral("default"), QStringLiteral("en"), QStringLiteral("sms"));

        edit->setPlainText(QStringLiteral("Your code is {code}. From {app}."));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("unknown placeholder {app}")),
                 qPrintable(preview->toPlainText()));
        QVERIFY(!preview->toPlainText().contains(QStringLiteral("Your code is")));
        QVERIFY(!save->isEnabled());

        edit->setPlainText(QStringLiteral("Hello from {app_name}"));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("must contain {code}")),
                 qPrintable(preview->toPlainText()));
        QVERIFY(!save->isEnabled());
        QVERIFY(!page->templateEditor()->save());
        QTest::mouseClick(save, Qt::LeftButton);

        // An e-mail subject must not carry the code.
        f.prompter.confirmations.push_back(true);
        chooseData(child<QComboBox>(page, "partCombo"), QStringLiteral("email_subject"));
        edit->setPlainText(QStringLiteral("Code {code}"));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("subjects")),
                 qPrintable(preview->toPlainText()));
        QVERIFY(!save->isEnabled());

        QCOMPARE(*f.engine->messageTemplate(QStringLiteral("default"), QStringLiteral("en"),
                                            QStringLiteral("sms")),
                 shipped);
        QVERIFY(auditOf(*f.engine.engine, QStringLiteral("template.update")).isEmpty());
    }

    void savedTextIsSentAndResetRestoresTheShippedText()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        child<QTabWidget>(page, "serviceTabs")->setCurrentIndex(1);
        auto *edit = child<QPlainTextEdit>(page, "templateEdit");
        auto *origin = child<QLabel>(page, "originLabel");
        auto *reset = child<QPushButton>(page, "resetTemplateButton");
        const QString shipped = edit->toPlainText();
        QVERIFY(!shipped.isEmpty());
        QVERIFY(!reset->isEnabled());
        QVERIFY(!origin->text().contains(QStringLiteral("Custom")));

        const QString custom = QStringLiteral("{app_name} code: {code}");
        edit->setPlainText(custom);
        QTest::mouseClick(child<QPushButton>(page, "saveTemplateButton"), Qt::LeftButton);
        QCOMPARE(*f.engine->messageTemplate(QStringLiteral("default"), QStringLiteral("en"),
                                            QStringLiteral("sms")),
                 custom);
        QVERIFY(origin->text().contains(QStringLiteral("Custom")));
        QVERIFY(reset->isEnabled());
        const QList<AuditEntry> saved =
            auditOf(*f.engine.engine, QStringLiteral("template.update"));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().actor, QStringLiteral("operator:ola"));

        // A new session gets the saved text.
        StartRequest english = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        english.locale = QStringLiteral("en");
        auto started = f.engine->start(english);
        QVERIFY2(started, errorText(started).constData());
        QVERIFY(f.engine->deliverDue());
        const QString code = receivedCode(*f.engine.engine, started->sessionId);
        QCOMPARE(f.engine->outbox(started->sessionId, 1)->first().text,
                 QStringLiteral("Verify code: ") + code);

        // Reset asks first; "no" keeps the custom text.
        f.prompter.confirmations.push_back(false);
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(edit->toPlainText(), custom);
        f.prompter.confirmations.push_back(true);
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(*f.engine->messageTemplate(QStringLiteral("default"), QStringLiteral("en"),
                                            QStringLiteral("sms")),
                 shipped);
        QCOMPARE(edit->toPlainText(), shipped);
        QVERIFY(!reset->isEnabled());
        QVERIFY(!origin->text().contains(QStringLiteral("Custom")));
        QCOMPARE(auditOf(*f.engine.engine, QStringLiteral("template.update")).size(), 2);
    }

    void unsavedEditsAreNotDroppedWithoutAsking()
    {
        ConsoleFixture f;
        QVERIFY(f.engine->createService(QStringLiteral("shop"), {}, kAdmin));
        auto *page = f.show<ServicesPage>();
        QCOMPARE(page->currentServiceId(), QStringLiteral("default"));
        typeInto(child<QLineEdit>(page, "field_app_name"), QStringLiteral("Edited"));

        f.prompter.confirmations.push_back(false);
        QVERIFY(!page->selectService(QStringLiteral("shop")));
        QCOMPARE(page->currentServiceId(), QStringLiteral("default"));
        QCOMPARE(child<QLineEdit>(page, "field_app_name")->text(), QStringLiteral("Edited"));

        // A refresh (sessions changed) keeps the edit too.
        page->refresh();
        QCOMPARE(child<QLineEdit>(page, "field_app_name")->text(), QStringLiteral("Edited"));

        f.prompter.confirmations.push_back(true);
        QVERIFY(page->selectService(QStringLiteral("shop")));
        QCOMPARE(child<QLineEdit>(page, "field_name")->text(), QStringLiteral("shop"));
        QCOMPARE(f.engine->service(QStringLiteral("default"))->appName, QStringLiteral("Verify"));
    }

    void newServiceAsksForAnId()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        QAbstractItemModelTester tester(page->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        bool answered = false;
        QTimer::singleShot(0, page, [&] {
            auto *dialog = qobject_cast<NewServiceDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *ok = child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok);
            auto *id = child<QLineEdit>(dialog, "serviceIdEdit");
            QTest::keyClicks(id, QStringLiteral("Web Shop"));
            QVERIFY(!ok->isEnabled());
            QVERIFY(child<QLabel>(dialog, "idError")->isVisible());
            id->setText(QStringLiteral("default"));
            QVERIFY(!ok->isEnabled()); // taken
            id->setText(QStringLiteral("shop"));
            QVERIFY(ok->isEnabled());
            child<QLineEdit>(dialog, "serviceNameEdit")->setText(QStringLiteral("Web shop"));
            answered = true;
            ok->click();
        });
        QCOMPARE(page->createService(), QStringLiteral("shop"));
        QVERIFY(answered);
        QCOMPARE(page->currentServiceId(), QStringLiteral("shop"));
        QCOMPARE(page->model()->rowCount(), 2);
        QCOMPARE(child<QLineEdit>(page, "field_name")->text(), QStringLiteral("Web shop"));
        QCOMPARE(f.engine->service(QStringLiteral("shop"))->name, QStringLiteral("Web shop"));
        const QList<AuditEntry> created =
            auditOf(*f.engine.engine, QStringLiteral("service.create"));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().actor, QStringLiteral("operator:ola"));
    }

    void serviceListModelPassesTheTester()
    {
        ConsoleFixture f;
        auto *page = f.show<ServicesPage>();
        QAbstractItemModelTester tester(page->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->model()->rowCount(), 1);
        QVERIFY(f.engine->createService(QStringLiteral("b-shop"), {}, kAdmin));
        QVERIFY(f.engine->createService(QStringLiteral("a-app"), {}, kAdmin));
        page->refresh(); // new rows
        QCOMPARE(page->model()->rowCount(), 3);
        QVERIFY(f.engine->updateService(QStringLiteral("a-app"),
                                        {{QStringLiteral("enabled"), false}}, kAdmin));
        page->refresh(); // same rows, changed data
        const int row = page->model()->rowOf(QStringLiteral("a-app"));
        QVERIFY(row >= 0);
        QVERIFY(page->model()
                    ->index(row, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("disabled")));
        QCOMPARE(page->model()->index(row, ServiceListModel::IdColumn).data().toString(),
                 QStringLiteral("a-app"));
        page->model()->setServices({});
        QCOMPARE(page->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestServicesPage)
#include "tst_services.moc"
