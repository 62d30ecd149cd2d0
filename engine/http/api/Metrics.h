#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>

namespace vc {
class Engine;
}

namespace vc::http {

// Request counts by route and status and a latency histogram per route, rendered in the
// Prometheus text format together with the engine's gauges (sessions by channel and status,
// delivery queue depth).
class Metrics
{
public:
    static constexpr std::array<double, 12> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    void record(const QString &route, int status, qint64 elapsedNs);
    QByteArray render(Engine &engine) const;

    // Requests answered since start (the console shows a rate from it).
    quint64 requests() const { return m_total.load(); }

private:
    struct Latency
    {
        std::array<quint64, Buckets.size() + 1> counts{}; // last: +Inf
        double sum = 0;
        quint64 count = 0;
    };
    mutable QMutex m_mutex;
    QHash<QPair<QString, int>, quint64> m_requests;
    QHash<QString, Latency> m_latency;
    std::atomic<quint64> m_total{0};
};

} // namespace vc::http
