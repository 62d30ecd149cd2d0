#include "store/SessionStore.h"

#include "core/Service.h"
#include "crypto/Uuid.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SqlUtil.h"
#include "store/StatsStore.h"
#include "store/WebhookStore.h"

namespace vc {

namespace {

const QString kColumns = QStringLiteral(
    "id, service_id, channel, status, recipient_masked, recipient_region, locale, code_length, "
    "code_type, attempts, max_attempts, resends, max_resends, reference, callback_url, client_ip, "
    "created_at, expires_at, last_sent_at, delivered_at, verified_at, finished_at, "
    "recipient_index, recipient_sealed, code_hash, resend_cooldown_seconds, ttl_seconds, "
    "workflow, workflow_step, workflow_next_at, test");

SessionRow rowFrom(const Query &q)
{
    SessionRow r;
    SessionView &v = r.view;
    v.id = q.str(0);
    v.serviceId = q.str(1);
    v.channel = channelFromName(q.str(2)).value_or(Channel::Sms);
    v.status = statusFromName(q.str(3)).value_or(SessionStatus::Failed);
    v.recipientMasked = q.str(4);
    v.recipientRegion = q.str(5);
    v.locale = q.str(6);
    v.codeLength = q.i32(7);
    v.codeType = codeTypeFromName(q.str(8)).value_or(CodeType::Numeric);
    v.attempts = q.i32(9);
    v.maxAttempts = q.i32(10);
    v.resends = q.i32(11);
    v.maxResends = q.i32(12);
    v.reference = q.str(13);
    v.callbackUrl = q.str(14);
    v.clientIp = q.str(15);
    v.createdAt = q.i64(16);
    v.expiresAt = q.i64(17);
    v.lastSentAt = q.i64(18);
    v.deliveredAt = sql::optionalI64(q.value(19));
    v.verifiedAt = sql::optionalI64(q.value(20));
    v.finishedAt = sql::optionalI64(q.value(21));
    r.recipientIndex = q.bytes(22);
    r.recipientSealed = q.bytes(23);
    r.codeHash = q.bytes(24);
    r.resendCooldownSeconds = q.i32(25);
    r.ttlSeconds = q.i32(26);
    r.workflow = q.str(27);
    r.workflowStep = q.i32(28);
    r.workflowNextAt = sql::optionalI64(q.value(29));
    v.test = q.i32(30) != 0;
    return r;
}

const StaticSql kInsertSql1(
    QStringLiteral("INSERT INTO sessions (") + kColumns +
    QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
const StaticSql kFindSql2(QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(" FROM sessions WHERE id = ?"));
const StaticSql
    kAddEventSql3(QStringLiteral("INSERT INTO session_events (session_id, at, type, actor, "
                                 "detail) VALUES (?, ?, ?, ?, ?)"));
const StaticSql kEventsSql4(QStringLiteral("SELECT id, at, type, actor, detail FROM session_events "
                                           "WHERE session_id = ? ORDER BY id"));
const StaticSql kTransitionSql5(QStringLiteral("UPDATE sessions SET status = ?, delivered_at = ?, "
                                               "verified_at = ?, finished_at = ?, code_hash = ? "
                                               "WHERE id = ? AND status = ?"));
const StaticSql kRecordAttemptSql6(
    QStringLiteral("UPDATE sessions SET attempts = attempts + 1 WHERE id = ? AND "
                   "attempts = ?"));
const StaticSql
    kReplaceCodeSql7(QStringLiteral("UPDATE sessions SET code_hash = ?, channel = ?, resends = "
                                    "resends + 1, last_sent_at = ?, expires_at = ? WHERE id = ? "
                                    "AND resends = ?"));
const StaticSql
    kRecentStartsSql8(QStringLiteral("SELECT COUNT(*), MIN(created_at) FROM sessions WHERE "
                                     "recipient_index = ? AND created_at > ? AND service_id = ?"));
const StaticSql
    kDueForExpirySql9(QStringLiteral("SELECT id FROM sessions WHERE status IN ('pending', "
                                     "'delivered') AND expires_at <= ? ORDER BY expires_at "
                                     "LIMIT ?"));

} // namespace

Status SessionStore::insert(const SessionRow &row)
{
    const SessionView &v = row.view;
    auto q = m_c.exec(kInsertSql1, {v.id,
                                    v.serviceId,
                                    channelName(v.channel),
                                    statusName(v.status),
                                    v.recipientMasked,
                                    sql::text(v.recipientRegion),
                                    v.locale,
                                    v.codeLength,
                                    codeTypeName(v.codeType),
                                    v.attempts,
                                    v.maxAttempts,
                                    v.resends,
                                    v.maxResends,
                                    sql::nullableText(v.reference),
                                    sql::nullableText(v.callbackUrl),
                                    sql::nullableText(v.clientIp),
                                    v.createdAt,
                                    v.expiresAt,
                                    v.lastSentAt,
                                    sql::nullable(v.deliveredAt),
                                    sql::nullable(v.verifiedAt),
                                    sql::nullable(v.finishedAt),
                                    row.recipientIndex,
                                    row.recipientSealed,
                                    row.codeHash,
                                    row.resendCooldownSeconds,
                                    row.ttlSeconds,
                                    sql::nullableText(row.workflow),
                                    row.workflowStep,
                                    sql::nullable(row.workflowNextAt),
                                    v.test ? 1 : 0});
    if (!q)
        return q.error();
    // Test sessions stay out of the session statistics (they are counted as the event
    // test_started instead): the dashboard shows real traffic.
    if (v.test)
        return StatsStore(m_c).countEvent(v.createdAt, v.serviceId, v.channel,
                                          QStringLiteral("test_started"));
    return StatsStore(m_c).addSessions(v.createdAt, v.serviceId, v.channel, v.status, 1);
}

Result<std::optional<SessionRow>> SessionStore::find(const QString &id)
{
    auto q = m_c.exec(kFindSql2, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SessionRow>();
    return std::optional<SessionRow>(rowFrom(*q));
}

Status SessionStore::addEvent(const QString &sessionId, qint64 at, const QString &type,
                              const Actor &actor, const QJsonObject &detail)
{
    return addEventJson(sessionId, at, type, actor, sql::jsonText(detail));
}

Status SessionStore::addEventJson(const QString &sessionId, qint64 at, const QString &type,
                                  const Actor &actor, const QString &detailJson)
{
    auto q =
        m_c.exec(kAddEventSql3, {sessionId, at, type, sql::text(actor.toString()), detailJson});
    if (!q)
        return q.error();
    return {};
}

Result<QList<SessionEvent>> SessionStore::events(const QString &sessionId)
{
    auto q = m_c.exec(kEventsSql4, {sessionId});
    if (!q)
        return q.error();
    QList<SessionEvent> out;
    while (q->next())
        out.append(
            {q->i64(0), sessionId, q->i64(1), q->str(2), q->str(3), sql::jsonObject(q->str(4))});
    return out;
}

Status SessionStore::transition(SessionRow &row, SessionStatus to, qint64 now)
{
    m_c.touched().sessions.push_back(row.view.id);
    SessionView &v = row.view;
    const SessionStatus from = v.status;
    if (from == to)
        return {};
    Q_ASSERT(!isFinal(from));
    v.status = to;
    if (to == SessionStatus::Delivered)
        v.deliveredAt = now;
    if (to == SessionStatus::Verified)
        v.verifiedAt = now;
    if (isFinal(to)) {
        v.finishedAt = now;
        row.codeHash.clear();
    }
    // The status guard makes a lost race visible instead of overwriting a final status.
    auto q = m_c.exec(kTransitionSql5,
                      {statusName(to), sql::nullable(v.deliveredAt), sql::nullable(v.verifiedAt),
                       sql::nullable(v.finishedAt),
                       row.codeHash.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                              : QVariant(row.codeHash),
                       v.id, statusName(from)});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::conflict(QStringLiteral("state_changed"),
                               QStringLiteral("the session changed meanwhile; try again"));
    StatsStore stats(m_c);
    if (!v.test) {
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, v.channel, from, -1); !s)
            return s;
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, v.channel, to, 1); !s)
            return s;
    }
    // The status webhook commits with the change it reports, or not at all.
    QJsonObject extra;
    if (to == SessionStatus::Failed)
        extra.insert(QStringLiteral("reason"), v.attempts >= v.maxAttempts
                                                   ? QStringLiteral("max_attempts_reached")
                                                   : QStringLiteral("delivery_failed"));
    if (auto queued = WebhookStore(m_c).enqueueFor(v, QStringLiteral("session.") + statusName(to),
                                                   extra, now);
        !queued)
        return queued.error();
    if (isFinal(to)) {
        if (row.workflowNextAt) {
            static const StaticSql clear(
                QStringLiteral("UPDATE sessions SET workflow_next_at = NULL WHERE id = ?"));
            if (auto c = m_c.exec(clear, {v.id}); !c)
                return c.error();
            row.workflowNextAt.reset();
        }
        return DeliveryStore(m_c).cancelOpen(v.id, now);
    }
    return {};
}

