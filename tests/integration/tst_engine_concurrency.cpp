// Counters under concurrency: parallel wrong checks count exactly, within one process and across
// processes on one database file; a code verifies once however many callers race with it; and
// parallel starts each write exactly their own session, events and delivery job.

#include "support/TestEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <latch>
#include <memory>
#include <thread>
#include <vector>

using namespace vc;
using namespace vc::test;

namespace {

constexpr int kMaxAttempts = 5; // the default service's limit

Actor tester()
{
    return {QStringLiteral("test"), QStringLiteral("tester")};
}

// A code of the same length that is certainly not `code`.
QString wrongCodeFor(const QString &code)
{
    QString wrong = code;
    const int last = wrong.back().digitValue();
    wrong.back() = QChar(char16_t(u'0' + (last + 1) % 10));
    return wrong;
}

QString helperBinary()
{
    const QString dir = qEnvironmentVariable("VC_TEST_BINARY_DIR");
    if (!dir.isEmpty())
        return dir + QStringLiteral("/tests/integration/vc_test_process");
    return QCoreApplication::applicationDirPath() + QStringLiteral("/vc_test_process");
}

// What a batch of checks returned: results by kind (the error string, or "verified"), the
// attempts_remaining of each invalid_code result, and calls that returned an Error.
struct Tally
{
    QMap<QString, int> kinds;
    QList<int> invalidRemaining;
    int errors = 0;
    QStringList errorMessages;
    int total() const
    {
        int n = errors;
        for (int v : kinds)
            n += v;
        return n;
    }
    void add(const Tally &o)
    {
        for (auto it = o.kinds.cbegin(); it != o.kinds.cend(); ++it)
            kinds[it.key()] += it.value();
        invalidRemaining += o.invalidRemaining;
        errors += o.errors;
        errorMessages += o.errorMessages;
    }
};

Tally tallyFromJson(const QJsonObject &o)
{
    Tally t;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() == QLatin1String("errors"))
            t.errors = it.value().toInt();
        else if (it.key() == QLatin1String("invalid_code_remaining"))
            for (const QJsonValue &v : it.value().toArray())
                t.invalidRemaining.append(v.toInt());
        else if (it.key() == QLatin1String("error_messages"))
            for (const QJsonValue &v : it.value().toArray())
                t.errorMessages.append(v.toString());
        else if (it.value().toInt() != 0)
            t.kinds[it.key()] = it.value().toInt();
    }
    return t;
}

struct StartedSession
{
    QString id;
    QString code;
};

// Threads that make `perThread` wrong checks each once released; check i of thread t goes to
// session (t + i) % count, and `pauseUs` paces the checks, like the helper process does. Each
// thread opens its database connection (a status read) before it waits, so all start checking
// together.
class CheckingThreads
{
public:
    CheckingThreads(Engine &engine, const QList<StartedSession> &sessions, int threads,
                    int perThread, int pauseUs = 0)
        : m_warmedUp(threads)
    {
        for (int t = 0; t < threads; ++t)
            m_threads.emplace_back([&engine, sessions, t, perThread, pauseUs, this] {
                (void)engine.status(sessions.first().id);
                m_warmedUp.count_down();
                m_go.wait();
                Tally mine;
                for (int i = 0; i < perThread; ++i) {
                    const StartedSession &s = sessions.at((t + i) % sessions.size());
                    if (pauseUs > 0 && i > 0)
                        std::this_thread::sleep_for(std::chrono::microseconds(pauseUs));
                    auto r = engine.check({s.id, wrongCodeFor(s.code), tester()});
                    if (!r) {
                        ++mine.errors;
                        mine.errorMessages.append(r.error().toString());
                        continue;
                    }
                    ++mine.kinds[r->verified() ? QStringLiteral("verified") : r->error];
                    if (r->error == QLatin1String("invalid_code"))
                        mine.invalidRemaining.append(r->attemptsRemaining);
                }
                QMutexLocker lock(&m_mutex);
                m_tally.add(mine);
            });
    }
    ~CheckingThreads() { join(); }
    CheckingThreads(const CheckingThreads &) = delete;
    CheckingThreads &operator=(const CheckingThreads &) = delete;

