#pragma once

#include "core/ApiKey.h"
#include "http/transport/HttpMessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace vc {
class Engine;
}

namespace vc::http {

// Who may call a route: anyone, a key of scope verify or admin, or an admin key only.
enum class Access
{
    Public,
    Verify,
    Admin
};

class Metrics;

// A matched request with what the handler needs: the engine, path parameters and the caller.
struct ApiRequest
{
    const HttpRequest &http;
    Engine &engine;
    const Metrics &metrics;
    QHash<QString, QString> params;   // {id} -> value
    std::optional<ApiKeyInfo> caller; // set for every route but Public ones
};

using RouteHandler = std::function<HttpResponse(ApiRequest &)>;

struct Route
{
    QByteArray method; // "GET", "POST", "PATCH", "DELETE"
    QString pattern;   // "/v1/verify/{id}/cancel"
    Access access = Access::Verify;
    QString summary; // one line, also in the OpenAPI description
    RouteHandler handler;
};

// The one explicit table of the v1 API (VerifyRoutes.cpp, AdminRoutes.cpp, ReceiptRoutes.cpp,
// SystemRoutes.cpp).
const QList<Route> &v1Routes();

} // namespace vc::http
