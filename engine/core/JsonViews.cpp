#include "core/JsonViews.h"

#include "core/JsonWriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace vc {

QString Json::time(qint64 unixMs)
{
    return QString::fromLatin1(JsonWriter::rfc3339(unixMs));
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

QByteArray Json::encode(const StartResult &r)
{
    JsonWriter w;
    w.beginObject()
        .field("session_id", r.sessionId)
        .field("status", statusName(r.status))
        .field("channel", channelName(r.channel))
        .field("locale", r.locale)
        .timeField("created_at", r.createdAt)
        .timeField("expires_at", r.expiresAt);
    if (r.reused)
        w.field("reused", true);
    if (r.test)
        w.field("test", true);
    w.endObject();
    return w.take();
}

QByteArray Json::encode(const CheckResult &r)
{
    // To a caller checking a code, an open session is "pending" whether or not a provider has
    // confirmed delivery yet: the answer is about the verification, not the message.
    const SessionStatus shown =
        r.status == SessionStatus::Delivered ? SessionStatus::Pending : r.status;
    JsonWriter w;
    w.beginObject().field("status", statusName(shown));
    if (r.verified())
        w.timeField("verified_at", r.verifiedAt);
    else
        w.field("error", r.error).field("attempts_remaining", r.attemptsRemaining);
    w.endObject();
    return w.take();
}

QByteArray Json::encode(const SessionView &v)
{
    JsonWriter w;
    w.beginObject()
        .field("session_id", v.id)
        .field("service_id", v.serviceId)
        .field("channel", channelName(v.channel))
        .field("status", statusName(v.status))
        .field("recipient", v.recipientMasked)
        .field("locale", v.locale)
        .field("code_length", v.codeLength)
        .field("attempts", v.attempts)
        .field("attempts_remaining", v.attemptsRemaining())
        .field("max_attempts", v.maxAttempts)
        .field("resends", v.resends)
        .field("resends_remaining", v.resendsRemaining())
        .timeField("created_at", v.createdAt)
        .timeField("expires_at", v.expiresAt)
        .timeField("last_sent_at", v.lastSentAt)
        .timeField("delivered_at", v.deliveredAt)
        .timeField("verified_at", v.verifiedAt)
        .timeField("finished_at", v.finishedAt);
    if (!v.recipientRegion.isEmpty())
        w.field("country", v.recipientRegion);
    if (!v.reference.isEmpty())
        w.field("reference", v.reference);
    if (!v.callbackUrl.isEmpty())
        w.field("callback_url", v.callbackUrl);
    if (!v.clientIp.isEmpty())
        w.field("ip_address", v.clientIp);
    if (v.test)
        w.field("test", true);
    w.endObject();
    return w.take();
}

QByteArray Json::encode(const Error &e)
{
    JsonWriter w;
    w.beginObject()
        .field("error", e.reason.isEmpty() ? errorCodeName(e.code) : e.reason)
        .field("message", e.toString());
    if (!e.field.isEmpty())
        w.field("field", e.field);
    if (e.retryAfterSeconds > 0)
        w.field("retry_after", e.retryAfterSeconds);
    w.endObject();
    return w.take();
}

namespace {

QJsonObject objectOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

QJsonObject Json::of(const StartResult &r)
{
    return objectOf(encode(r));
}

QJsonObject Json::of(const CheckResult &r)
{
    return objectOf(encode(r));
}

QJsonObject Json::of(const SessionView &v)
{
    return objectOf(encode(v));
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
    // The series per hour or per UTC day that the granularity asks for.
    QJsonArray series;
    for (const StatsBucket &b : r.series) {
        QJsonObject channels;
        for (Channel c : allChannels())
            channels.insert(channelName(c), b.byChannel.value(c));
        QJsonObject statuses;
        for (SessionStatus s : allStatuses())
            statuses.insert(statusName(s), b.byStatus.value(s));
        series.append(QJsonObject{{QStringLiteral("start"), time(b.start)},
                                  {QStringLiteral("total"), b.total},
                                  {QStringLiteral("by_channel"), channels},
                                  {QStringLiteral("by_status"), statuses}});
    }
    return {{QStringLiteral("from"), time(r.fromMs)},
            {QStringLiteral("to"), time(r.toMs)},
            {QStringLiteral("total"), r.total},
            {QStringLiteral("by_channel"), byChannel},
            {QStringLiteral("by_status"), byStatus},
            {QStringLiteral("success_rate"),
             r.successRate ? QJsonValue(*r.successRate) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("delivery_failures"), r.deliveryFailures},
            {QStringLiteral("hourly"), rows},
            {QStringLiteral("granularity"), r.granularity == StatsGranularity::Hour
                                                ? QStringLiteral("hour")
                                                : QStringLiteral("day")},
            {QStringLiteral("series"), series}};
}

QJsonObject Json::of(const PumpingAlert &a)
{
    const auto nullable = [](std::optional<double> v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject o{{QStringLiteral("kind"), a.kind == PumpingAlert::Kind::Burst
                                               ? QStringLiteral("burst")
                                               : QStringLiteral("low_conversion")},
                  {QStringLiteral("service_id"), a.serviceId},
                  {QStringLiteral("prefix"), a.prefix},
                  {QStringLiteral("region"), a.region},
                  {QStringLiteral("from"), time(a.windowStart)},
                  {QStringLiteral("to"), time(a.windowEnd)},
                  {QStringLiteral("started"), a.started},
                  {QStringLiteral("verified"), a.verified},
                  {QStringLiteral("conversion"), nullable(a.conversion())}};
    if (a.kind == PumpingAlert::Kind::Burst)
        o.insert(QStringLiteral("usual_per_hour"), a.usualPerHour);
    else
        o.insert(QStringLiteral("usual_conversion"), nullable(a.usualConversion));
    return o;
}

QJsonObject Json::of(const ApiKeyInfo &k, qint64 now)
{
    QJsonObject o{{QStringLiteral("id"), k.id},
                  {QStringLiteral("prefix"), k.prefix},
                  {QStringLiteral("name"), k.name},
                  {QStringLiteral("scope"), keyScopeName(k.scope)},
                  {QStringLiteral("service_id"),
                   k.serviceId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(k.serviceId)},
                  {QStringLiteral("state"), k.state(now)},
                  {QStringLiteral("created_at"), time(k.createdAt)},
                  {QStringLiteral("created_by"), k.createdBy}};
    auto put = [&o](const QString &key, const std::optional<qint64> &t) {
        o.insert(key, t ? QJsonValue(Json::time(*t)) : QJsonValue(QJsonValue::Null));
    };
    put(QStringLiteral("expires_at"), k.expiresAt);
    put(QStringLiteral("revoked_at"), k.revokedAt);
    put(QStringLiteral("last_used_at"), k.lastUsedAt);
    return o;
}

QJsonObject Json::of(const AuditEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), time(e.at)},
            {QStringLiteral("actor"), e.actor},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("target_type"), e.targetType},
            {QStringLiteral("target_id"), e.targetId},
            {QStringLiteral("detail"), e.detail}};
}

QJsonObject Json::of(const Error &e)
{
    return objectOf(encode(e));
}

} // namespace vc
