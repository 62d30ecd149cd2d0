// Workflows: a start that lists channels in order moves to the next one with a new code when the
// code is not verified within the step's wait (a timer kept in the database, fired after a
// restart) or when the step's delivery fails; the last step's failure fails the session. Time is
// moved with the test's clock, never waited for.

#include "delivery/DeliveryProvider.h"
#include "support/TestEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace vc;
using namespace vc::test;

namespace {

// A gateway that refuses every message for good (an unknown number, say).
class RefusingProvider final : public DeliveryProvider
{
public:
    QString name() const override { return QStringLiteral("refusing"); }
    SendOutcome send(const OutgoingMessage &) override
    {
        return {SendOutcome::Kind::PermanentFailure, {}, QStringLiteral("number unknown")};
    }
};

StartRequest workflowStart(QList<WorkflowStepRequest> steps)
{
    StartRequest r = startRequest(QString(), QStringLiteral("+4791234567"));
    r.workflow = std::move(steps);
    r.callbackUrl = QStringLiteral("https://app.example/hooks");
    return r;
}

QList<SessionEvent> eventsOf(Engine &engine, const QString &id, const QString &type)
{
    QList<SessionEvent> out;
    if (auto all = engine.events(id))
        for (const SessionEvent &e : *all)
            if (e.type == type)
                out.append(e);
    return out;
}

QStringList webhookTypes(const TestEngine &t, const QString &id)
{
    QStringList out;
    for (const auto &row :
         RawDb(t.dbPath())
             .rows(QStringLiteral("SELECT event FROM webhooks WHERE session_id = ? ORDER BY id"),
                   {id}))
        out.append(row.at(0).toString());
    return out;
}

} // namespace

class TestWorkflows : public QObject
{
    Q_OBJECT

private slots:
    void nextStepFiresAfterTheWaitAlsoAfterARestart();
    void verifiedInTimeStopsTheWorkflow();
    void failedDeliveryMovesOnAndTheLastFailureFailsTheSession();
    void aFailedStepMovesOnAtOnceInTheBackground();
    void stepsAreChecked();
};

void TestWorkflows::nextStepFiresAfterTheWaitAlsoAfterARestart()
{
    TestEngine t;
    auto started = t->start(
        workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("voice"), std::nullopt}}));
    QVERIFY2(started, errorText(started).constData());
    QCOMPARE(started->channel, Channel::Sms);
    const QString id = started->sessionId;
    QVERIFY(t->deliverDue());
    const QString smsCode = receivedCode(*t.engine, id);
    QVERIFY(!smsCode.isEmpty());

    // Not yet due.
    t.clock->advanceSeconds(59);
    QCOMPARE(*t->advanceWorkflows(), 0);

    // Closed, time passes, a new engine's background sweep fires the step.
    t.engine.reset();
    t.clock->advanceSeconds(2);
    t.reopen();
    t->startBackgroundWork(50, 100);
    QTRY_COMPARE_WITH_TIMEOUT(t->status(id)->channel, Channel::Voice, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(t->outbox(id, 10)->size(), 2, 10'000);
    t->stopBackgroundWork();

    const auto failover = eventsOf(*t.engine, id, QStringLiteral("failover"));
    QCOMPARE(failover.size(), 1);
    QCOMPARE(failover[0].detail.value(QStringLiteral("from_channel")).toString(),
             QStringLiteral("sms"));
    QCOMPARE(failover[0].detail.value(QStringLiteral("to_channel")).toString(),
             QStringLiteral("voice"));
    QCOMPARE(failover[0].detail.value(QStringLiteral("reason")).toString(),
             QStringLiteral("timeout"));
    QVERIFY(webhookTypes(t, id).contains(QStringLiteral("session.failover")));
    auto session = t->status(id);
    QCOMPARE(session->resends, 0); // a workflow step is not a resend
    QCOMPARE(session->expiresAt, t.clock->nowMs() + 300'000);

    // The voice call carries a new code; the SMS code no longer works.
    const QString voiceCode = receivedCode(*t.engine, id);
    QVERIFY(!voiceCode.isEmpty());
    if (voiceCode != smsCode) // one in a million they are equal
        QCOMPARE(t->check({id, smsCode, {}})->error, QStringLiteral("invalid_code"));
    QVERIFY(t->check({id, voiceCode, {}})->verified());

    // The last step has no wait: nothing more fires.
    t.clock->advanceSeconds(3600);
    QCOMPARE(*t->advanceWorkflows(), 0);
}

void TestWorkflows::verifiedInTimeStopsTheWorkflow()
{
    TestEngine t;
    auto started = t->start(
        workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("voice"), std::nullopt}}));
    QVERIFY(started);
    QVERIFY(t->deliverDue());
    QVERIFY(t->check({started->sessionId, receivedCode(*t.engine, started->sessionId), {}})
                ->verified());
    t.clock->advanceSeconds(61);
    QCOMPARE(*t->advanceWorkflows(), 0);
    QCOMPARE(t->status(started->sessionId)->channel, Channel::Sms);
    QVERIFY(eventsOf(*t.engine, started->sessionId, QStringLiteral("failover")).isEmpty());
}

