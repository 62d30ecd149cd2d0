// The delivery queue: a crash between commit and send, or between claim and send, loses no
// message and sends none twice; temporary failures are retried with backoff until the session's
// time is up; permanent failures fail at once; a resend replaces the queued job; sent messages
// are erased from the queue; the background worker delivers and sweeps without being asked.

#include "delivery/DeliveryProvider.h"
#include "delivery/DeliveryWorker.h"
#include "support/TestEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

using namespace vc;
using namespace vc::test;

namespace {

Actor tester()
{
    return {QStringLiteral("test"), QStringLiteral("tester")};
}

QString helperBinary()
{
    const QString dir = qEnvironmentVariable("VC_TEST_BINARY_DIR");
    if (!dir.isEmpty())
        return dir + QStringLiteral("/tests/integration/vc_test_process");
    return QCoreApplication::applicationDirPath() + QStringLiteral("/vc_test_process");
}

// A test double for the provider interface (the real gateways come with their own tests; the
// local outbox cannot fail): fails `failures` times with `failureKind` (-1: always), then
// delivers. Remembers what each call was given, and the code of the last message it delivered.
class ScriptedProvider final : public DeliveryProvider
{
public:
    struct Call
    {
        qint64 deliveryId = 0;
        int attempt = 0;
        QString idempotencyKey;
        bool hadRecipient = false;
    };

    ScriptedProvider(SendOutcome::Kind failureKind, int failures)
        : m_failureKind(failureKind)
        , m_failures(failures)
    {}

    QString name() const override { return QStringLiteral("scripted"); }

    SendOutcome send(const OutgoingMessage &m) override
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append({m.deliveryId, m.attempt, m.idempotencyKey, !m.recipient.isEmpty()});
        if (m_failures < 0 || m_calls.size() <= m_failures)
            return {m_failureKind, {}, QStringLiteral("gateway unavailable (test)")};
        static const QRegularExpression digits(QStringLiteral("\\b([0-9]{4,10})\\b"));
        m_deliveredCode = digits.match(m.message.text).captured(1);
        return {SendOutcome::Kind::Delivered, QStringLiteral("scripted-%1").arg(m.deliveryId), {}};
    }

    QList<Call> calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    QString deliveredCode() const
    {
        QMutexLocker lock(&m_mutex);
        return m_deliveredCode;
    }

private:
    const SendOutcome::Kind m_failureKind;
    const int m_failures;
    mutable QMutex m_mutex;
    QList<Call> m_calls;
    QString m_deliveredCode;
};

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QStringList eventTypes(const RawDb &raw, const QString &sessionId)
{
    QStringList types;
    for (const auto &row : raw.rows(QStringLiteral("SELECT type FROM session_events WHERE "
                                                   "session_id = ? ORDER BY id"),
                                    {sessionId}))
        types.append(row[0].toString());
    return types;
}

// The detail of the session's most recent event of `type`.
QJsonObject lastEvent(const RawDb &raw, const QString &sessionId, const QString &type)
{
    return jsonObject(raw.scalar(QStringLiteral("SELECT detail FROM session_events WHERE "
                                                "session_id = ? AND type = ? ORDER BY id DESC "
                                                "LIMIT 1"),
                                 {sessionId, type}));
}

QString sessionStatus(const RawDb &raw, const QString &sessionId)
{
    return raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {sessionId})
        .toString();
}

struct Job
{
    qint64 id = 0;
    QString state;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    bool hasPayload = false;
    QString lastError;
    QString providerMessageId;
};

QList<Job> jobs(const RawDb &raw, const QString &sessionId)
{
    QList<Job> out;
    for (const auto &r : raw.rows(QStringLiteral("SELECT id, state, attempts, next_attempt_at, "
                                                 "payload_sealed IS NOT NULL, last_error, "
                                                 "provider_message_id FROM deliveries WHERE "
                                                 "session_id = ? ORDER BY id"),
                                  {sessionId}))
        out.append({r[0].toLongLong(), r[1].toString(), r[2].toInt(), r[3].toLongLong(),
                    r[4].toBool(), r[5].toString(), r[6].toString()});
    return out;
}

int outboxCount(const RawDb &raw, const QString &sessionId)
{
    return raw
        .scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages WHERE session_id = ?"),
                {sessionId})
        .toInt();
}

