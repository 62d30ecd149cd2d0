#include "core/Engine.h"

#include "core/ConfigCache.h"
#include "core/JsonWriter.h"
#include "core/Logging.h"
#include "core/Recipient.h"
#include "core/SessionCrypto.h"
#include "core/SessionRules.h"
#include "crypto/CodeGenerator.h"
#include "crypto/KeyRing.h"
#include "crypto/MasterSecret.h"
#include "crypto/SelfTest.h"
#include "crypto/Uuid.h"
#include "delivery/DeliveryWorker.h"
#include "delivery/LocalOutboxProvider.h"
#include "delivery/MessageTemplates.h"
#include "delivery/ProviderRegistry.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/RateLimitStore.h"
#include "store/ServiceStore.h"
#include "store/SessionStore.h"
#include "store/StatsStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace vc {

namespace {

const QString kDefaultService = QStringLiteral("default");
// Sessions whose status is kept in memory: polled sessions (a few KiB of memory per hundred).
constexpr int kStatusCacheEntries = 16384;

Error sessionNotFound()
{
    return Error::notFound(QStringLiteral("no session with this id"));
}

Error finalConflict(const SessionView &v)
{
    return Error::conflict(QStringLiteral("session_") + statusName(v.status),
                           QStringLiteral("the session is already %1").arg(statusName(v.status)));
}

int secondsUntil(qint64 fromMs, qint64 toMs)
{
    return static_cast<int>(qMax<qint64>(1, (toMs - fromMs + 999) / 1000));
}

} // namespace

Engine::Engine(EngineConfig config, std::shared_ptr<const Clock> clock)
    : m_config(std::move(config))
    , m_clock(std::move(clock))
    , m_providers(std::make_shared<ProviderRegistry>())
{}

Engine::~Engine()
{
    stopBackgroundWork();
    if (m_db)
        (void)flushKeyUsage();
}

