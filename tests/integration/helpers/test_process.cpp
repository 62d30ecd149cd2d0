// A second process for the integration tests. It works on the data folder a test gives it, so
// the tests can show that counters hold across processes and that a process killed at the worst
// moment loses no delivery. Subcommands:
//
//   hammer DATA_DIR SESSION_IDS THREADS N WRONG_CODES [PAUSE_US]
//       Opens an engine, starts THREADS threads that each open their database connection, prints
//       "ready", waits for a line on stdin (so several processes start at once), then each thread
//       makes N wrong checks. SESSION_IDS and WRONG_CODES are comma-separated lists of equal
//       length (a code known to be wrong for each session); check i of thread t goes to session
//       (t + i) % count. PAUSE_US (default 0) paces each thread: it waits that long between its
//       checks, which leaves SQLite's write lock free often enough for the processes to take
//       turns (its busy handler polls, so a process whose threads hand the lock straight to each
//       other would otherwise tend to finish before the other starts). Prints one JSON line: how
//       many results of each kind ({"invalid_code": a, "max_attempts_reached": b, "failed": c,
//       "verified": d, ...}),
//       "errors" (calls that returned an Error), "invalid_code_remaining" (attempts_remaining of
//       each invalid_code result) and "error_messages" (a few, for diagnosis).
//   start-and-die DATA_DIR RECIPIENT
//       Starts an sms session (no background work, nothing is sent), prints its id and kills
//       itself with SIGKILL: the crash between commit and send.
//   claim-and-die DATA_DIR
//       Claims every due delivery job the way a worker does (state "sending" with a lease),
//       prints {"claimed": [ids], "now": ms} and kills itself with SIGKILL before sending.
//
// Every process uses the system clock. Output never holds a code or a full recipient.

#include "core/Engine.h"
#include "delivery/DeliveryWorker.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

using namespace vc;

namespace {

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "vc_test_process: %s\n", qPrintable(message));
    return 1;
}

int usage()
{
    return fail(
        QStringLiteral("usage: hammer DATA_DIR SESSION_IDS THREADS N WRONG_CODES [PAUSE_US] | "
                       "start-and-die DATA_DIR RECIPIENT | claim-and-die DATA_DIR"));
}

Result<std::unique_ptr<Engine>> openEngine(const QString &dataDir)
{
    EngineConfig config;
    config.dataDir = dataDir;
    config.sync = SyncMode::Normal;
    return Engine::open(config);
}

Actor actor()
{
    return {QStringLiteral("test"), QStringLiteral("vc_test_process")};
}