void TestWorkflows::failedDeliveryMovesOnAndTheLastFailureFailsTheSession()
{
    TestEngine t;
    t->addProvider(std::make_shared<RefusingProvider>(), {Channel::Sms, Channel::Voice});
    auto started = t->start(workflowStart({{QStringLiteral("sms"), 120},
                                           {QStringLiteral("voice"), 120},
                                           {QStringLiteral("sms"), std::nullopt}}));
    QVERIFY(started);
    const QString id = started->sessionId;

    // Step 1 fails at once: step 2 takes over without waiting the 120 s.
    QVERIFY(t->deliverDue());
    QCOMPARE(*t->advanceWorkflows(), 1);
    QCOMPARE(t->status(id)->channel, Channel::Voice);
    auto failover = eventsOf(*t.engine, id, QStringLiteral("failover"));
    QCOMPARE(failover.last().detail.value(QStringLiteral("reason")).toString(),
             QStringLiteral("delivery_failed"));

    QVERIFY(t->deliverDue());
    QCOMPARE(*t->advanceWorkflows(), 1);
    QCOMPARE(t->status(id)->channel, Channel::Sms);
    QCOMPARE(t->status(id)->status, SessionStatus::Pending);

    // The last step fails too: nothing is left, the session fails.
    QVERIFY(t->deliverDue());
    QCOMPARE(*t->advanceWorkflows(), 1);
    QCOMPARE(t->status(id)->status, SessionStatus::Failed);
    QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("failover")).size(), 2);
    QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("delivery_failed")).size(), 3);
    QCOMPARE(webhookTypes(t, id),
             (QStringList{QStringLiteral("session.failover"), QStringLiteral("session.failover"),
                          QStringLiteral("session.failed")}));
    QCOMPARE(*t->advanceWorkflows(), 0);
}

void TestWorkflows::aFailedStepMovesOnAtOnceInTheBackground()
{
    // With the background work running, a step whose delivery fails for good hands over to the
    // next without waiting for the sweep (ten minutes apart here): the end user gets the call
    // while still looking at the screen.
    TestEngine t;
    t->addProvider(std::make_shared<RefusingProvider>(), {Channel::Sms, Channel::Voice});
    t->startBackgroundWork(50, 600'000);
    auto started = t->start(workflowStart({{QStringLiteral("sms"), 120},
                                           {QStringLiteral("voice"), 120},
                                           {QStringLiteral("sms"), std::nullopt}}));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    // Nobody calls deliverDue() or advanceWorkflows(); the clock does not move.
    QTRY_COMPARE_WITH_TIMEOUT(t->status(id)->status, SessionStatus::Failed, 10'000);
    t->stopBackgroundWork();
    QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("failover")).size(), 2);
    QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("delivery_failed")).size(), 3);
}

void TestWorkflows::stepsAreChecked()
{
    TestEngine t;
    const auto field = [&](StartRequest r) {
        auto s = t->start(r);
        return s ? QStringLiteral("(accepted)") : s.error().field;
    };
    const std::optional<int> none;
    // A phone number cannot receive e-mail.
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("email"), none}})),
             QStringLiteral("workflow[1].channel"));
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("fax"), none}})),
             QStringLiteral("workflow[1].channel"));
    // Every step but the last needs a wait of 10 s up to the code's validity.
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), none}, {QStringLiteral("voice"), none}})),
             QStringLiteral("workflow[0].wait_seconds"));
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 9}, {QStringLiteral("voice"), none}})),
             QStringLiteral("workflow[0].wait_seconds"));
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 300}, {QStringLiteral("voice"), none}})),
             QStringLiteral("workflow[0].wait_seconds"));
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("voice"), 5000}})),
             QStringLiteral("workflow[1].wait_seconds"));
    // A landline takes a voice step but no SMS step (the service sends SMS to mobiles only).
    StartRequest landline =
        workflowStart({{QStringLiteral("voice"), 60}, {QStringLiteral("sms"), none}});
    landline.recipient = QStringLiteral("+4722123456");
    QCOMPARE(field(landline), QStringLiteral("workflow[1].channel"));
    landline.workflow = {{QStringLiteral("voice"), std::optional<int>(60)},
                         {QStringLiteral("voice"), none}};
    QCOMPARE(field(landline), QStringLiteral("(accepted)"));
    QList<WorkflowStepRequest> six(6, {QStringLiteral("sms"), 60});
    QCOMPARE(field(workflowStart(six)), QStringLiteral("workflow"));
    // The top-level channel, when given, is the first step's.
    StartRequest mismatch =
        workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("voice"), none}});
    mismatch.channel = QStringLiteral("voice");
    QCOMPARE(field(mismatch), QStringLiteral("channel"));
    // A disabled channel.
    QVERIFY(t->updateService(QStringLiteral("default"),
                             {{QStringLiteral("channels"), QJsonArray{QStringLiteral("sms")}}},
                             kAdmin));
    QCOMPARE(field(workflowStart({{QStringLiteral("sms"), 60}, {QStringLiteral("voice"), none}})),
             QStringLiteral("workflow[1].channel"));
    // Nothing refused was started: the one message queued is the landline's voice workflow.
    QCOMPARE(*t->deliveryQueueDepth(), 1);
}

QTEST_GUILESS_MAIN(TestWorkflows)
#include "tst_workflows.moc"
