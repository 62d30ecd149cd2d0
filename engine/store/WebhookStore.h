#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <QByteArray>

namespace vc {

class Connection;

// One status webhook waiting to be sent, being sent, or done.
struct WebhookRow
{
    qint64 id = 0;
    QString eventId; // UUIDv7, also in the body: receivers use it to drop duplicates
    QString sessionId;
    QString serviceId;
    QString event; // "session.verified", "session.failover", ...
    QString url;
    QByteArray body; // compact JSON, fixed when the status changed
    QString state;   // queued, sending, sent, failed
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    std::optional<int> lastStatus; // the receiver's HTTP status of the last attempt
    QString lastError;
    qint64 createdAt = 0;
    std::optional<qint64> sentAt;
};

// The durable webhook queue and the services' sealed webhook secrets. A webhook is enqueued in
// the transaction that changes the session's status (SessionStore::transition, a failover), so a
// crash can lose neither; a sender claims due rows with a lease, like the delivery queue.
class WebhookStore
{
public:
    explicit WebhookStore(Connection &c)
        : m_c(c)
    {}

    // Queues `event` about `session` for its callback_url, else its service's webhook_url;
    // nothing when neither is set. `extra` adds fields to the body (reason, channels). Returns
    // whether a webhook was queued.
    Result<bool> enqueueFor(const SessionView &session, const QString &event,
                            const QJsonObject &extra, qint64 now);

    // Claims up to `limit` due webhooks: each gets attempts + 1 and a lease until now + leaseMs.
    Result<QList<WebhookRow>> claimDue(qint64 now, qint64 leaseMs, int limit);
    Result<std::optional<WebhookRow>> find(qint64 id);
    Result<QList<WebhookRow>> forSession(const QString &sessionId);
    Status markSent(qint64 id, int httpStatus, qint64 now);
    Status scheduleRetry(qint64 id, qint64 at, std::optional<int> httpStatus, const QString &error,
                         qint64 now);
    Status markFailed(qint64 id, std::optional<int> httpStatus, const QString &error, qint64 now);
    // Webhooks that failed for good, oldest first: of one service, or of all when `serviceId`
    // is empty.
    Result<QList<WebhookRow>> failed(const QString &serviceId, int limit);
    // Puts the session's finally failed webhooks back in the queue, due at `now`, with their
    // attempts counted afresh (same event id and body). Returns them as they were, failed.
    Result<QList<WebhookRow>> requeueFailed(const QString &sessionId, qint64 now);
    // The same for one webhook; false when it had not failed for good.
    Result<bool> requeue(qint64 id, qint64 now);
    // Webhooks waiting to be sent or being sent.
    Result<qint64> queueDepth();

    // A service's webhook secret, sealed with the master key (SessionCrypto); nullopt when none
    // was made yet.
    Result<std::optional<QByteArray>> sealedSecret(const QString &serviceId);
    Status setSealedSecret(const QString &serviceId, const QByteArray &sealed, qint64 now);

private:
    Connection &m_c;
};

} // namespace vc
