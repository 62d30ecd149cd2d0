#include "delivery/LocalOutboxProvider.h"

#include "core/Clock.h"
#include "core/SessionCrypto.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"

namespace vc {

LocalOutboxProvider::LocalOutboxProvider(std::shared_ptr<Database> db,
                                         std::shared_ptr<const SessionCrypto> crypto,
                                         std::shared_ptr<const Clock> clock)
    : m_db(std::move(db))
    , m_crypto(std::move(crypto))
    , m_clock(std::move(clock))
{}

SendOutcome LocalOutboxProvider::send(const OutgoingMessage &m)
{
    auto sealed = m_crypto->sealOutboxMessage(m.sessionId, m.message);
    if (!sealed)
        return {SendOutcome::Kind::TemporaryFailure, {}, QStringLiteral("cannot seal message")};
    const qint64 now = m_clock->nowMs();
    Status stored = m_db->write<void>([&](Connection &c) {
        return DeliveryStore(c).storeOutboxMessage(m.deliveryId, m.sessionId, m.channel,
                                                   m.recipientMasked, m.locale, *sealed, now);
    });
    if (!stored)
        return {SendOutcome::Kind::TemporaryFailure, {}, stored.error().message};
    return {SendOutcome::Kind::Delivered, QStringLiteral("outbox-%1").arg(m.deliveryId), {}};
}

} // namespace vc
