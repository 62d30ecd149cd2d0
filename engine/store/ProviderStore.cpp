#include "store/ProviderStore.h"

#include "store/Database.h"
#include "store/KeyStore.h"
#include "store/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vc {

namespace {

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString textOf(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QList<ProviderRecord>> ProviderStore::all()
{
    auto q = m_c.exec(QStringLiteral("SELECT name, kind, settings, secrets, secret_keys, "
                                     "created_at, updated_at FROM providers ORDER BY name"));
    if (!q)
        return q.error();
    QList<ProviderRecord> out;
    while (q->next()) {
        ProviderRecord r;
        r.name = q->str(0);
        r.kind = q->str(1);
        r.settings = objectOf(q->str(2));
        r.secretsSealed = q->bytes(3);
        const QString keys = q->str(4);
        r.secretKeys = keys.isEmpty() ? QStringList() : keys.split(u',');
        r.createdAt = q->i64(5);
        r.updatedAt = q->i64(6);
        out.append(r);
    }
    return out;
}

Status ProviderStore::save(const ProviderRecord &r)
{
    auto q = m_c.exec(
        QStringLiteral("INSERT INTO providers (name, kind, settings, secrets, secret_keys, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
                       "settings = excluded.settings, secrets = excluded.secrets, "
                       "secret_keys = excluded.secret_keys, updated_at = excluded.updated_at"),
        {r.name, r.kind, textOf(r.settings), r.secretsSealed, sql::text(r.secretKeys.join(u',')),
         r.createdAt, r.updatedAt});
    if (!q)
        return q.error();
    return ConfigStore(m_c).bump();
}

Status ProviderStore::remove(const QString &name)
{
    {
        auto used = m_c.exec(
            QStringLiteral("SELECT COUNT(*) FROM provider_routes WHERE provider = ?"), {name});
        if (!used)
            return used.error();
        if (used->next() && used->i64(0) > 0)
            return Error::conflict(QStringLiteral("provider_in_use"),
                                   QStringLiteral("provider %1 still sends messages; route its "
                                                  "channels elsewhere first")
                                       .arg(name));
    }
    auto q = m_c.exec(QStringLiteral("DELETE FROM providers WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (q->rowsAffected() == 0)
        return Error::notFound(QStringLiteral("no provider named %1").arg(name));
    return ConfigStore(m_c).bump();
}

Result<QList<ProviderRoute>> ProviderStore::routes()
{
    auto q = m_c.exec(QStringLiteral("SELECT service_id, channel, provider FROM provider_routes "
                                     "ORDER BY service_id, channel"));
    if (!q)
        return q.error();
    QList<ProviderRoute> out;
    while (q->next()) {
        const auto channel = channelFromName(q->str(1));
        if (channel)
            out.append({q->str(0), *channel, q->str(2)});
    }
    return out;
}

Status ProviderStore::setRoute(const QString &serviceId, Channel channel, const QString &provider)
{
    auto q = provider.isEmpty()
                 ? m_c.exec(QStringLiteral("DELETE FROM provider_routes WHERE service_id = ? "
                                           "AND channel = ?"),
                            {sql::text(serviceId), channelName(channel)})
                 : m_c.exec(QStringLiteral("INSERT INTO provider_routes (service_id, channel, "
                                           "provider) VALUES (?, ?, ?) ON CONFLICT "
                                           "(service_id, channel) DO UPDATE SET provider = "
                                           "excluded.provider"),
                            {sql::text(serviceId), channelName(channel), provider});
    if (!q)
        return q.error();
    return ConfigStore(m_c).bump();
}

} // namespace vc
