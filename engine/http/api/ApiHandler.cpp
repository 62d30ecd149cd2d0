#include "http/api/ApiHandler.h"

#include "core/Engine.h"
#include "core/Logging.h"
#include "http/api/ApiSupport.h"

#include <QLoggingCategory>

#include <array>
#include <charconv>

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

// The key as presented: X-API-Key, else Authorization: Bearer; empty when there is none.
QByteArray presentedKey(const HttpRequest &r)
{
    const QByteArray apiKey = r.header("x-api-key");
    if (!apiKey.isEmpty())
        return apiKey;
    const QByteArray auth = r.header("authorization");
    if (auth.size() > 7 && qstrnicmp(auth.constData(), "bearer ", 7) == 0)
        return auth.mid(7).trimmed();
    return {};
}

// The key's prefix for the access log (not secret); empty when there is none.
QByteArray keyPrefixOf(const HttpRequest &r)
{
    const QByteArray key = presentedKey(r);
    if (key.size() > 11 && key.startsWith("vk_"))
        return key.mid(3, 8);
    return {};
}

// "GET /v1/verify/{id}": how the access log and the metrics name a route.
QString routeLabel(const Route &route)
{
    return QString::fromLatin1(route.method) + u' ' + route.pattern;
}

QStringList routeLabels()
{
    QStringList labels;
    for (const Route &route : v1Routes())
        labels.append(routeLabel(route));
    return labels;
}

} // namespace

ApiHandler::ApiHandler(Engine &engine)
    : m_engine(engine)
    , m_metrics(routeLabels())
{
    for (const Route &route : v1Routes()) {
        const QByteArrayList segments = route.pattern.toUtf8().split('/');
        Q_ASSERT(segments.size() <= kMaxSegments);
        Compiled c{&route, qsizetype(m_segments.size()), segments.size(), 0,
                   {},     routeLabel(route).toUtf8()};
        for (const QByteArray &segment : segments) {
            const bool parameter = segment.startsWith('{');
            c.names.append(parameter ? QString::fromLatin1(segment.mid(1, segment.size() - 2))
                                     : QString());
            m_segments.push_back({m_literals.size(), parameter ? 0 : segment.size(), parameter});
            if (parameter)
                ++c.parameters;
            else
                m_literals.append(segment);
        }
        m_bySegments[size_t(c.segments)].push_back(int(m_routes.size()));
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
    for (const int index : m_bySegments[size_t(count)]) {
        const Compiled &c = m_routes.at(index);
        if (c.parameters > fewest)
            continue;
        bool fits = true;
        for (qsizetype i = 0; fits && i < count; ++i) {
            const Segment &want = m_segments[size_t(c.firstSegment + i)];
            fits = want.parameter ? !got[size_t(i)].isEmpty()
                                  : got[size_t(i)] ==
                                        QByteArrayView(m_literals).sliced(want.offset, want.size);
        }
        if (!fits)
            continue;
        if (c.parameters < fewest) {
            fewest = c.parameters;
            m = Match();
        }
        if (c.route->method == method) {
            m.route = c.route;
            m.index = index;
            m.params.clear();
            for (qsizetype i = 0; i < count; ++i)
                if (!c.names.at(i).isEmpty())
                    m.params.insert(c.names.at(i), QString::fromUtf8(got[size_t(i)]));
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
        ApiRequest api{request, m_engine, m_metrics, std::move(m.params), std::nullopt};
        if (m.route->access != Access::Public) {
            auto caller = m_engine.authenticate(QString::fromLatin1(presentedKey(request)));
            if (!caller)
                return errorResponse(caller.error());
            if (m.route->access == Access::Admin && caller->scope != KeyScope::Admin)
                return errorResponse({ErrorCode::Forbidden,
                                      QStringLiteral("this endpoint needs a key of scope admin")});
            api.caller = std::move(*caller);
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
    m_metrics.record(index, response.status, elapsedNs);
    if (!lcAccess().isInfoEnabled())
        return;
    // "127.0.0.1 GET /v1/verify/{id} 200 0.05 ms key=ab12cd34", written by hand: one per request.
    QByteArray line;
    line.reserve(128);
    const auto appendNumber = [&line](qint64 n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        line.append(digits, end - digits);
    };
    bool v4 = false;
    if (const quint32 address = request.peer.toIPv4Address(&v4); v4) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            appendNumber((address >> shift) & 0xff);
            if (shift > 0)
                line.append('.');
        }
    } else {
        line.append(request.peer.isNull() ? QByteArray("-") : request.peer.toString().toLatin1());
    }
    line.append(' ').append(index >= 0 ? m_routes.at(index).labelUtf8 : QByteArray("unmatched"));
    line.append(' ');
    appendNumber(response.status);
    const qint64 hundredths = (elapsedNs + 5000) / 10000; // of a millisecond, rounded
    const qint64 fraction = hundredths % 100;
    line.append(' ');
    appendNumber(hundredths / 100);
    line.append('.').append(char('0' + fraction / 10)).append(char('0' + fraction % 10));
    line.append(" ms");
    const QByteArray prefix = keyPrefixOf(request);
    if (!prefix.isEmpty())
        line.append(" key=").append(prefix);
    logInfo(lcAccess(), line);
}

} // namespace vc::http