// Messages that left the queue (sent, given up, replaced) must not stay there, even encrypted.
int finishedJobsWithPayload(const RawDb &raw)
{
    return raw
        .scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state IN ('sent', "
                               "'failed', 'cancelled') AND payload_sealed IS NOT NULL"))
        .toInt();
}

// deliverDue() on the test's thread: how many jobs it handled, or -1 (and a warning) on error.
int deliver(TestEngine &te)
{
    auto n = te->deliverDue();
    if (!n) {
        qWarning("deliverDue failed: %s", errorText(n).constData());
        return -1;
    }
    return *n;
}

qint64 realNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The delivery log's lines while it lives (Qt's handler still prints them).
class DeliveryLog
{
public:
    DeliveryLog() { s_previous = qInstallMessageHandler(&DeliveryLog::handle); }
    ~DeliveryLog() { qInstallMessageHandler(s_previous); }
    static QStringList lines()
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        if (context.category && qstrcmp(context.category, "verify.delivery") == 0) {
            QMutexLocker lock(&s_mutex);
            s_lines.append(text);
        }
        s_previous(type, context, text);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QStringList s_lines;
};

} // namespace

class TestEngineDelivery : public QObject
{
    Q_OBJECT

private slots:
    void crashBetweenCommitAndSendLosesNoDelivery();
    void jobOfAWorkerKilledAfterClaimingIsSentOnceAfterTheLease();
    void temporaryFailuresAreRetriedWithBackoffUntilDelivered();
    void retriesStopBeforeExpiryAndTheSessionFailsThen();
    void aRetryDueAfterExpiryIsNotSentAndTheSessionFails();
    void permanentFailureIsNotRetriedAndTheSessionFailsAtExpiry();
    void resendCancelsTheQueuedJobAndSentMessagesAreErased();
    void retryDelayBounds();
    void backgroundWorkerDeliversAndSweeps();
    void wakesWhileAPassIsQueuedJoinIt();
    void aMessageIsLoggedAsSentOnlyOnceItsRecordIsCommitted();
};

void TestEngineDelivery::crashBetweenCommitAndSendLosesNoDelivery()
{
    TestEngine te;
    // The helper runs on the system clock; this engine's time must agree with it.
    te.clock->setMs(realNow());

    QProcess p;
    p.start(helperBinary(),
            {QStringLiteral("start-and-die"), te.dir.path(), QStringLiteral("+4791234567")});
    QVERIFY2(p.waitForFinished(60000), "the helper did not finish in 60 s");
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::CrashExit, err.constData());
    const QString id = QString::fromUtf8(p.readAllStandardOutput().trimmed());
    QCOMPARE(id.size(), 36);

    {
        RawDb raw(te.dbPath());
        QCOMPARE(sessionStatus(raw, id), QStringLiteral("pending"));
        QCOMPARE(eventTypes(raw, id),
                 (QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                              QStringLiteral("queued")}));
        const QList<Job> queued = jobs(raw, id);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0].state, QStringLiteral("queued"));
        QCOMPARE(queued[0].attempts, 0);
        QVERIFY(queued[0].hasPayload);
        QCOMPARE(outboxCount(raw, id), 0);
    }

    // A fresh engine (the restarted service) finds the job and sends it.
    te.reopen();
    te.clock->setMs(realNow());
    QCOMPARE(deliver(te), 1);

    RawDb raw(te.dbPath());
    QCOMPARE(outboxCount(raw, id), 1);
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("delivered"));
    const QStringList types = eventTypes(raw, id);
    QCOMPARE(types, (QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                                 QStringLiteral("queued"), QStringLiteral("sent"),
                                 QStringLiteral("delivered")}));
    const QList<Job> done = jobs(raw, id);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].state, QStringLiteral("sent"));
    QVERIFY(!done[0].hasPayload);

    // The message that survived the crash carries the session's code.
    const QString code = receivedCode(*te.engine, id);
    QCOMPARE(code.size(), 6);
    auto checked = te->check({id, code, tester()});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());

    // Nothing is left to send, and nothing is sent twice.
    QCOMPARE(deliver(te), 0);
    QCOMPARE(outboxCount(raw, id), 1);
}

