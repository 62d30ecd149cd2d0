#pragma once

#include <QJsonObject>
#include <QString>

namespace vc {

// One admin action: who did what to which object, and when. Never holds a secret, a code or a
// full recipient.
struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    QString actor;      // "cli:kari", "api_key:ab12cd34", "operator:ola"
    QString action;     // key.create, key.revoke, service.create, service.update,
                        // template.update, provider.update, provider.remove,
                        // settings.update, session.cancel, session.resend,
                        // session.webhooks.retry, webhooks.retry
    QString targetType; // key, service, session
    QString targetId;
    QJsonObject detail;
};

struct AuditQuery
{
    QString search;    // matched against actor, action and target (case-insensitive)
    qint64 before = 0; // entries with an id below this one (paging); 0: newest
    int limit = 50;    // 1-500
};

} // namespace vc
