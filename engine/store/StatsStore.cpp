#include "store/StatsStore.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <optional>

namespace vc {

namespace {

const StaticSql kAddSessionsSql1(
    QStringLiteral("INSERT INTO stats_hourly (hour_start, service_id, channel, status, "
                   "sessions) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hour_start, service_id, "
                   "channel, status) DO UPDATE SET sessions = stats_hourly.sessions + "
                   "excluded.sessions"));
const StaticSql kCountEventSql2(
    QStringLiteral("INSERT INTO stats_hourly_events (hour_start, service_id, channel, "
                   "event, count) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hour_start, "
                   "service_id, channel, event) DO UPDATE SET count = "
                   "stats_hourly_events.count + excluded.count"));

const StaticSql kPrefixStartSql5(
    QStringLiteral("INSERT INTO prefix_stats_hourly (hour_start, service_id, prefix, region, "
                   "started, verified) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (hour_start, "
                   "service_id, prefix) DO UPDATE SET started = prefix_stats_hourly.started + "
                   "excluded.started"));
// The start made the row; a session created before the table existed has none and is skipped.
const StaticSql kPrefixVerifiedSql6(
    QStringLiteral("UPDATE prefix_stats_hourly SET verified = verified + ? WHERE hour_start = ? "
                   "AND service_id = ? AND prefix = ?"));
const StaticSql kPrefixCountsSql7(
    QStringLiteral("SELECT service_id, prefix, region, hour_start, started, verified FROM "
                   "prefix_stats_hourly WHERE hour_start >= ? AND hour_start < ? AND (? OR "
                   "service_id = ?)"));
const StaticSql kPrefixStartsSql8(
    QStringLiteral("SELECT COALESCE(SUM(started), 0) FROM prefix_stats_hourly WHERE service_id = "
                   "? AND prefix = ? AND hour_start >= ? AND hour_start < ?"));
const StaticSql kPhoneOutcomesSql9(
    QStringLiteral("SELECT COALESCE(SUM(sessions), 0), COALESCE(SUM(CASE WHEN status = "
                   "'verified' THEN sessions ELSE 0 END), 0) FROM stats_hourly WHERE hour_start "
                   ">= ? AND hour_start < ? AND service_id = ? AND channel IN ('sms', 'voice')"));
const StaticSql
    kPurgePrefixSql10(QStringLiteral("DELETE FROM prefix_stats_hourly WHERE hour_start < ?"));

constexpr int ChannelCount = static_cast<int>(Channel::Email) + 1;
constexpr int StatusCount = static_cast<int>(SessionStatus::Cancelled) + 1;

// A report reads every row of its period (a month of a million sessions is ~30,000 rows), in key
// order, so its buckets come in time order and a service's rows follow each other.
const StaticSql
    kReportSql3(QStringLiteral("SELECT hour_start, service_id, channel, status, sessions "
                               "FROM stats_hourly WHERE hour_start >= ? AND hour_start < ? "
                               "AND (? OR service_id = ?) AND sessions <> 0 "
                               "ORDER BY hour_start, service_id, channel, status"));
const StaticSql
    kReportSql4(QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM stats_hourly_events "
                               "WHERE event = 'delivery_failed' AND hour_start >= ? AND "
                               "hour_start < ? AND (? OR service_id = ?)"));

// The stored names of an enum's values, by value, to tell a column's text apart in place.
template <typename E>
QList<QByteArray> storedNames(const QList<E> &values, QString (*name)(E))
{
    QList<QByteArray> names(values.size());
    for (E v : values)
        names[static_cast<int>(v)] = name(v).toUtf8();
    return names;
}

// Sums by channel and status; only the channels and statuses that occurred become keys.
struct Tally
{
    qint64 total = 0;
    qint64 byChannel[ChannelCount] = {};
    qint64 byStatus[StatusCount] = {};
    bool channelSeen[ChannelCount] = {};
    bool statusSeen[StatusCount] = {};