void TestEngineDelivery::jobOfAWorkerKilledAfterClaimingIsSentOnceAfterTheLease()
{
    TestEngine te;
    te.clock->setMs(realNow());
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;

    QProcess p;
    p.start(helperBinary(), {QStringLiteral("claim-and-die"), te.dir.path()});
    QVERIFY2(p.waitForFinished(60000), "the helper did not finish in 60 s");
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::CrashExit, err.constData());
    const QJsonObject claim = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
    QCOMPARE(claim.value(QStringLiteral("claimed")).toArray().size(), 1);
    const qint64 claimedAt = claim.value(QStringLiteral("now")).toInteger();
    const qint64 leaseEnd = claimedAt + DeliveryWorker::LeaseMs;

    RawDb raw(te.dbPath());
    QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].id, claim.value(QStringLiteral("claimed")).toArray().at(0).toInteger());
    QCOMPARE(j[0].state, QStringLiteral("sending"));
    QCOMPARE(j[0].attempts, 1);
    QCOMPARE(j[0].nextAttemptAt, leaseEnd);

    // A restarted worker leaves the job alone while the dead worker's lease lasts.
    te.reopen();
    te.clock->setMs(leaseEnd - 1);
    QCOMPARE(deliver(te), 0);
    QCOMPARE(outboxCount(raw, id), 0);
    QCOMPARE(jobs(raw, id)[0].state, QStringLiteral("sending"));

    // After it, the job is due again and is sent exactly once.
    te.clock->setMs(realNow() + 61'000);
    QVERIFY(te.clock->nowMs() > leaseEnd);
    QCOMPARE(deliver(te), 1);
    QCOMPARE(deliver(te), 0);

    QCOMPARE(outboxCount(raw, id), 1);
    j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("sent"));
    QCOMPARE(j[0].attempts, 2);
    QVERIFY(!j[0].hasPayload);
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("delivered"));
    QCOMPARE(eventTypes(raw, id).count(QStringLiteral("sent")), 1);
}

void TestEngineDelivery::temporaryFailuresAreRetriedWithBackoffUntilDelivered()
{
    TestEngine te;
    auto provider = std::make_shared<ScriptedProvider>(SendOutcome::Kind::TemporaryFailure, 2);
    te->addProvider(provider, {Channel::Sms});
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    RawDb raw(te.dbPath());

    // First attempt: fails, and the job waits for its retry.
    QCOMPARE(deliver(te), 1);
    QCOMPARE(provider->calls().size(), 1);
    QJsonObject failed = lastEvent(raw, id, QStringLiteral("delivery_failed"));
    QCOMPARE(failed.value(QStringLiteral("will_retry")).toBool(), true);
    QCOMPARE(failed.value(QStringLiteral("attempt")).toInt(), 1);
    QCOMPARE(failed.value(QStringLiteral("provider")).toString(), QStringLiteral("scripted"));
    const qint64 retry1 = failed.value(QStringLiteral("retry_at")).toInteger();
    QVERIFY2(retry1 >= kT0 + 2000 && retry1 <= kT0 + 2400,
             qPrintable(QStringLiteral("first retry %1 ms after the attempt").arg(retry1 - kT0)));
    QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("queued"));
    QCOMPARE(j[0].nextAttemptAt, retry1);
    QCOMPARE(j[0].attempts, 1);
    QVERIFY(j[0].hasPayload);
    QCOMPARE(j[0].lastError, QStringLiteral("gateway unavailable (test)"));
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("pending"));

    // Not before its time.
    QCOMPARE(deliver(te), 0);
    te.clock->setMs(retry1 - 1);
    QCOMPARE(deliver(te), 0);
    QCOMPARE(provider->calls().size(), 1);

    // Second attempt at retry_at: fails again, with a longer wait.
    te.clock->setMs(retry1);
    QCOMPARE(deliver(te), 1);
    QCOMPARE(provider->calls().size(), 2);
    failed = lastEvent(raw, id, QStringLiteral("delivery_failed"));
    QCOMPARE(failed.value(QStringLiteral("will_retry")).toBool(), true);
    QCOMPARE(failed.value(QStringLiteral("attempt")).toInt(), 2);
    const qint64 retry2 = failed.value(QStringLiteral("retry_at")).toInteger();
    QVERIFY2(
        retry2 - retry1 >= 4000 && retry2 - retry1 <= 4800,
        qPrintable(QStringLiteral("second retry %1 ms after the attempt").arg(retry2 - retry1)));
    QCOMPARE(jobs(raw, id)[0].nextAttemptAt, retry2);

    // Third attempt: delivered.
    te.clock->setMs(retry2);
    QCOMPARE(deliver(te), 1);
    const QList<ScriptedProvider::Call> calls = provider->calls();
    QCOMPARE(calls.size(), 3);
    for (int i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].attempt, i + 1);
        QCOMPARE(calls[i].deliveryId, j[0].id);
        QCOMPARE(calls[i].idempotencyKey, calls[0].idempotencyKey);
        QVERIFY(calls[i].hadRecipient);
    }
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("delivered"));
    QStringList types = eventTypes(raw, id);
    QCOMPARE(types.count(QStringLiteral("delivery_failed")), 2);
    QCOMPARE(types.mid(types.size() - 2),
             (QStringList{QStringLiteral("sent"), QStringLiteral("delivered")}));
    j = jobs(raw, id);
    QCOMPARE(j[0].state, QStringLiteral("sent"));
    QCOMPARE(j[0].attempts, 3);
    QVERIFY(!j[0].hasPayload);
    QCOMPARE(j[0].providerMessageId, QStringLiteral("scripted-%1").arg(j[0].id));
    QCOMPARE(deliver(te), 0);

    auto stats = te->stats({kT0 - 3'600'000, 0, {}});
    QVERIFY2(stats, errorText(stats).constData());
    QCOMPARE(stats->deliveryFailures, qint64(2));

    // The message that finally went out carries the session's code.
    auto checked = te->check({id, provider->deliveredCode(), tester()});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

