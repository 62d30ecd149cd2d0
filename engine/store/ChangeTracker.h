#pragma once

#include <QHash>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

struct sqlite3;

namespace vc {

// What one write transaction changed, for the per-process read caches.
struct Touched
{
    std::vector<QString> sessions; // session rows updated
    bool allSessions = false;      // rows deleted or updated in bulk
    bool config = false;           // services, templates, keys, providers or routes

    bool empty() const { return sessions.empty() && !allSessions && !config; }
    void clear() { *this = Touched{}; }
};

// Tells without a query whether anything another process (or connection) may have committed
// since a given moment, so that reads which repeat themselves — a key's configuration on every
// request, a polled session's status — can be answered from memory and still never be stale.
//
// It reads the header of SQLite's WAL index (the "-shm" file every connection to the database
// maps, format documented at sqlite.org/walformat.html): every commit by any connection, in any
// process, rewrites that header. The header equal to what it was: nothing was committed. The
// header changed only by this process's writer: the writer has already dropped from the caches
// what its commits touched (it reports them here after each commit), so the rest still holds.
// Any commit the writer did not make — another process, the sqlite3 shell — is noticed at the
// writer's next BEGIN (or simply by the header no longer matching), and then every cached entry
// is old.
class ChangeTracker
{
public:
    // The WAL-index header: iVersion, unused, iChange, flags/page size, mxFrame, nPage, frame
    // checksums, salts, header checksums (48 bytes).
    using Header = std::array<quint32, 12>;

    // Where a reader stands before it reads the database: the header then and the writer's
    // generation (which grows whenever a commit of someone else's is noticed).
    struct Mark
    {
        Header header{};
        quint64 generation = 0;
    };

    // Opens its own connection to `path` (keeping the WAL index mapped and never truncated while
    // it lives) and maps the index header. Null when the database is not in WAL mode or the
    // index cannot be mapped: callers then read the database every time.
    static std::unique_ptr<ChangeTracker> open(const QString &path);
    ~ChangeTracker();
    ChangeTracker(const ChangeTracker &) = delete;
    ChangeTracker &operator=(const ChangeTracker &) = delete;

    // The current moment; nullopt while a commit is rewriting the header (read the database).
    std::optional<Mark> mark() const;
    // Whether data read after `since` is still what the database holds, given the header now
    // (`now`, from mark()): nothing committed, or only commits of this process's writer.
    bool unchangedSince(const Mark &since, const Mark &now) const;

    // The writer's side, on its thread. began(): right after BEGIN IMMEDIATE, holding SQLite's
    // write lock. committed(): right after COMMIT; `wroteRows` says whether the kept units
    // changed any row (then the commit wrote frames and moved iChange by one). `invalidate`
    // drops what the commit touched from the caches before the commit counts as this process's.
    void began();
    void committed(bool wroteRows, const std::function<void()> &invalidate);
    void failed(); // the transaction did not commit

private:
    ChangeTracker() = default;
    std::optional<Header> readHeader() const;

    ::sqlite3 *m_handle = nullptr;
    int m_fd = -1;
    void *m_map = nullptr;
    size_t m_mapSize = 0;

    mutable std::mutex m_mutex;
    // Changed under m_mutex; mark() reads it without the lock (every request takes a mark).
    std::atomic<quint64> m_generation{1};
    std::optional<Header> m_ownHeader; // the header as this process's last commit left it

    // Writer thread only.
    std::optional<Header> m_expected; // what BEGIN should find if nobody else committed
    std::optional<Header> m_atBegin;
};

// How often a ReadCache answered from memory, and how often it had to read the database.
struct ReadCacheCounts
{
    quint64 hits = 0;
    quint64 misses = 0;
};

// A copy of a cached value for one thread to keep. By default a plain copy; a shared pointer gets
// a control block of the thread's own (aliasing the same object), so that handing it out on that
// thread never touches a reference count another core is using.
template <typename V>
V threadOwnCopy(const V &value)
{
    return value;
}

template <typename T>
std::shared_ptr<T> threadOwnCopy(const std::shared_ptr<T> &value)
{
    if (!value)
        return value;
    return std::shared_ptr<T>(std::make_shared<std::shared_ptr<T>>(value), value.get());
}

// A cache the writer tells what each commit touched (see Database::makeCache()).
class Invalidatable
{
public:
    virtual ~Invalidatable() = default;
    virtual void invalidate(const Touched &touched) = 0;
};

// A per-process cache of values read from the database, each kept with the ChangeTracker mark
// taken before it was read and used only while ChangeTracker::unchangedSince() holds for it.
// The writer's invalidate() leaves a tombstone for each key it touched, so a reader that read
// before that commit cannot put its older value back afterwards.
template <typename V>
class ReadCache final : public Invalidatable
{
public:
    enum class Topic
    {
        Sessions, // keyed by session id
        Config    // one entry, key ""
    };
    struct Ticket
    {
        ChangeTracker::Mark mark;
        quint64 sequence = 0;
    };
    struct Lookup
    {
        std::optional<V> value;       // a hit
        std::optional<Ticket> ticket; // on a miss: hand it to store() after reading
    };