    void add(int channel, int status, qint64 sessions)
    {
        total += sessions;
        byChannel[channel] += sessions;
        byStatus[status] += sessions;
        channelSeen[channel] = true;
        statusSeen[status] = true;
    }
    void into(QHash<Channel, qint64> &channels, QHash<SessionStatus, qint64> &statuses) const
    {
        for (int c = 0; c < ChannelCount; ++c)
            if (channelSeen[c])
                channels.insert(static_cast<Channel>(c), byChannel[c]);
        for (int s = 0; s < StatusCount; ++s)
            if (statusSeen[s])
                statuses.insert(static_cast<SessionStatus>(s), byStatus[s]);
    }
};

Status counted(const Result<Query> &q)
{
    if (!q)
        return q.error();
    return {};
}

} // namespace

Status StatsStore::addSessions(qint64 createdAt, const QString &serviceId, Channel channel,
                               SessionStatus status, int delta)
{
    const qint64 hour = sql::hourStart(createdAt);
    if (PendingCounters *pending = m_c.pendingCounters()) {
        pending->sessions[{hour, serviceId, int(channel), int(status)}] += delta;
        return {};
    }
    return counted(m_c.exec(kAddSessionsSql1,
                            {hour, serviceId, channelName(channel), statusName(status), delta}));
}

Status StatsStore::countEvent(qint64 at, const QString &serviceId, Channel channel,
                              const QString &event)
{
    const qint64 hour = sql::hourStart(at);
    if (PendingCounters *pending = m_c.pendingCounters()) {
        pending->events[{hour, serviceId, int(channel), event}] += 1;
        return {};
    }
    return counted(m_c.exec(kCountEventSql2, {hour, serviceId, channelName(channel), event, 1}));
}

Status StatsStore::countPrefixStart(qint64 createdAt, const QString &serviceId,
                                    const QString &prefix, const QString &region)
{
    const qint64 hour = sql::hourStart(createdAt);
    if (PendingCounters *pending = m_c.pendingCounters()) {
        PendingCounters::PrefixStarts &p = pending->prefixStarts[{hour, serviceId, prefix}];
        p.region = region;
        p.count += 1;
        return {};
    }
    return counted(m_c.exec(kPrefixStartSql5, {hour, serviceId, prefix, sql::text(region), 1}));
}

Status StatsStore::countPrefixVerified(qint64 createdAt, const QString &serviceId,
                                       const QString &prefix)
{
    const qint64 hour = sql::hourStart(createdAt);
    if (PendingCounters *pending = m_c.pendingCounters()) {
        pending->prefixVerified[{hour, serviceId, prefix}] += 1;
        return {};
    }
    return counted(m_c.exec(kPrefixVerifiedSql6, {1, hour, serviceId, prefix}));
}

void PendingCounters::add(const PendingCounters &other)
{
    for (const auto &[key, delta] : other.sessions)
        sessions[key] += delta;
    for (const auto &[key, count] : other.events)
        events[key] += count;
    for (const auto &[key, starts] : other.prefixStarts) {
        PrefixStarts &p = prefixStarts[key];
        p.region = starts.region;
        p.count += starts.count;
    }
    for (const auto &[key, count] : other.prefixVerified)
        prefixVerified[key] += count;
}

Result<qint64> PendingCounters::writeTo(Connection &c) const
{
    Q_ASSERT(!c.pendingCounters());
    qint64 changed = 0;
    const auto run = [&](const StaticSql &sql, const QVariantList &binds) -> Status {
        auto q = c.exec(sql, binds);
        if (!q)
            return q.error();
        changed += q->rowsAffected();
        return {};
    };
    // A start and its delivery in one group leave +1 and -1 on "pending": nothing to write.
    for (const auto &[key, delta] : sessions) {
        const auto &[hour, service, channel, status] = key;
        if (delta != 0)
            if (Status s = run(kAddSessionsSql1,
                               {hour, service, channelName(static_cast<Channel>(channel)),
                                statusName(static_cast<SessionStatus>(status)), delta});
                !s)
                return s.error();
    }
    for (const auto &[key, count] : events) {
        const auto &[hour, service, channel, event] = key;
        if (Status s =
                run(kCountEventSql2,
                    {hour, service, channelName(static_cast<Channel>(channel)), event, count});
            !s)
            return s.error();
    }
    // Starts before verifications: a verification counts on the row its start made.
    for (const auto &[key, starts] : prefixStarts) {
        const auto &[hour, service, prefix] = key;
        if (Status s = run(kPrefixStartSql5,
                           {hour, service, prefix, sql::text(starts.region), starts.count});
            !s)
            return s.error();
    }
    for (const auto &[key, count] : prefixVerified) {
        const auto &[hour, service, prefix] = key;
        if (Status s = run(kPrefixVerifiedSql6, {count, hour, service, prefix}); !s)
            return s.error();
    }
    return changed;
}

