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

Metrics::Metrics(const QStringList &routes)
    : m_labels(routes + QStringList{QStringLiteral("unmatched")})
    , m_counters(std::make_unique<RouteCounters[]>(size_t(m_labels.size())))
{}

Metrics::~Metrics() = default;

void Metrics::record(int route, int status, qint64 elapsedNs)
{
    static constexpr auto bucketNs = [] {
        std::array<qint64, Buckets.size()> ns{};
        for (size_t i = 0; i < Buckets.size(); ++i)
            ns[i] = qint64(Buckets[i] * 1e9 + 0.5);
        return ns;
    }();
    m_total.fetch_add(1, std::memory_order_relaxed);
    if (route < 0 || route >= m_labels.size() - 1)
        route = int(m_labels.size() - 1);
    if (status < kFirstStatus || status >= kFirstStatus + kStatuses)
        status = 500;
    RouteCounters &c = m_counters[size_t(route)];
    c.statuses[size_t(status - kFirstStatus)].fetch_add(1, std::memory_order_relaxed);
    size_t i = 0;
    while (i < bucketNs.size() && elapsedNs > bucketNs[i])
        ++i;
    c.buckets[i].fetch_add(1, std::memory_order_relaxed);
    c.sumNs.fetch_add(quint64(qMax<qint64>(0, elapsedNs)), std::memory_order_relaxed);
    c.count.fetch_add(1, std::memory_order_relaxed);
}

QByteArray Metrics::render(Engine &engine) const
{
    QByteArray out;
    out += "# HELP vc_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE vc_http_requests_total counter\n";
    for (qsizetype r = 0; r < m_labels.size(); ++r) {
        const RouteCounters &c = m_counters[size_t(r)];
        for (int s = 0; s < kStatuses; ++s)
            if (const quint64 n = c.statuses[size_t(s)].load(std::memory_order_relaxed); n > 0)
                out += "vc_http_requests_total{route=\"" + label(m_labels.at(r)) + "\",status=\"" +
                       QByteArray::number(kFirstStatus + s) + "\"} " + QByteArray::number(n) + '\n';
    }
    out += "# HELP vc_http_request_duration_seconds Time from a complete request to its "
           "response.\n# TYPE vc_http_request_duration_seconds histogram\n";
    for (qsizetype r = 0; r < m_labels.size(); ++r) {
        const RouteCounters &c = m_counters[size_t(r)];
        const quint64 count = c.count.load(std::memory_order_relaxed);
        if (count == 0)
            continue;
        const QByteArray route = label(m_labels.at(r));
        quint64 cumulative = 0;
        for (size_t i = 0; i <= Buckets.size(); ++i) {
            cumulative += c.buckets[i].load(std::memory_order_relaxed);
            const QByteArray le =
                i < Buckets.size() ? QByteArray::number(Buckets[i]) : QByteArray("+Inf");
            out += "vc_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le +
                   "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "vc_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
               QByteArray::number(double(c.sumNs.load(std::memory_order_relaxed)) / 1e9, 'g', 9) +
               '\n';
        // The +Inf bucket's count, so that _count and the buckets agree in one scrape.
        out += "vc_http_request_duration_seconds_count{route=\"" + route + "\"} " +
               QByteArray::number(cumulative) + '\n';
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
    const Engine::CommitCounts commits = engine.commitCounts();
    out +=
        "# HELP vc_store_commits_total Write transactions committed (one fsync each that changed "
        "anything).\n"
        "# TYPE vc_store_commits_total counter\nvc_store_commits_total " +
        QByteArray::number(commits.commits) +
        "\n# HELP vc_store_writes_total Writes (starts, checks, deliveries recorded, ...) in "
        "those transactions: many per commit is the group commit at work.\n"
        "# TYPE vc_store_writes_total counter\nvc_store_writes_total " +
        QByteArray::number(commits.writes) + '\n';
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
