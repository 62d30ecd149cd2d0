#pragma once

#include "core/ApiKey.h"
#include "http/transport/HttpMessage.h"

#include <QList>
#include <QString>
#include <QVarLengthArray>

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

// The parameters of a matched path ({id} -> value). A route has one or two, so they live in a
// short list inside the request rather than in a hash.
class PathParams
{
public:
    // The value of a parameter, or a null string when the route has none of that name.
    QString value(QStringView name) const;
    // Sets a parameter, replacing one of the same name.
    void insert(const QString &name, const QString &value);
    void clear() { m_items.clear(); }

private:
    QVarLengthArray<std::pair<QString, QString>, 2> m_items;
};

// A matched request with what the handler needs: the engine, path parameters and the caller.
struct ApiRequest
{
    const HttpRequest &http;
    Engine &engine;
    const Metrics &metrics;
    PathParams params;                // {id} -> value
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
