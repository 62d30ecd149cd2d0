#pragma once

#include "core/Result.h"
#include "core/Session.h"

namespace vc {

class Connection;

// Hourly statistics, written in the same transaction as the change they count, so the dashboard
// reads a few hundred rows instead of scanning sessions. A session counts in the hour it was
// created, under its current channel and status; events (delivery failures, resends) count in
// the hour they happened.
class StatsStore
{
public:
    explicit StatsStore(Connection &c)
        : m_c(c)
    {}

    Status addSessions(qint64 createdAt, const QString &serviceId, Channel channel,
                       SessionStatus status, int delta);
    Status countEvent(qint64 at, const QString &serviceId, Channel channel, const QString &event);

    Result<StatsReport> report(const StatsQuery &query, qint64 now);

private:
    Connection &m_c;
};

} // namespace vc