Result<std::unique_ptr<Engine>> Engine::open(const EngineConfig &config,
                                             std::shared_ptr<const Clock> clock)
{
    // Keys, code hashes and sealed data are only as good as the primitives: refuse to open on a
    // build whose HMAC, HKDF or AES-GCM gives a wrong known answer.
    if (Status selfTest = cryptoSelfTest(); !selfTest)
        return selfTest.error();
    const EngineConfig c = config.resolved();
    if (!clock)
        clock = std::make_shared<SystemClock>();

    if (!QDir(c.dataDir).exists()) {
        if (!QDir().mkpath(c.dataDir))
            return Error::unavailable(
                QStringLiteral("cannot create the data folder %1").arg(c.dataDir));
        QFile::setPermissions(c.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    auto secret = c.masterSecret.isEmpty() ? MasterSecret::loadOrCreate(c.masterSecretFile)
                                           : MasterSecret::fromText(c.masterSecret);
    if (!secret)
        return secret.error();
    auto keys = KeyRing::derive(*secret);
    if (!keys)
        return keys.error();

    auto templates = c.templatesDir.isEmpty() ? TemplateCatalog::loadBuiltIn()
                                              : TemplateCatalog::loadFromDirectory(c.templatesDir);
    if (!templates)
        return templates.error();

    auto db = Database::open({c.databasePath, c.sync, c.busyTimeoutMs});
    if (!db)
        return db.error();

    std::unique_ptr<Engine> engine(new Engine(c, clock));
    engine->m_db = *db;
    engine->m_crypto = std::make_shared<const SessionCrypto>(*keys);
    engine->m_templates = std::make_unique<TemplateCatalog>(std::move(*templates));
    engine->m_configCache = std::make_unique<ConfigCache>(engine->m_db);
    engine->m_statusCache = engine->m_db->makeCache<SessionView>(
        ReadCache<SessionView>::Topic::Sessions, kStatusCacheEntries);

    const QString keyCheck = engine->m_crypto->keyCheck();
    Status init = engine->m_db->write<void>([&](Connection &conn) -> Status {
        ServiceStore services(conn);
        auto stored = services.metaSetIfAbsent(QStringLiteral("key_check"), keyCheck);
        if (!stored)
            return stored.error();
        if (*stored != keyCheck)
            return Error::unavailable(
                QStringLiteral("the master secret does not match the database %1, which was "
                               "created with another one; restore the original master secret "
                               "(%2) or point to the right database")
                    .arg(c.databasePath, c.masterSecretFile));
        auto inserted =
            services.insertIfAbsent(ServiceRules::makeDefault(kDefaultService, clock->nowMs()));
        if (!inserted)
            return inserted.error();
        return {};
    });
    if (!init)
        return init.error();

    auto outbox = std::make_shared<LocalOutboxProvider>();
    engine->addProvider(outbox, allChannels());
    // Configured providers are built when first needed and rebuilt when their configuration
    // changes, also when another process changed it.
    Engine *raw = engine.get();
    engine->m_providers->setSync([raw] {
        if (auto snapshot = raw->configSnapshot())
            raw->syncProviders(**snapshot);
    });
    engine->m_inlineWorker = std::make_unique<DeliveryWorker>(engine->m_db, engine->m_crypto, clock,
                                                              engine->m_providers);
    connect(engine->m_inlineWorker.get(), &DeliveryWorker::sessionChanged, engine.get(),
            &Engine::sessionChanged, Qt::DirectConnection);
    qCInfo(lcEngine).noquote() << "engine opened" << c.databasePath;
    return engine;
}

void Engine::addProvider(std::shared_ptr<DeliveryProvider> provider, const QList<Channel> &routes)
{
    const QString name = provider->name();
    m_providers->add(std::move(provider));
    for (Channel c : routes)
        m_providers->route(c, name);
}

void Engine::notify(const QString &sessionId, SessionStatus status)
{
    emit sessionChanged(sessionId, status);
}

Result<std::shared_ptr<const ConfigSnapshot>> Engine::configSnapshot()
{
    return m_configCache->current();
}

Result<Service> Engine::enabledService(const QString &id)
{
    auto s = service(id);
    if (!s) {
        if (s.error().code == ErrorCode::NotFound)
            return Error::invalid(QStringLiteral("service_id"), QStringLiteral("no such service"));
        return s.error();
    }
    if (!s->enabled)
        return Error::invalid(QStringLiteral("service_id"),
                              QStringLiteral("service %1 is disabled").arg(id));
    return s;
}

Result<std::shared_ptr<SecureBytes>> Engine::newCode(int length, CodeType type)
{
    auto code = CodeGenerator::generate(length, type);
    if (!code)
        return code.error();
    return std::make_shared<SecureBytes>(std::move(*code));
}

Result<QByteArray> Engine::renderAndSeal(const ConfigSnapshot &config, const QString &sessionId,
                                         Channel channel, const QString &locale,
                                         const Service &service, const SecureBytes &code,
                                         int ttlSeconds)
{
    MessageValues values{&code, service.appName, SessionRules::ttlMinutes(ttlSeconds)};
    auto rendered =
        m_templates->render(channel, locale, values, config.templatesOf(service.id, locale));
    if (!rendered)
        return rendered.error();
    auto sealed = m_crypto->sealQueuedMessage(sessionId, *rendered);
    rendered->wipe();
    return sealed;
}

// --- sessions --------------------------------------------------------------------------------

namespace {

// One start limit of a service, counted in rate_counters.
struct StartLimit
{
    QString kind;    // ip, key, service
    QString setting; // the service setting that holds it
    QByteArray subject;
    int perHour = 0;
    QString reason; // the error's machine-readable name
    QString who;    // how the message names the subject
};

} // namespace

Result<StartResult> Engine::start(const StartRequest &r)
{
    const QString serviceId = r.serviceId.isEmpty() ? kDefaultService : r.serviceId;
    if (Status s = ServiceRules::validateId(serviceId); !s)
        return s.error();
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    auto service = enabledService(serviceId);
    if (!service)
        return service.error();
    auto v = SessionRules::validateStart(r, *service);
    if (!v)
        return v.error();

    const qint64 now = m_clock->nowMs();
    const QString id = newUuid7(now);
    const QByteArray recipientIndex = m_crypto->recipientIndex(v->recipient.indexForm);
    // A test recipient gets its fixed code and no message.
    const TestRecipient *testRecipient = service->testRecipient(recipientIndex);
    std::shared_ptr<SecureBytes> code = v->customCode;
    int codeLength = v->codeLength;
    CodeType codeType = service->codeType;
    if (testRecipient) {
        auto fixed = m_crypto->openTestCode(service->id, recipientIndex, testRecipient->codeSealed);
        if (!fixed)
            return Error::internal(QStringLiteral("a test recipient's code does not open"));
        code = std::make_shared<SecureBytes>(std::move(*fixed));
        codeLength = static_cast<int>(code->size());
        codeType = CodeGenerator::isWellFormed(code->bytes(), codeLength, CodeType::Numeric)
                       ? CodeType::Numeric
                       : CodeType::Alphanumeric;
    } else if (!code) {
        auto generated = newCode(v->codeLength, service->codeType);
        if (!generated)
            return generated.error();
        code = *generated;
    }
    QByteArray payload;
    if (!testRecipient) {
        auto sealed =
            renderAndSeal(**snapshot, id, v->channel, v->locale, *service, *code, v->ttlSeconds);
        if (!sealed)
            return sealed.error();
        payload = std::move(*sealed);
    }
    auto recipientSealed = m_crypto->sealRecipient(id, v->recipient.normalised);
    if (!recipientSealed)
        return recipientSealed.error();

    SessionRow row;
    SessionView &s = row.view;
    s.id = id;
    s.serviceId = service->id;
    s.channel = v->channel;
    s.status = SessionStatus::Pending;
    s.recipientMasked = v->recipient.masked;
    s.recipientRegion = v->recipient.region;
    s.locale = v->locale;
    s.codeLength = codeLength;
    s.codeType = codeType;
    s.maxAttempts = service->maxAttempts;
    s.maxResends = testRecipient ? 0 : service->maxResends;
    s.reference = v->reference;
    s.callbackUrl = v->callbackUrl;
    s.clientIp = v->clientIp;
    s.test = testRecipient != nullptr;
    s.createdAt = now;
    s.expiresAt = now + qint64(v->ttlSeconds) * 1000;
    s.lastSentAt = now;
    row.recipientIndex = recipientIndex;
    row.recipientSealed = *recipientSealed;
    row.codeHash = m_crypto->codes().hash(id, *code);
    row.resendCooldownSeconds = service->resendCooldownSeconds;
    row.ttlSeconds = v->ttlSeconds;
    // A test recipient is never sent anything, so a workflow has nothing to fail over to.
    if (!s.test) {
        row.workflow = v->workflowJson;
        if (v->firstWaitSeconds > 0)
            row.workflowNextAt = now + qint64(v->firstWaitSeconds) * 1000;
    }
    code.reset();

    // The limits beyond the recipient's, each off at 0. The end user's IP address is counted
    // only as a keyed hash; an API key by its prefix (not a secret, not personal data).
    QList<StartLimit> limits;
    if (!v->clientIp.isEmpty() && service->startsPerIpPerHour > 0)
        limits.append({QStringLiteral("ip"), QStringLiteral("starts_per_ip_per_hour"),
                       m_crypto->ipIndex(v->clientIp), service->startsPerIpPerHour,
                       QStringLiteral("too_many_starts_from_ip"),
                       QStringLiteral("this end user's IP address has")});
    if (r.actor.kind == QLatin1String("api_key") && !r.actor.name.isEmpty() &&
        service->startsPerKeyPerHour > 0)
        limits.append({QStringLiteral("key"), QStringLiteral("starts_per_key_per_hour"),
                       r.actor.name.toUtf8(), service->startsPerKeyPerHour,
                       QStringLiteral("too_many_starts_for_key"),
                       QStringLiteral("this API key has")});
    if (service->startsPerServicePerHour > 0)
        limits.append({QStringLiteral("service"), QStringLiteral("starts_per_service_per_hour"),
                       QByteArrayLiteral("-"), service->startsPerServicePerHour,
                       QStringLiteral("too_many_starts_for_service"),
                       QStringLiteral("the service has")});

    const QString provider =
        testRecipient ? QString() : providerFor(**snapshot, service->id, v->channel);
    const int perHour = service->startsPerRecipientPerHour;
    // The details of the start's first events are written here, not on the writer thread that
    // every start shares (keys in QJsonObject's order, as every other event's).
    QString createdJson;
    {
        JsonWriter w;
        w.beginObject().field("channel", channelName(s.channel)).field("code_length", s.codeLength);
        if (v->customCode)
            w.field("custom_code", true);
        w.field("locale", s.locale).field("recipient", s.recipientMasked);
        if (!s.reference.isEmpty())
            w.field("reference", s.reference);
        w.field("service_id", s.serviceId);
        if (s.test)
            w.field("test", true);
        w.field("ttl_seconds", v->ttlSeconds);
        if (!row.workflow.isEmpty())
            w.key("workflow")
                .value(QJsonValue(QJsonDocument::fromJson(row.workflow.toUtf8()).array()));
        createdJson = QString::fromUtf8(w.endObject().take());
    }
    QString lookupJson;
    if (v->recipient.kind == Recipient::Kind::Phone) {
        JsonWriter w;
        lookupJson = QString::fromUtf8(w.beginObject()
                                           .field("calling_code", v->recipient.callingCode)
                                           .field("country", v->recipient.region)
                                           .field("number_type", v->recipient.numberType)
                                           .endObject()
                                           .take());
    }
    std::optional<Error> refusal;
    std::optional<SessionView> reused;
    Status written = m_db->write<void>([&](Connection &c) -> Status {
        refusal.reset();
        reused.reset();
        SessionStore sessions(c);
        // An open session of the same recipient and channel is returned as it is: no new code,
        // no message, no limit counted. Not with a caller's own code, which it would not hold.
        if (service->reusePendingSession && !v->customCode) {
            auto open = sessions.findOpen(service->id, recipientIndex, v->channel, now);
            if (!open)
                return open.error();
            if (*open) {
                reused = (*open)->view;
                return sessions.addEvent(
                    reused->id, now, QStringLiteral("start_reused"), r.actor,
                    QJsonObject{{QStringLiteral("channel"), channelName(v->channel)}});
            }
        }
        // A refusal is committed as a statistic (the session it would belong to never exists),
        // and nothing else.
        const auto refuse = [&](const QString &kind, Error error) -> Status {
            refusal = std::move(error);
            return StatsStore(c).countEvent(now, service->id, v->channel,
                                            QStringLiteral("rate_limited_") + kind);
        };
        auto recent = sessions.recentStarts(service->id, row.recipientIndex, now - 3'600'000);
        if (!recent)
            return recent.error();
        if (recent->count >= perHour)
            return refuse(
                QStringLiteral("recipient"),
                Error::rateLimited(
                    QStringLiteral("too_many_starts"),
                    QStringLiteral("this recipient has started %1 verifications in the last hour, "
                                   "the most service %2 allows (starts_per_recipient_per_hour); "
                                   "try again later")
                        .arg(recent->count)
                        .arg(service->id),
                    secondsUntil(now, recent->oldest + 3'600'000)));
        RateLimitStore counters(c);
        for (const StartLimit &limit : std::as_const(limits)) {
            auto window =
                counters.window(limit.kind, service->id, limit.subject, now, limit.perHour);
            if (!window)
                return window.error();
            if (window->count >= limit.perHour)
                return refuse(limit.kind,
                              Error::rateLimited(
                                  limit.reason,
                                  QStringLiteral("%1 started %2 verifications in the last hour, "
                                                 "the most service %3 allows (%4); try again "
                                                 "later")
                                      .arg(limit.who)
                                      .arg(window->count)
                                      .arg(service->id, limit.setting),
                                  secondsUntil(now, window->retryAt)));
        }
        for (const StartLimit &limit : std::as_const(limits))
            if (Status st = counters.add(limit.kind, service->id, limit.subject, now); !st)
                return st;
        if (Status st = sessions.insert(row); !st)
            return st;
        if (!s.test && !v->recipient.prefix.isEmpty())
            if (Status st = StatsStore(c).countPrefixStart(now, s.serviceId, v->recipient.prefix,
                                                           v->recipient.region);
                !st)
                return st;
        if (Status st =
                sessions.addEventJson(id, now, QStringLiteral("created"), r.actor, createdJson);
            !st)
            return st;
        if (!lookupJson.isEmpty())
            if (Status st = sessions.addEventJson(id, now, QStringLiteral("lookup"),
                                                  Actor::system(), lookupJson);
                !st)
                return st;
        if (s.test)
            return sessions.addEvent(
                id, now, QStringLiteral("not_sent"), Actor::system(),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("test_recipient")}});
        auto job = DeliveryStore(c).enqueue(id, s.channel, provider, payload, now);
        if (!job)
            return job.error();
        JsonWriter queued;
        queued.beginObject()
            .field("channel", channelName(s.channel))
            .field("delivery_id", *job)
            .field("provider", provider)
            .endObject();
        return sessions.addEventJson(id, now, QStringLiteral("queued"), Actor::system(),
                                     QString::fromUtf8(queued.take()));
    });
    if (!written)
        return written.error();
    if (refusal) {
        // Never the recipient, the IP address or the key: which limit, for which service.
        qCInfo(lcEngine).noquote() << "start refused for service" << service->id << "by"
                                   << channelName(v->channel) + u':' << refusal->reason;
        return *refusal;
    }
    if (reused) {
        qCInfo(lcEngine).noquote()
            << "session" << reused->id << "returned again (open session reused) for service"
            << service->id;
        return StartResult{reused->id,     reused->status,    reused->channel,
                           reused->locale, reused->createdAt, reused->expiresAt,
                           true,           reused->test};
    }

    if (s.test)
        qCInfo(lcEngine).noquote()
            << "session" << id << "started:" << channelName(s.channel) << "to" << s.recipientMasked
            << "service" << s.serviceId << "(test recipient: nothing sent)";
    else
        qCInfo(lcEngine).noquote() << "session" << id << "started:" << channelName(s.channel)
                                   << "to" << s.recipientMasked << "service" << s.serviceId;
    notify(id, SessionStatus::Pending);
    if (!s.test)
        emit deliveryQueued(id);
    return StartResult{
        id, SessionStatus::Pending, s.channel, s.locale, s.createdAt, s.expiresAt, false, s.test};
}

