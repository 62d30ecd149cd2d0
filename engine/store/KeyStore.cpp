#include "store/KeyStore.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

namespace vc {

namespace {

const QString kColumns = QStringLiteral(
    "id, prefix, name, scope, service_id, secret_hash, created_at, created_by, expires_at, "
    "revoked_at, revoked_by, last_used_at");

ApiKeyRecord recordFrom(const Query &q)
{
    ApiKeyRecord r;
    ApiKeyInfo &k = r.info;
    k.id = q.str(0);
    k.prefix = q.str(1);
    k.name = q.str(2);
    k.scope = keyScopeFromName(q.str(3)).value_or(KeyScope::Verify);
    k.serviceId = q.str(4);
    r.secretHash = q.bytes(5);
    k.createdAt = q.i64(6);
    k.createdBy = q.str(7);
    k.expiresAt = sql::optionalI64(q.value(8));
    k.revokedAt = sql::optionalI64(q.value(9));
    k.revokedBy = q.str(10);
    k.lastUsedAt = sql::optionalI64(q.value(11));
    return r;
}

const StaticSql kInsertSql1(QStringLiteral("INSERT INTO api_keys (") + kColumns +
                            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
const StaticSql kAllSql2(QStringLiteral("SELECT ") + kColumns +
                         QStringLiteral(" FROM api_keys ORDER BY created_at, id"));
const StaticSql kFindSql3(QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(" FROM api_keys WHERE id = ? OR prefix = ?"));
const StaticSql
    kRevokeSql4(QStringLiteral("UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE "
                               "id = ? AND revoked_at IS NULL"));
const StaticSql
    kTouchSql5(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE prefix = ? AND "
                              "(last_used_at IS NULL OR last_used_at < ?)"));
const StaticSql kVersionSql6(QStringLiteral("SELECT version FROM versions WHERE name = 'config'"));
const StaticSql
    kBumpSql7(QStringLiteral("UPDATE versions SET version = version + 1 WHERE name = 'config'"));

} // namespace

Status KeyStore::insert(const ApiKeyRecord &r)
{
    const ApiKeyInfo &k = r.info;
    auto q = m_c.exec(kInsertSql1, {k.id, k.prefix, k.name, keyScopeName(k.scope),
                                    sql::nullableText(k.serviceId), r.secretHash, k.createdAt,
                                    sql::text(k.createdBy), sql::nullable(k.expiresAt),
                                    sql::nullable(k.revokedAt), sql::nullableText(k.revokedBy),
                                    sql::nullable(k.lastUsedAt)});
    if (!q)
        return q.error();
    return ConfigStore(m_c).bump();
}

Result<QList<ApiKeyRecord>> KeyStore::all()
{
    auto q = m_c.exec(kAllSql2);
    if (!q)
        return q.error();
    QList<ApiKeyRecord> out;
    while (q->next())
        out.append(recordFrom(*q));
    return out;
}

Result<std::optional<ApiKeyRecord>> KeyStore::find(const QString &idOrPrefix)
{
    auto q = m_c.exec(kFindSql3, {idOrPrefix, idOrPrefix});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ApiKeyRecord>();
    return std::optional<ApiKeyRecord>(recordFrom(*q));
}

Status KeyStore::revoke(const QString &id, qint64 at, const QString &by)
{
    auto q = m_c.exec(kRevokeSql4, {at, by, id});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::conflict(QStringLiteral("key_revoked"),
                               QStringLiteral("the key is already revoked"));
    return ConfigStore(m_c).bump();
}

Status KeyStore::touch(const QString &prefix, qint64 at)
{
    auto q = m_c.exec(kTouchSql5, {at, prefix, at});
    if (!q)
        return q.error();
    return {};
}

Result<qint64> ConfigStore::version()
{
    auto q = m_c.exec(kVersionSql6);
    if (!q)
        return q.error();
    return q->next() ? q->i64(0) : 0;
}

Status ConfigStore::bump()
{
    m_c.touched().config = true;
    auto q = m_c.exec(kBumpSql7);
    if (!q)
        return q.error();
    return {};
}

} // namespace vc
