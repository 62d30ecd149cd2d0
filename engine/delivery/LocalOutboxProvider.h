#pragma once

#include "delivery/DeliveryProvider.h"

#include <memory>

namespace vc {

class Clock;
class Database;
class SessionCrypto;

// The embedded default for every channel: a message "sent" here lands, encrypted, in the local
// outbox table, where the console and `verifyctl outbox` show it. Nothing leaves the machine.
class LocalOutboxProvider final : public DeliveryProvider
{
public:
    static constexpr const char *Name = "local_outbox";

    LocalOutboxProvider(std::shared_ptr<Database> db, std::shared_ptr<const SessionCrypto> crypto,
                        std::shared_ptr<const Clock> clock);
    QString name() const override { return QString::fromLatin1(Name); }
    SendOutcome send(const OutgoingMessage &message) override;

private:
    std::shared_ptr<Database> m_db;
    std::shared_ptr<const SessionCrypto> m_crypto;
    std::shared_ptr<const Clock> m_clock;
};

} // namespace vc