template <typename T>
Result<T> Engine::updateSession(const QString &id, const SessionDecision<T> &decide)
{
    std::optional<Error> refusal;
    bool changed = false;
    SessionStatus after = SessionStatus::Pending;
    auto result = m_db->write<std::optional<T>>([&](Connection &c) -> Result<std::optional<T>> {
        refusal.reset();
        SessionStore sessions(c);
        const qint64 now = m_clock->nowMs();
        auto found = sessions.find(id);
        if (!found)
            return found.error();
        if (!*found)
            return sessionNotFound();
        SessionRow row = std::move(**found);
        auto expired = sessions.expireIfDue(row, now);
        if (!expired)
            return expired.error();
        auto decided = decide(c, sessions, row, now);
        after = row.view.status;
        if (decided) {
            changed = true;
            return std::optional<T>(std::move(*decided));
        }
        // A refusal changes nothing, but an expiry found on the way is real: keep it. Storage
        // failures roll everything back.
        const ErrorCode code = decided.error().code;
        if (!*expired || code == ErrorCode::Internal || code == ErrorCode::Unavailable)
            return decided.error();
        changed = true;
        refusal = decided.error();
        return std::optional<T>();
    });
    if (!result)
        return result.error();
    if (changed)
        notify(id, after);
    if (refusal)
        return *refusal;
    return std::move(**result);
}