    void waitUntilReady() { m_warmedUp.wait(); }
    // Releases the threads (once).
    void go()
    {
        if (!m_released) {
            m_released = true;
            m_go.count_down();
        }
    }
    // Releases the threads if that has not happened, waits for them, returns what they saw.
    Tally join()
    {
        go();
        for (std::thread &t : m_threads)
            if (t.joinable())
                t.join();
        QMutexLocker lock(&m_mutex);
        return m_tally;
    }

private:
    std::latch m_warmedUp;
    std::latch m_go{1};
    bool m_released = false;
    std::vector<std::thread> m_threads;
    QMutex m_mutex;
    Tally m_tally;
};

// Starts `count` sms sessions for distinct numbers, delivers them and reads each code the way
// the recipient would.
QList<StartedSession> startDelivered(TestEngine &te, int count)
{
    QList<StartedSession> out;
    for (int i = 0; i < count; ++i) {
        auto started = te->start(
            startRequest(QStringLiteral("sms"),
                         QStringLiteral("+479123%1").arg(4567 + i, 4, 10, QLatin1Char('0'))));
        if (!started) {
            QTest::qFail(errorText(started).constData(), __FILE__, __LINE__);
            return {};
        }
        auto sent = te->deliverDue(started->sessionId);
        if (!sent || *sent != 1) {
            QTest::qFail("the session's message was not delivered", __FILE__, __LINE__);
            return {};
        }
        const QString code = receivedCode(*te.engine, started->sessionId);
        if (code.size() != 6) {
            QTest::qFail("no 6-digit code in the delivered message", __FILE__, __LINE__);
            return {};
        }
        out.append({started->sessionId, code});
    }
    return out;
}

int countEvents(const RawDb &raw, const QString &sessionId, const QString &type)
{
    return raw
        .scalar(QStringLiteral("SELECT COUNT(*) FROM session_events WHERE session_id = ? "
                               "AND type = ?"),
                {sessionId, type})
        .toInt();
}

} // namespace

class TestEngineConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void parallelWrongChecksInOneProcessCountExactly();
    void parallelWrongChecksFromTwoProcessesCountExactly();
    void wrongChecksSpreadOverSessionsFromTwoProcessesCountExactly();
    void aCodeVerifiesOnceUnderConcurrentChecks();
    void parallelStartsEachWriteTheirOwnSession();

private:
    void hammerFromProcesses(TestEngine &te, const QList<StartedSession> &sessions,
                             int processThreads, int ownThreads, int perThread, int pauseUs,
                             Tally &tally);
    void verifyLockedAfterMaxAttempts(const QString &dbPath, const QList<StartedSession> &sessions,
                                      const Tally &tally, int checks);
    void verifyCorrectCodeRefused(Engine &engine, const QString &dbPath,
                                  const StartedSession &session);
};

