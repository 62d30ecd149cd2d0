#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <QByteArray>

namespace vc {

class Connection;

enum class DeliveryState
{
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled
};
QString deliveryStateName(DeliveryState s);

struct DeliveryRow
{
    qint64 id = 0;
    QString sessionId;
    Channel channel = Channel::Sms;
    QString provider;
    DeliveryState state = DeliveryState::Queued;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QByteArray payloadSealed; // the rendered message, encrypted; empty once sent or given up
    QString providerMessageId;
    QString lastError;
    qint64 createdAt = 0;
    std::optional<qint64> sentAt;
};

// The transactional outbox: a delivery job is written in the same transaction as the session
// change that needs it; a worker claims due jobs with a lease (state "sending", next attempt at
// the lease's end), so a worker that dies mid-send leaves the job due again, never lost.
class DeliveryStore
{
public:
    explicit DeliveryStore(Connection &c)
        : m_c(c)
    {}

    Result<qint64> enqueue(const QString &sessionId, Channel channel, const QString &provider,
                           const QByteArray &payloadSealed, qint64 now);

    // Claims up to `limit` due jobs (optionally of one session): each gets attempts + 1 and a
    // lease until now + leaseMs.
    Result<QList<DeliveryRow>> claimDue(qint64 now, qint64 leaseMs, int limit,
                                        const QString &sessionId = {});
    Result<std::optional<DeliveryRow>> find(qint64 id);
    Result<QList<DeliveryRow>> forSession(const QString &sessionId);

    // A failed job stays failed: a failure receipt can arrive while its send is still being
    // recorded.
    Status markSent(qint64 id, const QString &providerMessageId, qint64 now);
    Status scheduleRetry(qint64 id, qint64 at, const QString &error, qint64 now);
    Status markFailed(qint64 id, const QString &error, qint64 now);
    // Jobs in `states`, newest first, with their session's masked recipient and status.
    Result<QList<DeliveryView>> list(const QStringList &states, qint64 before, int limit);
    // Jobs waiting to be sent or being sent.
    Result<qint64> queueDepth();
    // Cancels the session's queued and in-flight jobs and erases their payloads.
    Status cancelOpen(const QString &sessionId, qint64 now);

    // The local outbox: where the embedded provider "delivers". One message per delivery job:
    // storing it again (a retry after a crash) changes nothing.
    Status storeOutboxMessage(qint64 deliveryId, const QString &sessionId, Channel channel,
                              const QString &recipientMasked, const QString &locale,
                              const QByteArray &messageSealed, qint64 now);
    struct OutboxRow
    {
        qint64 id = 0;
        QString sessionId;
        Channel channel = Channel::Sms;
        QString recipientMasked;
        QString locale;
        QByteArray messageSealed;
        qint64 createdAt = 0;
    };
    // Newest first; all sessions when sessionId is empty.
    Result<QList<OutboxRow>> outbox(const QString &sessionId, int limit);

private:
    Connection &m_c;
};

} // namespace vc