// For the other parts of the facade (EngineWorkflows.cpp).
template Result<bool> Engine::updateSession<bool>(const QString &, const SessionDecision<bool> &);
template Result<SessionView>
Engine::updateSession<SessionView>(const QString &, const SessionDecision<SessionView> &);

Result<CheckResult> Engine::check(const CheckRequest &r)
{
    if (Status s = SessionRules::validateSessionId(r.sessionId); !s)
        return s.error();
    if (r.code.isEmpty())
        return Error::invalid(QStringLiteral("code"), QStringLiteral("is required"));
    auto code = CodeGenerator::normalize(r.code);
    if (!code)
        return code.error();

    auto result = updateSession<CheckResult>(
        r.sessionId,
        [&](Connection &c, SessionStore &sessions, SessionRow &row,
            qint64 now) -> Result<CheckResult> {
            SessionView &v = row.view;
            switch (v.status) {
            case SessionStatus::Verified:
                return Error::conflict(QStringLiteral("already_verified"),
                                       QStringLiteral("the session was already verified; a code "
                                                      "can be used only once"));
            case SessionStatus::Expired:
                return CheckResult{v.status, QStringLiteral("expired"), 0, {}};
            case SessionStatus::Cancelled:
                return CheckResult{v.status, QStringLiteral("cancelled"), 0, {}};
            case SessionStatus::Failed:
                return CheckResult{v.status,
                                   v.attempts >= v.maxAttempts
                                       ? QStringLiteral("max_attempts_reached")
                                       : QStringLiteral("failed"),
                                   0,
                                   {}};
            case SessionStatus::Pending:
            case SessionStatus::Delivered:
                break;
            }

            if (m_crypto->codes().matches(v.id, *code, row.codeHash)) {
                if (Status s = sessions.transition(row, SessionStatus::Verified, now); !s)
                    return s.error();
                if (Status s = countPrefixVerified(c, row); !s)
                    return s.error();
                QJsonObject detail{{QStringLiteral("attempts"), v.attempts}};
                if (v.test)
                    detail.insert(QStringLiteral("test"), true);
                if (Status s =
                        sessions.addEvent(v.id, now, QStringLiteral("verified"), r.actor, detail);
                    !s)
                    return s.error();
                return CheckResult{v.status, {}, v.attemptsRemaining(), v.verifiedAt};
            }

            if (Status s = sessions.recordAttempt(row); !s)
                return s.error();
            if (Status s = sessions.addEvent(
                    v.id, now, QStringLiteral("check_failed"), r.actor,
                    QJsonObject{{QStringLiteral("attempt"), v.attempts},
                                {QStringLiteral("attempts_remaining"), v.attemptsRemaining()}});
                !s)
                return s.error();
            if (Status s = StatsStore(c).countEvent(now, v.serviceId, v.channel,
                                                    QStringLiteral("check_failed"));
                !s)
                return s.error();
            if (v.attempts < v.maxAttempts)
                return CheckResult{
                    v.status, QStringLiteral("invalid_code"), v.attemptsRemaining(), {}};

            if (Status s = sessions.transition(row, SessionStatus::Failed, now); !s)
                return s.error();
            if (Status s = sessions.addEvent(v.id, now, QStringLiteral("locked"), Actor::system(),
                                             QJsonObject{{QStringLiteral("attempts"), v.attempts}});
                !s)
                return s.error();
            return CheckResult{v.status, QStringLiteral("max_attempts_reached"), 0, {}};
        });
    if (result && result->verified())
        qCInfo(lcEngine).noquote() << "session" << r.sessionId << "verified";
    return result;
}

