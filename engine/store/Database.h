#pragma once

#include "core/Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <unordered_map>

namespace vc {

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

// A query that was executed on a connection; finishes the (cached) statement when it goes out
// of scope, so a transaction can commit.
class Query
{
public:
    explicit Query(QSqlQuery *q)
        : m_q(q)
    {}
    ~Query();
    Query(Query &&other) noexcept
        : m_q(std::exchange(other.m_q, nullptr))
    {}
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Query &operator=(Query &&) = delete;

    bool next() { return m_q->next(); }
    QVariant value(int i) const { return m_q->value(i); }
    qint64 i64(int i) const { return m_q->value(i).toLongLong(); }
    int i32(int i) const { return m_q->value(i).toInt(); }
    QString str(int i) const { return m_q->value(i).toString(); }
    QByteArray bytes(int i) const { return m_q->value(i).toByteArray(); }
    bool isNull(int i) const { return m_q->isNull(i); }
    int rowsAffected() const { return m_q->numRowsAffected(); }

private:
    QSqlQuery *m_q;
};

// One thread's connection to the database, with its prepared statements. Only ever used from
// the thread that opened it (QtSql's rule).
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
    // Runs a statement that is not worth caching (PRAGMA, DDL, BEGIN/COMMIT).
    Status execDirect(const QString &sql);

private:
    friend class Database;
    QString m_name;
    SqlDialect m_dialect;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// The database of one deployment. Hands each thread its own connection (opened on first use,
// closed when the thread ends or the Database is destroyed) and runs write transactions.
//
// Writers are serialised: within this process by a mutex (no busy-wait between our own threads),
// and across processes by SQLite's write lock (BEGIN IMMEDIATE) with the busy timeout. Every
// read-modify-write of a session therefore sees the last committed state, which is what makes
// attempt counting exact under concurrency.
class Database
{
public:
    struct Options
    {
        QString path; // SQLite file
        SyncMode sync = SyncMode::Full;
        int busyTimeoutMs = 10000;
    };

    // Opens (creating if needed) the database and applies pending migrations in a transaction.
    static Result<std::shared_ptr<Database>> open(const Options &options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    SqlDialect dialect() const { return m_dialect; }
    const Options &options() const { return m_options; }

    // The calling thread's connection.
    Result<Connection *> connection();

    // Runs `work` in one write transaction: committed if it returns a value, rolled back if it
    // returns an error. Must not be nested on one thread.
    template <typename T>
    Result<T> write(const std::function<Result<T>(Connection &)> &work);

    // Runs `work` on the thread's connection without a write lock (reads see committed data).
    template <typename T>
    Result<T> read(const std::function<Result<T>(Connection &)> &work);

    // Called at thread exit for connections of this database that the thread opened.
    void dropConnectionOfThread(Qt::HANDLE thread);

private:
    explicit Database(Options options);
    Result<Connection *> openConnection();
    Status begin(Connection &c);
    Status commit(Connection &c);
    void rollback(Connection &c);

    Options m_options;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    quint64 m_serial = 0;
    QMutex m_connectionsMutex;
    std::unordered_map<Qt::HANDLE, std::unique_ptr<Connection>> m_connections;
    QMutex m_writeMutex;
};

template <typename T>
Result<T> Database::write(const std::function<Result<T>(Connection &)> &work)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QMutexLocker lock(&m_writeMutex);
    if (Status s = begin(**conn); !s)
        return s.error();
    Result<T> result = work(**conn);
    if (!result) {
        rollback(**conn);
        return result;
    }
    if (Status s = commit(**conn); !s)
        return s.error();
    return result;
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
