// The Delivery page in the real main window: the local outbox shows what was "sent", the queue
// shows failed deliveries, and Retry sends a new code under the resend rules.

#include "delivery/DeliveryPage.h"
#include "delivery/DeliveryProvider.h"
#include "delivery/DeliveryQueueModel.h"
#include "delivery/OutboxModel.h"
#include "delivery/ProvidersPanel.h"
#include "http/transport/HttpServer.h"
#include "ui/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <atomic>
#include <mutex>

using namespace vc;
using namespace vc::test;
using namespace vc::ui;

namespace {

// A cloud SMS API stand-in on 127.0.0.1: counts requests and accepts them.
class SmsApi final : public http::RequestHandler
{
public:
    http::HttpResponse handle(const http::HttpRequest &request) override
    {
        std::lock_guard lock(m_mutex);
        m_bodies.append(request.body);
        return http::HttpResponse::json(200, QByteArrayLiteral("{\"id\":\"m1\"}"));
    }
    bool isQuick(const http::HttpRequest &) const override { return false; }
    QList<QByteArray> bodies()
    {
        std::lock_guard lock(m_mutex);
        return m_bodies;
    }

private:
    std::mutex m_mutex;
    QList<QByteArray> m_bodies;
};

// A gateway that refuses every message for good.
class RefusingProvider final : public DeliveryProvider
{
public:
    QString name() const override { return QStringLiteral("refusing-gateway"); }
    SendOutcome send(const OutgoingMessage &) override
    {
        ++sends;
        return {SendOutcome::Kind::PermanentFailure,
                {},
                QStringLiteral("number rejected by the test gateway")};
    }
    std::atomic<int> sends = 0;
};

template <typename W>
W *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

QString startSession(Engine &engine, const QString &channel, const QString &recipient)
{
    auto started = engine.start(startRequest(channel, recipient));
    if (!started)
        qFatal("start failed: %s", qPrintable(started.error().toString()));
    return started->sessionId;
}

// Rows of the queue model for one session, by state name.
QStringList statesOf(const DeliveryQueueModel *model, const QString &sessionId)
{
    QStringList states;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->delivery(row)->sessionId == sessionId)
            states << model->delivery(row)->state;
    return states;
}

} // namespace

class TestDeliveryPage : public QObject
{
    Q_OBJECT

private slots:
    void outboxShowsDeliveredMessagesWithTheirText()
    {
        ConsoleFixture f;
        const QString sms =
            startSession(*f.engine.engine, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        f.engine.clock->advanceSeconds(1);
        const QString email = startSession(*f.engine.engine, QStringLiteral("email"),
                                           QStringLiteral("kari@example.com"));
        QCOMPARE(*f.engine->deliverDue(), 2);

        auto *page = f.show<DeliveryPage>();
        OutboxModel *model = page->outboxModel();
        QTRY_COMPARE(model->rowCount(), 2);

        // Newest first: the e-mail, then the SMS; masked recipients; the text holds the code.
        QCOMPARE(model->entry(0)->sessionId, email);
        QCOMPARE(model->entry(1)->sessionId, sms);
        QCOMPARE(model->index(1, OutboxModel::RecipientColumn).data().toString(),
                 QStringLiteral("+47****4567"));
        QCOMPARE(model->index(1, OutboxModel::ChannelColumn).data().toString(),
                 QStringLiteral("SMS"));
        QCOMPARE(model->index(1, OutboxModel::SessionColumn).data().toString(), sms);
        const QString smsCode = receivedCode(*f.engine.engine, sms);
        QVERIFY(!smsCode.isEmpty());
        const QString smsText = model->index(1, OutboxModel::MessageColumn).data().toString();
        QVERIFY2(smsText.contains(smsCode), qPrintable(smsText));
        QVERIFY2(smsText.contains(QStringLiteral("Verify")), qPrintable(smsText));
        QVERIFY(!model->index(0, OutboxModel::TimeColumn).data().toString().isEmpty());

        // Selecting a message shows it whole, the e-mail with its subject.
        auto *table = child<QTableView>(page, "outboxTable");
        table->selectRow(0);
        const QString shown = child<QPlainTextEdit>(page, "outboxMessage")->toPlainText();
        QVERIFY2(shown.startsWith(QStringLiteral("Subject: Your Verify verification code")),
                 qPrintable(shown));
        QVERIFY(shown.contains(receivedCode(*f.engine.engine, email)));

        // One session's messages.
        QTest::keyClicks(child<QLineEdit>(page, "outboxSessionFilter"), sms);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->entry(0)->sessionId, sms);
        child<QLineEdit>(page, "outboxSessionFilter")->setText(QStringLiteral("not-an-id"));
        QTRY_COMPARE(model->rowCount(), 0);
        QVERIFY(child<QLabel>(page, "outboxCount")->text().contains(QStringLiteral("session id")));

        // The note says which provider is active.
        QVERIFY(child<QLabel>(page, "providerNoteText")
                    ->text()
                    .contains(QStringLiteral("local outbox")));
    }