Result<QList<StatsStore::PrefixCount>> StatsStore::prefixCounts(qint64 fromMs, qint64 toMs,
                                                                const QString &serviceId)
{
    auto q = m_c.exec(kPrefixCountsSql7, {fromMs, toMs, serviceId.isEmpty(), serviceId});
    if (!q)
        return q.error();
    QList<PrefixCount> out;
    while (q->next())
        out.append({q->str(0), q->str(1), q->str(2), q->i64(3), q->i64(4), q->i64(5)});
    return out;
}

Result<qint64> StatsStore::prefixStarts(const QString &serviceId, const QString &prefix,
                                        qint64 fromMs, qint64 toMs)
{
    auto q = m_c.exec(kPrefixStartsSql8, {serviceId, prefix, fromMs, toMs});
    if (!q)
        return q.error();
    return q->next() ? q->i64(0) : 0;
}

Result<StatsStore::Outcomes> StatsStore::phoneOutcomes(const QString &serviceId, qint64 fromMs,
                                                       qint64 toMs)
{
    auto q = m_c.exec(kPhoneOutcomesSql9, {fromMs, toMs, serviceId});
    if (!q)
        return q.error();
    if (!q->next())
        return Outcomes{};
    return Outcomes{q->i64(0), q->i64(1)};
}

Result<int> StatsStore::purgePrefixCountsBefore(qint64 beforeMs)
{
    auto q = m_c.exec(kPurgePrefixSql10, {beforeMs});
    if (!q)
        return q.error();
    return q->rowsAffected();
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
    Tally period;
    Tally bucket;
    std::optional<qint64> bucketStart;
    const auto closeBucket = [&] {
        if (!bucketStart)
            return;
        StatsBucket b;
        b.start = *bucketStart;
        b.total = bucket.total;
        bucket.into(b.byChannel, b.byStatus);
        r.series.append(std::move(b));
        bucket = Tally();
    };
    static const QList<QByteArray> channels = storedNames(allChannels(), &channelName);
    static const QList<QByteArray> statuses = storedNames(allStatuses(), &statusName);
    QString service; // the previous row's (consecutive rows share it), and its text
    QList<QByteArray> serviceUtf8;
    while (q->next()) {
        StatsRow row;
        row.hourStart = q->i64(0);
        if (q->textIndexIn(1, serviceUtf8) != 0) {
            service = q->str(1);
            serviceUtf8 = {service.toUtf8()};
        }
        row.serviceId = service;
        // Names the enums do not know read as sms and failed.
        const qsizetype c = q->textIndexIn(2, channels);
        const qsizetype st = q->textIndexIn(3, statuses);
        const int channel = c < 0 ? static_cast<int>(Channel::Sms) : static_cast<int>(c);
        const int status = st < 0 ? static_cast<int>(SessionStatus::Failed) : static_cast<int>(st);
        row.channel = static_cast<Channel>(channel);
        row.status = static_cast<SessionStatus>(status);
        row.sessions = q->i64(4);
        period.add(channel, status, row.sessions);
        if (isFinal(row.status))
            finished += row.sessions;
        // Rows come in time order, so a bucket's rows are consecutive.
        const qint64 start = row.hourStart - row.hourStart % width;
        if (start != bucketStart) {
            closeBucket();
            bucketStart = start;
        }
        bucket.add(channel, status, row.sessions);
        r.rows.append(std::move(row));
    }
    closeBucket();
    r.total = period.total;
    period.into(r.byChannel, r.byStatus);
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