int hammer(const QStringList &args)
{
    if (args.size() != 5 && args.size() != 6)
        return usage();
    const QString dataDir = args.at(0);
    const QStringList sessionIds = args.at(1).split(u',');
    bool okThreads = false, okN = false;
    const int threadCount = args.at(2).toInt(&okThreads);
    const int perThread = args.at(3).toInt(&okN);
    const QStringList wrongCodes = args.at(4).split(u',');
    bool okPause = true;
    const int pauseUs = args.size() == 6 ? args.at(5).toInt(&okPause) : 0;
    if (!okPause || pauseUs < 0 || !okThreads || !okN || threadCount < 1 || perThread < 1 ||
        sessionIds.size() != wrongCodes.size())
        return usage();

    auto engine = openEngine(dataDir);
    if (!engine)
        return fail(engine.error().toString());

    QMutex mutex;
    QMap<QString, int> counts;
    QJsonArray remaining;
    QStringList errorMessages;
    int errors = 0;

    std::latch warmedUp(threadCount);
    std::latch go(1);
    std::vector<std::thread> threads;
    threads.reserve(static_cast<size_t>(threadCount));
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&, t] {
            // Opens this thread's connection before the start signal, so all threads and
            // processes begin checking together.
            (void)(*engine)->status(sessionIds.first());
            warmedUp.count_down();
            go.wait();
            QMap<QString, int> mine;
            QList<int> mineRemaining;
            QStringList mineErrors;
            int mineErrorCount = 0;
            for (int i = 0; i < perThread; ++i) {
                const qsizetype s = (t + i) % sessionIds.size();
                if (pauseUs > 0 && i > 0)
                    std::this_thread::sleep_for(std::chrono::microseconds(pauseUs));
                auto r = (*engine)->check({sessionIds.at(s), wrongCodes.at(s), actor()});
                if (!r) {
                    ++mineErrorCount;
                    if (mineErrors.size() < 5)
                        mineErrors.append(r.error().toString());
                    continue;
                }
                const QString kind = r->verified() ? QStringLiteral("verified") : r->error;
                ++mine[kind];
                if (r->error == QLatin1String("invalid_code"))
                    mineRemaining.append(r->attemptsRemaining);
            }
            QMutexLocker lock(&mutex);
            for (auto it = mine.cbegin(); it != mine.cend(); ++it)
                counts[it.key()] += it.value();
            for (int left : std::as_const(mineRemaining))
                remaining.append(left);
            errors += mineErrorCount;
            for (const QString &m : std::as_const(mineErrors))
                if (errorMessages.size() < 5)
                    errorMessages.append(m);
        });
    }
    warmedUp.wait();
    printLine("ready");
    char line[64];
    (void)std::fgets(line, sizeof line, stdin); // "go", or end of input: start either way
    go.count_down();
    for (std::thread &t : threads)
        t.join();

    QJsonObject out{{QStringLiteral("invalid_code"), 0},
                    {QStringLiteral("max_attempts_reached"), 0},
                    {QStringLiteral("failed"), 0},
                    {QStringLiteral("verified"), 0}};
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    out.insert(QStringLiteral("errors"), errors);
    out.insert(QStringLiteral("invalid_code_remaining"), remaining);
    out.insert(QStringLiteral("error_messages"), QJsonArray::fromStringList(errorMessages));
    printLine(QJsonDocument(out).toJson(QJsonDocument::Compact));
    return 0;
}

int startAndDie(const QStringList &args)
{
    if (args.size() != 2)
        return usage();
    auto engine = openEngine(args.at(0));
    if (!engine)
        return fail(engine.error().toString());
    StartRequest r;
    r.channel = QStringLiteral("sms");
    r.recipient = args.at(1);
    r.actor = actor();
    auto started = (*engine)->start(r);
    if (!started)
        return fail(started.error().toString());
    printLine(started->sessionId.toUtf8());
    // The session and its delivery job are committed; die before anything is sent.
    std::raise(SIGKILL);
    return 2; // not reached
}

int claimAndDie(const QStringList &args)
{
    if (args.size() != 1)
        return usage();
    Database::Options options;
    options.path = QDir(args.at(0)).filePath(QStringLiteral("verify.db"));
    options.sync = SyncMode::Normal;
    auto db = Database::open(options);
    if (!db)
        return fail(db.error().toString());
    const qint64 now = SystemClock().nowMs();
    auto claimed = (*db)->write<QList<DeliveryRow>>([&](Connection &c) {
        return DeliveryStore(c).claimDue(now, DeliveryWorker::LeaseMs, 100);
    });
    if (!claimed)
        return fail(claimed.error().toString());
    QJsonArray ids;
    for (const DeliveryRow &job : *claimed)
        ids.append(job.id);
    printLine(
        QJsonDocument(QJsonObject{{QStringLiteral("claimed"), ids}, {QStringLiteral("now"), now}})
            .toJson(QJsonDocument::Compact));
    // The jobs are "sending" under this process's lease; die before sending any.
    std::raise(SIGKILL);
    return 2; // not reached
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    const QString command = args.takeFirst();
    if (command == QLatin1String("hammer"))
        return hammer(args);
    if (command == QLatin1String("start-and-die"))
        return startAndDie(args);
    if (command == QLatin1String("claim-and-die"))
        return claimAndDie(args);
    return usage();
}
