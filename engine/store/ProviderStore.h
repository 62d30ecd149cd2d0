#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vc {

class Connection;

// A configured delivery provider: its kind ("smtp", "kannel", "http"), plain settings, and its
// secrets sealed with the master key (never stored or shown in the clear).
struct ProviderRecord
{
    QString name; // [a-z0-9][a-z0-9_-]{0,39}
    QString kind;
    QJsonObject settings;
    QByteArray secretsSealed; // AES-256-GCM of a JSON object, bound to the name
    QStringList secretKeys;   // which secrets are set (the values are not)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// Which provider sends a channel's messages for a service ("" = every service without its own).
struct ProviderRoute
{
    QString serviceId;
    Channel channel = Channel::Sms;
    QString provider;
};

class ProviderStore
{
public:
    explicit ProviderStore(Connection &c)
        : m_c(c)
    {}

    Result<QList<ProviderRecord>> all();
    // Inserts or replaces by name; bumps the configuration version.
    Status save(const ProviderRecord &r);
    // Fails with a conflict while a route uses it.
    Status remove(const QString &name);

    Result<QList<ProviderRoute>> routes();
    // An empty provider removes the route (the channel goes back to the built-in default).
    Status setRoute(const QString &serviceId, Channel channel, const QString &provider);

private:
    Connection &m_c;
};

} // namespace vc