void TestEngineDelivery::retriesStopBeforeExpiryAndTheSessionFailsThen()
{
    TestEngine te;
    auto provider = std::make_shared<ScriptedProvider>(SendOutcome::Kind::TemporaryFailure, -1);
    te->addProvider(provider, {Channel::Sms});
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    const qint64 expiresAt = started->expiresAt;
    RawDb raw(te.dbPath());

    // Follow the retries: each attempt happens at its retry_at, each retry_at lies before the
    // expiry, and the waits grow.
    int attempts = 0;
    qint64 previousWait = 0;
    for (;;) {
        QVERIFY2(attempts < 30, "the retries did not stop");
        const qint64 attemptAt = te.clock->nowMs();
        QCOMPARE(deliver(te), 1);
        ++attempts;
        QCOMPARE(provider->calls().size(), attempts);
        const QJsonObject failed = lastEvent(raw, id, QStringLiteral("delivery_failed"));
        QCOMPARE(failed.value(QStringLiteral("attempt")).toInt(), attempts);
        if (!failed.value(QStringLiteral("will_retry")).toBool()) {
            QVERIFY(!failed.contains(QStringLiteral("retry_at")));
            break;
        }
        const qint64 retryAt = failed.value(QStringLiteral("retry_at")).toInteger();
        QVERIFY(retryAt < expiresAt);
        QVERIFY(retryAt - attemptAt > previousWait);
        previousWait = retryAt - attemptAt;
        QCOMPARE(sessionStatus(raw, id), QStringLiteral("pending"));
        te.clock->setMs(retryAt);
    }
    // 2+4+...+128 s of waits fit in the 300 s TTL, so several attempts were made; the last one
    // happened before the expiry.
    QVERIFY2(attempts >= 5, qPrintable(QStringLiteral("only %1 attempts").arg(attempts)));
    QVERIFY(te.clock->nowMs() < expiresAt);

    const QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("failed"));
    QCOMPARE(j[0].attempts, attempts);
    QVERIFY(!j[0].hasPayload);
    // The session stays open until its time is up (it could still be resent, e.g. by voice)...
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("pending"));
    QCOMPARE(eventTypes(raw, id).count(QStringLiteral("failed")), 0);
    // ...and then ends failed, not expired: no message of it ever got out.
    te.clock->setMs(expiresAt);
    auto ended = te->status(id);
    QVERIFY2(ended, errorText(ended).constData());
    QCOMPARE(ended->status, SessionStatus::Failed);
    QCOMPARE(ended->finishedAt, std::optional<qint64>(expiresAt));
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("failed"));
    const QStringList types = eventTypes(raw, id);
    QCOMPARE(types.count(QStringLiteral("failed")), 1);
    QCOMPARE(types.last(), QStringLiteral("failed"));
    QCOMPARE(types.count(QStringLiteral("expired")), 0);
    QCOMPARE(lastEvent(raw, id, QStringLiteral("failed")).value(QStringLiteral("reason")),
             QJsonValue(QStringLiteral("delivery_failed")));

    auto stats = te->stats({kT0 - 3'600'000, 0, {}});
    QVERIFY2(stats, errorText(stats).constData());
    QCOMPARE(stats->deliveryFailures, qint64(attempts));
    QCOMPARE(stats->byStatus.value(SessionStatus::Failed), qint64(1));

    // Past the TTL nothing more is tried, and the session stays failed.
    te.clock->setMs(expiresAt + 60'000);
    QCOMPARE(deliver(te), 0);
    QCOMPARE(provider->calls().size(), attempts);
    auto status = te->status(id);
    QVERIFY2(status, errorText(status).constData());
    QCOMPARE(status->status, SessionStatus::Failed);
}

