#include "store/Database.h"

#include "core/Logging.h"
#include "store/Migrations.h"
#include "store/StatsStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <pthread.h>
#include <unistd.h>

namespace vc {

// One thread's wait for the commit that holds its unit: it sleeps at once.
struct Waiter
{
    std::mutex mutex;
    std::condition_variable woken;
    bool signalled = false;

    void wait()
    {
        std::unique_lock lock(mutex);
        woken.wait(lock, [this] { return signalled; });
        signalled = false;
    }
    // Notifies under the lock: the waiter cannot return (and its thread end) before we are done
    // with its condition variable.
    void signal()
    {
        std::lock_guard lock(mutex);
        signalled = true;
        woken.notify_one();
    }
};

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

// A prepared SQLite statement, reused for every execution of the same SQL on one connection.
struct NativeStatement
{
    sqlite3_stmt *stmt = nullptr;
    QString head; // the statement's first words, for error messages
    ~NativeStatement() { sqlite3_finalize(stmt); }
};

namespace {

Error nativeError(::sqlite3 *db, int rc, const QString &head)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    qCWarning(lcStore).noquote() << QStringLiteral("'%1' failed: %2").arg(head, message);
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return Error::unavailable(QStringLiteral("the database is busy; try again"));
    return Error::internal(QStringLiteral("database error"));
}

int bindValue(sqlite3_stmt *stmt, int index, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(stmt, index);
    switch (v.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(stmt, index, v.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, index, v.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        if (b.isNull())
            return sqlite3_bind_null(stmt, index);
        return sqlite3_bind_blob64(stmt, index, b.constData(),
                                   static_cast<sqlite3_uint64>(b.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::QString: {
        const QString text = v.toString();
        if (text.isNull())
            return sqlite3_bind_null(stmt, index);
        const QByteArray utf8 = text.toUtf8();
        return sqlite3_bind_text64(stmt, index, utf8.constData(),
                                   static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    }
    default: {
        const QByteArray utf8 = v.toString().toUtf8();
        return sqlite3_bind_text64(stmt, index, utf8.constData(),
                                   static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    }
    }
}

} // namespace

Query::Query(NativeStatement *native, bool hasRow, int changes)
    : m_native(native)
    , m_rowPending(hasRow)
    , m_changes(changes)
{}

Query::Query(QSqlQuery *generic)
    : m_generic(generic)
    , m_changes(generic->numRowsAffected())
{}

Query::Query(Query &&other) noexcept
    : m_native(std::exchange(other.m_native, nullptr))
    , m_generic(std::exchange(other.m_generic, nullptr))
    , m_rowPending(other.m_rowPending)
    , m_onRow(other.m_onRow)
    , m_changes(other.m_changes)
{}

Query::~Query()
{
    if (m_native) {
        sqlite3_reset(m_native->stmt);
        sqlite3_clear_bindings(m_native->stmt);
    }
    if (m_generic)
        m_generic->finish();
}

bool Query::next()
{
    if (m_generic)
        return m_generic->next();
    if (!m_native)
        return false;
    if (m_rowPending) {
        m_rowPending = false;
        m_onRow = true;
        return true;
    }
    if (!m_onRow)
        return false;
    const int rc = sqlite3_step(m_native->stmt);
    m_onRow = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        qCWarning(lcStore).noquote()
            << QStringLiteral("'%1' failed while reading rows").arg(m_native->head);
    return m_onRow;
}

qint64 Query::i64(int i) const
{
    if (m_generic)
        return m_generic->value(i).toLongLong();
    return sqlite3_column_int64(m_native->stmt, i);
}

QString Query::str(int i) const
{
    if (m_generic)
        return m_generic->value(i).toString();
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_native->stmt, i));
    if (!text)
        return {};
    return QString::fromUtf8(text, sqlite3_column_bytes(m_native->stmt, i));
}

QByteArray Query::bytes(int i) const
{
    if (m_generic)
        return m_generic->value(i).toByteArray();
    const void *blob = sqlite3_column_blob(m_native->stmt, i);
    const int size = sqlite3_column_bytes(m_native->stmt, i);
    if (!blob)
        return {};
    return QByteArray(static_cast<const char *>(blob), size);
}

qsizetype Query::textIndexIn(int i, const QList<QByteArray> &utf8) const
{
    QByteArray generic;
    QByteArrayView text;
    if (m_generic) {
        const QVariant v = m_generic->value(i);
        if (v.isNull())
            return -1;
        generic = v.toString().toUtf8();
        text = generic;
    } else {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_native->stmt, i));
        if (!data)
            return -1;
        text = QByteArrayView(data, sqlite3_column_bytes(m_native->stmt, i));
    }
    for (qsizetype k = 0; k < utf8.size(); ++k) {
        const QByteArray &candidate = utf8.at(k);
        if (candidate.size() == text.size() &&
            std::memcmp(candidate.constData(), text.data(), static_cast<size_t>(text.size())) == 0)
            return k;
    }
    return -1;
}

bool Query::isNull(int i) const
{
    if (m_generic)
        return m_generic->isNull(i);
    return sqlite3_column_type(m_native->stmt, i) == SQLITE_NULL;
}

QVariant Query::value(int i) const
{
    if (m_generic)
        return m_generic->value(i);
    switch (sqlite3_column_type(m_native->stmt, i)) {
    case SQLITE_INTEGER:
        return QVariant(i64(i));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_native->stmt, i));
    case SQLITE_BLOB:
        return QVariant(bytes(i));
    case SQLITE_TEXT:
        return QVariant(str(i));
    default:
        return {};
    }
}

