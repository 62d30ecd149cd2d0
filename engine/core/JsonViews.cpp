#include "core/JsonViews.h"

#include <QDateTime>
#include <QTimeZone>

namespace vc {

QString Json::time(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

std::optional<qint64> Json::parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toMSecsSinceEpoch();
}

namespace {

void putTime(QJsonObject &o, const QString &key, const std::optional<qint64> &ms)
{
    o.insert(key, ms ? QJsonValue(Json::time(*ms)) : QJsonValue(QJsonValue::Null));
}

} // namespace

QJsonObject Json::of(const StartResult &r)
{
    return {{QStringLiteral("session_id"), r.sessionId},
            {QStringLiteral("status"), statusName(r.status)},
            {QStringLiteral("channel"), channelName(r.channel)},
            {QStringLiteral("locale"), r.locale},
            {QStringLiteral("created_at"), time(r.createdAt)},
            {QStringLiteral("expires_at"), time(r.expiresAt)}};
}

QJsonObject Json::of(const CheckResult &r)
{
    QJsonObject o{{QStringLiteral("status"), statusName(r.status)}};
    if (r.verified()) {
        putTime(o, QStringLiteral("verified_at"), r.verifiedAt);
        return o;
    }
    o.insert(QStringLiteral("error"), r.error);
    o.insert(QStringLiteral("attempts_remaining"), r.attemptsRemaining);
    return o;
}

QJsonObject Json::of(const SessionView &v)
{
    QJsonObject o{{QStringLiteral("session_id"), v.id},
                  {QStringLiteral("service_id"), v.serviceId},
                  {QStringLiteral("channel"), channelName(v.channel)},
                  {QStringLiteral("status"), statusName(v.status)},
                  {QStringLiteral("recipient"), v.recipientMasked},
                  {QStringLiteral("locale"), v.locale},
                  {QStringLiteral("code_length"), v.codeLength},
                  {QStringLiteral("attempts"), v.attempts},
                  {QStringLiteral("attempts_remaining"), v.attemptsRemaining()},
                  {QStringLiteral("max_attempts"), v.maxAttempts},
                  {QStringLiteral("resends"), v.resends},
                  {QStringLiteral("resends_remaining"), v.resendsRemaining()},
                  {QStringLiteral("created_at"), time(v.createdAt)},
                  {QStringLiteral("expires_at"), time(v.expiresAt)},
                  {QStringLiteral("last_sent_at"), time(v.lastSentAt)}};
    if (!v.recipientRegion.isEmpty())
        o.insert(QStringLiteral("country"), v.recipientRegion);
    putTime(o, QStringLiteral("delivered_at"), v.deliveredAt);
    putTime(o, QStringLiteral("verified_at"), v.verifiedAt);
    putTime(o, QStringLiteral("finished_at"), v.finishedAt);
    if (!v.reference.isEmpty())
        o.insert(QStringLiteral("reference"), v.reference);
    if (!v.callbackUrl.isEmpty())
        o.insert(QStringLiteral("callback_url"), v.callbackUrl);
    if (!v.clientIp.isEmpty())
        o.insert(QStringLiteral("ip_address"), v.clientIp);
    return o;
}

QJsonObject Json::of(const SessionEvent &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), time(e.at)},
            {QStringLiteral("type"), e.type},
            {QStringLiteral("actor"), e.actor},
            {QStringLiteral("detail"), e.detail}};
}

QJsonArray Json::of(const QList<SessionEvent> &events)
{
    QJsonArray a;
    for (const SessionEvent &e : events)
        a.append(of(e));
    return a;
}

QJsonObject Json::of(const OutboxEntry &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("session_id"), e.sessionId},
                  {QStringLiteral("channel"), channelName(e.channel)},
                  {QStringLiteral("recipient"), e.recipientMasked},
                  {QStringLiteral("locale"), e.locale},
                  {QStringLiteral("created_at"), time(e.createdAt)},
                  {QStringLiteral("text"), e.text}};
    if (!e.subject.isEmpty())
        o.insert(QStringLiteral("subject"), e.subject);
    return o;
}

QJsonObject Json::of(const StatsReport &r)
{
    QJsonObject byChannel;
    for (Channel c : allChannels())
        byChannel.insert(channelName(c), r.byChannel.value(c));
    QJsonObject byStatus;
    for (SessionStatus s : allStatuses())
        byStatus.insert(statusName(s), r.byStatus.value(s));
    QJsonArray rows;
    for (const StatsRow &row : r.rows)
        rows.append(QJsonObject{{QStringLiteral("hour"), time(row.hourStart)},
                                {QStringLiteral("service_id"), row.serviceId},
                                {QStringLiteral("channel"), channelName(row.channel)},
                                {QStringLiteral("status"), statusName(row.status)},
                                {QStringLiteral("sessions"), row.sessions}});
    return {{QStringLiteral("from"), time(r.fromMs)},
            {QStringLiteral("to"), time(r.toMs)},
            {QStringLiteral("total"), r.total},
            {QStringLiteral("by_channel"), byChannel},
            {QStringLiteral("by_status"), byStatus},
            {QStringLiteral("success_rate"),
             r.successRate ? QJsonValue(*r.successRate) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("delivery_failures"), r.deliveryFailures},
            {QStringLiteral("hourly"), rows}};
}

QJsonObject Json::of(const Error &e)
{
    QJsonObject o{{QStringLiteral("error"), e.reason.isEmpty() ? errorCodeName(e.code) : e.reason},
                  {QStringLiteral("message"), e.toString()}};
    if (!e.field.isEmpty())
        o.insert(QStringLiteral("field"), e.field);
    if (e.retryAfterSeconds > 0)
        o.insert(QStringLiteral("retry_after"), e.retryAfterSeconds);
    return o;
}

} // namespace vc