Result<SessionView> Engine::status(const QString &sessionId)
{
    if (Status s = SessionRules::validateSessionId(sessionId); !s)
        return s.error();
    std::optional<ReadCache<SessionView>::Ticket> ticket;
    if (m_statusCache && !m_db->isWriterThread()) {
        auto cached = m_statusCache->lookup(sessionId);
        if (cached.value &&
            (isFinal(cached.value->status) || m_clock->nowMs() < cached.value->expiresAt))
            return std::move(*cached.value);
        ticket = cached.ticket;
    }
    auto found = m_db->read<std::optional<SessionRow>>(
        [&](Connection &c) { return SessionStore(c).find(sessionId); });
    if (!found)
        return found.error();
    if (!*found)
        return sessionNotFound();
    const SessionView &v = (*found)->view;
    if (isFinal(v.status) || m_clock->nowMs() < v.expiresAt) {
        if (ticket)
            m_statusCache->store(sessionId, v, *ticket);
        return v;
    }
    // Time is up but no sweep has recorded it yet: record it now, under the write lock.
    bool expiredNow = false;
    auto view = m_db->write<SessionView>([&](Connection &c) -> Result<SessionView> {
        SessionStore sessions(c);
        auto fresh = sessions.find(sessionId);
        if (!fresh)
            return fresh.error();
        if (!*fresh)
            return sessionNotFound();
        SessionRow row = std::move(**fresh);
        auto expired = sessions.expireIfDue(row, m_clock->nowMs());
        if (!expired)
            return expired.error();
        expiredNow = *expired;
        return row.view;
    });
    if (view && expiredNow)
        notify(sessionId, SessionStatus::Expired);
    return view;
}

ReadCacheCounts Engine::statusCacheCounts() const
{
    return m_statusCache ? m_statusCache->counts() : ReadCacheCounts{};
}

ReadCacheCounts Engine::configCacheCounts() const
{
    return m_configCache->counts();
}

Engine::CommitCounts Engine::commitCounts() const
{
    return {m_db->commits(), m_db->unitsCommitted()};
}

Result<SessionView> Engine::cancel(const QString &sessionId, const Actor &actor)
{
    if (Status s = SessionRules::validateSessionId(sessionId); !s)
        return s.error();
    return updateSession<SessionView>(
        sessionId,
        [&](Connection &c, SessionStore &sessions, SessionRow &row,
            qint64 now) -> Result<SessionView> {
            if (isFinal(row.view.status))
                return finalConflict(row.view);
            if (Status s = sessions.transition(row, SessionStatus::Cancelled, now); !s)
                return s.error();
            if (Status s = sessions.addEvent(sessionId, now, QStringLiteral("cancelled"), actor,
                                             QJsonObject{{QStringLiteral("by"), actor.toString()}});
                !s)
                return s.error();
            if (actor.staff)
                if (Status s = AuditStore(c).append(
                        now, actor, QStringLiteral("session.cancel"), QStringLiteral("session"),
                        sessionId,
                        QJsonObject{{QStringLiteral("recipient"), row.view.recipientMasked}});
                    !s)
                    return s.error();
            return row.view;
        });
}

