// Admin endpoints: sessions, statistics, API keys, services, the audit log and the local outbox.
// An admin key bound to a service sees only that service; keys and services need an unbound one.

#include "core/Engine.h"
#include "core/JsonViews.h"
#include "http/api/ApiSupport.h"
#include "http/api/Routes.h"

#include <QJsonArray>

namespace vc::http {

namespace {

Error forbiddenForBoundKey()
{
    return {ErrorCode::Forbidden,
            QStringLiteral("a key bound to one service cannot manage keys or services")};
}

// The request fields of a service's settings: the keys of the one settings table.
QStringList serviceSettingKeys()
{
    QStringList keys;
    for (const ServiceField &f : ServiceRules::fields())
        keys.append(f.key);
    return keys;
}

bool boundToService(const ApiRequest &r)
{
    return r.caller && !r.caller->serviceId.isEmpty();
}

// The service a listing asks for (`service_id`, empty for all); a key bound to a service always
// gets its own, and asking for another is Forbidden.
Result<QString> requestedService(const ApiRequest &r)
{
    const QString asked = r.http.queryValue(QStringLiteral("service_id")).value_or(QString());
    if (!boundToService(r))
        return asked;
    if (!asked.isEmpty() && asked != r.caller->serviceId)
        return Error{ErrorCode::Forbidden, QStringLiteral("this key sees only its own service")};
    return r.caller->serviceId;
}

HttpResponse sessions(ApiRequest &r)
{
    const HttpRequest &h = r.http;
    if (Status s = allowOnlyParams(h, {QStringLiteral("status"), QStringLiteral("channel"),
                                       QStringLiteral("service_id"), QStringLiteral("from"),
                                       QStringLiteral("to"), QStringLiteral("recipient"),
                                       QStringLiteral("cursor"), QStringLiteral("limit")});
        !s)
        return errorResponse(s.error());
    SessionQuery q;
    if (const auto status = h.queryValue(QStringLiteral("status")); status && !status->isEmpty()) {
        q.status = statusFromName(*status);
        if (!q.status)
            return errorResponse(Error::invalid(QStringLiteral("status"),
                                                QStringLiteral("must be pending, delivered, "
                                                               "verified, failed, expired or "
                                                               "cancelled")));
    }
    if (const auto c = h.queryValue(QStringLiteral("channel")); c && !c->isEmpty()) {
        q.channel = channelFromName(*c);
        if (!q.channel)
            return errorResponse(Error::invalid(QStringLiteral("channel"),
                                                QStringLiteral("must be sms, voice or email")));
    }
    auto service = requestedService(r);
    if (!service)
        return errorResponse(service.error());
    q.serviceId = *service;
    auto from = timeParam(h, QStringLiteral("from"));
    auto to = timeParam(h, QStringLiteral("to"));
    auto limit = intParam(h, QStringLiteral("limit"), 1, 500);
    for (const Error *e : {from ? nullptr : &from.error(), to ? nullptr : &to.error(),
                           limit ? nullptr : &limit.error()})
        if (e)
            return errorResponse(*e);
    q.fromMs = from->value_or(0);
    q.toMs = to->value_or(0);
    q.limit = limit->value_or(50);
    q.recipient = h.queryValue(QStringLiteral("recipient")).value_or(QString());
    q.cursor = h.queryValue(QStringLiteral("cursor")).value_or(QString());
    auto page = r.engine.findSessions(q);
    if (!page)
        return errorResponse(page.error());
    QJsonArray list;
    for (const SessionView &v : page->sessions)
        list.append(Json::of(v));
    return jsonResponse(200, {{QStringLiteral("sessions"), list},
                              {QStringLiteral("next_cursor"), page->nextCursor.isEmpty()
                                                                  ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(page->nextCursor)}});
}

HttpResponse stats(ApiRequest &r)
{
    const HttpRequest &h = r.http;
    if (Status s =
            allowOnlyParams(h, {QStringLiteral("from"), QStringLiteral("to"),
                                QStringLiteral("service_id"), QStringLiteral("granularity")});
        !s)
        return errorResponse(s.error());
    StatsQuery q;
    auto from = timeParam(h, QStringLiteral("from"));
    auto to = timeParam(h, QStringLiteral("to"));
    if (!from)
        return errorResponse(from.error());
    if (!to)
        return errorResponse(to.error());
    q.fromMs = from->value_or(r.engine.clock().nowMs() - 30LL * 86'400'000);
    q.toMs = to->value_or(0);
    auto service = requestedService(r);
    if (!service)
        return errorResponse(service.error());
    q.serviceId = *service;
    const QString granularity =
        h.queryValue(QStringLiteral("granularity")).value_or(QStringLiteral("day"));
    if (granularity == QLatin1String("hour"))
        q.granularity = StatsGranularity::Hour;
    else if (granularity != QLatin1String("day"))
        return errorResponse(
            Error::invalid(QStringLiteral("granularity"), QStringLiteral("must be hour or day")));
    (void)r.engine.sweepExpired(); // the counts include sessions whose time just ran out
    auto report = r.engine.stats(q);
    if (!report)
        return errorResponse(report.error());
    return jsonResponse(200, Json::of(*report));
}

HttpResponse pumpingAlerts(ApiRequest &r)
{
    const HttpRequest &h = r.http;
    if (Status s = allowOnlyParams(h, {QStringLiteral("service_id")}); !s)
        return errorResponse(s.error());
    auto service = requestedService(r);
    if (!service)
        return errorResponse(service.error());
    auto alerts = r.engine.pumpingAlerts(*service);
    if (!alerts)
        return errorResponse(alerts.error());
    QJsonArray list;
    for (const PumpingAlert &a : std::as_const(*alerts))
        list.append(Json::of(a));
    return jsonResponse(200,
                        {{QStringLiteral("alerts"), list},
                         {QStringLiteral("checked_at"), Json::time(r.engine.clock().nowMs())}});
}

HttpResponse listKeys(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    auto keys = r.engine.keys();
    if (!keys)
        return errorResponse(keys.error());
    const qint64 now = r.engine.clock().nowMs();
    QJsonArray list;
    for (const ApiKeyInfo &k : *keys)
        list.append(Json::of(k, now));
    return jsonResponse(200, {{QStringLiteral("keys"), list}});
}

HttpResponse createKey(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    auto body = jsonBody(r, {QStringLiteral("name"), QStringLiteral("scope"),
                             QStringLiteral("service_id"), QStringLiteral("expires_in_days")});
    if (!body)
        return errorResponse(body.error());
    CreateKeyRequest k;
    for (const auto &[key, target] : {std::pair{QStringLiteral("name"), &k.name},
                                      {QStringLiteral("scope"), &k.scope},
                                      {QStringLiteral("service_id"), &k.serviceId}}) {
        auto v = stringField(*body, key);
        if (!v)
            return errorResponse(v.error());
        *target = v->value_or(QString());
    }
    auto days = intField(*body, QStringLiteral("expires_in_days"));
    if (!days)
        return errorResponse(days.error());
    k.expiresInDays = *days;
    auto issued = r.engine.createKey(k, actorOf(r));
    if (!issued)
        return errorResponse(issued.error());
    QJsonObject o = Json::of(issued->info, r.engine.clock().nowMs());
    o.insert(QStringLiteral("key"), issued->key);
    HttpResponse response = jsonResponse(201, o);
    return response;
}

HttpResponse revokeKey(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    auto revoked = r.engine.revokeKey(r.params.value(QStringLiteral("id")), actorOf(r));
    if (!revoked)
        return errorResponse(revoked.error());
    return jsonResponse(200, Json::of(*revoked, r.engine.clock().nowMs()));
}

HttpResponse listServices(ApiRequest &r)
{
    auto all = r.engine.services();
    if (!all)
        return errorResponse(all.error());
    QJsonArray list;
    for (const Service &s : *all)
        if (!boundToService(r) || s.id == r.caller->serviceId)
            list.append(s.toJson());
    return jsonResponse(200, {{QStringLiteral("services"), list}});
}

HttpResponse getService(ApiRequest &r)
{
    const QString id = r.params.value(QStringLiteral("id"));
    if (boundToService(r) && id != r.caller->serviceId)
        return errorResponse(Error::notFound(QStringLiteral("no service with this id")));
    auto s = r.engine.service(id);
    if (!s)
        return errorResponse(s.error());
    return jsonResponse(200, s->toJson());
}

HttpResponse createService(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    auto body = jsonBody(r, serviceSettingKeys() << QStringLiteral("id"));
    if (!body)
        return errorResponse(body.error());
    auto id = stringField(*body, QStringLiteral("id"));
    if (!id)
        return errorResponse(id.error());
    if (!*id)
        return errorResponse(Error::invalid(QStringLiteral("id"), QStringLiteral("is required")));
    // The engine names the id "service_id"; in this request the field is "id".
    if (Status valid = ServiceRules::validateId(**id); !valid) {
        Error e = valid.error();
        e.field = QStringLiteral("id");
        return errorResponse(e);
    }
    QJsonObject settings = *body;
    settings.remove(QStringLiteral("id"));
    auto created = r.engine.createService(**id, settings, actorOf(r));
    if (!created)
        return errorResponse(created.error());
    return jsonResponse(201, created->toJson());
}

HttpResponse updateService(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    auto body = jsonBody(r, serviceSettingKeys());
    if (!body)
        return errorResponse(body.error());
    auto updated = r.engine.updateService(r.params.value(QStringLiteral("id")), *body, actorOf(r));
    if (!updated)
        return errorResponse(updated.error());
    return jsonResponse(200, updated->toJson());
}

// The secret that signs a service's status webhooks, for the admin setting up the receiver.
// Reading it and replacing it are both audited (without the secret).
HttpResponse webhookSecret(ApiRequest &r, bool rotate)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    const QString id = r.params.value(QStringLiteral("id"));
    auto secret = rotate ? r.engine.rotateWebhookSecret(id, actorOf(r))
                         : r.engine.webhookSecret(id, actorOf(r));
    if (!secret)
        return errorResponse(secret.error());
    HttpResponse response = jsonResponse(
        200, {{QStringLiteral("service_id"), id}, {QStringLiteral("webhook_secret"), *secret}});
    cleanseString(*secret);
    return response;
}

HttpResponse audit(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    const HttpRequest &h = r.http;
    if (Status s = allowOnlyParams(
            h, {QStringLiteral("search"), QStringLiteral("before"), QStringLiteral("limit")});
        !s)
        return errorResponse(s.error());
    AuditQuery q;
    q.search = h.queryValue(QStringLiteral("search")).value_or(QString());
    auto before = int64Param(h, QStringLiteral("before"));
    auto limit = intParam(h, QStringLiteral("limit"), 1, 500);
    if (!before)
        return errorResponse(before.error());
    if (!limit)
        return errorResponse(limit.error());
    q.before = before->value_or(0);
    q.limit = limit->value_or(50);
    auto entries = r.engine.audit(q);
    if (!entries)
        return errorResponse(entries.error());
    QJsonArray list;
    for (const AuditEntry &e : *entries)
        list.append(Json::of(e));
    return jsonResponse(200, {{QStringLiteral("entries"), list}});
}

HttpResponse outbox(ApiRequest &r)
{
    if (boundToService(r))
        return errorResponse(forbiddenForBoundKey());
    const HttpRequest &h = r.http;
    if (Status s = allowOnlyParams(h, {QStringLiteral("session_id"), QStringLiteral("limit")}); !s)
        return errorResponse(s.error());
    auto limit = intParam(h, QStringLiteral("limit"), 1, 500);
    if (!limit)
        return errorResponse(limit.error());
    auto entries = r.engine.outbox(h.queryValue(QStringLiteral("session_id")).value_or(QString()),
                                   limit->value_or(50));
    if (!entries)
        return errorResponse(entries.error());
    QJsonArray list;
    for (const OutboxEntry &e : *entries)
        list.append(Json::of(e));
    return jsonResponse(200, {{QStringLiteral("messages"), list}});
}

} // namespace