// Two helper processes with `processThreads` threads each, and `ownThreads` threads of this
// process on its own engine, all start at once and make `perThread` wrong checks each, `pauseUs`
// apart.
void TestEngineConcurrency::hammerFromProcesses(TestEngine &te,
                                                const QList<StartedSession> &sessions,
                                                int processThreads, int ownThreads, int perThread,
                                                int pauseUs, Tally &tally)
{
    QStringList ids, wrongCodes;
    for (const StartedSession &s : sessions) {
        ids.append(s.id);
        wrongCodes.append(wrongCodeFor(s.code));
    }
    std::vector<std::unique_ptr<QProcess>> processes;
    auto stop = qScopeGuard([&] {
        for (auto &p : processes)
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10000);
            }
    });
    for (int i = 0; i < 2; ++i) {
        auto &p = processes.emplace_back(std::make_unique<QProcess>());
        p->start(helperBinary(), {QStringLiteral("hammer"), te.dir.path(), ids.join(u','),
                                  QString::number(processThreads), QString::number(perThread),
                                  wrongCodes.join(u','), QString::number(pauseUs)});
        QVERIFY2(p->waitForStarted(30000), qPrintable(p->errorString()));
    }
    // Both processes have their engines open and their threads connected: "ready".
    for (auto &p : processes) {
        QDeadlineTimer deadline(30000);
        while (!p->canReadLine() && p->state() == QProcess::Running && !deadline.hasExpired())
            p->waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        QVERIFY2(p->canReadLine(), p->readAllStandardError().constData());
        QCOMPARE(p->readLine().trimmed(), QByteArray("ready"));
    }

    // This process hammers too, with its own engine on the same file.
    CheckingThreads own(*te.engine, sessions, ownThreads, perThread, pauseUs);
    own.waitUntilReady();
    for (auto &p : processes) {
        p->write("go\n");
        p->waitForBytesWritten(10000);
    }
    own.go();
    tally = own.join();
    QCOMPARE(tally.total(), ownThreads * perThread);

    for (auto &p : processes) {
        QVERIFY2(p->waitForFinished(60000), "a hammer process did not finish in 60 s");
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
        const QList<QByteArray> lines = p->readAllStandardOutput().trimmed().split('\n');
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.last(), &parseError);
        QVERIFY2(doc.isObject(), qPrintable(parseError.errorString()));
        const Tally theirs = tallyFromJson(doc.object());
        QCOMPARE(theirs.total(), processThreads * perThread);
        tally.add(theirs);
    }
}

// The shared verdict of the hammer tests: however many wrong checks raced, exactly
// max_attempts of them counted on each session (four answered invalid_code with 4, 3, 2, 1
// attempts left, the fifth locked the session) and every other one was refused as
// max_attempts_reached.
void TestEngineConcurrency::verifyLockedAfterMaxAttempts(const QString &dbPath,
                                                         const QList<StartedSession> &sessions,
                                                         const Tally &tally, int checks)
{
    const int n = static_cast<int>(sessions.size());
    QVERIFY2(tally.errors == 0, qPrintable(QStringLiteral("%1 checks returned an error, first: %2")
                                               .arg(tally.errors)
                                               .arg(tally.errorMessages.value(0))));
    QCOMPARE(tally.total(), checks);
    QCOMPARE(tally.kinds.value(QStringLiteral("verified")), 0);
    QCOMPARE(tally.kinds.value(QStringLiteral("invalid_code")), n * (kMaxAttempts - 1));
    QList<int> remaining = tally.invalidRemaining;
    std::sort(remaining.begin(), remaining.end());
    QList<int> expectedRemaining;
    for (int left = 1; left < kMaxAttempts; ++left)
        expectedRemaining += QList<int>(n, left);
    QCOMPARE(remaining, expectedRemaining);
    // The check that locked a session and every check after it: max_attempts_reached.
    QCOMPARE(tally.kinds.value(QStringLiteral("max_attempts_reached")),
             checks - n * (kMaxAttempts - 1));
    QCOMPARE(tally.kinds.size(), 2);

    RawDb raw(dbPath);
    for (const StartedSession &s : sessions) {
        const auto row = raw.rows(QStringLiteral("SELECT attempts, max_attempts, status, "
                                                 "verified_at FROM sessions WHERE id = ?"),
                                  {s.id});
        QCOMPARE(row.size(), 1);
        QCOMPARE(row[0][0].toInt(), kMaxAttempts);
        QCOMPARE(row[0][1].toInt(), kMaxAttempts);
        QCOMPARE(row[0][2].toString(), QStringLiteral("failed"));
        QVERIFY(row[0][3].isNull());
        QCOMPARE(countEvents(raw, s.id, QStringLiteral("check_failed")), kMaxAttempts);
        QCOMPARE(countEvents(raw, s.id, QStringLiteral("locked")), 1);
        QCOMPARE(countEvents(raw, s.id, QStringLiteral("verified")), 0);

        // Each counted attempt has its own number: no two checks counted the same attempt.
        QList<int> numbers;
        const auto events = raw.rows(QStringLiteral("SELECT detail FROM session_events WHERE "
                                                    "session_id = ? AND type = 'check_failed'"),
                                     {s.id});
        for (const auto &e : events)
            numbers.append(QJsonDocument::fromJson(e[0].toString().toUtf8())
                               .object()
                               .value(QStringLiteral("attempt"))
                               .toInt());
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 5}));
    }
}