Result<SessionView> Engine::resend(const ResendRequest &r)
{
    if (Status s = SessionRules::validateSessionId(r.sessionId); !s)
        return s.error();
    if (!r.channel.isEmpty() && !channelFromName(r.channel))
        return Error::invalid(QStringLiteral("channel"), QStringLiteral("must be sms, voice or "
                                                                        "email"));
    auto view = updateSession<SessionView>(
        r.sessionId,
        [&](Connection &c, SessionStore &sessions, SessionRow &row,
            qint64 now) -> Result<SessionView> {
            SessionView &v = row.view;
            if (isFinal(v.status))
                return finalConflict(v);
            if (v.resends >= v.maxResends)
                return Error::conflict(QStringLiteral("max_resends_reached"),
                                       QStringLiteral("the session has used all %1 of its resends; "
                                                      "start a new verification")
                                           .arg(v.maxResends));
            const qint64 readyAt = v.lastSentAt + qint64(row.resendCooldownSeconds) * 1000;
            if (now < readyAt)
                return Error::rateLimited(QStringLiteral("resend_cooldown"),
                                          QStringLiteral("a code was sent moments ago; wait before "
                                                         "asking for another"),
                                          secondsUntil(now, readyAt));
            auto snapshot = configSnapshot();
            if (!snapshot)
                return snapshot.error();
            const Service *service = (*snapshot)->service(v.serviceId);
            if (!service)
                return Error::internal(QStringLiteral("the session's service is missing"));
            auto channel = SessionRules::resendChannel(v, r.channel, *service);
            if (!channel)
                return channel.error();
            // Another channel obeys the destination rules a start does (a landline's voice
            // session cannot be resent by SMS).
            if (*channel != v.channel) {
                auto opened = m_crypto->openRecipient(v.id, row.recipientSealed);
                if (!opened)
                    return opened.error();
                auto recipient =
                    Recipients::parseFor(*channel, opened->toUtf8String(), service->defaultRegion);
                if (!recipient)
                    return recipient.error();
                if (Status d = SessionRules::checkDestination(*channel, *recipient, *service); !d) {
                    Error e = d.error();
                    if (e.field == QLatin1String("recipient"))
                        e.field = QStringLiteral("channel");
                    return e;
                }
            }

            auto code = newCode(v.codeLength, v.codeType);
            if (!code)
                return code.error();
            auto payload = renderAndSeal(**snapshot, v.id, *channel, v.locale, *service, **code,
                                         row.ttlSeconds);
            if (!payload)
                return payload.error();
            const QByteArray hash = m_crypto->codes().hash(v.id, **code);
            code->reset();

            DeliveryStore deliveries(c);
            if (Status s = deliveries.cancelOpen(v.id, now); !s)
                return s.error();
            const Channel previous = v.channel;
            if (Status s = sessions.replaceCode(row, *channel, hash, now,
                                                now + qint64(row.ttlSeconds) * 1000);
                !s)
                return s.error();
            const QString provider = providerFor(**snapshot, v.serviceId, *channel);
            auto job = deliveries.enqueue(v.id, *channel, provider, *payload, now);
            if (!job)
                return job.error();
            QJsonObject detail{{QStringLiteral("channel"), channelName(*channel)},
                               {QStringLiteral("resend"), v.resends},
                               {QStringLiteral("resends_remaining"), v.resendsRemaining()},
                               {QStringLiteral("delivery_id"), *job},
                               {QStringLiteral("provider"), provider}};
            if (previous != *channel)
                detail.insert(QStringLiteral("previous_channel"), channelName(previous));
            if (Status s = sessions.addEvent(v.id, now, QStringLiteral("resent"), r.actor, detail);
                !s)
                return s.error();
            if (r.actor.staff)
                if (Status s = AuditStore(c).append(now, r.actor, QStringLiteral("session.resend"),
                                                    QStringLiteral("session"), v.id, detail);
                    !s)
                    return s.error();
            if (Status s =
                    StatsStore(c).countEvent(now, v.serviceId, *channel, QStringLiteral("resent"));
                !s)
                return s.error();
            return v;
        });
    if (view)
        emit deliveryQueued(r.sessionId);
    return view;
}

Result<QList<SessionEvent>> Engine::events(const QString &sessionId)
{
    if (Status s = SessionRules::validateSessionId(sessionId); !s)
        return s.error();
    return m_db->read<QList<SessionEvent>>([&](Connection &c) -> Result<QList<SessionEvent>> {
        SessionStore sessions(c);
        auto found = sessions.find(sessionId);
        if (!found)
            return found.error();
        if (!*found)
            return sessionNotFound();
        return sessions.events(sessionId);
    });
}

// --- services --------------------------------------------------------------------------------

Result<QList<Service>> Engine::services()
{
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    return (*snapshot)->services;
}

Result<Service> Engine::service(const QString &id)
{
    if (Status s = ServiceRules::validateId(id); !s)
        return s.error();
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    if (const Service *found = (*snapshot)->service(id))
        return *found;
    return Error::notFound(QStringLiteral("no service with id %1").arg(id));
}

Result<Service> Engine::createService(const QString &id, const QJsonObject &settings,
                                      const Actor &actor)
{
    if (Status s = ServiceRules::validateId(id); !s)
        return s.error();
    auto service =
        ServiceRules::applyPatch(ServiceRules::makeDefault(id, m_clock->nowMs()), settings);
    if (!service)
        return service.error();
    if (Status s = sealTestRecipients(*service); !s)
        return s.error();
    if (Status s = ServiceRules::validate(*service); !s)
        return s.error();
    return m_db->write<Service>([&](Connection &c) -> Result<Service> {
        auto inserted = ServiceStore(c).insertIfAbsent(*service);
        if (!inserted)
            return inserted.error();
        if (!*inserted)
            return Error::conflict(QStringLiteral("service_exists"),
                                   QStringLiteral("a service with id %1 exists").arg(id));
        if (Status s =
                AuditStore(c).append(m_clock->nowMs(), actor, QStringLiteral("service.create"),
                                     QStringLiteral("service"), id, service->toJson());
            !s)
            return s.error();
        return *service;
    });
}