    void failedDeliveryIsQueuedAndRetryQueuesANewOne()
    {
        ConsoleFixture f;
        auto refusing = std::make_shared<RefusingProvider>();
        f.engine->addProvider(refusing, {Channel::Voice});
        const QString session =
            startSession(*f.engine.engine, QStringLiteral("voice"), QStringLiteral("+4791234567"));
        QVERIFY(f.engine->deliverDue());
        QCOMPARE(refusing->sends.load(), 1);

        auto *page = f.show<DeliveryPage>();
        child<QTabWidget>(page, "deliveryTabs")->setCurrentIndex(1);
        DeliveryQueueModel *queue = page->queueModel();
        QTRY_COMPARE(statesOf(queue, session), QStringList{QStringLiteral("failed")});
        QCOMPARE(queue->index(0, DeliveryQueueModel::ProviderColumn).data().toString(),
                 QStringLiteral("refusing-gateway"));
        QCOMPARE(queue->index(0, DeliveryQueueModel::StateColumn).data().toString(),
                 QStringLiteral("Failed"));
        QCOMPARE(queue->index(0, DeliveryQueueModel::LastErrorColumn).data().toString(),
                 QStringLiteral("number rejected by the test gateway"));
        QCOMPARE(queue->index(0, DeliveryQueueModel::AttemptsColumn).data().toString(),
                 QStringLiteral("1"));
        QCOMPARE(queue->index(0, DeliveryQueueModel::RecipientColumn).data().toString(),
                 QStringLiteral("+47****4567"));
        QCOMPARE(queue->index(0, DeliveryQueueModel::ChannelColumn).data().toString(),
                 QStringLiteral("Voice"));
        QVERIFY(child<QTabWidget>(page, "deliveryTabs")
                    ->tabText(1)
                    .contains(QStringLiteral("1 failed")));

        auto *retry = child<QPushButton>(page, "retryButton");
        QVERIFY(!retry->isEnabled()); // nothing selected
        child<QTableView>(page, "queueTable")->selectRow(0);
        QVERIFY(retry->isEnabled());

        // Within the cooldown the engine refuses, and the page says when to try again.
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(f.prompter.warnings.size(), 1);
        QVERIFY2(f.prompter.warnings.first().contains(QStringLiteral("Try again in 30 s")),
                 qPrintable(f.prompter.warnings.first()));
        QCOMPARE(f.engine->status(session)->resends, 0);

        // Asked, and answered no: nothing happens.
        f.engine.clock->advanceSeconds(30);
        f.prompter.confirmations.push_back(false);
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(f.engine->status(session)->resends, 0);

        // Past the cooldown: a new delivery by the same channel is queued and shown.
        const int asked = static_cast<int>(f.prompter.asked.size());
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(f.prompter.asked.size(), asked + 1);
        QCOMPARE(f.prompter.asked.last(), QStringLiteral("Retry delivery"));
        QCOMPARE(f.prompter.warnings.size(), 1);
        QCOMPARE(f.engine->status(session)->resends, 1);
        QTRY_COMPARE(statesOf(queue, session),
                     (QStringList{QStringLiteral("queued"), QStringLiteral("failed")}));
        QCOMPARE(queue->delivery(0)->channel, Channel::Voice);
        QVERIFY(child<QLabel>(page, "queueMessage")->text().contains(session));

        auto audit = f.engine->audit(AuditQuery{});
        QVERIFY(audit);
        QCOMPARE(audit->first().action, QStringLiteral("session.resend"));
        QCOMPARE(audit->first().actor, QStringLiteral("operator:ola"));

        // "Failed" shows only failed items.
        child<QComboBox>(page, "queueFilter")->setCurrentIndex(1);
        QTRY_COMPARE(statesOf(queue, session), QStringList{QStringLiteral("failed")});
    }

