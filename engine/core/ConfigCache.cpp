#include "core/ConfigCache.h"

#include "crypto/KeyRing.h"
#include "store/Database.h"
#include "store/ServiceStore.h"

namespace vc {

namespace {

QString templateKey(const QString &serviceId, const QString &locale)
{
    return serviceId + u'/' + locale;
}

} // namespace

const Service *ConfigSnapshot::service(const QString &id) const
{
    auto it = serviceById.constFind(id);
    return it == serviceById.constEnd() ? nullptr : &*it;
}

QHash<TemplatePart, QString> ConfigSnapshot::templatesOf(const QString &serviceId,
                                                         const QString &locale) const
{
    return templates.value(templateKey(serviceId, locale));
}

QString ConfigSnapshot::routeFor(const QString &serviceId, Channel channel) const
{
    const QString name = channelName(channel);
    const QString own = routes.value(serviceId + u'/' + name);
    return own.isEmpty() ? routes.value(u'/' + name) : own;
}

ConfigCache::ConfigCache(std::shared_ptr<Database> db)
    : m_db(std::move(db))
    , m_checked(m_db->makeCache<Snapshot>(ReadCache<Snapshot>::Topic::Config, 1))
{}

bool ConfigSnapshot::isVerifiedSecret(const QString &prefix, const SecureBytes &secret) const
{
    QMutexLocker lock(&m_verifiedMutex);
    const auto it = m_verified.find(prefix);
    return it != m_verified.end() && constantTimeEquals(it->second.bytes(), secret.bytes());
}

void ConfigSnapshot::rememberVerifiedSecret(const QString &prefix, const SecureBytes &secret) const
{
    QMutexLocker lock(&m_verifiedMutex);
    m_verified.insert_or_assign(prefix, secret.clone());
}

Result<std::shared_ptr<const ConfigSnapshot>> ConfigCache::current()
{
    if (!m_checked)
        return fromDatabase();
    // The writer thread sees its own uncommitted changes: once its transaction has changed the
    // configuration, it asks the database. Until then it sees what every thread sees (its BEGIN
    // noticed what others had committed, and nobody else commits while it writes), so the
    // cached snapshot serves it too; what it reads itself is never kept.
    const bool writer = m_db->isWriterThread();
    if (writer) {
        auto conn = m_db->connection();
        if (!conn || (*conn)->touched().config)
            return fromDatabase();
    }
    const auto cached = m_checked->lookup(QString());
    if (cached.value)
        return *cached.value;
    auto snapshot = fromDatabase();
    if (snapshot && cached.ticket && !writer)
        m_checked->store(QString(), *snapshot, *cached.ticket);
    return snapshot;
}

Result<std::shared_ptr<const ConfigSnapshot>> ConfigCache::fromDatabase()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    Connection &c = **conn;
    auto version = ConfigStore(c).version();
    if (!version)
        return version.error();
    {
        QMutexLocker lock(&m_mutex);
        if (m_snapshot && m_snapshot->version == *version)
            return m_snapshot;
    }
    if (m_db->isWriterThread())
        return load(c, *version); // may be uncommitted: use, never keep

    // One read transaction, so the tables and the version are of the same moment.
    if (Status s = c.run(QStringLiteral("BEGIN")); !s)
        return s.error();
    auto fresh = ConfigStore(c).version();
    auto loaded =
        fresh ? load(c, *fresh) : Result<std::shared_ptr<const ConfigSnapshot>>(fresh.error());
    (void)c.run(QStringLiteral("COMMIT"));
    if (!loaded)
        return loaded.error();
    QMutexLocker lock(&m_mutex);
    if (!m_snapshot || m_snapshot->version < (*loaded)->version)
        m_snapshot = *loaded;
    return *loaded;
}

Result<std::shared_ptr<const ConfigSnapshot>> ConfigCache::load(Connection &c, qint64 version)
{
    auto snapshot = std::make_shared<ConfigSnapshot>();
    snapshot->version = version;
    ServiceStore services(c);
    auto all = services.all();
    if (!all)
        return all.error();
    snapshot->services = *all;
    for (const Service &s : *all)
        snapshot->serviceById.insert(s.id, s);
    auto templates = services.allTemplates();
    if (!templates)
        return templates.error();
    for (const auto &t : *templates)
        snapshot->templates[templateKey(t.serviceId, t.locale)].insert(t.part, t.body);
    auto keys = KeyStore(c).all();
    if (!keys)
        return keys.error();
    for (const ApiKeyRecord &k : *keys)
        snapshot->keyByPrefix.insert(k.info.prefix, k);
    ProviderStore providers(c);
    auto configured = providers.all();
    if (!configured)
        return configured.error();
    snapshot->providers = *configured;
    auto routes = providers.routes();
    if (!routes)
        return routes.error();
    for (const ProviderRoute &r : *routes)
        snapshot->routes.insert(r.serviceId + u'/' + channelName(r.channel), r.provider);
    return std::shared_ptr<const ConfigSnapshot>(std::move(snapshot));
}

} // namespace vc
