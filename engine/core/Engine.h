#pragma once

#include "core/ApiKey.h"
#include "core/Audit.h"
#include "core/Clock.h"
#include "core/EngineConfig.h"
#include "core/Result.h"
#include "core/Service.h"
#include "core/Session.h"
#include "crypto/SecureBytes.h"
#include "delivery/DeliveryProvider.h"
#include "delivery/DeliveryReceipt.h"
#include "store/ChangeTracker.h"
#include "store/ProviderStore.h"
#include "store/WebhookStore.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace vc {

class Connection;
class ConfigCache;
struct ConfigSnapshot;
class Database;
class DeliveryProvider;
class DeliveryWorker;
class ProviderRegistry;
class SessionCrypto;
class SessionStore;
struct SessionRow;
class TemplateCatalog;

// The one way into Verify Console's engine: sessions (start, check, status, cancel, resend,
// events), services, the local outbox and statistics. Every method is safe to call from any
// thread, returns a value or an Error (never throws), and records each step as an event.
// Signals may be emitted from any thread; connect with an auto or queued connection.
class Engine : public QObject
{
    Q_OBJECT
public:
    // Opens the data folder (creating it, mode 0700), the master secret and the database, and
    // makes sure the default service exists. `clock` defaults to the system clock.
    static Result<std::unique_ptr<Engine>> open(const EngineConfig &config,
                                                std::shared_ptr<const Clock> clock = nullptr);
    ~Engine() override;

    // --- sessions ---------------------------------------------------------------------------
    // Creates a session, its code and its delivery job in one transaction. The code is never
    // returned.
    Result<StartResult> start(const StartRequest &request);
    // Checks a code. Wrong codes count against the session's attempts, also under concurrency;
    // the last allowed wrong code fails the session. Checking a verified session is a Conflict
    // ("already_verified"), so a replay can never read as a fresh success.
    Result<CheckResult> check(const CheckRequest &request);
    Result<SessionView> status(const QString &sessionId);
    // How often status reads and key checks were answered from memory (see ReadCache): for the
    // metrics. All zero when the database's changes cannot be tracked.
    ReadCacheCounts statusCacheCounts() const;
    ReadCacheCounts configCacheCounts() const;
    // Write transactions this process committed, and the writes (units of work: a start, a
    // check, a delivery recorded, ...) they held: for the metrics, where writes per commit show
    // the group commit at work. Each commit is one fsync.
    struct CommitCounts
    {
        quint64 commits = 0;
        quint64 writes = 0;
    };
    CommitCounts commitCounts() const;
    // Cancels an open session; a Conflict when it already reached a final status.
    Result<SessionView> cancel(const QString &sessionId, const Actor &actor);
    // Sends a new code (optionally by another channel that reaches the same recipient); the old
    // code stops working and the validity starts again. Attempts are not reset. RateLimited with
    // retryAfterSeconds during the cooldown; Conflict when no resends are left or the session is
    // final.
    Result<SessionView> resend(const ResendRequest &request);
    Result<QList<SessionEvent>> events(const QString &sessionId);

    // --- services -----------------------------------------------------------------------------
    Result<QList<Service>> services();
    Result<Service> service(const QString &id);
    // Creates a service from the defaults plus `settings` (same keys as updateService).
    Result<Service> createService(const QString &id, const QJsonObject &settings,
                                  const Actor &actor);
    // Changes settings by key ({"ttl_seconds": 600}); sessions already started keep their rules.
    // Each change is written to the audit log with the old and new values.
    Result<Service> updateService(const QString &id, const QJsonObject &changes,
                                  const Actor &actor);
    // A service's message text for one locale and part: the override if set, else the shipped
    // text. Setting an empty text removes the override.
    Result<QString> messageTemplate(const QString &serviceId, const QString &locale,
                                    const QString &part);
    Status setMessageTemplate(const QString &serviceId, const QString &locale, const QString &part,
                              const QString &text, const Actor &actor);