Result<bool> SessionStore::expireIfDue(SessionRow &row, qint64 now)
{
    if (isFinal(row.view.status) || now < row.view.expiresAt)
        return false;
    // Time is up. A session whose messages all failed to go out ends as failed (every delivery
    // failed); any other as expired. Either way it ended when its time ran out, not when this
    // access or sweep noticed (retention counts from then).
    const qint64 endedAt = qMin(now, row.view.expiresAt);
    static const StaticSql outcome(
        QStringLiteral("SELECT COALESCE(SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END), 0) "
                       "FROM deliveries WHERE session_id = ?"));
    bool deliveryFailed = false;
    {
        auto q = m_c.exec(outcome, {row.view.id});
        if (!q)
            return q.error();
        if (q->next())
            deliveryFailed = q->i64(0) == 0 && q->i64(1) > 0;
    }
    if (deliveryFailed) {
        if (Status s = transition(row, SessionStatus::Failed, endedAt); !s)
            return s.error();
        if (Status s = addEvent(
                row.view.id, now, QStringLiteral("failed"), Actor::system(),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("delivery_failed")}});
            !s)
            return s.error();
        return true;
    }
    if (Status s = transition(row, SessionStatus::Expired, endedAt); !s)
        return s.error();
    if (Status s = addEvent(row.view.id, endedAt, QStringLiteral("expired"), Actor::system()); !s)
        return s.error();
    return true;
}

