#pragma once

#include "core/Result.h"
#include "crypto/SecureBytes.h"
#include "delivery/WebhookSender.h"

#include <memory>

namespace vc {

class Clock;
class Connection;
class Database;
class SessionCrypto;
struct WebhookRow;

// Sends what the webhook queue holds: claims due webhooks with a lease (a sender that dies
// leaves them due again), signs each with its service's secret at the time of the attempt,
// POSTs it, and records the attempt on the queue and as a session event ("webhook_sent" or
// "webhook_failed", with the HTTP status and the attempt number). A failed attempt is retried
// with exponential backoff, at most MaxAttempts times and not after MaxAgeMs since the change.
class WebhookDispatcher
{
public:
    static constexpr int MaxAttempts = 10;
    static constexpr qint64 MaxAgeMs = 24LL * 3600 * 1000;
    static constexpr qint64 LeaseMs = 60'000;

    WebhookDispatcher(std::shared_ptr<Database> db, std::shared_ptr<const SessionCrypto> crypto,
                      std::shared_ptr<const Clock> clock);

    // Sends up to `limit` due webhooks on the calling thread, one claimed at a time, and starts
    // no new one after `budgetMs` (wall time): the thread also sends codes, and a slow receiver
    // must not hold them back for a whole batch of timeouts. Returns how many were attempted.
    Result<int> processDue(int limit = 20, qint64 budgetMs = 2000);

    // Backoff after failed attempt number `attempt` (1-based): 30 s doubling to at most 6 h,
    // plus up to 20 % random jitter.
    static qint64 retryDelayMs(int attempt);

    // The service's webhook secret, made (and stored sealed) when it has none yet or when
    // `rotate` is set. Inside the caller's write unit.
    static Result<SecureBytes> secretFor(Connection &c, const SessionCrypto &crypto,
                                         const QString &serviceId, qint64 now, bool rotate = false);

private:
    Status sendAndRecord(const WebhookRow &hook);

    std::shared_ptr<Database> m_db;
    std::shared_ptr<const SessionCrypto> m_crypto;
    std::shared_ptr<const Clock> m_clock;
    WebhookSender m_sender;
};

} // namespace vc
