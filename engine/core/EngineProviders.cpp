// The Engine's delivery-provider configuration: stored per database (secrets sealed with the
// master key), built into providers on demand, routed per service and channel.

#include "core/ConfigCache.h"
#include "core/Engine.h"
#include "core/Logging.h"
#include "core/Recipient.h"
#include "core/SessionCrypto.h"
#include "crypto/Uuid.h"
#include "delivery/ProviderFactory.h"
#include "delivery/ProviderRegistry.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/ProviderStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace vc {

namespace {

Status validateProviderName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    if (!pattern.match(name).hasMatch())
        return Error::invalid(QStringLiteral("name"),
                              QStringLiteral("a provider name is 1-40 of a-z, 0-9, '_' and '-', "
                                             "starting with a letter or digit"));
    if (name == QLatin1String("local_outbox"))
        return Error::invalid(QStringLiteral("name"),
                              QStringLiteral("local_outbox is the built-in provider's name"));
    return {};
}

Result<QJsonObject> openSecrets(const SessionCrypto &crypto, const ProviderRecord &r)
{
    if (r.secretsSealed.isEmpty())
        return QJsonObject();
    auto plain = crypto.openProviderSecrets(r.name, r.secretsSealed);
    if (!plain)
        return plain.error();
    return QJsonDocument::fromJson(plain->bytes()).object();
}

} // namespace

Result<QList<ProviderRecord>> Engine::providerConfigs()
{
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    QList<ProviderRecord> out = (*snapshot)->providers;
    for (ProviderRecord &r : out)
        r.secretsSealed.clear(); // callers learn which secrets are set, never their values
    return out;
}

Result<QList<ProviderRoute>> Engine::providerRoutes()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    return ProviderStore(**conn).routes();
}

Status Engine::saveProvider(const QString &name, const QString &kind, const QJsonObject &settings,
                            const QJsonObject &secrets, const Actor &actor)
{
    if (Status s = validateProviderName(name); !s)
        return s;
    if (!providerKinds().contains(kind))
        return Error::invalid(QStringLiteral("kind"),
                              QStringLiteral("kind must be one of: %1")
                                  .arg(providerKinds().join(QStringLiteral(", "))));
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        if (!it.value().isString())
            return Error::invalid(it.key(), QStringLiteral("a secret is a string"));
    return m_db->write<void>([&](Connection &c) -> Status {
        ProviderStore store(c);
        auto all = store.all();
        if (!all)
            return all.error();
        const qint64 now = m_clock->nowMs();
        ProviderRecord record{name, kind, settings, {}, {}, now, now};
        QJsonObject merged;
        for (const ProviderRecord &old : std::as_const(*all)) {
            if (old.name != name)
                continue;
            record.createdAt = old.createdAt;
            record.updatedAt = qMax(now, old.updatedAt + 1); // a change is always seen as one
            auto opened = openSecrets(*m_crypto, old);
            if (!opened)
                return opened.error();
            if (old.kind == kind)
                merged = *opened;
        }
        for (auto it = secrets.begin(); it != secrets.end(); ++it) {
            if (it.value().toString().isEmpty())
                merged.remove(it.key());
            else
                merged.insert(it.key(), it.value());
        }
        // Building it is the validation: the same code runs when it sends.
        auto built = makeProvider(name, kind, settings, merged);
        if (!built)
            return built.error();
        record.secretKeys = merged.keys();
        if (!merged.isEmpty()) {
            auto sealed = m_crypto->sealProviderSecrets(
                name, QJsonDocument(merged).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            record.secretsSealed = *sealed;
        }
        if (Status s = store.save(record); !s)
            return s;
        QJsonObject detail{
            {QStringLiteral("kind"), kind},
            {QStringLiteral("settings"), settings},
            {QStringLiteral("secrets_changed"), QJsonArray::fromStringList(secrets.keys())}};
        return AuditStore(c).append(now, actor, QStringLiteral("provider.update"),
                                    QStringLiteral("provider"), name, detail);
    });
}

Status Engine::removeProvider(const QString &name, const Actor &actor)
{
    return m_db->write<void>([&](Connection &c) -> Status {
        if (Status s = ProviderStore(c).remove(name); !s)
            return s;
        return AuditStore(c).append(m_clock->nowMs(), actor, QStringLiteral("provider.remove"),
                                    QStringLiteral("provider"), name, {});
    });
}

Status Engine::setProviderRoute(const QString &serviceId, Channel channel, const QString &provider,
                                const Actor &actor)
{
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    if (!serviceId.isEmpty() && !(*snapshot)->service(serviceId))
        return Error::notFound(QStringLiteral("no service %1").arg(serviceId));
    if (!provider.isEmpty()) {
        const auto &all = (*snapshot)->providers;
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [&](const ProviderRecord &r) { return r.name == provider; });
        if (it == all.cend())
            return Error::notFound(QStringLiteral("no provider named %1").arg(provider));
        if (!channelsOfKind(it->kind).contains(channel))
            return Error::invalid(
                QStringLiteral("channel"),
                QStringLiteral("a %1 provider cannot send %2").arg(it->kind, channelName(channel)));
    }
    return m_db->write<void>([&](Connection &c) -> Status {
        if (Status s = ProviderStore(c).setRoute(serviceId, channel, provider); !s)
            return s;
        return AuditStore(c).append(
            m_clock->nowMs(), actor, QStringLiteral("provider.route"), QStringLiteral("route"),
            (serviceId.isEmpty() ? QStringLiteral("*") : serviceId) + u'/' + channelName(channel),
            QJsonObject{{QStringLiteral("provider"),
                         provider.isEmpty() ? QStringLiteral("local_outbox") : provider}});
    });
}

