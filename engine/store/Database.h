#pragma once

#include "core/Result.h"
#include "store/ChangeTracker.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vc {

struct PendingCounters;

enum class SqlDialect
{
    Sqlite,
    Postgres
};

// SQLite's durability setting. Full: an acknowledged commit survives power loss (fsync per
// commit). Normal: survives a process crash, may lose the last commits on power loss.
enum class SyncMode
{
    Full,
    Normal
};

class Connection;
struct NativeStatement;

// SQL text kept in a function-local static: Connection finds its prepared statement by the
// object's address instead of hashing the text on every execution (the hot statements).
//   static const StaticSql sql(QStringLiteral("SELECT ..."));  c.exec(sql, {...});
class StaticSql
{
public:
    explicit StaticSql(QString text)
        : m_text(std::move(text))
    {}
    const QString &text() const { return m_text; }

private:
    QString m_text;
};

// A query that was executed on a connection: rows are read with next() and the typed getters.
// Resets the (cached) statement when it goes out of scope, so a transaction can commit.
class Query
{
public:
    ~Query();
    Query(Query &&other) noexcept;
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Query &operator=(Query &&) = delete;

    bool next();
    QVariant value(int i) const;
    qint64 i64(int i) const;
    int i32(int i) const { return static_cast<int>(i64(i)); }
    QString str(int i) const;
    QByteArray bytes(int i) const;
    // The position in `utf8` of column `i`'s text, or -1: compared in place, no QString is made
    // (for loops over many rows that only need to tell a few known values apart).
    qsizetype textIndexIn(int i, const QList<QByteArray> &utf8) const;
    bool isNull(int i) const;
    // Rows changed by an INSERT, UPDATE or DELETE.
    int rowsAffected() const { return m_changes; }

private:
    friend class Connection;
    Query(NativeStatement *native, bool hasRow, int changes);
    explicit Query(QSqlQuery *generic);

    NativeStatement *m_native = nullptr; // SQLite: the statement itself
    QSqlQuery *m_generic = nullptr;      // other drivers: through QtSql
    bool m_rowPending = false;           // the first row, already stepped to by exec()
    bool m_onRow = false;
    int m_changes = 0;
};

// One thread's connection to the database, with its prepared statements. Only ever used from
// the thread that opened it. QtSql opens and owns the connection; on SQLite, statements run on
// its native handle (QtSql's per-execution conversions and metadata reads cost more than the
// statements themselves on the hot path).
class Connection
{
public:
    Connection(QString name, SqlDialect dialect);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    SqlDialect dialect() const { return m_dialect; }
    QSqlDatabase &db() { return m_db; }

    // Prepares `sql` once per connection (cached), binds positional values, executes. Values are
    // never logged: a failure reports the statement's first words and the driver's message.
    Result<Query> exec(const QString &sql, const QVariantList &binds = {});
    Result<Query> exec(const StaticSql &sql, const QVariantList &binds = {});
    // Runs a statement that is not worth caching (PRAGMA, DDL).
    Status execDirect(const QString &sql);
    // Runs a cached statement that returns no rows (transaction control).
    Status run(const QString &sql);

    // What the write unit running on this connection changed, for the read caches: the stores
    // note it as they write, and the writer hands it to the caches after the commit.
    Touched &touched() { return m_touched; }

    // While the writer runs a group of units, the statistics counters the running unit bumps
    // (StatsStore), to be written once for the group before its commit; null otherwise (then
    // counters are written at once).
    PendingCounters *pendingCounters() { return m_pendingCounters.get(); }

private:
    friend class Database;
    Status attachNative();
    Result<Query> run(NativeStatement *statement, const QVariantList &binds);

    QString m_name;
    SqlDialect m_dialect;
    QSqlDatabase m_db;
    ::sqlite3 *m_handle = nullptr;
    std::unordered_map<QString, std::unique_ptr<NativeStatement>> m_native;
    std::unordered_map<const class StaticSql *, NativeStatement *> m_nativeByStatic;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_generic;
    Touched m_touched;
    std::unique_ptr<PendingCounters> m_pendingCounters;
};

// The database of one deployment. Hands each thread its own connection for reads (opened on
// first use, closed when the thread ends or the Database is destroyed) and runs every write on
// one writer thread with group commit.
//
// Group commit: write() queues its unit of work and waits. The writer takes every unit queued
// (up to MaxBatch), runs them in one transaction, each under its own SAVEPOINT so a unit that
// fails or refuses is rolled back alone, and commits once: one fsync for the whole batch. A
// caller returns only after the commit that holds its unit, so an acknowledged change is durable.
// Units run one after another, so every read-modify-write sees the last committed state (attempt
// counting stays exact); other processes are kept out by SQLite's write lock (BEGIN IMMEDIATE)
// and wait up to the busy timeout.
class Database
{
public:
    static constexpr int MaxBatch = 256;

