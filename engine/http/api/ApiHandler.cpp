#include "http/api/ApiHandler.h"

#include "core/Engine.h"
#include "http/api/ApiSupport.h"

#include <QLoggingCategory>

#include <array>

Q_LOGGING_CATEGORY(lcAccess, "verify.http.access", QtInfoMsg)

namespace vc::http {

QList<Route> verifyRoutes();
QList<Route> adminRoutes();
QList<Route> systemRoutes();
QList<Route> receiptRoutes();

const QList<Route> &v1Routes()
{
    static const QList<Route> routes = [] {
        QList<Route> all = verifyRoutes();
        all += adminRoutes();
        all += receiptRoutes();
        all += systemRoutes();
        return all;
    }();
    return routes;
}

namespace {

QString presentedKey(const HttpRequest &r)
{
    const QByteArray apiKey = r.header("x-api-key");
    if (!apiKey.isEmpty())
        return QString::fromLatin1(apiKey);
    const QByteArray auth = r.header("authorization");
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return QString::fromLatin1(auth.mid(7).trimmed());
    return {};
}

// The key's prefix for the access log (not secret); empty when there is none.
QString keyPrefixOf(const HttpRequest &r)
{
    const QString key = presentedKey(r);
    if (key.size() > 11 && key.startsWith(u"vk_"))
        return key.mid(3, 8);
    return {};
}

} // namespace

ApiHandler::ApiHandler(Engine &engine)
    : m_engine(engine)
{
    for (const Route &route : v1Routes()) {
        Compiled c{&route, route.pattern.toUtf8().split('/'), 0,
                   QString::fromLatin1(route.method) + u' ' + route.pattern};
        Q_ASSERT(c.segments.size() <= kMaxSegments);
        for (const QByteArray &segment : c.segments)
            if (segment.startsWith('{'))
                ++c.parameters;
        m_routes.append(c);
    }
}

ApiHandler::Match ApiHandler::match(const HttpRequest &request) const
{
    // Among the patterns that fit the path, the most literal ones win ("/v1/verify/start" over
    // "/v1/verify/{id}"); their methods decide between the route, 405 and 404.
    Match m;
    // The path's segments as views into the request (no route has more than kMaxSegments).
    std::array<QByteArrayView, kMaxSegments> got;
    qsizetype count = 0;
    for (qsizetype from = 0;; ++count) {
        if (count == kMaxSegments)
            return m; // longer than any route: 404
        const qsizetype slash = request.path.indexOf('/', from);
        got[size_t(count)] = QByteArrayView(request.path)
                                 .sliced(from, (slash < 0 ? request.path.size() : slash) - from);
        if (slash < 0) {
            ++count;
            break;
        }
        from = slash + 1;
    }
    const QByteArrayView method =
        request.method == "HEAD" ? QByteArrayView("GET") : QByteArrayView(request.method);
    int fewest = std::numeric_limits<int>::max();
    for (qsizetype index = 0; index < m_routes.size(); ++index) {
        const Compiled &c = m_routes.at(index);
        if (c.segments.size() != count || c.parameters > fewest)
            continue;
        bool fits = true;
        for (qsizetype i = 0; fits && i < count; ++i) {
            const QByteArray &want = c.segments.at(i);
            fits = want.startsWith('{') ? !got[size_t(i)].isEmpty() : got[size_t(i)] == want;
        }
        if (!fits)
            continue;
        if (c.parameters < fewest) {
            fewest = c.parameters;
            m = Match();
        }
        if (c.route->method == method) {
            m.route = c.route;
            m.index = int(index);
            m.params.clear();
            for (qsizetype i = 0; i < count; ++i) {
                const QByteArray &want = c.segments.at(i);
                if (want.startsWith('{'))
                    m.params.insert(QString::fromLatin1(want.mid(1, want.size() - 2)),
                                    QString::fromUtf8(got[size_t(i)]));
            }
        } else if (!m.allowed.contains(c.route->method)) {
            m.allowed.append(c.route->method);
        }
    }
    if (m.route)
        m.allowed.clear();
    return m;
}

bool ApiHandler::isQuick(const HttpRequest &request) const
{
    // Reads answer on the event threads; writes wait for their group commit on the dispatch
    // pool. Statistics also expire sessions first, and receipts record what they report, so
    // they count as writes.
    return (request.method == "GET" || request.method == "HEAD") &&
           !request.path.startsWith("/v1/stats") && !request.path.startsWith("/v1/receipts/");
}

HttpResponse ApiHandler::handle(const HttpRequest &request)
{
    Match m = match(request);
    if (!m.route) {
        if (!m.allowed.isEmpty()) {
            HttpResponse r = errorResponse({ErrorCode::InvalidArgument,
                                            QStringLiteral("%1 is not allowed here; use %2")
                                                .arg(QString::fromLatin1(request.method),
                                                     QString::fromLatin1(m.allowed.join(", "))),
                                            {},
                                            0,
                                            QStringLiteral("method_not_allowed")});
            r.status = 405;
            r.setHeader("Allow", m.allowed.join(", "));
            return r;
        }
        return errorResponse(Error::notFound(QStringLiteral("no such endpoint")));
    }

    HttpResponse response = [&] {
        ApiRequest api{request, m_engine, m_metrics, m.params, std::nullopt};
        if (m.route->access != Access::Public) {
            auto caller = m_engine.authenticate(presentedKey(request));
            if (!caller)
                return errorResponse(caller.error());
            if (m.route->access == Access::Admin && caller->scope != KeyScope::Admin)
                return errorResponse({ErrorCode::Forbidden,
                                      QStringLiteral("this endpoint needs a key of scope admin")});
            api.caller = *caller;
        }
        return m.route->handler(api);
    }();
    response.handlerTag = m.index;
    return response;
}

void ApiHandler::completed(const HttpRequest &request, const HttpResponse &response,
                           qint64 elapsedNs)
{
    // handle() noted the route; the server's own answers (413, 503 while stopping) match here.
    int index = response.handlerTag;
    if (index < 0 || index >= m_routes.size())
        index = match(request).index;
    static const QString unmatched = QStringLiteral("unmatched");
    const QString &route = index >= 0 ? m_routes.at(index).label : unmatched;
    m_metrics.record(route, response.status, elapsedNs);
    if (!lcAccess().isInfoEnabled())
        return;
    QByteArray line = request.peer.toString().toLatin1();
    line.reserve(line.size() + route.size() + 40);
    line.append(' ').append(route.toUtf8()).append(' ').append(QByteArray::number(response.status));
    line.append(' ').append(QByteArray::number(elapsedNs / 1e6, 'f', 2)).append(" ms");
    const QString key = keyPrefixOf(request);
    if (!key.isEmpty())
        line.append(" key=").append(key.toLatin1());
    qCInfo(lcAccess, "%s", line.constData());
}

} // namespace vc::http