Result<SendOutcome> Engine::sendTestMessage(const QString &provider, Channel channel,
                                            const QString &recipient, const Actor &actor)
{
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    syncProviders(**snapshot);
    const auto &all = (*snapshot)->providers;
    if (std::none_of(all.cbegin(), all.cend(),
                     [&](const ProviderRecord &r) { return r.name == provider; }))
        return Error::notFound(QStringLiteral("no provider named %1").arg(provider));
    auto instance = m_providers->byName(provider);
    if (!instance)
        return Error::unavailable(
            QStringLiteral("provider %1 cannot be built from its settings").arg(provider));
    auto to = Recipients::parseFor(channel, recipient);
    if (!to)
        return to.error();
    OutgoingMessage m;
    m.sessionId = QStringLiteral("test");
    m.channel = channel;
    m.recipient = to->normalised;
    m.recipientMasked = to->masked;
    m.locale = QStringLiteral("en");
    m.idempotencyKey = newUuid7(m_clock->nowMs());
    m.message.subject = QStringLiteral("Verify Console test message");
    m.message.text = QStringLiteral("This is a test message from Verify Console (provider %1). "
                                    "No action is needed.")
                         .arg(provider);
    m.message.html =
        QStringLiteral("<p>") + m.message.text.toHtmlEscaped() + QStringLiteral("</p>");
    const SendOutcome outcome = instance->send(m);
    Status audited = m_db->write<void>([&](Connection &c) -> Status {
        return AuditStore(c).append(
            m_clock->nowMs(), actor, QStringLiteral("provider.test"), QStringLiteral("provider"),
            provider,
            QJsonObject{{QStringLiteral("channel"), channelName(channel)},
                        {QStringLiteral("recipient"), to->masked},
                        {QStringLiteral("succeeded"), outcome.succeeded()},
                        {QStringLiteral("error"), QJsonValue(outcome.error)}});
    });
    if (!audited)
        return audited.error();
    return outcome;
}

QString Engine::providerFor(const ConfigSnapshot &config, const QString &serviceId, Channel channel)
{
    syncProviders(config);
    const QString configured = config.routeFor(serviceId, channel);
    return configured.isEmpty() ? m_providers->routeFor(channel) : configured;
}

void Engine::syncProviders(const ConfigSnapshot &config)
{
    QMutexLocker lock(&m_providerSyncMutex);
    if (config.version <= m_providersSyncedVersion)
        return;
    QSet<QString> seen;
    for (const ProviderRecord &r : config.providers) {
        seen.insert(r.name);
        if (m_configuredProviders.value(r.name, -1) == r.updatedAt)
            continue;
        auto secrets = openSecrets(*m_crypto, r);
        auto built = secrets ? makeProvider(r.name, r.kind, r.settings, *secrets)
                             : Result<std::shared_ptr<DeliveryProvider>>(secrets.error());
        if (!built) {
            // Its messages wait in the queue (and are retried) until it is fixed.
            qCWarning(lcEngine).noquote()
                << "provider" << r.name << "cannot be used:" << built.error().message;
            m_providers->remove(r.name);
            m_configuredProviders.remove(r.name);
            continue;
        }
        m_providers->add(*built);
        m_configuredProviders.insert(r.name, r.updatedAt);
    }
    for (const QString &name : m_configuredProviders.keys()) {
        if (!seen.contains(name)) {
            m_providers->remove(name);
            m_configuredProviders.remove(name);
        }
    }
    m_providersSyncedVersion = config.version;
}

} // namespace vc