    struct Options
    {
        QString path; // SQLite file
        SyncMode sync = SyncMode::Full;
        int busyTimeoutMs = 10000;
    };

    // Opens (creating if needed) the database and applies pending migrations in a transaction.
    static Result<std::shared_ptr<Database>> open(const Options &options);
    // Finishes the queued writes, stops the writer, closes every connection.
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    SqlDialect dialect() const { return m_dialect; }
    const Options &options() const { return m_options; }

    // The calling thread's connection.
    Result<Connection *> connection();

    // Runs `work` in a write transaction on the writer thread and returns once it is committed:
    // kept if it returns a value, rolled back (alone) if it returns an error. Called from a unit
    // of work itself, it runs inline as part of that unit. `work` must not block on anything but
    // the database.
    template <typename T>
    Result<T> write(const std::function<Result<T>(Connection &)> &work);

    // Runs `work` on the thread's connection without a write lock (reads see committed data).
    template <typename T>
    Result<T> read(const std::function<Result<T>(Connection &)> &work);

    // Called at thread exit for connections of this database that the thread opened.
    void dropConnectionOfThread(Qt::HANDLE thread);

    // True on the writer thread, i.e. inside a unit of work (uncommitted changes are visible).
    bool isWriterThread() const { return onWriterThread(); }

    // Copies the database to `path` with SQLite's online backup (a consistent snapshot, safe
    // while other connections and processes write).
    Status backupTo(const QString &path);

    // A per-process cache of repeated reads that stays true to the database (see ChangeTracker),
    // told by the writer what each commit touched. Null when changes cannot be tracked (then
    // read the database every time).
    template <typename V>
    std::shared_ptr<ReadCache<V>> makeCache(typename ReadCache<V>::Topic topic, int capacity);

    // Transactions committed by the writer, and units they held (for tests and metrics).
    quint64 commits() const { return m_commits.load(); }
    quint64 unitsCommitted() const { return m_units.load(); }

private:
    struct Unit
    {
        std::function<Status(Connection &)> work;
        Status committed;               // the commit's outcome for this unit
        struct Waiter *ready = nullptr; // signalled once `committed` is set
    };

    explicit Database(Options options);
    Result<Connection *> openConnection();
    bool onWriterThread() const;
    Status submit(Unit &unit);
    void writerLoop();
    void runBatch(Connection &c, const std::vector<Unit *> &batch);
    Status begin(Connection &c);
    Status commit(Connection &c);
    void rollback(Connection &c);
    void invalidateCaches(const Touched &touched);

    Options m_options;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    quint64 m_serial = 0;
    QMutex m_connectionsMutex;
    std::unordered_map<Qt::HANDLE, std::unique_ptr<Connection>> m_connections;

    QMutex m_queueMutex;
    QWaitCondition m_queued;
    std::deque<Unit *> m_queue;
    bool m_stopping = false;
    std::thread m_writer;
    std::atomic<std::thread::id> m_writerId{};
    std::atomic<quint64> m_commits{0};
    std::atomic<quint64> m_units{0};

    std::unique_ptr<ChangeTracker> m_tracker;
    QMutex m_cachesMutex;
    std::vector<std::weak_ptr<Invalidatable>> m_caches;
};

template <typename V>
std::shared_ptr<ReadCache<V>> Database::makeCache(typename ReadCache<V>::Topic topic, int capacity)
{
    if (!m_tracker)
        return nullptr;
    auto cache = std::make_shared<ReadCache<V>>(*m_tracker, topic, capacity);
    QMutexLocker lock(&m_cachesMutex);
    m_caches.push_back(cache);
    return cache;
}

template <typename T>
Result<T> Database::write(const std::function<Result<T>(Connection &)> &work)
{
    if (onWriterThread()) {
        auto conn = connection();
        if (!conn)
            return conn.error();
        return work(**conn);
    }
    std::optional<Result<T>> outcome;
    Unit unit;
    unit.work = [&](Connection &c) -> Status {
        outcome.emplace(work(c));
        if (!outcome->ok())
            return outcome->error();
        return {};
    };
    const Status committed = submit(unit);
    if (outcome && !outcome->ok())
        return std::move(*outcome); // the unit's own refusal or failure
    if (!committed)
        return committed.error(); // the transaction holding it did not commit
    if (!outcome)
        return Error::internal(QStringLiteral("write was not run"));
    return std::move(*outcome);
}

template <typename T>
Result<T> Database::read(const std::function<Result<T>(Connection &)> &work)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    return work(**conn);
}

} // namespace vc
