// Endpoints for operators and tools: liveness, Prometheus metrics, the OpenAPI description.

#include "core/Engine.h"
#include "http/api/ApiSupport.h"
#include "http/api/Metrics.h"
#include "http/api/Routes.h"

#include <QFile>

namespace vc::http {

namespace {

HttpResponse healthz(ApiRequest &r)
{
    // Alive means able to read the database, not merely running.
    auto services = r.engine.services();
    if (!services)
        return jsonResponse(503, {{QStringLiteral("status"), QStringLiteral("unavailable")},
                                  {QStringLiteral("database"), QStringLiteral("error")}});
    return jsonResponse(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                              {QStringLiteral("database"), QStringLiteral("ok")}});
}

HttpResponse metrics(ApiRequest &r)
{
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.body = r.metrics.render(r.engine);
    return response;
}

HttpResponse openapi(ApiRequest &)
{
    static const QByteArray document = [] {
        QFile f(QStringLiteral(":/http/openapi.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("{}");
    }();
    return HttpResponse::json(200, document);
}

} // namespace

QList<Route> systemRoutes()
{
    return {
        {"GET", QStringLiteral("/healthz"), Access::Public,
         QStringLiteral("Liveness: the service can read its database"), healthz},
        {"GET", QStringLiteral("/metrics"), Access::Public,
         QStringLiteral("Metrics in the Prometheus text format"), metrics},
        {"GET", QStringLiteral("/openapi.json"), Access::Public,
         QStringLiteral("This API's OpenAPI 3 description"), openapi},
    };
}

} // namespace vc::http