void TestEngineConcurrency::verifyCorrectCodeRefused(Engine &engine, const QString &dbPath,
                                                     const StartedSession &session)
{
    auto late = engine.check({session.id, session.code, tester()});
    QVERIFY2(late, errorText(late).constData());
    QVERIFY(!late->verified());
    QCOMPARE(late->status, SessionStatus::Failed);
    QCOMPARE(late->error, QStringLiteral("max_attempts_reached"));
    QCOMPARE(late->attemptsRemaining, 0);
    RawDb raw(dbPath);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {session.id})
                 .toString(),
             QStringLiteral("failed"));
    QCOMPARE(countEvents(raw, session.id, QStringLiteral("verified")), 0);
}

void TestEngineConcurrency::parallelWrongChecksInOneProcessCountExactly()
{
    TestEngine te;
    const QList<StartedSession> sessions = startDelivered(te, 1);
    QVERIFY(!QTest::currentTestFailed());

    constexpr int Threads = 8, PerThread = 100;
    CheckingThreads threads(*te.engine, sessions, Threads, PerThread);
    threads.waitUntilReady();
    threads.go();
    const Tally tally = threads.join();

    verifyLockedAfterMaxAttempts(te.dbPath(), sessions, tally, Threads * PerThread);
    if (QTest::currentTestFailed())
        return;
    verifyCorrectCodeRefused(*te.engine, te.dbPath(), sessions.first());
}

void TestEngineConcurrency::parallelWrongChecksFromTwoProcessesCountExactly()
{
    TestEngine te;
    // The other processes use the system clock: this engine's time must agree with theirs.
    te.clock->setMs(QDateTime::currentMSecsSinceEpoch());
    const QList<StartedSession> sessions = startDelivered(te, 1);
    QVERIFY(!QTest::currentTestFailed());

    // Full speed: every thread checks as fast as it can.
    constexpr int ProcessThreads = 4, OwnThreads = 2, PerThread = 100;
    Tally tally;
    hammerFromProcesses(te, sessions, ProcessThreads, OwnThreads, PerThread, 0, tally);
    if (QTest::currentTestFailed())
        return;
    verifyLockedAfterMaxAttempts(te.dbPath(), sessions, tally,
                                 (2 * ProcessThreads + OwnThreads) * PerThread);
    if (QTest::currentTestFailed())
        return;
    verifyCorrectCodeRefused(*te.engine, te.dbPath(), sessions.first());
}