Status SessionStore::recordAttempt(SessionRow &row)
{
    m_c.touched().sessions.push_back(row.view.id);
    auto q = m_c.exec(kRecordAttemptSql6, {row.view.id, row.view.attempts});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::conflict(QStringLiteral("state_changed"),
                               QStringLiteral("the session changed meanwhile; try again"));
    ++row.view.attempts;
    return {};
}

Status SessionStore::replaceCode(SessionRow &row, Channel channel, const QByteArray &codeHash,
                                 qint64 now, qint64 expiresAt)
{
    m_c.touched().sessions.push_back(row.view.id);
    auto q = m_c.exec(kReplaceCodeSql7, {codeHash, channelName(channel), now, expiresAt,
                                         row.view.id, row.view.resends});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::conflict(QStringLiteral("state_changed"),
                               QStringLiteral("the session changed meanwhile; try again"));
    // Statistics count a session under its current channel: a resend by voice moves it there.
    if (channel != row.view.channel && !row.view.test) {
        StatsStore stats(m_c);
        const SessionView &v = row.view;
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, v.channel, v.status, -1); !s)
            return s;
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, channel, v.status, 1); !s)
            return s;
    }
    row.view.channel = channel;
    row.codeHash = codeHash;
    ++row.view.resends;
    row.view.lastSentAt = now;
    row.view.expiresAt = expiresAt;
    return {};
}

Status SessionStore::advanceWorkflow(SessionRow &row, Channel channel, const QByteArray &codeHash,
                                     qint64 now, qint64 expiresAt, std::optional<qint64> nextAt)
{
    m_c.touched().sessions.push_back(row.view.id);
    static const StaticSql stmt(QStringLiteral(
        "UPDATE sessions SET code_hash = ?, channel = ?, last_sent_at = ?, expires_at = ?, "
        "workflow_step = workflow_step + 1, workflow_next_at = ? WHERE id = ? AND "
        "workflow_step = ?"));
    auto q = m_c.exec(stmt, {codeHash, channelName(channel), now, expiresAt, sql::nullable(nextAt),
                             row.view.id, row.workflowStep});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::conflict(QStringLiteral("state_changed"),
                               QStringLiteral("the session changed meanwhile; try again"));
    SessionView &v = row.view;
    if (channel != v.channel) {
        StatsStore stats(m_c);
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, v.channel, v.status, -1); !s)
            return s;
        if (Status s = stats.addSessions(v.createdAt, v.serviceId, channel, v.status, 1); !s)
            return s;
        v.channel = channel;
    }
    row.codeHash = codeHash;
    v.lastSentAt = now;
    v.expiresAt = expiresAt;
    ++row.workflowStep;
    row.workflowNextAt = nextAt;
    return {};
}

Status SessionStore::workflowDueNow(SessionRow &row, qint64 now)
{
    m_c.touched().sessions.push_back(row.view.id);
    static const StaticSql stmt(
        QStringLiteral("UPDATE sessions SET workflow_next_at = ? WHERE id = ?"));
    if (auto q = m_c.exec(stmt, {now, row.view.id}); !q)
        return q.error();
    row.workflowNextAt = now;
    return {};
}