    // --- API keys and audit (EngineAdmin.cpp) ---------------------------------------------------
    // Issues a key; its secret is in the answer only. Audited.
    Result<IssuedKey> createKey(const CreateKeyRequest &request, const Actor &actor);
    Result<QList<ApiKeyInfo>> keys();
    // Revokes by id or prefix; a Conflict when already revoked. The next request with the key
    // fails in every process that shares the database. Audited.
    Result<ApiKeyInfo> revokeKey(const QString &idOrPrefix, const Actor &actor);
    // Checks a presented key ("vk_<prefix>_<secret>"). Every failure (malformed, unknown, wrong
    // secret, revoked, expired) is the same Unauthorized error. Notes the use in memory; the
    // last-used times reach the database with flushKeyUsage().
    Result<ApiKeyInfo> authenticate(const QString &presentedKey);
    Status flushKeyUsage();
    Result<QList<AuditEntry>> audit(const AuditQuery &query);

    // Sessions newest first with filters and cursor paging; a recipient is found by its blind
    // index (exact phone number or e-mail address).
    Result<SessionPage> findSessions(const SessionQuery &query);

    // A consistent copy of the database at `path` (which must not exist), safe while verifyd
    // runs. The master secret is not in it: back that up separately.
    Status backup(const QString &path);

    // --- delivery -----------------------------------------------------------------------------
    // Messages in the local outbox, newest first, decrypted for display (they hold codes: show
    // them only to someone allowed to read the outbox).
    Result<QList<OutboxEntry>> outbox(const QString &sessionId = {}, int limit = 50);
    // Sends due deliveries on the calling thread (of one session when given); returns how many.
    Result<int> deliverDue(const QString &sessionId = {}, int limit = 100);
    // Messages waiting to be sent or being sent.
    Result<qint64> deliveryQueueDepth();
    // The delivery queue as the console shows it, newest first.
    Result<QList<DeliveryView>> deliveries(const DeliveryQuery &query);
    // Retries a failed delivery: the session gets a new code by the same channel (the failed
    // message was erased), under the resend rules (cooldown, maximum). Audited for staff.
    Result<SessionView> retryDelivery(qint64 deliveryId, const Actor &actor);
    // Adds a provider and routes channels to it.
    void addProvider(std::shared_ptr<DeliveryProvider> provider, const QList<Channel> &routes);

    // Providers configured in the database (SMTP, Kannel, HTTP gateways), shared by every
    // process on it. Secrets are never returned: ProviderRecord::secretKeys says which are set.
    Result<QList<ProviderRecord>> providerConfigs();
    Result<QList<ProviderRoute>> providerRoutes();
    // Creates or changes a provider after building it from the settings (an error names the
    // field). `secrets` holds what changes: a secret left out keeps its stored value, one set
    // to "" is cleared. Audited, without the secrets.
    Status saveProvider(const QString &name, const QString &kind, const QJsonObject &settings,
                        const QJsonObject &secrets, const Actor &actor);
    Status removeProvider(const QString &name, const Actor &actor);
    // Routes a channel of a service ("" = every service without its own route) to a configured
    // provider; an empty provider returns it to the built-in default (the local outbox).
    Status setProviderRoute(const QString &serviceId, Channel channel, const QString &provider,
                            const Actor &actor);
    // Sends a test message (no code) through a configured provider now and says how it went.
    // Blocks for up to the provider's timeout: call it off the GUI thread. Audited.
    Result<SendOutcome> sendTestMessage(const QString &provider, Channel channel,
                                        const QString &recipient, const Actor &actor);

