#pragma once

#include "core/Audit.h"
#include "core/Result.h"
#include "core/Session.h"

namespace vc {

class Connection;

// The audit log of admin actions, written in the transaction of the action itself.
class AuditStore
{
public:
    explicit AuditStore(Connection &c)
        : m_c(c)
    {}

    Status append(qint64 at, const Actor &actor, const QString &action, const QString &targetType,
                  const QString &targetId, const QJsonObject &detail = {});
    Result<QList<AuditEntry>> list(const AuditQuery &query);

private:
    Connection &m_c;
};

} // namespace vc
