#include "core/ApiKey.h"

namespace vc {

QString keyScopeName(KeyScope scope)
{
    return scope == KeyScope::Admin ? QStringLiteral("admin") : QStringLiteral("verify");
}

std::optional<KeyScope> keyScopeFromName(const QString &name)
{
    if (name == QLatin1String("verify"))
        return KeyScope::Verify;
    if (name == QLatin1String("admin"))
        return KeyScope::Admin;
    return std::nullopt;
}

QString ApiKeyInfo::state(qint64 now) const
{
    if (revokedAt)
        return QStringLiteral("revoked");
    if (expiresAt && now >= *expiresAt)
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

} // namespace vc