    // --- delivery receipts (EngineReceipts.cpp) -------------------------------------------------
    // Whether `token` is the receipt token of the registered provider `providerName` (compared
    // in constant time by the provider). NotFound when no provider has that name; Unauthorized,
    // with the same message as a wrong API key, when the token is not its own.
    Status authorizeReceipt(const QString &providerName, const QString &token);
    // Records a delivery receipt from provider `providerName` for delivery `deliveryId`:
    // delivered moves a pending session to `delivered`; undeliverable or rejected fails the
    // delivery and leaves the session open (it ends `failed` at expiry if no message got out);
    // buffered and SMSC-accepted are events only. A late receipt never moves a verified or final
    // session back. The same receipt twice changes nothing the second time (duplicate). NotFound
    // when the delivery does not exist or belongs to another provider. `reply` is the gateway's
    // text; only a part that cannot hold the code is kept. Emits sessionChanged when recorded.
    Result<ReceiptOutcome> recordReceipt(const QString &providerName, qint64 deliveryId,
                                         ReceiptStatus status, const QString &reply = {});

    // --- status webhooks (EngineWebhooks.cpp) --------------------------------------------------
    // Status changes (delivered, verified, failed, expired, cancelled, failover) are POSTed to the
    // session's callback_url, else the service's webhook_url, from a durable queue, signed with
    // the service's webhook secret (X-Verify-Signature). The secret is made when first needed and
    // stored sealed with the master key. webhookSecret() shows it to an admin setting up a
    // receiver; rotateWebhookSecret() replaces it (webhooks still queued are signed with the new
    // one). Both are audited, without the secret.
    Result<QString> webhookSecret(const QString &serviceId, const Actor &actor);
    Result<QString> rotateWebhookSecret(const QString &serviceId, const Actor &actor);
    // Sends due webhooks on the calling thread; returns how many were attempted.
    Result<int> deliverWebhooks(int limit = 20);
    // Webhooks waiting to be sent or being sent.
    Result<qint64> webhookQueueDepth();
    // The session's status webhooks, oldest first (their bodies hold no code or recipient).
    Result<QList<WebhookRow>> webhooks(const QString &sessionId);
    // Sends the session's finally failed webhooks again, for when their receiver was down longer
    // than the retries lasted: back in the queue for an attempt now, with the same event ids and
    // bodies, signed anew; should that fail, the usual backoff follows while the status change
    // is less than a day old. A "webhook_requeued" event for each; audited for staff. NotFound
    // for an unknown session, Conflict (no_failed_webhooks) when none has finally failed.
    Result<SessionView> retryWebhooks(const QString &sessionId, const Actor &actor);
    // Webhooks that failed for good, oldest first, of one service or of all (empty `serviceId`).
    Result<QList<WebhookRow>> failedWebhooks(const QString &serviceId = {}, int limit = 100);
    // retryWebhooks() for every webhook that failed for good, of one service or of all, at most
    // MaxWebhookRetries at a time (call again for more): after a receiver's long outage. One
    // audit entry (webhooks.retry) with the count. Returns how many were queued again; NotFound
    // for an unknown service, Conflict (no_failed_webhooks) when there were none.
    static constexpr int MaxWebhookRetries = 10000;
    Result<int> retryFailedWebhooks(const QString &serviceId, const Actor &actor);

    // --- housekeeping and statistics ----------------------------------------------------------
    // How long finished sessions are kept (days, 1-3650, default 90); shared by every process
    // on the database. Hourly statistics are kept regardless.
    static constexpr int DefaultRetentionDays = 90;
    Result<int> retentionDays();
    Status setRetentionDays(int days, const Actor &actor);
    // Deletes sessions that finished longer ago than the retention, with their events,
    // deliveries and outbox messages; returns how many. Runs daily in the background work.
    Result<int> purgeOldSessions();

    // Moves workflows on: each open session whose next step is due (its wait passed unverified,
    // or its delivery failed for good) gets a new code by the next step's channel, valid for the
    // session's ttl from now, with a "failover" event and webhook; a session whose last step's
    // delivery failed ends `failed`. Runs with the expiry sweep; returns how many moved.
    Result<int> advanceWorkflows(int batchSize = 100);