Result<Service> Engine::updateService(const QString &id, const QJsonObject &changes,
                                      const Actor &actor)
{
    if (Status s = ServiceRules::validateId(id); !s)
        return s.error();
    if (changes.isEmpty())
        return Error::invalid(QStringLiteral("settings"), QStringLiteral("no settings to change"));
    return m_db->write<Service>([&](Connection &c) -> Result<Service> {
        ServiceStore store(c);
        auto found = store.find(id);
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("no service with id %1").arg(id));
        auto updated = ServiceRules::applyPatch(**found, changes);
        if (!updated)
            return updated.error();
        if (Status s = sealTestRecipients(*updated); !s)
            return s.error();
        if (Status s = ServiceRules::validate(*updated); !s)
            return s.error();
        updated->updatedAt = m_clock->nowMs();
        if (Status s = store.update(*updated); !s)
            return s.error();
        const QJsonObject before = (*found)->toJson();
        const QJsonObject after = updated->toJson();
        QJsonObject diff;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            diff.insert(it.key(), QJsonObject{{QStringLiteral("from"), before.value(it.key())},
                                              {QStringLiteral("to"), after.value(it.key())}});
        if (Status s =
                AuditStore(c).append(updated->updatedAt, actor, QStringLiteral("service.update"),
                                     QStringLiteral("service"), id, diff);
            !s)
            return s.error();
        return updated;
    });
}

Status Engine::sealTestRecipients(Service &service) const
{
    QList<TestRecipient> out;
    for (TestRecipient &t : service.testRecipients) {
        if (t.isPending()) {
            t.index = m_crypto->recipientIndex(t.pendingIndexForm);
            auto sealed = m_crypto->sealTestCode(service.id, t.index, *t.pendingCode);
            if (!sealed)
                return sealed.error();
            t.codeSealed = *sealed;
            t.pendingCode.reset();
            cleanseString(t.pendingIndexForm);
            t.pendingIndexForm.clear();
        }
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&t](const TestRecipient &o) { return o.index == t.index; }),
                  out.end());
        out.append(t);
    }
    service.testRecipients = out;
    return {};
}

Result<QString> Engine::messageTemplate(const QString &serviceId, const QString &locale,
                                        const QString &part)
{
    const auto l = normalizeLocale(locale);
    if (!l)
        return Error::invalid(
            QStringLiteral("locale"),
            QStringLiteral("is not supported; use one of %1").arg(supportedLocales().join(u", ")));
    const auto p = templatePartFromName(part);
    if (!p)
        return Error::invalid(QStringLiteral("part"),
                              QStringLiteral("must be sms, voice, email_subject, email_text or "
                                             "email_html"));
    if (auto s = service(serviceId); !s)
        return s.error();
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    return (*snapshot)->templatesOf(serviceId, *l).value(*p, m_templates->builtIn(*l, *p));
}

Status Engine::setMessageTemplate(const QString &serviceId, const QString &locale,
                                  const QString &part, const QString &text, const Actor &actor)
{
    const auto l = normalizeLocale(locale);
    if (!l)
        return Error::invalid(QStringLiteral("locale"), QStringLiteral("is not supported"));
    const auto p = templatePartFromName(part);
    if (!p)
        return Error::invalid(QStringLiteral("part"), QStringLiteral("is not a template part"));
    if (!text.isEmpty())
        if (Status s = validateTemplate(*p, text); !s)
            return s;
    if (auto s = service(serviceId); !s)
        return s.error();
    return m_db->write<void>([&](Connection &c) -> Status {
        ServiceStore store(c);
        const qint64 now = m_clock->nowMs();
        Status s = text.isEmpty() ? store.removeTemplate(serviceId, *l, *p)
                                  : store.setTemplate(serviceId, *l, *p, text, now);
        if (!s)
            return s;
        return AuditStore(c).append(now, actor, QStringLiteral("template.update"),
                                    QStringLiteral("service"), serviceId,
                                    QJsonObject{{QStringLiteral("locale"), *l},
                                                {QStringLiteral("part"), templatePartName(*p)},
                                                {QStringLiteral("reset"), text.isEmpty()}});
    });
}

// --- delivery, housekeeping, statistics -----------------------------------------------------

Result<QList<OutboxEntry>> Engine::outbox(const QString &sessionId, int limit)
{
    if (!sessionId.isEmpty())
        if (Status s = SessionRules::validateSessionId(sessionId); !s)
            return s.error();
    auto rows = m_db->read<QList<DeliveryStore::OutboxRow>>(
        [&](Connection &c) { return DeliveryStore(c).outbox(sessionId, qBound(1, limit, 1000)); });
    if (!rows)
        return rows.error();
    QList<OutboxEntry> out;
    for (const auto &row : *rows) {
        auto message = m_crypto->openQueuedMessage(row.sessionId, row.messageSealed);
        if (!message)
            return message.error();
        out.append({row.id, row.sessionId, row.channel, row.recipientMasked, row.locale,
                    row.createdAt, message->subject, message->text});
    }
    return out;
}

Result<qint64> Engine::deliveryQueueDepth()
{
    return m_db->read<qint64>([](Connection &c) { return DeliveryStore(c).queueDepth(); });
}

Result<int> Engine::deliverDue(const QString &sessionId, int limit)
{
    return m_inlineWorker->processDue(limit, sessionId);
}

Result<int> Engine::sweepExpired(int batchSize)
{
    int total = 0;
    for (;;) {
        QStringList expired;
        auto batch = m_db->write<int>([&](Connection &c) -> Result<int> {
            expired.clear();
            SessionStore sessions(c);
            const qint64 now = m_clock->nowMs();
            auto ids = sessions.dueForExpiry(now, batchSize);
            if (!ids)
                return ids.error();
            for (const QString &id : *ids) {
                auto found = sessions.find(id);
                if (!found)
                    return found.error();
                if (!*found)
                    continue;
                SessionRow row = std::move(**found);
                auto done = sessions.expireIfDue(row, now);
                if (!done)
                    return done.error();
                if (*done)
                    expired.append(id);
            }
            return static_cast<int>(ids->size());
        });
        if (!batch)
            return batch.error();
        for (const QString &id : std::as_const(expired))
            notify(id, SessionStatus::Expired);
        total += static_cast<int>(expired.size());
        if (*batch < batchSize)
            return total;
    }
}

