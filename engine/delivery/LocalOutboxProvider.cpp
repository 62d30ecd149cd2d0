#include "delivery/LocalOutboxProvider.h"

#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SessionStore.h"

namespace vc {

SendOutcome LocalOutboxProvider::send(const OutgoingMessage &)
{
    return {SendOutcome::Kind::PermanentFailure,
            {},
            QStringLiteral("the local outbox delivers in the worker's transaction")};
}

SendOutcome LocalOutboxProvider::deliverInTransaction(Connection &c, const DeliveryRow &job,
                                                      const SessionRow &session, qint64 now)
{
    // The queued ciphertext moves as it is: the outbox opens it with the same binding.
    Status stored = DeliveryStore(c).storeOutboxMessage(
        job.id, job.sessionId, job.channel, session.view.recipientMasked, session.view.locale,
        job.payloadSealed, now);
    if (!stored)
        return {SendOutcome::Kind::TemporaryFailure, {}, stored.error().message};
    return {SendOutcome::Kind::Delivered, QStringLiteral("outbox-%1").arg(job.id), {}};
}

} // namespace vc
