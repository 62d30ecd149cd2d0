#include "store/RateLimitStore.h"

#include "store/Database.h"

namespace vc {

namespace {

// A minute counts while any of it lies in the last hour: [start, start + 1 min) overlaps
// (now - 1 h, now]. The limit is therefore never looser than an hour; at most a minute stricter.
const StaticSql kWindowSql1(QStringLiteral(
    "SELECT minute_start, count FROM rate_counters WHERE kind = ? AND service_id = ? AND "
    "subject = ? AND minute_start > ? ORDER BY minute_start"));
const StaticSql kAddSql2(QStringLiteral(
    "INSERT INTO rate_counters (kind, service_id, subject, minute_start, count) VALUES (?, ?, ?, "
    "?, 1) ON CONFLICT (kind, service_id, subject, minute_start) DO UPDATE SET count = "
    "rate_counters.count + 1"));
const StaticSql kPurgeSql3(QStringLiteral("DELETE FROM rate_counters WHERE minute_start < ?"));

qint64 minuteOf(qint64 ms)
{
    return ms - ms % RateLimitStore::BucketMs;
}

} // namespace

Result<RateLimitStore::Window> RateLimitStore::window(const QString &kind, const QString &serviceId,
                                                      const QByteArray &subject, qint64 now,
                                                      int limit)
{
    auto q = m_c.exec(kWindowSql1, {kind, serviceId, subject, now - WindowMs - BucketMs});
    if (!q)
        return q.error();
    QList<std::pair<qint64, qint64>> minutes;
    Window w;
    while (q->next()) {
        minutes.append({q->i64(0), q->i64(1)});
        w.count += q->i64(1);
    }
    // The oldest minutes leave the window first: the count falls below the limit once enough
    // of them have left.
    qint64 remaining = w.count;
    for (const auto &[start, count] : std::as_const(minutes)) {
        if (remaining < limit)
            break;
        remaining -= count;
        w.retryAt = start + BucketMs + WindowMs;
    }
    return w;
}

Status RateLimitStore::add(const QString &kind, const QString &serviceId, const QByteArray &subject,
                           qint64 now)
{
    auto q = m_c.exec(kAddSql2, {kind, serviceId, subject, minuteOf(now)});
    if (!q)
        return q.error();
    return {};
}

Result<int> RateLimitStore::purgeBefore(qint64 beforeMs)
{
    auto q = m_c.exec(kPurgeSql3, {beforeMs});
    if (!q)
        return q.error();
    return q->rowsAffected();
}

} // namespace vc