    void modelsPassTheTester()
    {
        ConsoleFixture f;
        auto *page = f.show<DeliveryPage>();
        QAbstractItemModelTester outboxTester(
            page->outboxModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester queueTester(
            page->queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto refusing = std::make_shared<RefusingProvider>();
        f.engine->addProvider(refusing, {Channel::Voice});

        // Rows arrive, change state, and go.
        const QString a =
            startSession(*f.engine.engine, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        const QString b =
            startSession(*f.engine.engine, QStringLiteral("voice"), QStringLiteral("+4791234568"));
        page->refresh();
        QTRY_COMPARE(page->queueModel()->rowCount(), 2);
        QVERIFY(f.engine->deliverDue());
        page->refresh();
        QTRY_COMPARE(page->outboxModel()->rowCount(), 1);
        QTRY_COMPARE(page->queueModel()->rowCount(), 1); // the failed voice call
        QCOMPARE(page->queueModel()->delivery(0)->sessionId, b);
        QCOMPARE(page->outboxModel()->entry(0)->sessionId, a);
        child<QComboBox>(page, "queueFilter")->setCurrentIndex(2); // sent
        QTRY_VERIFY(page->queueModel()->rowCount() == 1 &&
                    page->queueModel()->delivery(0)->sessionId == a);
        QVERIFY(
            page->queueModel()->index(0, DeliveryQueueModel::NextAttemptColumn).data().toString() ==
            QStringLiteral("—"));
        page->outboxModel()->setEntries({});
        page->queueModel()->setDeliveries({});
        QCOMPARE(page->outboxModel()->rowCount(), 0);
    }
    void providersAreConfiguredRoutedTestedAndRemoved()
    {
        SmsApi api;
        http::ServerOptions options;
        options.port = 0;
        options.eventThreads = 1;
        http::HttpServer server(options, api);
        QVERIFY(server.start());

        ConsoleFixture f;
        auto *page = f.show<DeliveryPage>();
        ProvidersPanel *panel = page->providersPanel();
        auto *tabs = child<QTabWidget>(page, "deliveryTabs");
        tabs->setCurrentWidget(panel);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Providers"));
        auto *message = child<QLabel>(panel, "providerMessage");

        // A new HTTP gateway: a bad URL is refused with the field named, nothing is stored.
        auto *kind = child<QComboBox>(panel, "providerKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("http")));
        child<QLineEdit>(panel, "providerName")->setText(QStringLiteral("cloud-sms"));
        auto *url = child<QLineEdit>(panel, "provider_url");
        url->setText(QStringLiteral("ftp://nowhere"));
        child<QLineEdit>(panel, "provider_token")->setText(QStringLiteral("tok-SECRET-99"));
        QTest::mouseClick(child<QPushButton>(panel, "saveProviderButton"), Qt::LeftButton);
        QVERIFY2(message->text().contains(QStringLiteral("URL")), qPrintable(message->text()));
        QVERIFY(f.engine->providerConfigs()->isEmpty());

        url->setText(QStringLiteral("http://127.0.0.1:%1/sms").arg(server.port()));
        QTest::mouseClick(child<QPushButton>(panel, "saveProviderButton"), Qt::LeftButton);
        auto configs = f.engine->providerConfigs();
        QCOMPARE(configs->size(), 1);
        QCOMPARE(configs->first().secretKeys, QStringList{QStringLiteral("token")});
        QCOMPARE(panel->currentName(), QStringLiteral("cloud-sms"));
        // The secret is not shown again, only that it is stored.
        auto *token = child<QLineEdit>(panel, "provider_token");
        QVERIFY(token->text().isEmpty());
        QVERIFY(token->placeholderText().contains(QStringLiteral("Stored")));
        QCOMPARE(child<QListWidget>(panel, "providerList")->count(), 1);

        // SMS for every service goes through it; the page says so.
        auto *sms = child<QComboBox>(panel, "route_sms");
        sms->setCurrentIndex(sms->findData(QStringLiteral("cloud-sms")));
        auto routes = f.engine->providerRoutes();
        QCOMPARE(routes->size(), 1);
        QCOMPARE(routes->first().provider, QStringLiteral("cloud-sms"));
        QVERIFY(routes->first().serviceId.isEmpty());
        QVERIFY(
            child<QLabel>(page, "providerNoteText")->text().contains(QStringLiteral("cloud-sms")));
        QVERIFY(!child<QComboBox>(panel, "route_email")->isEnabled()); // no e-mail provider yet

        // Send test reaches the gateway, off the GUI thread.
        QSignalSpy done(panel, &ProvidersPanel::actionFinished);
        child<QLineEdit>(panel, "testRecipient")->setText(QStringLiteral("+4791234567"));
        QTest::mouseClick(child<QPushButton>(panel, "sendTestButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY2(message->text().contains(QStringLiteral("accepted")), qPrintable(message->text()));
        QCOMPARE(api.bodies().size(), 1);
        QVERIFY(api.bodies().first().contains("+4791234567"));

        // In use, it cannot be removed; back on the outbox, it can (after a confirmation).
        QTest::mouseClick(child<QPushButton>(panel, "removeProviderButton"), Qt::LeftButton);
        QVERIFY2(message->text().contains(QStringLiteral("Not removed")),
                 qPrintable(message->text()));
        sms->setCurrentIndex(0);
        QVERIFY(f.engine->providerRoutes()->isEmpty());
        f.prompter.confirmations.push_back(false);
        QTest::mouseClick(child<QPushButton>(panel, "removeProviderButton"), Qt::LeftButton);
        QCOMPARE(f.engine->providerConfigs()->size(), 1);
        f.prompter.confirmations.push_back(true);
        QTest::mouseClick(child<QPushButton>(panel, "removeProviderButton"), Qt::LeftButton);
        QVERIFY(f.engine->providerConfigs()->isEmpty());
        QCOMPARE(child<QListWidget>(panel, "providerList")->count(), 0);
    }
};

QTEST_MAIN(TestDeliveryPage)
#include "tst_delivery.moc"