Connection::Connection(QString name, SqlDialect dialect)
    : m_name(std::move(name))
    , m_dialect(dialect)
{}

Connection::~Connection()
{
    m_native.clear(); // finalize before the connection closes
    m_generic.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Status Connection::attachNative()
{
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !handle.data())
        return Error::internal(QStringLiteral("the SQLite driver gave no native handle"));
    m_handle = *static_cast<::sqlite3 *const *>(handle.data());
    return m_handle ? Status() : Status(Error::internal(QStringLiteral("no SQLite handle")));
}

Result<Query> Connection::exec(const QString &sql, const QVariantList &binds)
{
    if (!m_handle) {
        auto it = m_generic.find(sql);
        if (it == m_generic.end()) {
            auto q = std::make_unique<QSqlQuery>(m_db);
            q->setForwardOnly(true);
            if (!q->prepare(sql))
                return sqlError(QStringLiteral("prepare '%1'").arg(statementHead(sql)),
                                q->lastError());
            it = m_generic.emplace(sql, std::move(q)).first;
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

    NativeStatement *st = nullptr;
    auto it = m_native.find(sql);
    if (it == m_native.end()) {
        auto created = std::make_unique<NativeStatement>();
        created->head = statementHead(sql);
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_prepare_v3(m_handle, utf8.constData(), int(utf8.size()),
                                          SQLITE_PREPARE_PERSISTENT, &created->stmt, nullptr);
        if (rc != SQLITE_OK)
            return nativeError(m_handle, rc, QStringLiteral("prepare ") + created->head);
        it = m_native.emplace(sql, std::move(created)).first;
    }
    st = it->second.get();
    return run(st, binds);
}

Result<Query> Connection::exec(const StaticSql &sql, const QVariantList &binds)
{
    if (!m_handle)
        return exec(sql.text(), binds);
    if (auto known = m_nativeByStatic.find(&sql); known != m_nativeByStatic.end())
        return run(known->second, binds);
    auto first = exec(sql.text(), binds); // prepares and caches by text
    if (first)
        m_nativeByStatic.emplace(&sql, m_native.at(sql.text()).get());
    return first;
}

Result<Query> Connection::run(NativeStatement *st, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        if (const int rc = bindValue(st->stmt, i + 1, binds.at(i)); rc != SQLITE_OK) {
            sqlite3_clear_bindings(st->stmt);
            return nativeError(m_handle, rc, st->head);
        }
    }
    const int rc = sqlite3_step(st->stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        Error e = nativeError(m_handle, rc, st->head);
        sqlite3_reset(st->stmt);
        sqlite3_clear_bindings(st->stmt);
        return e;
    }
    return Query(st, rc == SQLITE_ROW, sqlite3_changes(m_handle));
}

Status Connection::run(const QString &sql)
{
    auto q = exec(sql);
    if (!q)
        return q.error();
    return {};
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
    if (db->m_dialect == SqlDialect::Sqlite) {
        db->m_tracker = ChangeTracker::open(options.path);
        if (!db->m_tracker)
            qCInfo(lcStore, "the database's WAL index cannot be read: status reads and key checks "
                            "go to the database every time");
    }
    return db;
}

Database::~Database()
{
    // Finish what is queued while this database is still registered, so the writer thread's
    // connection is closed by its own thread-exit path.
    {
        QMutexLocker lock(&m_queueMutex);
        m_stopping = true;
        m_queued.wakeAll();
    }
    if (m_writer.joinable())
        m_writer.join();
    if (const quint64 commits = m_commits.load(); commits > 0)
        qCInfo(lcStore, "%llu writes in %llu group commits (%.1f per commit)",
               static_cast<unsigned long long>(m_units.load()),
               static_cast<unsigned long long>(commits), double(m_units.load()) / double(commits));
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

bool Database::onWriterThread() const
{
    return m_writerId.load() == std::this_thread::get_id();
}

Status Database::submit(Unit &unit)
{
    // Each caller waits on its own thread's waiter, which outlives the unit: the writer never
    // touches a unit after signalling its caller. (std::binary_semaphore spins and yields before
    // it sleeps; with many callers waiting for one commit that burns the cores the writer needs.)
    thread_local Waiter ready;
    unit.ready = &ready;
    {
        QMutexLocker lock(&m_queueMutex);
        if (m_stopping)
            return Error::unavailable(QStringLiteral("the database is closing"));
        if (!m_writer.joinable())
            m_writer = std::thread([this] { writerLoop(); });
        m_queue.push_back(&unit);
        m_queued.wakeOne();
    }
    ready.wait();
    return unit.committed;
}

void Database::writerLoop()
{
    m_writerId.store(std::this_thread::get_id());
    // Named for top -H, perf and the benchmark, which reads this thread's CPU time.
    pthread_setname_np(pthread_self(), "vc-writer");
    auto conn = connection();
    // The savepoint journal of each unit in a group (runBatch()) stays in memory: it only ever
    // serves a rollback within the transaction, and as a temporary file it was the writer's
    // largest single cost (every page a unit changes, written out once more per unit). Only
    // here: on the readers' connections, large sorts keep spilling to disk, not to memory.
    if (conn && (*conn)->dialect() == SqlDialect::Sqlite)
        if (Status s = (*conn)->execDirect(QStringLiteral("PRAGMA temp_store=MEMORY")); !s)
            qCWarning(lcStore).noquote() << "savepoint journals stay on disk:" << s.error().message;
    std::vector<Unit *> batch;
    batch.reserve(MaxBatch);
    for (;;) {
        {
            QMutexLocker lock(&m_queueMutex);
            while (m_queue.empty() && !m_stopping)
                m_queued.wait(&m_queueMutex);
            if (m_queue.empty())
                break; // stopping, and nothing left to write
            while (!m_queue.empty() && batch.size() < size_t(MaxBatch)) {
                batch.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }
        if (conn) {
            runBatch(**conn, batch);
        } else {
            for (Unit *u : batch)
                u->committed = conn.error();
        }
        for (Unit *u : batch)
            u->ready->signal();
        batch.clear();
    }
}

void Database::runBatch(Connection &c, const std::vector<Unit *> &batch)
{
    if (Status s = begin(c); !s) {
        for (Unit *u : batch)
            u->committed = s;
        return;
    }
    if (m_tracker)
        m_tracker->began();
    c.m_touched.clear();
    // Rows changed by the units that are kept: any means the commit writes to the WAL.
    sqlite3_int64 keptChanges = 0;
    // SQLite savepoint names are plain identifiers; one name serves, as units do not overlap.
    const QString savepoint = QStringLiteral("SAVEPOINT unit");
    const QString release = QStringLiteral("RELEASE unit");
    const QString undo = QStringLiteral("ROLLBACK TO unit");
    // The statistics counters the units bump: each unit's, then the sum of those kept, written
    // once before the commit.
    PendingCounters kept;
    c.m_pendingCounters = std::make_unique<PendingCounters>();
    const auto giveUp = [&](const Status &s) {
        // The transaction itself is in trouble: give up on the whole batch.
        rollback(c);
        if (m_tracker)
            m_tracker->failed();
        c.m_touched.clear();
        for (Unit *v : batch)
            v->committed = s;
    };
    for (Unit *u : batch) {
        Status s = c.run(savepoint);
        if (s) {
            const sqlite3_int64 before = c.m_handle ? sqlite3_total_changes64(c.m_handle) : 0;
            const Status unitStatus = u->work(c);
            if (!unitStatus) {
                s = c.run(undo);
            } else {
                if (c.m_handle)
                    keptChanges += sqlite3_total_changes64(c.m_handle) - before;
                kept.add(*c.m_pendingCounters);
            }
            c.m_pendingCounters->clear();
            if (s)
                s = c.run(release);
        }
        if (!s) {
            c.m_pendingCounters.reset();
            giveUp(s);
            return;
        }
    }
    c.m_pendingCounters.reset();
    if (!kept.empty()) {
        auto written = kept.writeTo(c);
        if (!written) {
            giveUp(written.error());
            return;
        }
        keptChanges += *written;
    }
    const Status committed = commit(c);
    if (m_tracker) {
        if (committed)
            m_tracker->committed(keptChanges > 0, [&] { invalidateCaches(c.m_touched); });
        else
            m_tracker->failed();
    }
    c.m_touched.clear();
    for (Unit *u : batch)
        u->committed = committed;
    if (committed) {
        m_commits.fetch_add(1);
        m_units.fetch_add(batch.size());
    }
}

void Database::invalidateCaches(const Touched &touched)
{
    if (touched.empty())
        return;
    QMutexLocker lock(&m_cachesMutex);
    for (auto it = m_caches.begin(); it != m_caches.end();) {
        if (const std::shared_ptr<Invalidatable> cache = it->lock()) {
            cache->invalidate(touched);
            ++it;
        } else {
            it = m_caches.erase(it);
        }
    }
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

    if (m_dialect == SqlDialect::Sqlite)
        if (Status s = conn->attachNative(); !s)
            return s.error();

    Connection *raw = conn.get();
    {
        QMutexLocker lock(&m_connectionsMutex);
        m_connections[self] = std::move(conn);
    }
    t_connections.bySerial.insert(m_serial, raw);
    return raw;
}

Status Database::backupTo(const QString &path)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    ::sqlite3 *source = (*conn)->m_handle;
    if (!source)
        return Error::internal(QStringLiteral("backup needs the SQLite driver"));
    ::sqlite3 *target = nullptr;
    const QByteArray native = QFile::encodeName(path);
    int rc = sqlite3_open_v2(native.constData(), &target,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Status result;
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
        if (!backup) {
            rc = sqlite3_errcode(target);
        } else {
            // One step copies every page under one read snapshot; WAL writers are not blocked.
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK)
        result = Error::unavailable(
            QStringLiteral("backup to %1 failed: %2")
                .arg(path, QString::fromUtf8(target ? sqlite3_errmsg(target) : "cannot open")));
    sqlite3_close(target);
    return result;
}

Status Database::begin(Connection &c)
{
    // IMMEDIATE takes SQLite's write lock now, waiting up to the busy timeout, instead of failing
    // at the first write when another process holds it (a deferred transaction cannot wait).
    return c.run(m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                 : QStringLiteral("BEGIN"));
}

Status Database::commit(Connection &c)
{
    if (Status s = c.run(QStringLiteral("COMMIT")); !s) {
        rollback(c);
        return s;
    }
    return {};
}

void Database::rollback(Connection &c)
{
    if (Status s = c.run(QStringLiteral("ROLLBACK")); !s)
        qCWarning(lcStore) << "rollback failed";
}

} // namespace vc
