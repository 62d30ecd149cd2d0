#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <map>
#include <tuple>

namespace vc {

class Connection;

// The counter increments of the write units of one group commit, summed in memory. The writer
// keeps those of the units it keeps and writes them just before the commit (writeTo), so a
// group of 30 starts bumps each hourly counter row once instead of 30 times. Keys hold the hour.
struct PendingCounters
{
    std::map<std::tuple<qint64, QString, int, int>, qint64> sessions;   // channel, status
    std::map<std::tuple<qint64, QString, int, QString>, qint64> events; // channel, event
    struct PrefixStarts
    {
        QString region;
        qint64 count = 0;
    };
    std::map<std::tuple<qint64, QString, QString>, PrefixStarts> prefixStarts;
    std::map<std::tuple<qint64, QString, QString>, qint64> prefixVerified;

    bool empty() const
    {
        return sessions.empty() && events.empty() && prefixStarts.empty() && prefixVerified.empty();
    }
    void clear() { *this = PendingCounters{}; }
    // Adds `other`'s increments to these.
    void add(const PendingCounters &other);
    // Writes every non-zero sum on `c` (not deferred): one statement per counter row; returns
    // the rows changed.
    Result<qint64> writeTo(Connection &c) const;
};

// Hourly statistics, written in the same transaction as the change they count, so the dashboard
// reads a few hundred rows instead of scanning sessions. A session counts in the hour it was
// created, under its current channel and status; events (delivery failures, resends) count in
// the hour they happened. Inside the writer's group commit the counts are summed in memory and
// written once before the commit (PendingCounters); readers see them with the commit.
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