    // Expires open sessions whose time is up; returns how many.
    Result<int> sweepExpired(int batchSize = 500);
    Result<StatsReport> stats(const StatsQuery &query);
    // Signs of SMS pumping now, of one service or (empty) all: number prefixes with a burst of
    // starts in the last hour or so, or whose starts of the last 24 hours are verified far less
    // often than the service's usually are (PumpingAlert, docs/SECURITY.md). Bursts first, then
    // the most starts first.
    Result<QList<PumpingAlert>> pumpingAlerts(const QString &serviceId = {},
                                              const PumpingThresholds &thresholds = {});

    // Runs the delivery worker, the periodic expiry sweep, the key-usage flush, the daily purge
    // and the change watch (databaseChanged) on a thread of their own until
    // stopBackgroundWork() or destruction.
    void startBackgroundWork(int pollIntervalMs = 500, int sweepIntervalMs = 5000);
    void stopBackgroundWork();

    const Clock &clock() const { return *m_clock; }
    const EngineConfig &config() const { return m_config; }

signals:
    void sessionChanged(const QString &sessionId, vc::SessionStatus status);
    void deliveryQueued(const QString &sessionId);
    // Something was committed to the database, by this process or another (checked about once
    // a second while background work runs): views may want to refresh.
    void databaseChanged();

private:
    Engine(EngineConfig config, std::shared_ptr<const Clock> clock);
    Result<Service> enabledService(const QString &id);
    Result<std::shared_ptr<const ConfigSnapshot>> configSnapshot();
    Result<std::shared_ptr<SecureBytes>> newCode(int length, CodeType type);
    Result<QByteArray> renderAndSeal(const ConfigSnapshot &config, const QString &sessionId,
                                     Channel channel, const QString &locale, const Service &service,
                                     const SecureBytes &code, int ttlSeconds);
    void notify(const QString &sessionId, SessionStatus status);
    // Turns test recipients the settings parser added into what is stored: blind index and
    // sealed code (a later entry for the same recipient replaces an earlier one).
    Status sealTestRecipients(Service &service) const;
    // The provider for a new delivery: the configured route, else the built-in one.
    QString providerFor(const ConfigSnapshot &config, const QString &serviceId, Channel channel);
    // Brings the registry's configured providers up to `config` (built anew when changed).
    void syncProviders(const ConfigSnapshot &config);

    Result<QString> webhookSecretImpl(const QString &serviceId, const Actor &actor, bool rotate);
    // Counts a verified phone session for its number prefix. The prefix is not kept with the
    // session (next to the masked number it would give away too many digits): the sealed
    // recipient is opened for it.
    Status countPrefixVerified(Connection &c, const SessionRow &row) const;

    // A read-modify-write of one session inside one write transaction: the session is loaded,
    // expired if its time is up, and handed to the decision, which changes it or refuses. A
    // refusal keeps an expiry found on the way; sessionChanged is emitted after every commit
    // that changed the session.

    template <typename T>
    using SessionDecision =
        std::function<Result<T>(Connection &, SessionStore &, SessionRow &, qint64 now)>;
    template <typename T>
    Result<T> updateSession(const QString &id, const SessionDecision<T> &decide);

    EngineConfig m_config;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<Database> m_db;
    std::shared_ptr<const SessionCrypto> m_crypto;
    std::unique_ptr<TemplateCatalog> m_templates;
    std::shared_ptr<ProviderRegistry> m_providers;
    std::unique_ptr<ConfigCache> m_configCache;
    // Status reads of recently read sessions, answered from memory while nothing committed
    // since could have changed them (null when changes cannot be tracked).
    std::shared_ptr<ReadCache<SessionView>> m_statusCache;
    std::unique_ptr<DeliveryWorker> m_inlineWorker; // for deliverDue() on callers' threads
    QMutex m_keyUseMutex;
    QHash<QString, qint64> m_keyUse; // prefix -> last use not yet written
    QMutex m_providerSyncMutex;
    qint64 m_providersSyncedVersion = -1;
    QHash<QString, qint64> m_configuredProviders; // name -> updated_at of the built instance
    QThread *m_backgroundThread = nullptr;
    DeliveryWorker *m_backgroundWorker = nullptr;
};

} // namespace vc
