// Group commit on a real SQLite file (store/Database): units queued while the writer is busy
// share one transaction and one commit, and a unit that fails is rolled back alone however much
// it changed, with the units before and after it in the same group kept. The statistics counters
// a group's units bump are summed and written once before its commit: those of kept units only.

#include "store/Database.h"
#include "store/StatsStore.h"
#include "support/TestEngine.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace vc;
using namespace vc::test;

namespace {

// Rows of one unit, and a blob big enough that a failing unit's savepoint journal holds far more
// than SQLite keeps in memory by default before it spills to a file (64 KiB).
constexpr int kRowsPerUnit = 40;
constexpr int kBlobBytes = 4096;

Status insertRows(Connection &c, int unit, const QString &mark)
{
    static const StaticSql insert(
        QStringLiteral("INSERT INTO t (unit, mark, payload) VALUES (?, ?, ?)"));
    const QByteArray payload(kBlobBytes, char('a' + unit % 26));
    for (int row = 0; row < kRowsPerUnit; ++row)
        if (auto q = c.exec(insert, {unit, mark, payload}); !q)
            return q.error();
    return {};
}

// The first column of the first row, as an integer.
Result<qint64> firstInteger(Connection &c, const QString &sql)
{
    auto q = c.exec(sql);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::internal(QStringLiteral("no row from ") + sql);
    return q->i64(0);
}

// Runs `first` on the writer and holds it there until every one of `units` is queued behind it,
// so that those run in one group (after `first`'s own); returns each result, `first`'s first.
std::vector<Status> runGrouped(Database &db, const std::function<Status(Connection &)> &first,
                               const std::vector<std::function<Status(Connection &)>> &units)
{
    std::atomic<bool> holding{false};
    std::atomic<bool> release{false};
    std::atomic<int> submitted{0};
    Status held;
    std::thread gate([&] {
        held = db.write<void>([&](Connection &c) -> Status {
            holding = true;
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return first(c);
        });
    });
    while (!holding.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::vector<std::thread> writers;
    std::vector<Status> results(units.size() + 1);
    for (size_t i = 0; i < units.size(); ++i)
        writers.emplace_back([&, i] {
            ++submitted;
            results[i + 1] = db.write<void>(units[i]);
        });
    while (submitted.load() < int(units.size()))
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    QTest::qWait(200); // from submitted to queued is a mutex and a push
    release = true;
    gate.join();
    for (std::thread &writer : writers)
        writer.join();
    results[0] = held;
    return results;
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

private slots:
    void aFailedUnitIsRolledBackAloneInItsGroup()
    {
        QTemporaryDir dir;
        auto opened = Database::open({dir.filePath(QStringLiteral("group.db"))});
        QVERIFY2(opened, errorText(opened).constData());
        std::shared_ptr<Database> db = *opened;
        auto created = db->write<void>([](Connection &c) -> Status {
            if (auto q = c.exec(QStringLiteral(
                    "CREATE TABLE t (id INTEGER PRIMARY KEY, unit INTEGER NOT NULL, mark TEXT NOT "
                    "NULL, payload BLOB NOT NULL)"));
                !q)
                return q.error();
            if (auto q = c.exec(QStringLiteral("CREATE INDEX t_unit ON t (unit, mark)")); !q)
                return q.error();
            return {};
        });
        QVERIFY2(created, errorText(created).constData());

        // The writer is held inside a first unit until every other unit is queued behind it.
        constexpr int kUnits = 12;
        constexpr int kFailing = 5;
        std::atomic<bool> holding{false};
        std::atomic<bool> release{false};
        std::atomic<int> submitted{0};
        Status held;
        std::thread gate([&] {
            held = db->write<void>([&](Connection &c) -> Status {
                holding = true;
                while (!release.load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                return insertRows(c, 0, QStringLiteral("ok"));
            });
        });
        QTRY_VERIFY(holding.load());
        const quint64 commitsBefore = db->commits();
        const quint64 unitsBefore = db->unitsCommitted();

        std::vector<std::thread> writers;
        std::vector<Status> results(kUnits);
        for (int unit = 1; unit <= kUnits; ++unit) {
            writers.emplace_back([&, unit] {
                ++submitted;
                results[size_t(unit - 1)] = db->write<void>([unit](Connection &c) -> Status {
                    if (unit != kFailing)
                        return insertRows(c, unit, QStringLiteral("ok"));
                    // Changes a lot, including the rows of the units before it, then fails.
                    if (Status s = insertRows(c, unit, QStringLiteral("spoiled")); !s)
                        return s;
                    if (auto q = c.exec(QStringLiteral("UPDATE t SET mark = 'spoiled'")); !q)
                        return q.error();
                    return Error::conflict(QStringLiteral("test"),
                                           QStringLiteral("this unit fails on purpose"));
                });
            });
        }
        QTRY_COMPARE(submitted.load(), kUnits);
        QTest::qWait(200); // from submitted to queued is a mutex and a push
        release = true;
        gate.join();
        for (std::thread &writer : writers)
            writer.join();
        QVERIFY2(held, qPrintable(held ? QString() : held.error().message));

        for (int unit = 1; unit <= kUnits; ++unit) {
            const Status &result = results[size_t(unit - 1)];
            if (unit == kFailing) {
                QVERIFY(!result);
                QCOMPARE(result.error().code, ErrorCode::Conflict);
            } else {
                QVERIFY2(result, qPrintable(QStringLiteral("unit %1: %2")
                                                .arg(unit)
                                                .arg(result ? QString() : result.error().message)));
            }
        }
        // Grouped: fewer commits than units (all twelve behind the gate, as a rule, in one).
        const quint64 commits = db->commits() - commitsBefore;
        const quint64 units = db->unitsCommitted() - unitsBefore;
        QCOMPARE(units, quint64(kUnits + 1));
        QVERIFY2(commits < units, qPrintable(QStringLiteral("%1 commits").arg(commits)));

        auto rows = db->read<QList<std::pair<int, int>>>(
            [](Connection &c) -> Result<QList<std::pair<int, int>>> {
                auto q = c.exec(QStringLiteral(
                    "SELECT unit, COUNT(*) FROM t WHERE mark = 'ok' AND length(payload) = 4096 "
                    "GROUP BY unit ORDER BY unit"));
                if (!q)
                    return q.error();
                QList<std::pair<int, int>> out;
                while (q->next())
                    out.append({q->i32(0), q->i32(1)});
                return out;
            });
        QVERIFY2(rows, errorText(rows).constData());
        QList<std::pair<int, int>> expected;
        for (int unit = 0; unit <= kUnits; ++unit)
            if (unit != kFailing)
                expected.append({unit, kRowsPerUnit});
        QCOMPARE(*rows, expected);
        auto total = db->read<qint64>([](Connection &c) {
            return firstInteger(c, QStringLiteral("SELECT COUNT(*) FROM t"));
        });
        QVERIFY2(total, errorText(total).constData());
        QCOMPARE(*total, qint64(kUnits * kRowsPerUnit)); // 13 units, one rolled back
    }

    void countersOfAGroupAreSummedForItsKeptUnitsOnly()
    {
        QTemporaryDir dir;
        auto opened = Database::open({dir.filePath(QStringLiteral("counters.db"))});
        QVERIFY2(opened, errorText(opened).constData());
        std::shared_ptr<Database> db = *opened;
        const qint64 hour = 1'795'000'000'000; // any time: counters are keyed by its hour
        const QString service = QStringLiteral("default");
        const QString prefix = QStringLiteral("+46 701");
        // What a start counts: a pending session, an event, its number prefix.
        const auto start = [&](Connection &c) -> Status {
            StatsStore stats(c);
            if (Status s =
                    stats.addSessions(hour, service, Channel::Sms, SessionStatus::Pending, 1);
                !s)
                return s;
            if (Status s = stats.countEvent(hour, service, Channel::Sms, QStringLiteral("sent"));
                !s)
                return s;
            return stats.countPrefixStart(hour, service, prefix, QStringLiteral("SE"));
        };
        constexpr int kStarts = 10;
        std::vector<std::function<Status(Connection &)>> units(kStarts, start);
        // Counts like the others, then fails: none of it may stay.
        units.push_back([&](Connection &c) -> Status {
            for (int i = 0; i < 100; ++i)
                if (Status s = start(c); !s)
                    return s;
            return Error::conflict(QStringLiteral("test"),
                                   QStringLiteral("this unit fails on purpose"));
        });
        // A session of this group delivered and verified within it: from pending to verified,
        // and its verification counted on the prefix row this group's starts make.
        units.push_back([&](Connection &c) -> Status {
            StatsStore stats(c);
            if (Status s =
                    stats.addSessions(hour, service, Channel::Sms, SessionStatus::Pending, -1);
                !s)
                return s;
            if (Status s =
                    stats.addSessions(hour, service, Channel::Sms, SessionStatus::Verified, 1);
                !s)
                return s;
            return stats.countPrefixVerified(hour, service, prefix);
        });
        const quint64 commitsBefore = db->commits();
        const std::vector<Status> results = runGrouped(*db, start, units);
        for (size_t i = 0; i < results.size(); ++i)
            QCOMPARE(bool(results[i]), i != size_t(kStarts) + 1); // only the failing unit fails
        QVERIFY(db->commits() - commitsBefore < quint64(results.size()));

        const auto count = [&](const QString &sql) {
            auto n = db->read<qint64>([&](Connection &c) { return firstInteger(c, sql); });
            return n ? *n : -1;
        };
        // The gate's start and ten more; one of the eleven moved on to verified.
        QCOMPARE(count(QStringLiteral("SELECT sessions FROM stats_hourly WHERE status = "
                                      "'pending'")),
                 qint64(kStarts));
        QCOMPARE(count(QStringLiteral("SELECT sessions FROM stats_hourly WHERE status = "
                                      "'verified'")),
                 qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count FROM stats_hourly_events WHERE event = "
                                      "'sent'")),
                 qint64(kStarts + 1));
        QCOMPARE(count(QStringLiteral("SELECT started FROM prefix_stats_hourly")),
                 qint64(kStarts + 1));
        QCOMPARE(count(QStringLiteral("SELECT verified FROM prefix_stats_hourly")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM prefix_stats_hourly")), qint64(1));

        // A start and its verification in one group leave nothing on "pending" to write, and the
        // verification counts on the prefix row the start makes in that same group.
        auto purged = db->write<void>([](Connection &c) -> Status {
            for (const char *table : {"stats_hourly", "prefix_stats_hourly"})
                if (auto q = c.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table)); !q)
                    return q.error();
            return {};
        });
        QVERIFY2(purged, errorText(purged).constData());
        // (The held unit runs in a group of its own; the two behind it share the next.)
        const std::vector<Status> again =
            runGrouped(*db, [](Connection &) -> Status { return {}; }, {start, units.back()});
        QVERIFY(again[0] && again[1] && again[2]);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stats_hourly WHERE status = "
                                      "'pending'")),
                 qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT sessions FROM stats_hourly WHERE status = "
                                      "'verified'")),
                 qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT started FROM prefix_stats_hourly")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT verified FROM prefix_stats_hourly")), qint64(1));
    }

    void savepointJournalsStayInMemoryOnTheWriterOnly()
    {
        QTemporaryDir dir;
        auto opened = Database::open({dir.filePath(QStringLiteral("journal.db"))});
        QVERIFY2(opened, errorText(opened).constData());
        std::shared_ptr<Database> db = *opened;
        const auto tempStore = [](Connection &c) {
            return firstInteger(c, QStringLiteral("PRAGMA temp_store"));
        };
        auto writer = db->write<qint64>(tempStore);
        QVERIFY2(writer, errorText(writer).constData());
        QCOMPARE(*writer, qint64(2)); // MEMORY
        // Readers keep SQLite's default: a large sort spills to a file, not to memory.
        auto reader = db->read<qint64>(tempStore);
        QVERIFY2(reader, errorText(reader).constData());
        QCOMPARE(*reader, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_group_commit.moc"
