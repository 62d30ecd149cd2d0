// The HTTP transport alone: HttpServer answering every request with a fixed JSON body the size
// of a session's status, with the headers the API sends. run_http_bench.sh drives it with wrk
// beside nginx, to tell the transport's cost from the API's.
//   bench_transport PORT

#include "http/transport/HttpServer.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace vc::http;

namespace {

class FixedHandler final : public RequestHandler
{
public:
    FixedHandler()
        : m_body(QByteArray(R"({"session_id":"01a22b5f-0851-74c5-a6e6-03f8cf178881","padding":")") +
                 QByteArray(400, 'x') + QByteArray(R"("})"))
    {}
    HttpResponse handle(const HttpRequest &) override { return HttpResponse::json(200, m_body); }

private:
    QByteArray m_body;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_transport PORT\n");
        return 2;
    }
    FixedHandler handler;
    ServerOptions options;
    options.port = static_cast<quint16>(std::atoi(argv[1]));
    HttpServer server(options, handler);
    if (vc::Status s = server.start(); !s) {
        std::fprintf(stderr, "bench_transport: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(server.address()));
    std::fflush(stdout);
    std::signal(SIGTERM, [](int) { std::_Exit(0); });
    return app.exec();
}