Result<QStringList> SessionStore::dueForFailover(qint64 now, int limit)
{
    static const StaticSql stmt(QStringLiteral(
        "SELECT id FROM sessions WHERE workflow_next_at IS NOT NULL AND workflow_next_at <= ? "
        "AND status IN ('pending', 'delivered') ORDER BY workflow_next_at LIMIT ?"));
    auto q = m_c.exec(stmt, {now, limit});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(q->str(0));
    return ids;
}

Result<SessionStore::RecentStarts> SessionStore::recentStarts(const QString &serviceId,
                                                              const QByteArray &recipientIndex,
                                                              qint64 sinceMs)
{
    auto q = m_c.exec(kRecentStartsSql8, {recipientIndex, sinceMs, serviceId});
    if (!q)
        return q.error();
    RecentStarts r;
    if (q->next()) {
        r.count = q->i32(0);
        r.oldest = q->i64(1);
    }
    return r;
}

Result<std::optional<SessionRow>> SessionStore::findOpen(const QString &serviceId,
                                                         const QByteArray &recipientIndex,
                                                         Channel channel, qint64 now)
{
    // The recipient's index range in the service, newest first, bounded by the longest a session
    // can stay open (its TTL again after each resend): a few dozen rows at most.
    static const StaticSql sql(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM sessions WHERE recipient_index = ? AND "
                                              "service_id = ? AND created_at > ? AND channel = ? "
                                              "AND status IN ('pending', 'delivered') AND "
                                              "expires_at > ? ORDER BY created_at DESC LIMIT 1"));
    auto q = m_c.exec(sql, {recipientIndex, serviceId,
                            now - qint64(Limits::MaxResends + 1) * Limits::MaxTtlSeconds * 1000,
                            channelName(channel), now});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SessionRow>();
    return std::optional<SessionRow>(rowFrom(*q));
}

Result<QList<SessionRow>> SessionStore::list(const SessionQuery &query,
                                             const QByteArray &recipientIndex, int limit)
{
    // Built from fixed fragments only; every value is bound. Time bounds become id bounds too
    // (ids are UUIDv7), so the primary key or a (column, id) index serves every filter.
    //
    // SQLite plans without statistics and may pick the least selective of the filter indexes
    // (channel: a third of all sessions) and read a row per entry. Its unary + keeps a term off
    // the indexes, so the choice is fixed: the recipient index, else the service index, else the
    // status index; those carry the other filter columns (migration 4), so the rest of the filter
    // is checked in the index and only matching rows are read. PostgreSQL has statistics.
    const bool sqlite = m_c.dialect() == SqlDialect::Sqlite;
    const bool byRecipient = !recipientIndex.isEmpty();
    const bool byService = !query.serviceId.isEmpty();
    QStringList where;
    QVariantList binds;
    if (byService) {
        where << QStringLiteral("service_id = ?");
        binds << query.serviceId;
    }
    if (query.status) {
        where << (sqlite && (byRecipient || byService) ? QStringLiteral("+status = ?")
                                                       : QStringLiteral("status = ?"));
        binds << statusName(*query.status);
    }
    if (query.channel) {
        where << (sqlite && (byRecipient || byService || query.status)
                      ? QStringLiteral("+channel = ?")
                      : QStringLiteral("channel = ?"));
        binds << channelName(*query.channel);
    }
    if (!recipientIndex.isEmpty()) {
        where << QStringLiteral("recipient_index = ?");
        binds << recipientIndex;
    }
    if (query.fromMs > 0) {
        where << QStringLiteral("id >= ?") << QStringLiteral("created_at >= ?");
        binds << uuid7LowerBound(query.fromMs) << query.fromMs;
    }
    if (query.toMs > 0) {
        where << QStringLiteral("id < ?") << QStringLiteral("created_at < ?");
        binds << uuid7LowerBound(query.toMs) << query.toMs;
    }
    if (!query.cursor.isEmpty()) {
        where << QStringLiteral("id < ?");
        binds << query.cursor;
    }
    binds << limit;
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM sessions");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    auto q = m_c.exec(sql, binds);
    if (!q)
        return q.error();
    QList<SessionRow> out;
    while (q->next())
        out.append(rowFrom(*q));
    return out;
}

Result<int> SessionStore::purgeFinishedBefore(qint64 beforeMs, int limit)
{
    m_c.touched().allSessions = true;
    static const StaticSql sql(QStringLiteral(
        "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE finished_at IS NOT NULL "
        "AND finished_at < ? ORDER BY id LIMIT ?)"));
    auto q = m_c.exec(sql, {beforeMs, limit});
    if (!q)
        return q.error();
    return q->rowsAffected();
}

Result<QStringList> SessionStore::dueForExpiry(qint64 now, int limit)
{
    auto q = m_c.exec(kDueForExpirySql9, {now, limit});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(q->str(0));
    return ids;
}

} // namespace vc
