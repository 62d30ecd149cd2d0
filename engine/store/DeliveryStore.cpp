#include "store/DeliveryStore.h"

#include "store/Database.h"
#include "store/LeasedQueue.h"
#include "store/SqlUtil.h"

namespace vc {

namespace {

const QString kColumns =
    QStringLiteral("id, session_id, channel, provider, state, attempts, next_attempt_at, "
                   "payload_sealed, provider_message_id, last_error, created_at, sent_at");

DeliveryState stateFromName(const QString &n)
{
    for (DeliveryState s : {DeliveryState::Queued, DeliveryState::Sending, DeliveryState::Sent,
                            DeliveryState::Failed, DeliveryState::Cancelled})
        if (deliveryStateName(s) == n)
            return s;
    return DeliveryState::Failed;
}

DeliveryRow rowFrom(const Query &q)
{
    DeliveryRow r;
    r.id = q.i64(0);
    r.sessionId = q.str(1);
    r.channel = channelFromName(q.str(2)).value_or(Channel::Sms);
    r.provider = q.str(3);
    r.state = stateFromName(q.str(4));
    r.attempts = q.i32(5);
    r.nextAttemptAt = q.i64(6);
    r.payloadSealed = q.bytes(7);
    r.providerMessageId = q.str(8);
    r.lastError = q.str(9);
    r.createdAt = q.i64(10);
    r.sentAt = sql::optionalI64(q.value(11));
    return r;
}

QVariant nullBlob()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

const QString kEnqueue =
    QStringLiteral("INSERT INTO deliveries (session_id, channel, provider, state, attempts, "
                   "next_attempt_at, payload_sealed, created_at, updated_at) VALUES (?, ?, ?, "
                   "'queued', 0, ?, ?, ?, ?)");
// SQLite hands the new id over without RETURNING, whose rows go through a temporary table (the
// insert cost twice as much with it); other databases return it.
const StaticSql kEnqueueSql1(kEnqueue);
const StaticSql kEnqueueReturningSql(kEnqueue + QStringLiteral(" RETURNING id"));
const StaticSql kLastIdSql(QStringLiteral("SELECT last_insert_rowid()"));
const StaticSql kClaimDueSql2(QStringLiteral("SELECT id FROM deliveries WHERE state IN "
                                             "('queued', 'sending') AND next_attempt_at <= ? "
                                             "ORDER BY next_attempt_at LIMIT ?"));
const StaticSql kClaimDueSql3(QStringLiteral("SELECT id FROM deliveries WHERE session_id = ? "
                                             "AND state IN ('queued', 'sending') AND "
                                             "next_attempt_at <= ? ORDER BY next_attempt_at "
                                             "LIMIT ?"));
const StaticSql
    kClaimDueSql4(QStringLiteral("UPDATE deliveries SET state = 'sending', attempts = "
                                 "attempts + 1, next_attempt_at = ?, updated_at = ? WHERE "
                                 "id = ? AND state IN ('queued', 'sending') AND "
                                 "next_attempt_at <= ?"));
const StaticSql kFindSql5(QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(" FROM deliveries WHERE id = ?"));
const StaticSql
    kForSessionSql6(QStringLiteral("SELECT ") + kColumns +
                    QStringLiteral(" FROM deliveries WHERE session_id = ? ORDER BY id"));
const StaticSql
    kMarkSentSql7(QStringLiteral("UPDATE deliveries SET state = 'sent', payload_sealed = ?, "
                                 "provider_message_id = ?, last_error = NULL, sent_at = ?, "
                                 "updated_at = ? WHERE id = ? AND state <> 'failed'"));
const StaticSql kScheduleRetrySql8(
    QStringLiteral("UPDATE deliveries SET state = 'queued', next_attempt_at = ?, "
                   "last_error = ?, updated_at = ? WHERE id = ? AND state = "
                   "'sending'"));
const StaticSql
    kMarkFailedSql9(QStringLiteral("UPDATE deliveries SET state = 'failed', payload_sealed = ?, "
                                   "last_error = ?, updated_at = ? WHERE id = ?"));
const StaticSql
    kQueueDepthSql10(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE state IN ('queued', "
                                    "'sending')"));
const StaticSql
    kCancelOpenSql11(QStringLiteral("UPDATE deliveries SET state = 'cancelled', payload_sealed = "
                                    "?, updated_at = ? WHERE session_id = ? AND state IN "
                                    "('queued', 'sending')"));
const StaticSql
    kStoreOutboxMessageSql12(QStringLiteral("INSERT INTO outbox_messages (delivery_id, session_id, "
                                            "channel, recipient_masked, locale, message_sealed, "
                                            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                                            "(delivery_id) DO NOTHING"));

} // namespace

QString deliveryStateName(DeliveryState s)
{
    switch (s) {
    case DeliveryState::Queued:
        return QStringLiteral("queued");
    case DeliveryState::Sending:
        return QStringLiteral("sending");
    case DeliveryState::Sent:
        return QStringLiteral("sent");
    case DeliveryState::Failed:
        return QStringLiteral("failed");
    case DeliveryState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

Result<qint64> DeliveryStore::enqueue(const QString &sessionId, Channel channel,
                                      const QString &provider, const QByteArray &payloadSealed,
                                      qint64 now)
{
    const QVariantList values{sessionId, channelName(channel), provider, now, payloadSealed, now,
                              now};
    const bool sqlite = m_c.dialect() == SqlDialect::Sqlite;
    auto q = m_c.exec(sqlite ? kEnqueueSql1 : kEnqueueReturningSql, values);
    if (!q)
        return q.error();
    if (!sqlite)
        return q->next() ? Result<qint64>(q->i64(0))
                         : Error::internal(QStringLiteral("delivery job was not stored"));
    if (q->rowsAffected() != 1)
        return Error::internal(QStringLiteral("delivery job was not stored"));
    auto id = m_c.exec(kLastIdSql);
    if (!id)
        return id.error();
    if (!id->next())
        return Error::internal(QStringLiteral("delivery job was not stored"));
    return id->i64(0);
}

Result<QList<DeliveryRow>> DeliveryStore::claimDue(qint64 now, qint64 leaseMs, int limit,
                                                   const QString &sessionId)
{
    QList<qint64> ids;
    {
        auto q = sessionId.isEmpty() ? m_c.exec(kClaimDueSql2, {now, limit})
                                     : m_c.exec(kClaimDueSql3, {sessionId, now, limit});
        if (!q)
            return q.error();
        while (q->next())
            ids.append(q->i64(0));
    }
    return leaseEach<DeliveryRow>(m_c, kClaimDueSql4, ids, now, leaseMs,
                                  [this](qint64 id) { return find(id); });
}

Result<std::optional<DeliveryRow>> DeliveryStore::find(qint64 id)
{
    auto q = m_c.exec(kFindSql5, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<DeliveryRow>();
    return std::optional<DeliveryRow>(rowFrom(*q));
}

Result<QList<DeliveryRow>> DeliveryStore::forSession(const QString &sessionId)
{
    auto q = m_c.exec(kForSessionSql6, {sessionId});
    if (!q)
        return q.error();
    QList<DeliveryRow> out;
    while (q->next())
        out.append(rowFrom(*q));
    return out;
}

Status DeliveryStore::markSent(qint64 id, const QString &providerMessageId, qint64 now)
{
    auto q =
        m_c.exec(kMarkSentSql7, {nullBlob(), sql::nullableText(providerMessageId), now, now, id});
    if (!q)
        return q.error();
    return {};
}

Status DeliveryStore::scheduleRetry(qint64 id, qint64 at, const QString &error, qint64 now)
{
    auto q = m_c.exec(kScheduleRetrySql8, {at, error, now, id});
    if (!q)
        return q.error();
    return {};
}

Status DeliveryStore::markFailed(qint64 id, const QString &error, qint64 now)
{
    auto q = m_c.exec(kMarkFailedSql9, {nullBlob(), error, now, id});
    if (!q)
        return q.error();
    return {};
}

Result<QList<DeliveryView>> DeliveryStore::list(const QStringList &states, qint64 before, int limit)
{
    // Fixed fragments only; every value is bound.
    QString sql = QStringLiteral(
        "SELECT d.id, d.session_id, d.channel, d.provider, d.state, d.attempts, "
        "d.next_attempt_at, d.last_error, d.created_at, d.sent_at, s.recipient_masked, s.status "
        "FROM deliveries d JOIN sessions s ON s.id = d.session_id WHERE d.state IN (");
    QVariantList binds;
    for (qsizetype i = 0; i < states.size(); ++i) {
        sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
        binds << states.at(i);
    }
    sql += QStringLiteral(") AND (? = 0 OR d.id < ?) ORDER BY d.id DESC LIMIT ?");
    binds << before << before << limit;
    auto q = m_c.exec(sql, binds);
    if (!q)
        return q.error();
    QList<DeliveryView> out;
    while (q->next()) {
        DeliveryView v;
        v.id = q->i64(0);
        v.sessionId = q->str(1);
        v.channel = channelFromName(q->str(2)).value_or(Channel::Sms);
        v.provider = q->str(3);
        v.state = q->str(4);
        v.attempts = q->i32(5);
        v.nextAttemptAt = q->i64(6);
        v.lastError = q->str(7);
        v.createdAt = q->i64(8);
        v.sentAt = sql::optionalI64(q->value(9));
        v.recipientMasked = q->str(10);
        v.sessionStatus = statusFromName(q->str(11)).value_or(SessionStatus::Failed);
        out.append(v);
    }
    return out;
}

Result<qint64> DeliveryStore::queueDepth()
{
    auto q = m_c.exec(kQueueDepthSql10);
    if (!q)
        return q.error();
    return q->next() ? q->i64(0) : 0;
}

Status DeliveryStore::cancelOpen(const QString &sessionId, qint64 now)
{
    auto q = m_c.exec(kCancelOpenSql11, {nullBlob(), now, sessionId});
    if (!q)
        return q.error();
    return {};
}

Status DeliveryStore::storeOutboxMessage(qint64 deliveryId, const QString &sessionId,
                                         Channel channel, const QString &recipientMasked,
                                         const QString &locale, const QByteArray &messageSealed,
                                         qint64 now)
{
    auto q = m_c.exec(kStoreOutboxMessageSql12, {deliveryId, sessionId, channelName(channel),
                                                 recipientMasked, locale, messageSealed, now});
    if (!q)
        return q.error();
    return {};
}

Result<QList<DeliveryStore::OutboxRow>> DeliveryStore::outbox(const QString &sessionId, int limit)
{
    const QString cols = QStringLiteral("SELECT id, session_id, channel, recipient_masked, locale, "
                                        "message_sealed, created_at FROM outbox_messages ");
    auto q = sessionId.isEmpty()
                 ? m_c.exec(cols + QStringLiteral("ORDER BY id DESC LIMIT ?"), {limit})
                 : m_c.exec(cols + QStringLiteral("WHERE session_id = ? ORDER BY id DESC LIMIT ?"),
                            {sessionId, limit});
    if (!q)
        return q.error();
    QList<OutboxRow> out;
    while (q->next())
        out.append({q->i64(0), q->str(1), channelFromName(q->str(2)).value_or(Channel::Sms),
                    q->str(3), q->str(4), q->bytes(5), q->i64(6)});
    return out;
}

} // namespace vc
