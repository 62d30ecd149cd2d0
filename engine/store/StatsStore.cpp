#include "store/StatsStore.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QMap>

namespace vc {

namespace {

const StaticSql kAddSessionsSql1(
    QStringLiteral("INSERT INTO stats_hourly (hour_start, service_id, channel, status, "
                   "sessions) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hour_start, service_id, "
                   "channel, status) DO UPDATE SET sessions = stats_hourly.sessions + "
                   "excluded.sessions"));
const StaticSql kCountEventSql2(
    QStringLiteral("INSERT INTO stats_hourly_events (hour_start, service_id, channel, "
                   "event, count) VALUES (?, ?, ?, ?, 1) ON CONFLICT (hour_start, "
                   "service_id, channel, event) DO UPDATE SET count = "
                   "stats_hourly_events.count + 1"));
const StaticSql
    kReportSql3(QStringLiteral("SELECT hour_start, service_id, channel, status, sessions "
                               "FROM stats_hourly WHERE hour_start >= ? AND hour_start < ? "
                               "AND (? OR service_id = ?) AND sessions <> 0 "
                               "ORDER BY hour_start, service_id, channel, status"));
const StaticSql
    kReportSql4(QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM stats_hourly_events "
                               "WHERE event = 'delivery_failed' AND hour_start >= ? AND "
                               "hour_start < ? AND (? OR service_id = ?)"));

} // namespace

Status StatsStore::addSessions(qint64 createdAt, const QString &serviceId, Channel channel,
                               SessionStatus status, int delta)
{
    auto q = m_c.exec(kAddSessionsSql1, {sql::hourStart(createdAt), serviceId, channelName(channel),
                                         statusName(status), delta});
    if (!q)
        return q.error();
    return {};
}

Status StatsStore::countEvent(qint64 at, const QString &serviceId, Channel channel,
                              const QString &event)
{
    auto q =
        m_c.exec(kCountEventSql2, {sql::hourStart(at), serviceId, channelName(channel), event});
    if (!q)
        return q.error();
    return {};
}

Result<StatsReport> StatsStore::report(const StatsQuery &query, qint64 now)
{
    StatsReport r;
    r.fromMs = sql::hourStart(query.fromMs);
    r.toMs = query.toMs > 0 ? query.toMs : now + 1;
    const bool all = query.serviceId.isEmpty();
    auto q = m_c.exec(kReportSql3, {r.fromMs, r.toMs, all, query.serviceId});
    if (!q)
        return q.error();
    qint64 finished = 0;
    r.granularity = query.granularity;
    const qint64 width = query.granularity == StatsGranularity::Hour ? 3'600'000 : 86'400'000;
    QMap<qint64, StatsBucket> buckets;
    while (q->next()) {
        StatsRow row;
        row.hourStart = q->i64(0);
        row.serviceId = q->str(1);
        row.channel = channelFromName(q->str(2)).value_or(Channel::Sms);
        row.status = statusFromName(q->str(3)).value_or(SessionStatus::Failed);
        row.sessions = q->i64(4);
        r.total += row.sessions;
        r.byChannel[row.channel] += row.sessions;
        r.byStatus[row.status] += row.sessions;
        if (isFinal(row.status))
            finished += row.sessions;
        StatsBucket &b = buckets[row.hourStart - row.hourStart % width];
        b.total += row.sessions;
        b.byChannel[row.channel] += row.sessions;
        b.byStatus[row.status] += row.sessions;
        r.rows.append(row);
    }
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        it->start = it.key();
        r.series.append(*it);
    }
    if (finished > 0)
        r.successRate = static_cast<double>(r.byStatus.value(SessionStatus::Verified)) /
                        static_cast<double>(finished);

    auto e = m_c.exec(kReportSql4, {r.fromMs, r.toMs, all, query.serviceId});
    if (!e)
        return e.error();
    if (e->next())
        r.deliveryFailures = e->i64(0);
    return r;
}

} // namespace vc
