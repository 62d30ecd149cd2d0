#include "store/ChangeTracker.h"

#include "core/Logging.h"

#include <QFile>

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vc {

namespace {

constexpr size_t kHeaderWords = std::tuple_size_v<ChangeTracker::Header>;
constexpr size_t kIndexHeaderBytes = 136; // two header copies and the checkpoint information
constexpr quint32 kIndexVersion = 3007000;
constexpr size_t kChangeWord = 2; // iChange: one more with every commit

} // namespace

std::unique_ptr<ChangeTracker> ChangeTracker::open(const QString &path)
{
    std::unique_ptr<ChangeTracker> tracker(new ChangeTracker);
    const QByteArray native = QFile::encodeName(path);
    if (sqlite3_open_v2(native.constData(), &tracker->m_handle, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK)
        return nullptr;
    // A read maps the WAL index; the connection then keeps it open (and SQLite never truncates
    // an index some connection has open) for as long as the tracker lives.
    sqlite3_stmt *statement = nullptr;
    bool wal = false;
    if (sqlite3_prepare_v2(tracker->m_handle, "PRAGMA journal_mode", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        const auto *mode = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        wal = mode && std::strcmp(mode, "wal") == 0;
    }
    sqlite3_finalize(statement);
    if (!wal || sqlite3_exec(tracker->m_handle, "SELECT count(*) FROM sqlite_schema", nullptr,
                             nullptr, nullptr) != SQLITE_OK)
        return nullptr;

    const QByteArray shm = native + "-shm";
    tracker->m_fd = ::open(shm.constData(), O_RDONLY | O_CLOEXEC);
    if (tracker->m_fd < 0)
        return nullptr;
    struct stat info
    {};
    if (::fstat(tracker->m_fd, &info) != 0 || info.st_size < off_t(kIndexHeaderBytes))
        return nullptr;
    tracker->m_mapSize = kIndexHeaderBytes;
    void *map = ::mmap(nullptr, tracker->m_mapSize, PROT_READ, MAP_SHARED, tracker->m_fd, 0);
    if (map == MAP_FAILED)
        return nullptr;
    tracker->m_map = map;
    if (!tracker->readHeader()) {
        qCInfo(lcStore, "the WAL index header is not readable; reads are not cached");
        return nullptr;
    }
    return tracker;
}

ChangeTracker::~ChangeTracker()
{
    if (m_map)
        ::munmap(m_map, m_mapSize);
    if (m_fd >= 0)
        ::close(m_fd);
    sqlite3_close(m_handle);
}

std::optional<ChangeTracker::Header> ChangeTracker::readHeader() const
{
    // As SQLite's own readers do: the writer stores the second copy, then the first; a reader
    // that finds both equal has a header no commit was rewriting.
    const auto *words = static_cast<const volatile quint32 *>(m_map);
    for (int attempt = 0; attempt < 4; ++attempt) {
        Header first;
        Header second;
        for (size_t i = 0; i < kHeaderWords; ++i)
            first[i] = words[i];
        std::atomic_thread_fence(std::memory_order_acquire);
        for (size_t i = 0; i < kHeaderWords; ++i)
            second[i] = words[kHeaderWords + i];
        unsigned char isInit = 0;
        std::memcpy(&isInit, reinterpret_cast<const unsigned char *>(first.data()) + 12, 1);
        if (first == second && first[0] == kIndexVersion && isInit == 1)
            return first;
    }
    return std::nullopt;
}

std::optional<ChangeTracker::Mark> ChangeTracker::mark() const
{
    const std::optional<Header> header = readHeader();
    if (!header)
        return std::nullopt;
    return Mark{*header, m_generation.load(std::memory_order_acquire)};
}

bool ChangeTracker::unchangedSince(const Mark &since, const Mark &now) const
{
    if (since.header == now.header)
        return true;
    std::lock_guard lock(m_mutex);
    return since.generation == m_generation.load() && m_ownHeader && now.header == *m_ownHeader;
}

void ChangeTracker::began()
{
    m_atBegin = readHeader();
    if (m_atBegin && m_expected && *m_atBegin == *m_expected)
        return;
    // Someone else committed since this writer's last transaction (or we cannot tell).
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_ownHeader.reset();
}

void ChangeTracker::committed(bool wroteRows, const std::function<void()> &invalidate)
{
    invalidate();
    const std::optional<Header> after = readHeader();
    std::lock_guard lock(m_mutex);
    if (wroteRows && after && m_atBegin && (*after)[kChangeWord] == (*m_atBegin)[kChangeWord] + 1) {
        m_ownHeader = after; // exactly our commit
    } else if (after != m_atBegin) {
        ++m_generation; // the header moved and we cannot say it was only us
        m_ownHeader.reset();
    }
    m_expected = after;
}

void ChangeTracker::failed()
{
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_ownHeader.reset();
    m_expected.reset();
}

} // namespace vc
