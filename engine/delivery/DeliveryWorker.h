#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace vc {

class Clock;
class Database;
class ProviderRegistry;
class SessionCrypto;
struct DeliveryRow;

// Sends what the delivery queue holds: claims due jobs, hands each to its provider, and records
// the outcome (sent, delivered, retry with backoff, or failed) with its events. A job claimed by
// a worker that dies becomes due again when its lease ends, so a crash loses no delivery.
// Retries stop at the session's expiry; a session whose last delivery fails becomes `failed`.
class DeliveryWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 LeaseMs = 60'000;

    DeliveryWorker(std::shared_ptr<Database> db, std::shared_ptr<const SessionCrypto> crypto,
                   std::shared_ptr<const Clock> clock, std::shared_ptr<ProviderRegistry> providers,
                   QObject *parent = nullptr);

    // Processes up to `limit` due jobs (of one session when `sessionId` is given) on the calling
    // thread; returns how many were handled.
    Result<int> processDue(int limit = 50, const QString &sessionId = {});

    // Backoff before retry number `attempt` (1-based): 2 s doubling to at most 5 minutes, with
    // up to 20 % random jitter so failing jobs do not retry in lockstep.
    static qint64 retryDelayMs(int attempt);

    // Polls every `intervalMs` from the thread this object lives in.
    void startPolling(int intervalMs);
    void stopPolling();
    // Processes due jobs soon (queued call into the worker's thread).
    void wake();

signals:
    void sessionChanged(const QString &sessionId, vc::SessionStatus status);

private:
    void drain();
    Status handle(const DeliveryRow &job);

    std::shared_ptr<Database> m_db;
    std::shared_ptr<const SessionCrypto> m_crypto;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<ProviderRegistry> m_providers;
    QTimer m_timer;
};

} // namespace vc
