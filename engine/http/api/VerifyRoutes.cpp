// The verification endpoints: what applications call from their sign-up, login and payment flows.

#include "core/Engine.h"
#include "core/JsonViews.h"
#include "http/api/ApiSupport.h"
#include "http/api/Routes.h"
#include "http/api/VerifyRequests.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>

#include <array>
#include <cmath>

namespace vc::http {

Result<StartRequest> parseStartBody(const QByteArray &bytes, const QByteArray &contentType)
{
    auto body = parseJsonBody(
        bytes, contentType,
        {QStringLiteral("channel"), QStringLiteral("recipient"), QStringLiteral("code_length"),
         QStringLiteral("ttl_seconds"), QStringLiteral("locale"), QStringLiteral("service_id"),
         QStringLiteral("reference"), QStringLiteral("callback_url"), QStringLiteral("ip_address"),
         QStringLiteral("custom_code"), QStringLiteral("workflow")});
    if (!body)
        return body.error();
    StartRequest s;
    for (const auto &[key, target] : {std::pair{QStringLiteral("channel"), &s.channel},
                                      {QStringLiteral("recipient"), &s.recipient},
                                      {QStringLiteral("locale"), &s.locale},
                                      {QStringLiteral("service_id"), &s.serviceId},
                                      {QStringLiteral("reference"), &s.reference},
                                      {QStringLiteral("callback_url"), &s.callbackUrl},
                                      {QStringLiteral("ip_address"), &s.clientIp},
                                      {QStringLiteral("custom_code"), &s.customCode}}) {
        auto v = stringField(*body, key);
        if (!v)
            return v.error();
        *target = v->value_or(QString());
    }
    for (const auto &[key, target] : {std::pair{QStringLiteral("code_length"), &s.codeLength},
                                      {QStringLiteral("ttl_seconds"), &s.ttlSeconds}}) {
        auto v = intField(*body, key);
        if (!v)
            return v.error();
        *target = *v;
    }
    const QJsonValue workflow = body->value(QStringLiteral("workflow"));
    if (!workflow.isNull() && !workflow.isUndefined()) {
        if (!workflow.isArray() || workflow.toArray().isEmpty())
            return Error::invalid(QStringLiteral("workflow"),
                                  QStringLiteral("must be a list of 1 to 5 steps"));
        const QJsonArray steps = workflow.toArray();
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QString at = QStringLiteral("workflow[%1]").arg(i);
            if (!steps.at(i).isObject())
                return Error::invalid(at, QStringLiteral("must be an object with channel and "
                                                         "wait_seconds"));
            const QJsonObject o = steps.at(i).toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                if (it.key() != QLatin1String("channel") &&
                    it.key() != QLatin1String("wait_seconds"))
                    return Error::invalid(at + u'.' + it.key().left(40),
                                          QStringLiteral("is not a field of a workflow step"));
            WorkflowStepRequest step;
            const QJsonValue channel = o.value(QStringLiteral("channel"));
            if (!channel.isString())
                return Error::invalid(at + QStringLiteral(".channel"),
                                      QStringLiteral("is required: sms, voice or email"));
            step.channel = channel.toString();
            const QJsonValue wait = o.value(QStringLiteral("wait_seconds"));
            if (!wait.isUndefined() && !wait.isNull()) {
                // Bounded before the cast: a huge double does not fit an int.
                const double d = wait.toDouble(-1);
                if (!wait.isDouble() || d < 0 || d > 86400 || d != std::floor(d))
                    return Error::invalid(at + QStringLiteral(".wait_seconds"),
                                          QStringLiteral("must be a whole number of seconds "
                                                         "from 10 to 3600"));
                step.waitSeconds = static_cast<int>(d);
            }
            s.workflow.append(step);
        }
    }
    if (s.channel.isEmpty() && s.workflow.isEmpty())
        return Error::invalid(QStringLiteral("channel"),
                              QStringLiteral("is required: sms, voice or email"));
    return s;
}

Result<CheckRequest> parseCheckBody(const QByteArray &bytes, const QByteArray &contentType)
{
    auto body =
        parseJsonBody(bytes, contentType, {QStringLiteral("session_id"), QStringLiteral("code")});
    if (!body)
        return body.error();
    auto id = stringField(*body, QStringLiteral("session_id"));
    auto code = stringField(*body, QStringLiteral("code"));
    if (!id)
        return id.error();
    if (!code)
        return code.error();
    return CheckRequest{id->value_or(QString()), code->value_or(QString()), {}};
}

