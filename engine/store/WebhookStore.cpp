#include "store/WebhookStore.h"

#include "core/JsonViews.h"
#include "crypto/Uuid.h"
#include "store/Database.h"
#include "store/LeasedQueue.h"
#include "store/SqlUtil.h"

#include <QJsonDocument>

namespace vc {

namespace {

const QString kColumns =
    QStringLiteral("id, event_id, session_id, service_id, event, url, body, state, attempts, "
                   "next_attempt_at, last_status, last_error, created_at, sent_at");

WebhookRow rowFrom(const Query &q)
{
    WebhookRow r;
    r.id = q.i64(0);
    r.eventId = q.str(1);
    r.sessionId = q.str(2);
    r.serviceId = q.str(3);
    r.event = q.str(4);
    r.url = q.str(5);
    r.body = q.str(6).toUtf8();
    r.state = q.str(7);
    r.attempts = q.i32(8);
    r.nextAttemptAt = q.i64(9);
    if (!q.isNull(10))
        r.lastStatus = q.i32(10);
    r.lastError = q.str(11);
    r.createdAt = q.i64(12);
    r.sentAt = sql::optionalI64(q.value(13));
    return r;
}

QVariant nullableStatus(std::optional<int> status)
{
    return status ? QVariant(*status) : QVariant(QMetaType::fromType<int>());
}

const StaticSql kServiceUrlSql(QStringLiteral("SELECT webhook_url FROM services WHERE id = ?"));
const StaticSql
    kEnqueueSql(QStringLiteral("INSERT INTO webhooks (event_id, session_id, service_id, event, "
                               "url, body, state, attempts, next_attempt_at, created_at, "
                               "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)"));
const StaticSql kDueSql(QStringLiteral("SELECT id FROM webhooks WHERE state IN ('queued', "
                                       "'sending') AND next_attempt_at <= ? ORDER BY "
                                       "next_attempt_at LIMIT ?"));
const StaticSql kClaimSql(QStringLiteral("UPDATE webhooks SET state = 'sending', attempts = "
                                         "attempts + 1, next_attempt_at = ?, updated_at = ? "
                                         "WHERE id = ? AND state IN ('queued', 'sending') AND "
                                         "next_attempt_at <= ?"));
const StaticSql kFindSql(QStringLiteral("SELECT ") + kColumns +
                         QStringLiteral(" FROM webhooks WHERE id = ?"));
const StaticSql kForSessionSql(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM webhooks WHERE session_id = ? ORDER BY id"));
const StaticSql
    kFailedListSql(QStringLiteral("SELECT ") + kColumns +
                   QStringLiteral(" FROM webhooks WHERE state = 'failed' AND (COALESCE(?, '') = '' "
                                  "OR service_id = ?) ORDER BY id LIMIT ?"));
const StaticSql kSentSql(QStringLiteral("UPDATE webhooks SET state = 'sent', last_status = ?, "
                                        "last_error = NULL, sent_at = ?, updated_at = ? WHERE "
                                        "id = ?"));
const StaticSql kRetrySql(QStringLiteral("UPDATE webhooks SET state = 'queued', "
                                         "next_attempt_at = ?, last_status = ?, last_error = ?, "
                                         "updated_at = ? WHERE id = ?"));
const StaticSql kFailedSql(QStringLiteral("UPDATE webhooks SET state = 'failed', last_status = "
                                          "?, last_error = ?, updated_at = ? WHERE id = ?"));
const StaticSql kRequeueSql(QStringLiteral("UPDATE webhooks SET state = 'queued', attempts = 0, "
                                           "next_attempt_at = ?, updated_at = ? WHERE id = ? AND "
                                           "state = 'failed'"));
const StaticSql kDepthSql(QStringLiteral("SELECT COUNT(*) FROM webhooks WHERE state IN "
                                         "('queued', 'sending')"));
const StaticSql kSecretSql(QStringLiteral("SELECT secret_sealed FROM webhook_secrets WHERE "
                                          "service_id = ?"));
const StaticSql
    kSetSecretSql(QStringLiteral("INSERT INTO webhook_secrets (service_id, secret_sealed, "
                                 "created_at) VALUES (?, ?, ?) ON CONFLICT (service_id) DO "
                                 "UPDATE SET secret_sealed = excluded.secret_sealed, "
                                 "created_at = excluded.created_at"));

// Every row a query of kColumns returns.
Result<QList<WebhookRow>> rowsOf(Connection &c, const StaticSql &sql, const QVariantList &binds)
{
    auto q = c.exec(sql, binds);
    if (!q)
        return q.error();
    QList<WebhookRow> out;
    while (q->next())
        out.append(rowFrom(*q));
    return out;
}

} // namespace

Result<bool> WebhookStore::enqueueFor(const SessionView &session, const QString &event,
                                      const QJsonObject &extra, qint64 now)
{
    QString url = session.callbackUrl;
    if (url.isEmpty()) {
        auto q = m_c.exec(kServiceUrlSql, {session.serviceId});
        if (!q)
            return q.error();
        if (q->next())
            url = q->str(0);
    }
    if (url.isEmpty())
        return false;

    const QString eventId = newUuid7(now);
    QJsonObject body = extra;
    body.insert(QStringLiteral("event_id"), eventId);
    body.insert(QStringLiteral("type"), event);
    body.insert(QStringLiteral("session_id"), session.id);
    body.insert(QStringLiteral("service_id"), session.serviceId);
    body.insert(QStringLiteral("status"), statusName(session.status));
    body.insert(QStringLiteral("channel"), channelName(session.channel));
    body.insert(QStringLiteral("reference"), session.reference.isEmpty()
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(session.reference));
    body.insert(QStringLiteral("time"), Json::time(now));
    body.insert(QStringLiteral("time_ms"), now);
    const QString text = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
    auto q = m_c.exec(kEnqueueSql,
                      {eventId, session.id, session.serviceId, event, url, text, now, now, now});
    if (!q)
        return q.error();
    return true;
}

Result<QList<WebhookRow>> WebhookStore::claimDue(qint64 now, qint64 leaseMs, int limit)
{
    QList<qint64> ids;
    {
        auto q = m_c.exec(kDueSql, {now, limit});
        if (!q)
            return q.error();
        while (q->next())
            ids.append(q->i64(0));
    }
    return leaseEach<WebhookRow>(m_c, kClaimSql, ids, now, leaseMs,
                                 [this](qint64 id) { return find(id); });
}

Result<std::optional<WebhookRow>> WebhookStore::find(qint64 id)
{
    auto q = m_c.exec(kFindSql, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<WebhookRow>();
    return std::optional<WebhookRow>(rowFrom(*q));
}

Result<QList<WebhookRow>> WebhookStore::forSession(const QString &sessionId)
{
    return rowsOf(m_c, kForSessionSql, {sessionId});
}

Status WebhookStore::markSent(qint64 id, int httpStatus, qint64 now)
{
    auto q = m_c.exec(kSentSql, {httpStatus, now, now, id});
    if (!q)
        return q.error();
    return {};
}

Status WebhookStore::scheduleRetry(qint64 id, qint64 at, std::optional<int> httpStatus,
                                   const QString &error, qint64 now)
{
    auto q = m_c.exec(kRetrySql, {at, nullableStatus(httpStatus), sql::text(error), now, id});
    if (!q)
        return q.error();
    return {};
}

Status WebhookStore::markFailed(qint64 id, std::optional<int> httpStatus, const QString &error,
                                qint64 now)
{
    auto q = m_c.exec(kFailedSql, {nullableStatus(httpStatus), sql::text(error), now, id});
    if (!q)
        return q.error();
    return {};
}

Result<QList<WebhookRow>> WebhookStore::failed(const QString &serviceId, int limit)
{
    return rowsOf(m_c, kFailedListSql, {serviceId, serviceId, limit});
}

Result<QList<WebhookRow>> WebhookStore::requeueFailed(const QString &sessionId, qint64 now)
{
    auto all = forSession(sessionId);
    if (!all)
        return all.error();
    QList<WebhookRow> requeued;
    for (const WebhookRow &hook : std::as_const(*all)) {
        if (hook.state != QLatin1String("failed"))
            continue;
        auto done = requeue(hook.id, now);
        if (!done)
            return done.error();
        if (*done)
            requeued.append(hook);
    }
    return requeued;
}

Result<bool> WebhookStore::requeue(qint64 id, qint64 now)
{
    auto q = m_c.exec(kRequeueSql, {now, now, id});
    if (!q)
        return q.error();
    return q->rowsAffected() > 0;
}

Result<qint64> WebhookStore::queueDepth()
{
    auto q = m_c.exec(kDepthSql);
    if (!q)
        return q.error();
    return q->next() ? q->i64(0) : 0;
}

Result<std::optional<QByteArray>> WebhookStore::sealedSecret(const QString &serviceId)
{
    auto q = m_c.exec(kSecretSql, {serviceId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q->bytes(0));
}

Status WebhookStore::setSealedSecret(const QString &serviceId, const QByteArray &sealed, qint64 now)
{
    auto q = m_c.exec(kSetSecretSql, {serviceId, sealed, now});
    if (!q)
        return q.error();
    return {};
}

} // namespace vc
