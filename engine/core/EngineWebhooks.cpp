// The Engine's status webhooks: the services' secrets, sending the queue on a caller's thread, and
// sending a session's failed webhooks again by hand.
// Webhooks are queued where statuses change (SessionStore::transition, a workflow's failover).

#include "core/Engine.h"
#include "core/SessionCrypto.h"
#include "core/SessionRules.h"
#include "delivery/DeliveryWorker.h"
#include "delivery/WebhookDispatcher.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/WebhookStore.h"

#include <QJsonArray>

namespace vc {

Result<QString> Engine::webhookSecretImpl(const QString &serviceId, const Actor &actor, bool rotate)
{
    if (auto s = service(serviceId); !s)
        return s.error();
    return m_db->write<QString>([&](Connection &c) -> Result<QString> {
        const qint64 now = m_clock->nowMs();
        auto secret = WebhookDispatcher::secretFor(c, *m_crypto, serviceId, now, rotate);
        if (!secret)
            return secret.error();
        if (Status s = AuditStore(c).append(now, actor,
                                            rotate ? QStringLiteral("service.webhook_secret.rotate")
                                                   : QStringLiteral("service.webhook_secret.read"),
                                            QStringLiteral("service"), serviceId, {});
            !s)
            return s.error();
        return secret->toUtf8String();
    });
}

Result<QString> Engine::webhookSecret(const QString &serviceId, const Actor &actor)
{
    return webhookSecretImpl(serviceId, actor, false);
}

Result<QString> Engine::rotateWebhookSecret(const QString &serviceId, const Actor &actor)
{
    return webhookSecretImpl(serviceId, actor, true);
}

Result<int> Engine::deliverWebhooks(int limit)
{
    return m_inlineWorker->processDueWebhooks(qBound(1, limit, 1000));
}

Result<qint64> Engine::webhookQueueDepth()
{
    return m_db->read<qint64>([](Connection &c) { return WebhookStore(c).queueDepth(); });
}

Result<QList<WebhookRow>> Engine::webhooks(const QString &sessionId)
{
    if (Status s = SessionRules::validateSessionId(sessionId); !s)
        return s.error();
    return m_db->read<QList<WebhookRow>>([&](Connection &c) -> Result<QList<WebhookRow>> {
        auto found = SessionStore(c).find(sessionId);
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("no session with this id"));
        return WebhookStore(c).forSession(sessionId);
    });
}

Result<SessionView> Engine::retryWebhooks(const QString &sessionId, const Actor &actor)
{
    if (Status s = SessionRules::validateSessionId(sessionId); !s)
        return s.error();
    auto view = updateSession<SessionView>(
        sessionId,
        [&](Connection &c, SessionStore &sessions, SessionRow &row,
            qint64 now) -> Result<SessionView> {
            auto requeued = WebhookStore(c).requeueFailed(sessionId, now);
            if (!requeued)
                return requeued.error();
            if (requeued->isEmpty())
                return Error::conflict(QStringLiteral("no_failed_webhooks"),
                                       QStringLiteral("none of this session's webhooks has "
                                                      "failed for good; nothing to send again"));
            QJsonArray events;
            for (const WebhookRow &hook : std::as_const(*requeued)) {
                events.append(hook.event);
                if (Status s =
                        sessions.addEvent(sessionId, now, QStringLiteral("webhook_requeued"), actor,
                                          QJsonObject{{QStringLiteral("event_id"), hook.eventId},
                                                      {QStringLiteral("event"), hook.event},
                                                      {QStringLiteral("attempts"), hook.attempts},
                                                      {QStringLiteral("by"), actor.toString()}});
                    !s)
                    return s.error();
            }
            if (actor.staff)
                if (Status s =
                        AuditStore(c).append(now, actor, QStringLiteral("session.webhooks.retry"),
                                             QStringLiteral("session"), sessionId,
                                             QJsonObject{{QStringLiteral("webhooks"), events}});
                    !s)
                    return s.error();
            return row.view;
        });
    if (view)
        emit deliveryQueued(sessionId); // wakes the worker that also sends webhooks
    return view;
}

} // namespace vc
