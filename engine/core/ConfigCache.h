#pragma once

#include "core/Result.h"
#include "core/Service.h"
#include "delivery/MessageTemplates.h"
#include "store/KeyStore.h"
#include "store/ProviderStore.h"

#include <QHash>
#include <QMutex>

#include <memory>

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
};

// A per-process copy of the configuration, checked against the database's configuration
// version on every use (one indexed read) and reloaded when another process or thread changed
// it. Inside a write unit the uncommitted state is read but never cached, since it may still be
// rolled back.
class ConfigCache
{
public:
    explicit ConfigCache(std::shared_ptr<Database> db)
        : m_db(std::move(db))
    {}
    Result<std::shared_ptr<const ConfigSnapshot>> current();

private:
    Result<std::shared_ptr<const ConfigSnapshot>> load(Connection &c, qint64 version);

    std::shared_ptr<Database> m_db;
    QMutex m_mutex;
    std::shared_ptr<const ConfigSnapshot> m_snapshot;
};

} // namespace vc
