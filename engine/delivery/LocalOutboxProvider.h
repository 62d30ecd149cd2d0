#pragma once

#include "delivery/DeliveryProvider.h"

#include <memory>

namespace vc {

// The embedded default for every channel: a message "sent" here lands, still sealed, in the
// local outbox table, where the console, the API and `verifyctl outbox` show it. Nothing leaves
// the machine. Delivery is a row written in the worker's own transaction.
class LocalOutboxProvider final : public DeliveryProvider
{
public:
    static constexpr const char *Name = "local_outbox";

    QString name() const override { return QString::fromLatin1(Name); }
    // Never called: the outbox delivers in the worker's transaction.
    SendOutcome send(const OutgoingMessage &message) override;
    bool deliversInTransaction() const override { return true; }
    SendOutcome deliverInTransaction(Connection &c, const DeliveryRow &job,
                                     const SessionRow &session, qint64 now) override;
};

} // namespace vc
