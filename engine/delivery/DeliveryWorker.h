#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "delivery/DeliveryReceipt.h"
#include "delivery/WebhookDispatcher.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace vc {

class Clock;
class Connection;
class Database;
class DeliveryProvider;
struct SessionRow;
struct SendOutcome;
class ProviderRegistry;
class SessionCrypto;
struct DeliveryRow;

// Sends what the delivery queue holds: claims due jobs, hands each to its provider, and records
// the outcome (sent, delivered, retry with backoff, or failed) with its events. A job claimed by
// a worker that dies becomes due again when its lease ends, so a crash loses no delivery.
// Retries stop at the session's expiry. A failed delivery leaves the session open (it can be
// resent, e.g. by another channel); a session whose messages never got out ends `failed` when it
// expires (SessionStore::expireIfDue).
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

    // Sends up to `limit` due status webhooks on the calling thread; returns how many were
    // attempted. The polling loop sends them after the due deliveries.
    Result<int> processDueWebhooks(int limit = 20) { return m_webhooks.processDue(limit); }

    // Backoff before retry number `attempt` (1-based): 2 s doubling to at most 5 minutes, with
    // up to 20 % random jitter so failing jobs do not retry in lockstep.
    static qint64 retryDelayMs(int attempt);

    // Records a provider's delivery receipt for `job` on the job and its session, inside the
    // caller's write unit, with the same rules and events as a send: delivered moves a pending
    // session to `delivered` when the job is its newest message (a late receipt never moves a
    // verified or final session back; the event still records it); undeliverable or rejected
    // fails the job with a "delivery_failed" event and leaves the session open; buffered and
    // accepted by the SMSC are "receipt" events only. A receipt already recorded for the job is a
    // duplicate and changes nothing. `reply` must already be safe to log (safeReceiptDetail).
    static Result<ReceiptOutcome> recordReceipt(Connection &c, const DeliveryRow &job,
                                                SessionRow &session, ReceiptStatus status,
                                                const QString &reply, qint64 now);

    // Polls every `intervalMs` from the thread this object lives in.
    void startPolling(int intervalMs);
    void stopPolling();
    // Processes due jobs soon (queued call into the worker's thread). Wakes that come while a
    // pass is already queued join it: a pass takes every job due when it runs.
    void wake();

signals:
    void sessionChanged(const QString &sessionId, vc::SessionStatus status);
    // A delivery failed for good in a workflow: its next step is due now (Engine runs
    // advanceWorkflows() on it instead of waiting for the next sweep).
    void workflowStepDue();

private:
    void drain();
    // Sends one claimed job through a provider outside any transaction, then records it.
    Status sendAndRecord(const DeliveryRow &job);
    // Delivers a claimed job of a provider that writes to the database, inside the unit.
    Result<std::optional<SessionStatus>> deliverInUnit(Connection &c, const DeliveryRow &job,
                                                       DeliveryProvider &provider, qint64 now);
    // Records an outcome on the job and the session (events, statistics, retry or failure).
    // `current`: the job was still the session's open delivery (not cancelled by a resend).
    Result<std::optional<SessionStatus>> record(Connection &c, const DeliveryRow &job,
                                                SessionRow &session, bool current,
                                                const SendOutcome &outcome, qint64 now);
    // For a session that ended or ran out of time: no message; expiry recorded if due.
    Result<std::optional<SessionStatus>> settleClosed(Connection &c, const DeliveryRow &job,
                                                      SessionRow &session, qint64 now);
    void announce(const QList<std::pair<QString, SessionStatus>> &changes);
    // Logs the messages that record() saw get out, once the unit that recorded them is
    // committed (and off the writer thread, which every request waits for).
    void logSent();

    std::shared_ptr<Database> m_db;
    std::shared_ptr<const SessionCrypto> m_crypto;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<ProviderRegistry> m_providers;
    WebhookDispatcher m_webhooks;
    QTimer m_timer;
    std::atomic<bool> m_passQueued{false};
    bool m_workflowStepDue = false; // set by record() in this pass, announced after it
    struct Sent
    {
        QString sessionId;
        Channel channel;
        QString recipientMasked;
        QString provider;
    };
    QList<Sent> m_sent; // by record() in the running unit, for logSent()
};

} // namespace vc
