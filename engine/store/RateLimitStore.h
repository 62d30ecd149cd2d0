#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace vc {

class Connection;

// Start counters per limit kind ("ip", "key", "service"), service and subject, one row per
// minute, in the same transaction as the start they count: they hold across processes and
// commits, and a limit reads at most the 60 rows of its last hour.
class RateLimitStore
{
public:
    explicit RateLimitStore(Connection &c)
        : m_c(c)
    {}

    struct Window
    {
        qint64 count = 0;   // starts in the hour before `now`
        qint64 retryAt = 0; // when count drops below the limit (when count >= limit)
    };
    // Starts counted in the last hour before `now`, and when the count falls below `limit`.
    Result<Window> window(const QString &kind, const QString &serviceId, const QByteArray &subject,
                          qint64 now, int limit);
    // Counts one start at `now`.
    Status add(const QString &kind, const QString &serviceId, const QByteArray &subject,
               qint64 now);
    // Deletes counters older than `beforeMs` (they no longer count); returns how many.
    Result<int> purgeBefore(qint64 beforeMs);

    static constexpr qint64 WindowMs = 3'600'000;
    static constexpr qint64 BucketMs = 60'000;

private:
    Connection &m_c;
};

} // namespace vc
