#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vc {

// verify: start, check, status, cancel and resend for its service (or all services);
// admin: everything, including keys, services, sessions, statistics and the audit log.
enum class KeyScope
{
    Verify,
    Admin
};
QString keyScopeName(KeyScope scope);
std::optional<KeyScope> keyScopeFromName(const QString &name);

// An API key as it may be shown: never its secret or hash.
struct ApiKeyInfo
{
    QString id;
    QString prefix;
    QString name;
    KeyScope scope = KeyScope::Verify;
    QString serviceId; // empty: all services
    qint64 createdAt = 0;
    QString createdBy;
    std::optional<qint64> expiresAt;
    std::optional<qint64> revokedAt;
    QString revokedBy;
    std::optional<qint64> lastUsedAt;

    // "active", "expired" or "revoked" at time `now`.
    QString state(qint64 now) const;
    bool usableAt(qint64 now) const { return !revokedAt && (!expiresAt || now < *expiresAt); }
    bool allowsService(const QString &service) const
    {
        return serviceId.isEmpty() || serviceId == service;
    }
};

struct IssuedKey
{
    ApiKeyInfo info;
    QString key; // the whole key with its secret: shown in this answer only
};

struct CreateKeyRequest
{
    QString name;
    QString scope;                    // "verify" or "admin"
    QString serviceId;                // empty: all services
    std::optional<int> expiresInDays; // 1-3650
};

} // namespace vc
