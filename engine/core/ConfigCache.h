#pragma once

#include "core/Result.h"
#include "core/Service.h"
#include "crypto/SecureBytes.h"
#include "delivery/MessageTemplates.h"
#include "store/ChangeTracker.h"
#include "store/KeyStore.h"
#include "store/ProviderStore.h"

#include <QHash>
#include <QMutex>

#include <memory>
#include <unordered_map>

namespace vc {

class Database;

// What every request needs and seldom changes: services, template overrides, API keys and
// delivery providers.
struct ConfigSnapshot
{
    qint64 version = -1;
    QList<Service> services; // by id
    QHash<QString, Service> serviceById;
    QHash<QString, QHash<TemplatePart, QString>> templates; // by "service/locale"
    QHash<QString, ApiKeyRecord> keyByPrefix;
    QList<ProviderRecord> providers;
    QHash<QString, QString> routes; // "service/channel" -> provider name

    const Service *service(const QString &id) const;
    // The configured provider for a service's channel: its own route, else the route for every
    // service, else empty (the built-in default).
    QString routeFor(const QString &serviceId, Channel channel) const;
    QHash<TemplatePart, QString> templatesOf(const QString &serviceId, const QString &locale) const;

    // Key secrets that matched their stored hash under this snapshot: a key presented again is
    // compared in constant time instead of hashed again (the keyed hash was most of a cached
    // request's authentication). Goes with the snapshot when any key changes; holds only keys
    // that exist, and the process holds the master secret anyway.
    bool isVerifiedSecret(const QString &prefix, const SecureBytes &secret) const;
    void rememberVerifiedSecret(const QString &prefix, const SecureBytes &secret) const;

private:
    mutable QMutex m_verifiedMutex;
    mutable std::unordered_map<QString, SecureBytes> m_verified; // prefix -> secret
};

// A per-process copy of the configuration, checked against the database's configuration
// version (one indexed read) whenever something may have been committed since the last check,
// and reloaded when another process or thread changed it. Inside a write unit the uncommitted state
// is read but never cached, since it may still be rolled back.
class ConfigCache
{
public:
    explicit ConfigCache(std::shared_ptr<Database> db);
    Result<std::shared_ptr<const ConfigSnapshot>> current();
    ReadCacheCounts counts() const { return m_checked ? m_checked->counts() : ReadCacheCounts{}; }

private:
    using Snapshot = std::shared_ptr<const ConfigSnapshot>;
    Result<Snapshot> fromDatabase();
    Result<Snapshot> load(Connection &c, qint64 version);

    std::shared_ptr<Database> m_db;
    // While nothing that could change the configuration has been committed since it was
    // checked, the snapshot stands without even the version read (see ChangeTracker).
    std::shared_ptr<ReadCache<Snapshot>> m_checked;
    QMutex m_mutex;
    std::shared_ptr<const ConfigSnapshot> m_snapshot;
};

} // namespace vc