namespace {

// A verify key bound to one service only sees that service's sessions: others are "not found",
// so a key cannot learn which sessions exist elsewhere.
Result<SessionView> visibleSession(ApiRequest &r)
{
    auto v = r.engine.status(r.params.value(QStringLiteral("id")));
    if (!v)
        return v.error();
    if (r.caller && !r.caller->allowsService(v->serviceId))
        return Error::notFound(QStringLiteral("no session with this id"));
    return v;
}

HttpResponse start(ApiRequest &r)
{
    auto parsed = parseStartBody(r.http.body, r.http.header("content-type"));
    if (!parsed)
        return errorResponse(parsed.error());
    StartRequest &s = *parsed;
    // A caller-supplied code is kept only as a hash: its text is wiped on every way out.
    const auto wipe = qScopeGuard([&s] { cleanseString(s.customCode); });
    // A key bound to a service starts sessions of that service only.
    const QString bound = r.caller ? r.caller->serviceId : QString();
    if (!bound.isEmpty()) {
        if (!s.serviceId.isEmpty() && s.serviceId != bound)
            return errorResponse(
                {ErrorCode::Forbidden,
                 QStringLiteral("this key may only start sessions of service %1").arg(bound),
                 QStringLiteral("service_id")});
        s.serviceId = bound;
    }
    s.actor = actorOf(r);
    auto started = r.engine.start(s);
    if (!started)
        return errorResponse(started.error());
    // 201 for a new session; 200 when the service returned an open one again (nothing sent).
    return HttpResponse::json(started->reused ? 200 : 201, Json::encode(*started));
}

HttpResponse check(ApiRequest &r)
{
    auto parsed = parseCheckBody(r.http.body, r.http.header("content-type"));
    if (!parsed)
        return errorResponse(parsed.error());
    const auto wipe = qScopeGuard([&parsed] { cleanseString(parsed->code); });
    const QString sessionId = parsed->sessionId;
    if (r.caller && !r.caller->serviceId.isEmpty() && !sessionId.isEmpty()) {
        r.params.insert(QStringLiteral("id"), sessionId);
        auto visible = visibleSession(r);
        if (!visible && visible.error().code == ErrorCode::NotFound)
            return errorResponse(visible.error());
    }
    parsed->actor = actorOf(r);
    auto result = r.engine.check(*parsed);
    if (!result)
        return errorResponse(result.error());
    return HttpResponse::json(200, Json::encode(*result));
}

// The JSON of the sessions this thread answered last: polling an unchanged session (what
// status reads mostly are) costs a comparison of the whole view instead of an encoding. Any
// difference in the view encodes it again. Per thread, so no lock; status reads run on the few
// event threads (RequestHandler::isQuick()).
QByteArray encodedStatus(const SessionView &v)
{
    struct Entry
    {
        SessionView view;
        QByteArray json;
    };
    thread_local std::array<Entry, 64> memo;
    Entry &entry = memo[qHash(v.id) % memo.size()];
    if (entry.json.isEmpty() || entry.view != v) {
        entry.view = v;
        entry.json = Json::encode(v);
    }
    return entry.json;
}

HttpResponse status(ApiRequest &r)
{
    auto v = visibleSession(r);
    if (!v)
        return errorResponse(v.error());
    return HttpResponse::json(200, encodedStatus(*v));
}

HttpResponse cancel(ApiRequest &r)
{
    auto body = jsonBody(r, {}, false);
    if (!body)
        return errorResponse(body.error());
    if (auto v = visibleSession(r); !v)
        return errorResponse(v.error());
    auto v = r.engine.cancel(r.params.value(QStringLiteral("id")), actorOf(r));
    if (!v)
        return errorResponse(v.error());
    return HttpResponse::json(200, Json::encode(*v));
}

HttpResponse resend(ApiRequest &r)
{
    auto body = jsonBody(r, {QStringLiteral("channel")}, false);
    if (!body)
        return errorResponse(body.error());
    auto channel = stringField(*body, QStringLiteral("channel"));
    if (!channel)
        return errorResponse(channel.error());
    if (auto v = visibleSession(r); !v)
        return errorResponse(v.error());
    auto v = r.engine.resend(
        {r.params.value(QStringLiteral("id")), channel->value_or(QString()), actorOf(r)});
    if (!v)
        return errorResponse(v.error());
    return HttpResponse::json(200, Json::encode(*v));
}

HttpResponse events(ApiRequest &r)
{
    if (auto v = visibleSession(r); !v)
        return errorResponse(v.error());
    auto list = r.engine.events(r.params.value(QStringLiteral("id")));
    if (!list)
        return errorResponse(list.error());
    return jsonResponse(200, {{QStringLiteral("session_id"), r.params.value(QStringLiteral("id"))},
                              {QStringLiteral("events"), Json::of(*list)}});
}

} // namespace

QList<Route> verifyRoutes()
{
    return {
        {"POST", QStringLiteral("/v1/verify/start"), Access::Verify,
         QStringLiteral("Start a verification: create a code and send it"), start},
        {"POST", QStringLiteral("/v1/verify/check"), Access::Verify, QStringLiteral("Check a code"),
         check},
        {"GET", QStringLiteral("/v1/verify/{id}"), Access::Verify,
         QStringLiteral("A session's status"), status},
        {"POST", QStringLiteral("/v1/verify/{id}/cancel"), Access::Verify,
         QStringLiteral("Cancel an open session"), cancel},
        {"POST", QStringLiteral("/v1/verify/{id}/resend"), Access::Verify,
         QStringLiteral("Send a new code, optionally by another channel"), resend},
        {"GET", QStringLiteral("/v1/verify/{id}/events"), Access::Verify,
         QStringLiteral("A session's event log"), events},
    };
}

} // namespace vc::http
