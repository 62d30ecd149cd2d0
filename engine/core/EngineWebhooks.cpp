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

namespace {

// The session event of a webhook queued again by hand.
Status noteRequeued(SessionStore &sessions, const WebhookRow &hook, const Actor &actor, qint64 now)
{
    return sessions.addEvent(hook.sessionId, now, QStringLiteral("webhook_requeued"), actor,
                             QJsonObject{{QStringLiteral("event_id"), hook.eventId},
                                         {QStringLiteral("event"), hook.event},
                                         {QStringLiteral("attempts"), hook.attempts},
                                         {QStringLiteral("by"), actor.toString()}});
}

Error noFailedWebhooks(const QString &whose)
{
    return Error::conflict(QStringLiteral("no_failed_webhooks"),
                           QStringLiteral("none of %1 webhooks has failed for good; nothing to "
                                          "send again")
                               .arg(whose));
}

} // namespace

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
    if (auto session = status(sessionId); !session) // a malformed or unknown id
        return session.error();
    return m_db->read<QList<WebhookRow>>(
        [&](Connection &c) { return WebhookStore(c).forSession(sessionId); });
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
                return noFailedWebhooks(QStringLiteral("this session's"));
            QJsonArray events;
            for (const WebhookRow &hook : std::as_const(*requeued)) {
                events.append(hook.event);
                if (Status s = noteRequeued(sessions, hook, actor, now); !s)
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

Result<QList<WebhookRow>> Engine::failedWebhooks(const QString &serviceId, int limit)
{
    if (!serviceId.isEmpty())
        if (auto s = service(serviceId); !s)
            return s.error();
    return m_db->read<QList<WebhookRow>>([&](Connection &c) {
        return WebhookStore(c).failed(serviceId, qBound(1, limit, MaxWebhookRetries));
    });
}

Result<int> Engine::retryFailedWebhooks(const QString &serviceId, const Actor &actor)
{
    if (!serviceId.isEmpty())
        if (auto s = service(serviceId); !s)
            return s.error();
    auto count = m_db->write<int>([&](Connection &c) -> Result<int> {
        const qint64 now = m_clock->nowMs();
        WebhookStore webhooks(c);
        auto failed = webhooks.failed(serviceId, MaxWebhookRetries);
        if (!failed)
            return failed.error();
        if (failed->isEmpty())
            return noFailedWebhooks(serviceId.isEmpty() ? QStringLiteral("the")
                                                        : QStringLiteral("this service's"));
        SessionStore sessions(c);
        for (const WebhookRow &hook : std::as_const(*failed)) {
            auto requeued = webhooks.requeue(hook.id, now);
            if (!requeued)
                return requeued.error();
            if (Status s = noteRequeued(sessions, hook, actor, now); !s)
                return s.error();
        }
        if (Status s = AuditStore(c).append(
                now, actor, QStringLiteral("webhooks.retry"), QStringLiteral("service"),
                serviceId.isEmpty() ? QStringLiteral("*") : serviceId,
                QJsonObject{{QStringLiteral("webhooks"), static_cast<int>(failed->size())}});
            !s)
            return s.error();
        return static_cast<int>(failed->size());
    });
    if (count)
        emit deliveryQueued({}); // wakes the worker that also sends webhooks
    return count;
}

} // namespace vc