Result<StatsReport> Engine::stats(const StatsQuery &query)
{
    if (!query.serviceId.isEmpty())
        if (Status s = ServiceRules::validateId(query.serviceId); !s)
            return s.error();
    if (query.toMs != 0 && query.toMs <= query.fromMs)
        return Error::invalid(QStringLiteral("to"), QStringLiteral("must be after from"));
    return m_db->read<StatsReport>(
        [&](Connection &c) { return StatsStore(c).report(query, m_clock->nowMs()); });
}

void Engine::startBackgroundWork(int pollIntervalMs, int sweepIntervalMs)
{
    if (m_backgroundThread)
        return;
    m_backgroundThread = new QThread();
    m_backgroundThread->setObjectName(QStringLiteral("vc-delivery"));
    m_backgroundWorker = new DeliveryWorker(m_db, m_crypto, m_clock, m_providers);
    m_backgroundWorker->moveToThread(m_backgroundThread);
    connect(m_backgroundWorker, &DeliveryWorker::sessionChanged, this, &Engine::sessionChanged,
            Qt::DirectConnection);
    connect(this, &Engine::deliveryQueued, m_backgroundWorker, &DeliveryWorker::wake,
            Qt::DirectConnection);

    auto *sweeper = new QTimer();
    sweeper->setInterval(sweepIntervalMs);
    sweeper->moveToThread(m_backgroundThread);
    connect(sweeper, &QTimer::timeout, sweeper, [this] {
        if (auto n = advanceWorkflows(); !n)
            qCWarning(lcEngine).noquote() << "workflow sweep failed:" << n.error().message;
        if (auto n = sweepExpired(); !n)
            qCWarning(lcEngine).noquote() << "expiry sweep failed:" << n.error().message;
    });
    connect(m_backgroundThread, &QThread::started, sweeper, [sweeper] { sweeper->start(); });
    // A workflow's step whose delivery failed for good goes on at once, not at the next sweep.
    connect(m_backgroundWorker, &DeliveryWorker::workflowStepDue, sweeper, [this] {
        if (auto n = advanceWorkflows(); !n)
            qCWarning(lcEngine).noquote() << "workflow step failed:" << n.error().message;
    });
    // Last-used times of API keys reach the database twice a minute, not on every request.
    auto *keyUse = new QTimer();
    keyUse->setInterval(30'000);
    keyUse->moveToThread(m_backgroundThread);
    connect(keyUse, &QTimer::timeout, keyUse, [this] {
        if (Status s = flushKeyUsage(); !s)
            qCWarning(lcEngine).noquote() << "recording API key use failed:" << s.error().message;
    });
    connect(m_backgroundThread, &QThread::started, keyUse, [keyUse] { keyUse->start(); });
    connect(m_backgroundThread, &QThread::finished, keyUse, &QObject::deleteLater);

    // Finished sessions past the retention go once a day (and shortly after start).
    auto *purge = new QTimer();
    purge->setInterval(24 * 3600 * 1000);
    purge->moveToThread(m_backgroundThread);
    const auto purgeNow = [this] {
        if (auto n = purgeOldSessions(); !n)
            qCWarning(lcEngine).noquote() << "purging old sessions failed:" << n.error().message;
    };
    connect(purge, &QTimer::timeout, purge, purgeNow);
    connect(m_backgroundThread, &QThread::started, purge, [purge, purgeNow] {
        purge->start();
        QTimer::singleShot(60'000, purge, purgeNow);
    });
    connect(m_backgroundThread, &QThread::finished, purge, &QObject::deleteLater);

    // Commits by any connection, this process's or another's, move SQLite's data_version as seen
    // from the watching connection: one cheap read a second tells views to refresh.
    auto *watch = new QTimer();
    watch->setInterval(1000);
    watch->moveToThread(m_backgroundThread);
    connect(watch, &QTimer::timeout, watch, [this, seen = qint64(-1)]() mutable {
        auto version = m_db->read<qint64>([](Connection &c) -> Result<qint64> {
            auto q = c.exec(QStringLiteral("PRAGMA data_version"));
            if (!q)
                return q.error();
            return q->next() ? q->i64(0) : 0;
        });
        if (!version)
            return;
        if (seen >= 0 && *version != seen)
            emit databaseChanged();
        seen = *version;
    });
    connect(m_backgroundThread, &QThread::started, watch, [watch] { watch->start(); });
    connect(m_backgroundThread, &QThread::finished, watch, &QObject::deleteLater);
    connect(m_backgroundThread, &QThread::started, m_backgroundWorker,
            [w = m_backgroundWorker, pollIntervalMs] { w->startPolling(pollIntervalMs); });
    connect(m_backgroundThread, &QThread::finished, sweeper, &QObject::deleteLater);
    // The poll timer belongs to the worker's thread: stop it there (finished() is emitted in
    // that thread) before stopBackgroundWork() deletes the worker from the caller's thread.
    connect(m_backgroundThread, &QThread::finished, m_backgroundWorker,
            &DeliveryWorker::stopPolling, Qt::DirectConnection);
    m_backgroundThread->start();
}

void Engine::stopBackgroundWork()
{
    if (!m_backgroundThread)
        return;
    m_backgroundThread->quit();
    m_backgroundThread->wait();
    delete m_backgroundWorker;
    m_backgroundWorker = nullptr;
    delete m_backgroundThread;
    m_backgroundThread = nullptr;
}

} // namespace vc