void TestEngineDelivery::aRetryDueAfterExpiryIsNotSentAndTheSessionFails()
{
    TestEngine te;
    auto provider = std::make_shared<ScriptedProvider>(SendOutcome::Kind::TemporaryFailure, -1);
    te->addProvider(provider, {Channel::Sms});
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    RawDb raw(te.dbPath());

    QCOMPARE(deliver(te), 1);
    QVERIFY(lastEvent(raw, id, QStringLiteral("delivery_failed"))
                .value(QStringLiteral("will_retry"))
                .toBool());

    // The worker was away until after the expiry: the job it finds due is not sent and is
    // cancelled; the session ends failed (its only attempt to send failed; nothing got out).
    te.clock->setMs(started->expiresAt + 1000);
    QCOMPARE(deliver(te), 1);
    QCOMPARE(provider->calls().size(), 1);
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("failed"));
    const QStringList types = eventTypes(raw, id);
    QCOMPARE(types.last(), QStringLiteral("failed"));
    QCOMPARE(types.count(QStringLiteral("expired")), 0);
    const QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("cancelled"));
    QVERIFY(!j[0].hasPayload);
    QCOMPARE(deliver(te), 0);
}

void TestEngineDelivery::permanentFailureIsNotRetriedAndTheSessionFailsAtExpiry()
{
    TestEngine te;
    auto provider = std::make_shared<ScriptedProvider>(SendOutcome::Kind::PermanentFailure, -1);
    te->addProvider(provider, {Channel::Sms});
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    RawDb raw(te.dbPath());

    QCOMPARE(deliver(te), 1);
    QCOMPARE(provider->calls().size(), 1);
    const QJsonObject failed = lastEvent(raw, id, QStringLiteral("delivery_failed"));
    QCOMPARE(failed.value(QStringLiteral("will_retry")).toBool(true), false);
    QVERIFY(!failed.contains(QStringLiteral("retry_at")));
    QCOMPARE(failed.value(QStringLiteral("error")).toString(),
             QStringLiteral("gateway unavailable (test)"));

    const QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("failed"));
    QCOMPARE(j[0].attempts, 1);
    QVERIFY(!j[0].hasPayload);
    // Open until its time is up (a resend by another channel is still possible)...
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("pending"));

    // ...no retry, however long one waits...
    for (int minutes : {1, 5, 60}) {
        te.clock->setMs(kT0 + minutes * 60'000);
        QCOMPARE(deliver(te), 0);
    }
    QCOMPARE(provider->calls().size(), 1);
    // ...and once its time is up it has failed (the sweep or any access records it).
    QVERIFY(te->sweepExpired());
    QCOMPARE(sessionStatus(raw, id), QStringLiteral("failed"));
    QCOMPARE(lastEvent(raw, id, QStringLiteral("failed")).value(QStringLiteral("reason")),
             QJsonValue(QStringLiteral("delivery_failed")));

    auto stats = te->stats({kT0 - 3'600'000, 0, {}});
    QVERIFY2(stats, errorText(stats).constData());
    QCOMPARE(stats->deliveryFailures, qint64(1));
    QCOMPARE(stats->byStatus.value(SessionStatus::Failed), qint64(1));
}

