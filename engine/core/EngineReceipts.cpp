// The Engine's delivery receipts: reports that a provider (Kannel) sends back through the
// listener after it accepted a message.

#include "core/Engine.h"
#include "core/Logging.h"
#include "delivery/DeliveryWorker.h"
#include "delivery/ProviderRegistry.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SessionStore.h"

namespace vc {

Status Engine::authorizeReceipt(const QString &providerName, const QString &token)
{
    const std::shared_ptr<DeliveryProvider> provider =
        providerName.isEmpty() ? nullptr : m_providers->byName(providerName);
    if (!provider)
        return Error::notFound(QStringLiteral("no provider named %1").arg(providerName.left(40)));
    if (!provider->acceptsReceiptToken(token))
        // One answer for every credential failure, as for API keys.
        return Error{ErrorCode::Unauthorized, QStringLiteral("missing or invalid API key")};
    return {};
}

Result<ReceiptOutcome> Engine::recordReceipt(const QString &providerName, qint64 deliveryId,
                                             ReceiptStatus status, const QString &reply)
{
    const QString kept = safeReceiptDetail(reply);
    const auto notFound = [] {
        return Error::notFound(QStringLiteral("no delivery with this id for this provider"));
    };
    bool expired = false;
    auto outcome = m_db->write<ReceiptOutcome>([&](Connection &c) -> Result<ReceiptOutcome> {
        expired = false;
        auto job = DeliveryStore(c).find(deliveryId);
        if (!job)
            return job.error();
        if (!*job || (*job)->provider != providerName)
            return notFound();
        SessionStore sessions(c);
        auto found = sessions.find((*job)->sessionId);
        if (!found)
            return found.error();
        if (!*found)
            return notFound();
        SessionRow row = std::move(**found);
        // A session whose time ran out is expired first: a receipt arriving after that cannot
        // make it delivered.
        auto ended = sessions.expireIfDue(row, m_clock->nowMs());
        if (!ended)
            return ended.error();
        expired = *ended;
        return DeliveryWorker::recordReceipt(c, **job, row, status, kept, m_clock->nowMs());
    });
    if (!outcome)
        return outcome;
    if (!outcome->duplicate || expired)
        notify(outcome->sessionId, outcome->sessionStatus);
    return outcome;
}

} // namespace vc
