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

    // Starts and verifications per number prefix, for the SMS-pumping signals. A start counts
    // in the hour the session was created; so does its verification, later.
    struct PrefixCount
    {
        QString serviceId;
        QString prefix;
        QString region;
        qint64 hourStart = 0;
        qint64 started = 0;
        qint64 verified = 0;
    };
    Status countPrefixStart(qint64 createdAt, const QString &serviceId, const QString &prefix,
                            const QString &region);
    Status countPrefixVerified(qint64 createdAt, const QString &serviceId, const QString &prefix);
    // Every prefix's hours in [fromMs, toMs), of one service or (empty) all.
    Result<QList<PrefixCount>> prefixCounts(qint64 fromMs, qint64 toMs, const QString &serviceId);
    // One prefix's starts in [fromMs, toMs).
    Result<qint64> prefixStarts(const QString &serviceId, const QString &prefix, qint64 fromMs,
                                qint64 toMs);
    // A service's SMS and voice sessions created in [fromMs, toMs), and how many are verified.
    struct Outcomes
    {
        qint64 sessions = 0;
        qint64 verified = 0;
    };
    Result<Outcomes> phoneOutcomes(const QString &serviceId, qint64 fromMs, qint64 toMs);
    // Deletes prefix counts of hours before `beforeMs`; returns how many rows went.
    Result<int> purgePrefixCountsBefore(qint64 beforeMs);

private:
    Connection &m_c;
};

} // namespace vc