// One session locks after its first five checks, and at full speed the first process to take
// SQLite's write lock tends to keep it (its threads hand it on to each other while the other
// process's busy handler sleeps), so the processes hardly interleave. Here the checks are spread
// over many sessions and paced (2 ms apart per thread, about 0.2 s per thread), so the counted
// attempts of each session come from all three processes racing. The pacing shapes the load;
// nothing waits for anything to happen.
void TestEngineConcurrency::wrongChecksSpreadOverSessionsFromTwoProcessesCountExactly()
{
    TestEngine te;
    te.clock->setMs(QDateTime::currentMSecsSinceEpoch());
    constexpr int Sessions = 20;
    const QList<StartedSession> sessions = startDelivered(te, Sessions);
    QVERIFY(!QTest::currentTestFailed());

    // Every thread checks every session 5 times: 50 wrong checks per session.
    constexpr int ProcessThreads = 4, OwnThreads = 2, PerThread = 100, PauseUs = 2000;
    Tally tally;
    hammerFromProcesses(te, sessions, ProcessThreads, OwnThreads, PerThread, PauseUs, tally);
    if (QTest::currentTestFailed())
        return;
    verifyLockedAfterMaxAttempts(te.dbPath(), sessions, tally,
                                 (2 * ProcessThreads + OwnThreads) * PerThread);
    if (QTest::currentTestFailed())
        return;
    {
        // For the log: who counted the attempts (the helpers share one actor name).
        RawDb raw(te.dbPath());
        for (const auto &r : raw.rows(QStringLiteral("SELECT actor, COUNT(*) FROM session_events "
                                                     "WHERE type = 'check_failed' GROUP BY "
                                                     "actor")))
            qInfo("counted attempts by %s: %d", qPrintable(r[0].toString()), r[1].toInt());
    }
    for (const StartedSession &s : sessions) {
        verifyCorrectCodeRefused(*te.engine, te.dbPath(), s);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestEngineConcurrency::aCodeVerifiesOnceUnderConcurrentChecks()
{
    TestEngine te;
    const QList<StartedSession> sessions = startDelivered(te, 1);
    QVERIFY(!QTest::currentTestFailed());
    const StartedSession s = sessions.first();

    // Six threads race with the right code, four with one wrong code each: fewer wrong checks
    // than max_attempts, so the session cannot lock before the right code arrives.
    constexpr int RightThreads = 6, RightPerThread = 20, WrongThreads = 4;
    std::latch ready(RightThreads + WrongThreads);
    std::latch go(1);
    QMutex mutex;
    int verified = 0, alreadyVerified = 0, invalid = 0;
    QStringList unexpected;
    auto worker = [&](const QString &code, int checks) {
        (void)te->status(s.id);
        ready.count_down();
        go.wait();
        for (int i = 0; i < checks; ++i) {
            auto r = te->check({s.id, code, tester()});
            QMutexLocker lock(&mutex);
            if (r && r->verified())
                ++verified;
            else if (r && r->error == QLatin1String("invalid_code"))
                ++invalid;
            else if (!r && r.error().code == ErrorCode::Conflict &&
                     r.error().reason == QLatin1String("already_verified"))
                ++alreadyVerified;
            else
                unexpected.append(
                    r ? QStringLiteral("result %1 (%2)").arg(r->error, statusName(r->status))
                      : r.error().toString());
        }
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < RightThreads; ++i)
        threads.emplace_back(worker, s.code, RightPerThread);
    for (int i = 0; i < WrongThreads; ++i)
        threads.emplace_back(worker, wrongCodeFor(s.code), 1);
    ready.wait();
    go.count_down();
    for (std::thread &t : threads)
        t.join();

    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QStringLiteral("; "))));
    QCOMPARE(verified, 1);
    QCOMPARE(verified + alreadyVerified + invalid, RightThreads * RightPerThread + WrongThreads);
    QVERIFY(invalid <= WrongThreads);

    RawDb raw(te.dbPath());
    const auto row = raw.rows(
        QStringLiteral("SELECT status, attempts, verified_at FROM sessions WHERE id = ?"), {s.id});
    QCOMPARE(row.size(), 1);
    QCOMPARE(row[0][0].toString(), QStringLiteral("verified"));
    QCOMPARE(row[0][1].toInt(), invalid);
    QVERIFY(!row[0][2].isNull());
    QCOMPARE(countEvents(raw, s.id, QStringLiteral("verified")), 1);
    QCOMPARE(countEvents(raw, s.id, QStringLiteral("check_failed")), invalid);
    QCOMPARE(countEvents(raw, s.id, QStringLiteral("locked")), 0);

    // A replay after the race is still no fresh success.
    auto replay = te->check({s.id, s.code, tester()});
    QVERIFY(!replay);
    QCOMPARE(replay.error().reason, QStringLiteral("already_verified"));
}