void TestEngineDelivery::resendCancelsTheQueuedJobAndSentMessagesAreErased()
{
    TestEngine te;
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    RawDb raw(te.dbPath());
    QList<Job> j = jobs(raw, id);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].state, QStringLiteral("queued"));
    QVERIFY(j[0].hasPayload);
    const qint64 first = j[0].id;

    te.clock->advanceSeconds(30); // the default resend cooldown
    auto resent = te->resend({id, {}, tester()});
    QVERIFY2(resent, errorText(resent).constData());
    QCOMPARE(resent->resends, 1);

    j = jobs(raw, id);
    QCOMPARE(j.size(), 2);
    QCOMPARE(j[0].id, first);
    QCOMPARE(j[0].state, QStringLiteral("cancelled"));
    QVERIFY(!j[0].hasPayload);
    QCOMPARE(j[1].state, QStringLiteral("queued"));
    QVERIFY(j[1].hasPayload);
    const qint64 second = j[1].id;
    QCOMPARE(lastEvent(raw, id, QStringLiteral("resent"))
                 .value(QStringLiteral("delivery_id"))
                 .toInteger(),
             second);

    // Only the new job is sent; its message is erased from the queue once sent.
    QCOMPARE(deliver(te), 1);
    QCOMPARE(deliver(te), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT delivery_id FROM outbox_messages WHERE "
                                       "session_id = ?"),
                        {id})
                 .toLongLong(),
             second);
    QCOMPARE(outboxCount(raw, id), 1);
    j = jobs(raw, id);
    QCOMPARE(j[0].state, QStringLiteral("cancelled"));
    QCOMPARE(j[1].state, QStringLiteral("sent"));
    QVERIFY(!j[1].hasPayload);
    QCOMPARE(finishedJobsWithPayload(raw), 0);

    // The delivered (new) code is the one that works.
    auto checked = te->check({id, receivedCode(*te.engine, id), tester()});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

void TestEngineDelivery::retryDelayBounds()
{
    constexpr int Samples = 200;
    // The wait before retry 1, 2, ...: 2 s doubling, capped at 5 minutes; jitter adds up to
    // 20 % on top.
    const QList<qint64> bases{2000,    4000,    8000,    16'000,  32'000,  64'000,
                              128'000, 256'000, 300'000, 300'000, 300'000, 300'000};
    qint64 previousMax = 0;
    for (int attempt = 1; attempt <= bases.size(); ++attempt) {
        qint64 lo = std::numeric_limits<qint64>::max(), hi = 0;
        QSet<qint64> distinct;
        for (int i = 0; i < Samples; ++i) {
            const qint64 d = DeliveryWorker::retryDelayMs(attempt);
            lo = qMin(lo, d);
            hi = qMax(hi, d);
            distinct.insert(d);
        }
        const qint64 b = bases.at(attempt - 1);
        QVERIFY2(lo >= b && hi <= b + b / 5,
                 qPrintable(QStringLiteral("attempt %1: delays %2..%3 ms, expected %4..%5")
                                .arg(attempt)
                                .arg(lo)
                                .arg(hi)
                                .arg(b)
                                .arg(b + b / 5)));
        if (attempt == 1)
            QVERIFY(lo >= 2000 && hi <= 2400);
        // Until the cap, every wait is longer than any wait of the attempt before.
        if (attempt > 1 && b < 300'000)
            QVERIFY2(lo > previousMax, qPrintable(QStringLiteral("attempt %1").arg(attempt)));
        // The jitter is real: retries of many jobs do not line up.
        QVERIFY2(distinct.size() > 1, qPrintable(QStringLiteral("attempt %1").arg(attempt)));
        previousMax = hi;
    }
    // The cap holds for any attempt number.
    for (int attempt : {9, 10, 21, 50, 1000, std::numeric_limits<int>::max()}) {
        for (int i = 0; i < Samples; ++i) {
            const qint64 d = DeliveryWorker::retryDelayMs(attempt);
            QVERIFY2(d >= 300'000 && d <= 360'000,
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(d)));
        }
    }
}

