#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <QByteArray>

namespace vc {

class Connection;

// A session as stored: the view plus what only the engine may touch.
struct SessionRow
{
    SessionView view;
    QByteArray recipientIndex;
    QByteArray recipientSealed;
    QByteArray codeHash; // empty once the session is final
    int resendCooldownSeconds = 0;
    int ttlSeconds = 0;
    QString workflow;                     // the steps as JSON (Workflows::parse); empty: none
    int workflowStep = 0;                 // the step now sending, 0-based
    std::optional<qint64> workflowNextAt; // when the next step fires unless verified first
};

// SQL for sessions and their events, within a transaction the caller holds. Every status change
// goes through transition(), which also moves the session between hourly statistics buckets, so
// the statistics always equal a count over the sessions.
class SessionStore
{
public:
    explicit SessionStore(Connection &c)
        : m_c(c)
    {}

    Status insert(const SessionRow &row);
    // nullopt when there is no such session.
    Result<std::optional<SessionRow>> find(const QString &id);

    Status addEvent(const QString &sessionId, qint64 at, const QString &type, const Actor &actor,
                    const QJsonObject &detail = {});
    // The same with the detail already written as a JSON object (JsonWriter): the hot paths
    // write it before their unit reaches the writer, which then only stores it.
    Status addEventJson(const QString &sessionId, qint64 at, const QString &type,
                        const Actor &actor, const QString &detailJson);
    Result<QList<SessionEvent>> events(const QString &sessionId);

    // Moves `row` to `to` at `now` (stats, finished/verified/delivered times, the code hash erased
    // on final statuses, queued deliveries cancelled on final statuses) and writes the
    // change. The caller has checked the transition is allowed.
    Status transition(SessionRow &row, SessionStatus to, qint64 now);

    // Ends an open session whose time is up: `failed` (event "failed", reason delivery_failed)
    // when no message of it ever got out and one failed, else `expired`. Statistics follow.
    // Returns true when it did.
    Result<bool> expireIfDue(SessionRow &row, qint64 now);

    // Counts one wrong code (attempts + 1).
    Status recordAttempt(SessionRow &row);
    // Replaces the code after a resend.
    Status replaceCode(SessionRow &row, Channel channel, const QByteArray &codeHash, qint64 now,
                       qint64 expiresAt);

    // A workflow's next step: the new code by the step's channel (the old code stops working,
    // resends are not counted), validity from now, the step number and the next step's time.
    Status advanceWorkflow(SessionRow &row, Channel channel, const QByteArray &codeHash, qint64 now,
                           qint64 expiresAt, std::optional<qint64> nextAt);
    // Makes the workflow's next step due now (the current step's delivery failed for good).
    Status workflowDueNow(SessionRow &row, qint64 now);
    // Open sessions whose workflow's next step is due, oldest first.
    Result<QStringList> dueForFailover(qint64 now, int limit);

    // Sessions of one recipient (by blind index) in one service created after `sinceMs`,
    // and the oldest creation time among them.
    struct RecentStarts
    {
        int count = 0;
        qint64 oldest = 0;
    };
    Result<RecentStarts> recentStarts(const QString &serviceId, const QByteArray &recipientIndex,
                                      qint64 sinceMs);

    // The newest open (pending or delivered), unexpired session of one recipient in one service
    // by `channel`, if any.
    Result<std::optional<SessionRow>> findOpen(const QString &serviceId,
                                               const QByteArray &recipientIndex, Channel channel,
                                               qint64 now);

    // Sessions matching `query` (recipient by blind index when `recipientIndex` is set), newest
    // first, at most `limit`, starting below the cursor id.
    Result<QList<SessionRow>> list(const SessionQuery &query, const QByteArray &recipientIndex,
                                   int limit);

    // Deletes up to `limit` final sessions that finished before `beforeMs`, with their events,
    // deliveries and outbox messages (hourly statistics stay). Returns how many.
    Result<int> purgeFinishedBefore(qint64 beforeMs, int limit);

    // Ids of open sessions whose expiry time has passed, oldest first.
    Result<QStringList> dueForExpiry(qint64 now, int limit);

private:
    Connection &m_c;
};

} // namespace vc
