#include "store/AuditStore.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

namespace vc {

namespace {

const StaticSql kAppendSql1(QStringLiteral("INSERT INTO audit_log (at, actor, action, target_type, "
                                           "target_id, detail) VALUES (?, ?, ?, ?, ?, ?)"));
const StaticSql
    kListSql2(QStringLiteral("SELECT id, at, actor, action, target_type, target_id, detail "
                             "FROM audit_log WHERE (? = 0 OR id < ?) AND (? = '' OR "
                             "LOWER(actor) LIKE ? OR LOWER(action) LIKE ? OR "
                             "LOWER(target_id) LIKE ? OR LOWER(detail) LIKE ?) ORDER BY id "
                             "DESC LIMIT ?"));

} // namespace

Status AuditStore::append(qint64 at, const Actor &actor, const QString &action,
                          const QString &targetType, const QString &targetId,
                          const QJsonObject &detail)
{
    auto q = m_c.exec(kAppendSql1, {at, sql::text(actor.toString()), action, targetType, targetId,
                                    sql::jsonText(detail)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<AuditEntry>> AuditStore::list(const AuditQuery &query)
{
    const QString pattern = QStringLiteral("%") + query.search.toLower() + u'%';
    auto q = m_c.exec(kListSql2, {query.before, query.before, sql::text(query.search), pattern,
                                  pattern, pattern, pattern, qBound(1, query.limit, 500)});
    if (!q)
        return q.error();
    QList<AuditEntry> out;
    while (q->next())
        out.append({q->i64(0), q->i64(1), q->str(2), q->str(3), q->str(4), q->str(5),
                    sql::jsonObject(q->str(6))});
    return out;
}

} // namespace vc