void TestEngineDelivery::wakesWhileAPassIsQueuedJoinIt()
{
    // Every start wakes the delivery worker. While the worker is busy (here: waiting for the
    // write lock another process holds), hundreds of wakes must add one pass, not one each:
    // each pass costs write units even when it finds nothing.
    TestEngine te;
    RawDb raw(te.dbPath());
    te->startBackgroundWork(600000, 600000); // no polling or sweeping during the test
    auto started = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568")));
    QVERIFY2(started, errorText(started).constData());
    QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(raw, started->sessionId), QStringLiteral("delivered"),
                              10000);

    const Engine::CommitCounts before = te->commitCounts();
    RawDb blocker(te.dbPath());
    blocker.exec(QStringLiteral("BEGIN IMMEDIATE"));
    constexpr int kWakes = 500;
    for (int i = 0; i < kWakes; ++i)
        emit te->deliveryQueued(started->sessionId);
    QTest::qWait(200);
    blocker.exec(QStringLiteral("ROLLBACK"));

    // Wait until the worker is done: the write count stays still for a while.
    quint64 writes = 0;
    const QDeadlineTimer deadline(10000);
    for (;;) {
        QTest::qWait(300);
        const quint64 now = te->commitCounts().writes;
        if (now == writes || deadline.hasExpired())
            break;
        writes = now;
    }
    te->stopBackgroundWork();
    const quint64 added = te->commitCounts().writes - before.writes;
    // Two passes (the one that waited, and one for all the wakes meanwhile), each a few units;
    // a pass per wake would be well over a thousand.
    QVERIFY2(added <= 12,
             qPrintable(QStringLiteral("%1 write units for %2 wakes").arg(added).arg(kWakes)));
    QVERIFY(added >= 1);
}

void TestEngineDelivery::aMessageIsLoggedAsSentOnlyOnceItsRecordIsCommitted()
{
    TestEngine te;
    RawDb raw(te.dbPath());
    DeliveryLog log;
    const auto sentLines = [](const QString &sessionId) {
        return DeliveryLog::lines()
            .filter(QStringLiteral("session %1 ").arg(sessionId))
            .filter(QStringLiteral(" sent via "));
    };
    auto first = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(first, errorText(first).constData());
    QCOMPARE(deliver(te), 1);
    QCOMPARE(sentLines(first->sessionId),
             QStringList(QStringLiteral("session %1 sms to +47****4567 sent via local_outbox")
                             .arg(first->sessionId)));

    // The group this delivery is recorded in cannot commit (its statistics have nowhere to go),
    // so it is rolled back whole: the message is not in the outbox and must not be logged as
    // sent.
    auto second = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568")));
    QVERIFY2(second, errorText(second).constData());
    raw.exec(QStringLiteral("DROP TABLE stats_hourly_events"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^deliverDue failed")));
    QCOMPARE(deliver(te), -1);
    QCOMPARE(outboxCount(raw, second->sessionId), 0);
    QCOMPARE(sessionStatus(raw, second->sessionId), QStringLiteral("pending"));
    QCOMPARE(sentLines(second->sessionId), QStringList());
}

void TestEngineDelivery::backgroundWorkerDeliversAndSweeps()
{
    // Starting and stopping the worker thread must be clean: Qt warns when a timer is touched
    // from a thread it does not belong to.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("another thread")));
    TestEngine te;
    RawDb raw(te.dbPath());
    te->startBackgroundWork(50, 100);

    auto first = te->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(first, errorText(first).constData());
    // Nobody calls deliverDue(): the worker sends it.
    QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(raw, first->sessionId), QStringLiteral("delivered"),
                              10000);
    QCOMPARE(outboxCount(raw, first->sessionId), 1);

    te.clock->advanceSeconds(120);
    auto second =
        te->start(startRequest(QStringLiteral("email"), QStringLiteral("someone@example.com")));
    QVERIFY2(second, errorText(second).constData());
    QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(raw, second->sessionId), QStringLiteral("delivered"),
                              10000);

    // Time passes beyond the first expiry only: the sweep expires that session, without anyone
    // asking for its status, and leaves the other one alone.
    te.clock->setMs(first->expiresAt + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(raw, first->sessionId), QStringLiteral("expired"),
                              10000);
    QCOMPARE(sessionStatus(raw, second->sessionId), QStringLiteral("delivered"));
    te.clock->setMs(second->expiresAt + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(raw, second->sessionId), QStringLiteral("expired"),
                              10000);
    te->stopBackgroundWork();

    for (const QString &s : {first->sessionId, second->sessionId}) {
        const QStringList types = eventTypes(raw, s);
        QCOMPARE(types.count(QStringLiteral("expired")), 1);
        QCOMPARE(types.last(), QStringLiteral("expired"));
    }
}

QTEST_GUILESS_MAIN(TestEngineDelivery)
#include "tst_engine_delivery.moc"
