#pragma once

#include "http/api/Metrics.h"
#include "http/api/Routes.h"
#include "http/transport/HttpServer.h"

#include <array>
#include <vector>

namespace vc::http {

// The application behind the transport: matches the route table (404, or 405 with Allow),
// authenticates the key (X-API-Key or Authorization: Bearer; 401 with one body for every
// failure), checks its scope (403), calls the handler, and writes one access-log line and the
// metrics per request — by route pattern, never the raw path or query.
class ApiHandler final : public RequestHandler
{
public:
    explicit ApiHandler(Engine &engine);

    HttpResponse handle(const HttpRequest &request) override;
    bool isQuick(const HttpRequest &request) const override;
    void completed(const HttpRequest &request, const HttpResponse &response,
                   qint64 elapsedNs) override;

    const Metrics &metrics() const { return m_metrics; }

private:
    struct Match
    {
        const Route *route = nullptr;
        int index = -1; // in m_routes
        PathParams params;
        QList<QByteArray> allowed; // methods of the path when the method did not match
    };
    Match match(const HttpRequest &request) const;

    // Each route's pattern split into segments once ("{...}" marks a parameter). The segments
    // of all routes lie in one array and their text in one buffer, so that matching a path reads
    // a few contiguous cache lines rather than a heap block per segment.
    struct Segment
    {
        qsizetype offset = 0; // of the literal text in m_literals
        qsizetype size = 0;
        bool parameter = false;
    };
    struct Compiled
    {
        const Route *route;
        qsizetype firstSegment = 0; // in m_segments
        qsizetype segments = 0;
        int parameters = 0;
        QStringList names;    // per segment: the parameter's name, or empty for a literal
        QByteArray labelUtf8; // "GET /v1/verify/{id}", for the access log
    };

    static constexpr qsizetype kMaxSegments = 8; // more than any route has

    Engine &m_engine;
    Metrics m_metrics; // by index in m_routes (the order of v1Routes())
    QList<Compiled> m_routes;
    std::vector<Segment> m_segments;
    QByteArray m_literals;
    // The routes of each segment count, in table order: a path is tried against those only.
    std::array<std::vector<int>, kMaxSegments + 1> m_bySegments;
};

} // namespace vc::http
