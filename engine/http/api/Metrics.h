#pragma once

#include <QByteArray>
#include <QStringList>

#include <array>
#include <atomic>
#include <memory>

namespace vc {
class Engine;
}

namespace vc::http {

// Request counts by route and status and a latency histogram per route, rendered in the
// Prometheus text format together with the engine's gauges (sessions by channel and status,
// delivery queue depth). Counted without a lock: one set of atomic counters per route.
class Metrics
{
public:
    static constexpr std::array<double, 12> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    // `routes`: the label of each route ("GET /v1/verify/{id}"), by the index record() is given.
    explicit Metrics(const QStringList &routes);
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    // `route`: an index into the labels, or -1 for a request that matched none ("unmatched").
    // `status`: 100-599 (others count as 500, which the transport sends instead).
    void record(int route, int status, qint64 elapsedNs);
    QByteArray render(Engine &engine) const;

    // Requests answered since start (the console shows a rate from it).
    quint64 requests() const { return m_total.load(); }

private:
    static constexpr int kFirstStatus = 100;
    static constexpr int kStatuses = 500; // 100-599
    struct RouteCounters
    {
        std::array<std::atomic<quint64>, kStatuses> statuses{};
        std::array<std::atomic<quint64>, Buckets.size() + 1> buckets{}; // last: +Inf
        std::atomic<quint64> count{0};
        std::atomic<quint64> sumNs{0};
    };
    QStringList m_labels; // the routes', then "unmatched"
    std::unique_ptr<RouteCounters[]> m_counters;
    std::atomic<quint64> m_total{0};
};

} // namespace vc::http
