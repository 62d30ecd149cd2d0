// The Engine's status webhooks: the services' secrets and sending the queue on a caller's thread.
// Webhooks are queued where statuses change (SessionStore::transition, a workflow's failover).

#include "core/Engine.h"
#include "core/SessionCrypto.h"
#include "delivery/DeliveryWorker.h"
#include "delivery/WebhookDispatcher.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/WebhookStore.h"

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

} // namespace vc
