#include "http/api/Metrics.h"

#include "core/Engine.h"

namespace vc::http {

namespace {

QByteArray label(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

} // namespace

void Metrics::record(const QString &route, int status, qint64 elapsedNs)
{
    const double seconds = elapsedNs / 1e9;
    m_total.fetch_add(1, std::memory_order_relaxed);
    QMutexLocker lock(&m_mutex);
    ++m_requests[qMakePair(route, status)];
    Latency &l = m_latency[route];
    size_t i = 0;
    while (i < Buckets.size() && seconds > Buckets[i])
        ++i;
    ++l.counts[i];
    l.sum += seconds;
    ++l.count;
}

QByteArray Metrics::render(Engine &engine) const
{
    QByteArray out;
    out += "# HELP vc_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE vc_http_requests_total counter\n";
    QHash<QPair<QString, int>, quint64> requests;
    QHash<QString, Latency> latency;
    {
        QMutexLocker lock(&m_mutex);
        requests = m_requests;
        latency = m_latency;
    }
    for (auto it = requests.constBegin(); it != requests.constEnd(); ++it)
        out += "vc_http_requests_total{route=\"" + label(it.key().first) + "\",status=\"" +
               QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP vc_http_request_duration_seconds Time from a complete request to its "
           "response.\n# TYPE vc_http_request_duration_seconds histogram\n";
    for (auto it = latency.constBegin(); it != latency.constEnd(); ++it) {
        const QByteArray route = label(it.key());
        quint64 cumulative = 0;
        for (size_t i = 0; i <= Buckets.size(); ++i) {
            cumulative += it->counts[i];
            const QByteArray le =
                i < Buckets.size() ? QByteArray::number(Buckets[i]) : QByteArray("+Inf");
            out += "vc_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le +
                   "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "vc_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
               QByteArray::number(it->sum, 'g', 9) + '\n';
        out += "vc_http_request_duration_seconds_count{route=\"" + route + "\"} " +
               QByteArray::number(it->count) + '\n';
    }

    out += "# HELP vc_sessions Sessions stored, by channel and status.\n"
           "# TYPE vc_sessions gauge\n";
    if (auto report = engine.stats({0, 0, {}, StatsGranularity::Day})) {
        QHash<int, qint64> counts; // channel * 16 + status
        for (const StatsRow &row : report->rows)
            counts[int(row.channel) * 16 + int(row.status)] += row.sessions;
        for (Channel c : allChannels())
            for (SessionStatus s : allStatuses())
                out += "vc_sessions{channel=\"" + channelName(c).toUtf8() + "\",status=\"" +
                       statusName(s).toUtf8() + "\"} " +
                       QByteArray::number(counts.value(int(c) * 16 + int(s))) + '\n';
    }
    out += "# HELP vc_delivery_queue_depth Messages waiting to be sent or being sent.\n"
           "# TYPE vc_delivery_queue_depth gauge\n";
    if (auto depth = engine.deliveryQueueDepth())
        out += "vc_delivery_queue_depth " + QByteArray::number(*depth) + '\n';
    out += "# HELP vc_read_cache_total Repeated reads answered from memory (hit) or from the "
           "database (miss): session status reads and the key and service configuration.\n"
           "# TYPE vc_read_cache_total counter\n";
    const std::pair<const char *, ReadCacheCounts> caches[] = {
        {"status", engine.statusCacheCounts()}, {"config", engine.configCacheCounts()}};
    for (const auto &[name, counts] : caches) {
        out += QByteArray("vc_read_cache_total{cache=\"") + name + "\",result=\"hit\"} " +
               QByteArray::number(counts.hits) + '\n';
        out += QByteArray("vc_read_cache_total{cache=\"") + name + "\",result=\"miss\"} " +
               QByteArray::number(counts.misses) + '\n';
    }
    return out;
}

} // namespace vc::http