QList<Route> adminRoutes()
{
    return {
        {"GET", QStringLiteral("/v1/sessions"), Access::Admin,
         QStringLiteral("Sessions, newest first, with filters and cursor paging"), sessions},
        {"GET", QStringLiteral("/v1/stats"), Access::Admin,
         QStringLiteral("Totals by channel and status, success rate, per day or hour"), stats},
        {"GET", QStringLiteral("/v1/stats/alerts"), Access::Admin,
         QStringLiteral("Signs of SMS pumping now: number prefixes with a burst of starts or "
                        "a conversion far below the service's usual"),
         pumpingAlerts},
        {"GET", QStringLiteral("/v1/keys"), Access::Admin, QStringLiteral("API keys"), listKeys},
        {"POST", QStringLiteral("/v1/keys"), Access::Admin,
         QStringLiteral("Issue an API key (its secret is in this response only)"), createKey},
        {"DELETE", QStringLiteral("/v1/keys/{id}"), Access::Admin,
         QStringLiteral("Revoke an API key"), revokeKey},
        {"GET", QStringLiteral("/v1/services"), Access::Admin, QStringLiteral("Services"),
         listServices},
        {"POST", QStringLiteral("/v1/services"), Access::Admin, QStringLiteral("Create a service"),
         createService},
        {"GET", QStringLiteral("/v1/services/{id}"), Access::Admin,
         QStringLiteral("A service's settings"), getService},
        {"PATCH", QStringLiteral("/v1/services/{id}"), Access::Admin,
         QStringLiteral("Change a service's settings"), updateService},
        {"GET", QStringLiteral("/v1/services/{id}/webhook-secret"), Access::Admin,
         QStringLiteral("The secret that signs the service's status webhooks (audited)"),
         [](ApiRequest &r) { return webhookSecret(r, false); }},
        {"POST", QStringLiteral("/v1/services/{id}/webhook-secret"), Access::Admin,
         QStringLiteral("Replace the service's webhook secret (the new one is in the answer)"),
         [](ApiRequest &r) { return webhookSecret(r, true); }},
        {"GET", QStringLiteral("/v1/audit"), Access::Admin,
         QStringLiteral("The audit log, newest first"), audit},
        {"GET", QStringLiteral("/v1/outbox"), Access::Admin,
         QStringLiteral("Messages in the local outbox, newest first"), outbox},
    };
}

} // namespace vc::http
