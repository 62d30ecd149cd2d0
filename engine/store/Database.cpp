#include "store/Database.h"

#include "core/Logging.h"
#include "store/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vc {

namespace {

// Databases alive in this process, so a thread that ends can close the connections it opened.
QMutex g_registryMutex;
QHash<quint64, Database *> g_alive;
std::atomic<quint64> g_nextSerial{1};

struct ThreadConnections
{
    QHash<quint64, Connection *> bySerial;
    ~ThreadConnections()
    {
        const Qt::HANDLE self = QThread::currentThreadId();
        QMutexLocker lock(&g_registryMutex);
        for (auto it = bySerial.cbegin(); it != bySerial.cend(); ++it)
            if (Database *db = g_alive.value(it.key()))
                db->dropConnectionOfThread(self);
    }
};
thread_local ThreadConnections t_connections;

QString statementHead(const QString &sql)
{
    return sql.simplified().left(60);
}

bool isBusy(const QSqlError &e)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6); PostgreSQL lock timeouts (55P03) and serialization
    // failures (40001) mean the same to a caller: try again.
    const QString code = e.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           code == QLatin1String("55P03") || code == QLatin1String("40001");
}

Error sqlError(const QString &what, const QSqlError &e)
{
    qCWarning(lcStore).noquote() << what << "failed:" << e.text();
    if (isBusy(e))
        return Error::unavailable(QStringLiteral("the database is busy; try again"));
    return Error::internal(QStringLiteral("database error"));
}

} // namespace

Query::~Query()
{
    if (m_q)
        m_q->finish();
}

Connection::Connection(QString name, SqlDialect dialect)
    : m_name(std::move(name))
    , m_dialect(dialect)
{}

Connection::~Connection()
{
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<Query> Connection::exec(const QString &sql, const QVariantList &binds)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            return sqlError(QStringLiteral("prepare '%1'").arg(statementHead(sql)), q->lastError());
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    QSqlQuery *q = it->second.get();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (!q->exec()) {
        Error e = sqlError(QStringLiteral("'%1'").arg(statementHead(sql)), q->lastError());
        q->finish();
        return e;
    }
    return Query(q);
}

Status Connection::execDirect(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return sqlError(QStringLiteral("'%1'").arg(statementHead(sql)), q.lastError());
    return {};
}

Database::Database(Options options)
    : m_options(std::move(options))
    , m_serial(g_nextSerial.fetch_add(1))
{}

Result<std::shared_ptr<Database>> Database::open(const Options &options)
{
    if (options.path.isEmpty())
        return Error::invalid(QStringLiteral("database"), QStringLiteral("no database path given"));
    const QFileInfo info(options.path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::unavailable(
            QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    // Create the file ourselves so it is 0600 from the first byte (SQLite gives its -wal and
    // -shm files the same mode).
    if (!info.exists()) {
        const QByteArray native = QFile::encodeName(options.path);
        const int fd = ::open(native.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error::unavailable(
                QStringLiteral("cannot create the database file %1: %2")
                    .arg(options.path, QString::fromLocal8Bit(strerror(errno))));
        ::close(fd);
    }

    std::shared_ptr<Database> db(new Database(options));
    {
        QMutexLocker lock(&g_registryMutex);
        g_alive.insert(db->m_serial, db.get());
    }
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    if (Status s = Migrations::apply(**conn); !s)
        return s.error();
    return db;
}

Database::~Database()
{
    {
        QMutexLocker lock(&g_registryMutex);
        g_alive.remove(m_serial);
    }
    t_connections.bySerial.remove(m_serial);
    // Callers must have stopped every thread that uses this database; closing their idle
    // connections here is then safe.
    QMutexLocker lock(&m_connectionsMutex);
    m_connections.clear();
}

void Database::dropConnectionOfThread(Qt::HANDLE thread)
{
    QMutexLocker lock(&m_connectionsMutex);
    m_connections.erase(thread);
}

Result<Connection *> Database::connection()
{
    if (Connection *c = t_connections.bySerial.value(m_serial))
        return c;
    return openConnection();
}

Result<Connection *> Database::openConnection()
{
    const Qt::HANDLE self = QThread::currentThreadId();
    const QString name =
        QStringLiteral("vc-%1-%2").arg(m_serial).arg(reinterpret_cast<quintptr>(self), 0, 16);
    auto conn = std::make_unique<Connection>(name, m_dialect);
    conn->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    conn->m_db.setDatabaseName(m_options.path);
    conn->m_db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (!conn->m_db.open())
        return Error::unavailable(QStringLiteral("cannot open the database %1: %2")
                                      .arg(m_options.path, conn->m_db.lastError().text()));

    const QString sync =
        m_options.sync == SyncMode::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    const QStringList pragmas{
        QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=") + sync,
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA busy_timeout=%1").arg(m_options.busyTimeoutMs)};
    for (const QString &pragma : pragmas) {
        if (Status s = conn->execDirect(pragma); !s)
            return s.error();
    }

    Connection *raw = conn.get();
    {
        QMutexLocker lock(&m_connectionsMutex);
        m_connections[self] = std::move(conn);
    }
    t_connections.bySerial.insert(m_serial, raw);
    return raw;
}

Status Database::begin(Connection &c)
{
    // IMMEDIATE takes SQLite's write lock now, waiting up to the busy timeout, instead of failing
    // at the first write when another process holds it (a deferred transaction cannot wait).
    return c.execDirect(m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                        : QStringLiteral("BEGIN"));
}

Status Database::commit(Connection &c)
{
    if (Status s = c.execDirect(QStringLiteral("COMMIT")); !s) {
        rollback(c);
        return s;
    }
    return {};
}

void Database::rollback(Connection &c)
{
    if (Status s = c.execDirect(QStringLiteral("ROLLBACK")); !s)
        qCWarning(lcStore) << "rollback failed";
}

} // namespace vc
