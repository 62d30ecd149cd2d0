// In-process engine throughput on SQLite, beside the raw single-row commit rate of the same
// disk, measured by this program in this run:
//   raw      single-row INSERT commits per second (WAL, synchronous FULL / NORMAL)
//   engine   start+check pairs per second (a start, then a check with the right code), one
//            thread and four, synchronous FULL / NORMAL; and start+deliver+check flows.
// Usage: bench_engine [--seconds S] [--dir DIR] [--json]

#include "core/Engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace vc;

namespace {

double g_seconds = 3.0;

struct Measurement
{
    QString name;
    QString sync;
    int threads = 1;
    qint64 operations = 0;
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? operations / seconds : 0; }
};

QString syncName(SyncMode m)
{
    return m == SyncMode::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
}

// Raw QtSql: one INSERT per commit (autocommit), WAL, the given synchronous mode.
Measurement rawCommits(const QString &dir, SyncMode mode)
{
    const QString name = QStringLiteral("raw-%1").arg(syncName(mode));
    Measurement m{QStringLiteral("raw single-row INSERT commit"), syncName(mode), 1, 0, 0};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dir + QStringLiteral("/raw-") + syncName(mode) + QStringLiteral(".db"));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=") + syncName(mode));
        q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO t (v) VALUES (?)"));
        const QByteArray payload(64, 'x');
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < g_seconds * 1000) {
            for (int i = 0; i < 50; ++i) {
                insert.bindValue(0, payload);
                insert.exec();
                ++m.operations;
            }
        }
        m.seconds = timer.nsecsElapsed() / 1e9;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return m;
}

std::unique_ptr<Engine> openEngine(const QString &dir, SyncMode mode)
{
    EngineConfig c;
    c.dataDir = dir;
    c.sync = mode;
    c.masterSecret = QString(64, u'7');
    auto e = Engine::open(c);
    if (!e)
        qFatal("engine: %s", qPrintable(e.error().toString()));
    // Callers supply the code, so a check can be made without reading the outbox; each
    // iteration uses a new recipient, so the per-recipient limit never applies.
    (void)(*e)->updateService(QStringLiteral("default"),
                              {{QStringLiteral("allow_custom_code"), true},
                               {QStringLiteral("starts_per_recipient_per_hour"), 1000},
                               {QStringLiteral("starts_per_key_per_hour"), 0},
                               {QStringLiteral("starts_per_service_per_hour"), 0}},
                              Actor{QStringLiteral("bench"), {}, true});
    return std::move(*e);
}

// start + check (+ deliver when `deliver`) on `threads` threads for g_seconds.
Measurement engineFlows(const QString &dir, SyncMode mode, int threads, bool deliver)
{
    auto engine = openEngine(dir, mode);
    Measurement m{deliver ? QStringLiteral("engine start+deliver+check")
                          : QStringLiteral("engine start+check pair"),
                  syncName(mode), threads, 0, 0};
    std::atomic<qint64> done{0};
    std::atomic<int> failures{0};
    std::atomic<bool> stop{false};
    static std::atomic<int> run{0};
    const int runId = run.fetch_add(1);
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (qint64 i = 0; !stop.load(); ++i) {
                StartRequest r;
                r.channel = QStringLiteral("sms");
                // Distinct Swedish mobile numbers (07x + 7 digits) per run, thread and step.
                static const char *const prefixes[] = {"70", "72", "73", "76", "79"};
                r.recipient = QStringLiteral("+46%1%2")
                                  .arg(QLatin1String(prefixes[runId % 5]))
                                  .arg(t * 100000 + i % 100000, 7, 10, QLatin1Char('0'));
                r.customCode = QStringLiteral("135790");
                auto s = engine->start(r);
                if (!s) {
                    if (failures.fetch_add(1) == 0)
                        std::fprintf(stderr, "start failed: %s\n",
                                     qPrintable(s.error().toString()));
                    continue;
                }
                if (deliver)
                    (void)engine->deliverDue(s->sessionId);
                auto c = engine->check({s->sessionId, QStringLiteral("135790"), {}});
                if ((!c || !c->verified()) && failures.fetch_add(1) == 0)
                    std::fprintf(stderr, "check failed: %s\n",
                                 qPrintable(c ? c->error : c.error().toString()));
                done.fetch_add(1);
            }
        });
    }
    while (timer.elapsed() < g_seconds * 1000)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    for (auto &th : pool)
        th.join();
    m.seconds = timer.nsecsElapsed() / 1e9;
    m.operations = done.load();
    if (failures.load() > 0)
        std::fprintf(stderr, "warning: %d failed operations\n", failures.load());
    return m;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false"));
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."),
                   QStringLiteral("S"), QStringLiteral("3")},
                  {QStringLiteral("dir"),
                   QStringLiteral("Folder for the database files "
                                  "(default: a temporary folder)."),
                   QStringLiteral("DIR")},
                  {QStringLiteral("json"), QStringLiteral("Print JSON.")},
                  {QStringLiteral("threads"),
                   QStringLiteral("Threads of the multi-threaded measurement (default 4)."),
                   QStringLiteral("N"), QStringLiteral("4")},
                  {QStringLiteral("only"),
                   QStringLiteral("Run only one measurement: raw, pair, pair4 or flow, with -full "
                                  "or -normal (e.g. pair-normal), for profiling."),
                   QStringLiteral("CASE")}});
    p.addHelpOption();
    p.process(app);
    g_seconds = p.value(QStringLiteral("seconds")).toDouble();

    QTemporaryDir tmp;
    const QString base =
        p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) : tmp.path();
    QList<Measurement> results;
    int n = 0;
    auto fresh = [&] {
        const QString d = base + QStringLiteral("/run%1").arg(n++);
        QDir().mkpath(d);
        return d;
    };
    const QString only = p.value(QStringLiteral("only"));
    auto wanted = [&](const char *name, SyncMode mode) {
        return only.isEmpty() || only == QLatin1String(name) + u'-' + syncName(mode).toLower();
    };
    for (SyncMode mode : {SyncMode::Full, SyncMode::Normal}) {
        if (wanted("raw", mode))
            results.append(rawCommits(fresh(), mode));
        if (wanted("pair", mode))
            results.append(engineFlows(fresh(), mode, 1, false));
        if (wanted("pair4", mode))
            results.append(
                engineFlows(fresh(), mode, p.value(QStringLiteral("threads")).toInt(), false));
        if (wanted("flow", mode))
            results.append(engineFlows(fresh(), mode, 1, true));
    }

    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Measurement &m : results)
            a.append(QJsonObject{{QStringLiteral("name"), m.name},
                                 {QStringLiteral("synchronous"), m.sync},
                                 {QStringLiteral("threads"), m.threads},
                                 {QStringLiteral("operations"), m.operations},
                                 {QStringLiteral("seconds"), m.seconds},
                                 {QStringLiteral("per_second"), m.perSecond()}});
        std::fputs(QJsonDocument(a).toJson().constData(), stdout);
        return 0;
    }
    std::printf("| what | synchronous | threads | per second | vs raw commits |\n");
    std::printf("|---|---|---|---:|---:|\n");
    double raw = 0;
    for (const Measurement &m : results) {
        if (m.name.startsWith(QLatin1String("raw")))
            raw = m.perSecond();
        std::printf("| %s | %s | %d | %.0f | %.2fx |\n", qPrintable(m.name), qPrintable(m.sync),
                    m.threads, m.perSecond(), raw > 0 ? m.perSecond() / raw : 0.0);
    }
    return 0;
}