void TestEngineConcurrency::parallelStartsEachWriteTheirOwnSession()
{
    TestEngine te;
    constexpr int Threads = 8, PerThread = 5;
    struct Started
    {
        QString id;
        bool phone = false;
    };
    std::latch ready(Threads);
    QMutex mutex;
    QList<Started> started;
    QStringList failures;
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t)
        threads.emplace_back([&, t] {
            (void)te->services(); // opens this thread's connection
            ready.arrive_and_wait();
            for (int i = 0; i < PerThread; ++i) {
                const int n = t * PerThread + i;
                // Distinct recipients, phones and e-mail addresses mixed.
                const bool phone = n % 2 == 0;
                const QString recipient =
                    phone ? QStringLiteral("+479123%1").arg(n, 4, 10, QLatin1Char('0'))
                          : QStringLiteral("user%1@example.com").arg(n);
                auto r = te->start(startRequest(
                    phone ? QStringLiteral("sms") : QStringLiteral("email"), recipient));
                QMutexLocker lock(&mutex);
                if (r)
                    started.append({r->sessionId, phone});
                else
                    failures.append(
                        QStringLiteral("start %1: %2").arg(n).arg(r.error().toString()));
            }
        });
    for (std::thread &t : threads)
        t.join();

    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    QCOMPARE(started.size(), Threads * PerThread);
    QSet<QString> ids;
    for (const Started &s : std::as_const(started))
        ids.insert(s.id);
    QCOMPARE(ids.size(), Threads * PerThread);

    RawDb raw(te.dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt(),
             Threads * PerThread);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries")).toInt(),
             Threads * PerThread);
    for (const Started &s : std::as_const(started)) {
        const auto events = raw.rows(QStringLiteral("SELECT type, detail FROM session_events "
                                                    "WHERE session_id = ? ORDER BY id"),
                                     {s.id});
        QStringList types;
        for (const auto &e : events)
            types.append(e[0].toString());
        const QStringList expected =
            s.phone ? QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                                  QStringLiteral("queued")}
                    : QStringList{QStringLiteral("created"), QStringLiteral("queued")};
        QVERIFY2(
            types == expected,
            qPrintable(QStringLiteral("session %1 has events %2").arg(s.id, types.join(u','))));

        const auto jobs = raw.rows(QStringLiteral("SELECT id, state, attempts, payload_sealed "
                                                  "IS NOT NULL FROM deliveries WHERE "
                                                  "session_id = ?"),
                                   {s.id});
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs[0][1].toString(), QStringLiteral("queued"));
        QCOMPARE(jobs[0][2].toInt(), 0);
        QVERIFY(jobs[0][3].toBool());
        // The queued event names this session's own job.
        const QJsonObject queued =
            QJsonDocument::fromJson(events.last()[1].toString().toUtf8()).object();
        QCOMPARE(queued.value(QStringLiteral("delivery_id")).toInteger(), jobs[0][0].toLongLong());
    }

    // The hourly statistics, rolled up in each start's transaction, lost no count either.
    auto stats = te->stats({kT0 - 3'600'000, 0, {}});
    QVERIFY2(stats, errorText(stats).constData());
    QCOMPARE(stats->total, qint64(Threads * PerThread));
    QCOMPARE(stats->byStatus.value(SessionStatus::Pending), qint64(Threads * PerThread));

    // Every job is deliverable: one message per session.
    auto sent = te->deliverDue({}, 1000);
    QVERIFY2(sent, errorText(sent).constData());
    QCOMPARE(*sent, Threads * PerThread);
    for (const Started &s : std::as_const(started)) {
        auto box = te->outbox(s.id);
        QVERIFY2(box, errorText(box).constData());
        QCOMPARE(box->size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestEngineConcurrency)
#include "tst_engine_concurrency.moc"