    ReadCache(const ChangeTracker &tracker, Topic topic, int capacity)
        : m_tracker(tracker)
        , m_topic(topic)
        , m_capacity(capacity)
    {}

    Lookup lookup(const QString &key) const
    {
        const std::optional<ChangeTracker::Mark> now = m_tracker.mark();
        if (!now) {
            m_misses.fetch_add(1, std::memory_order_relaxed);
            return {};
        }
        // This thread's last hit in this cache stands, without the cache's lock, while the
        // WAL-index header is the very one it was a hit under: not one commit since, by anyone.
        Recent &recent = t_recent;
        if (recent.cache == m_serial && recent.header == now->header && recent.key == key) {
            m_hits.fetch_add(1, std::memory_order_relaxed);
            return {recent.value, std::nullopt};
        }
        std::lock_guard lock(m_mutex);
        // Checked under the cache's lock: the writer places its tombstones under it before its
        // commit counts as this process's own (ChangeTracker::committed()).
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->value && m_tracker.unchangedSince(it->mark, *now)) {
            m_hits.fetch_add(1, std::memory_order_relaxed);
            recent = Recent{m_serial, now->header, key, threadOwnCopy(*it->value)};
            return {recent.value, std::nullopt};
        }
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return {std::nullopt, Ticket{*now, m_sequence}};
    }

    void store(const QString &key, const V &value, const Ticket &ticket)
    {
        std::lock_guard lock(m_mutex);
        if (ticket.sequence < m_clearedAt)
            return;
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->sequence > ticket.sequence)
            return; // invalidated (or stored by a later reader) since this read began
        if (it == m_entries.constEnd() && m_entries.size() >= m_capacity)
            clearLocked();
        m_entries.insert(key, Entry{ticket.mark, ticket.sequence, value});
    }

    // On the writer thread, after a commit and before it counts as this process's own.
    void invalidate(const Touched &touched) override
    {
        std::lock_guard lock(m_mutex);
        if (m_topic == Topic::Config) {
            if (touched.config)
                m_entries.insert(QString(), Entry{{}, ++m_sequence, std::nullopt});
            return;
        }
        if (touched.allSessions) {
            clearLocked();
            return;
        }
        for (const QString &id : touched.sessions)
            m_entries.insert(id, Entry{{}, ++m_sequence, std::nullopt});
        if (m_entries.size() > m_capacity)
            clearLocked();
    }

    ReadCacheCounts counts() const
    {
        return {m_hits.load(std::memory_order_relaxed), m_misses.load(std::memory_order_relaxed)};
    }

    qsizetype size() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries.size();
    }

private:
    struct Entry
    {
        ChangeTracker::Mark mark;
        quint64 sequence = 0;
        std::optional<V> value; // empty: a tombstone
    };

    void clearLocked()
    {
        m_entries.clear();
        m_clearedAt = ++m_sequence;
    }

    // A thread's last hit (see lookup()); `cache` tells the caches apart, never reused.
    struct Recent
    {
        quint64 cache = 0;
        ChangeTracker::Header header{};
        QString key;
        V value;
    };
    static inline thread_local Recent t_recent;
    static inline std::atomic<quint64> s_lastSerial{0};

    const quint64 m_serial = ++s_lastSerial;
    const ChangeTracker &m_tracker;
    const Topic m_topic;
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    quint64 m_sequence = 1;
    quint64 m_clearedAt = 0;
    mutable std::atomic<quint64> m_hits{0};
    mutable std::atomic<quint64> m_misses{0};
};

} // namespace vc
