// The HTTP transport alone: HttpServer answering every request with a fixed JSON body the size
// of a session's status, with the headers the API sends. run_http_bench.sh drives it with wrk
// beside nginx, to tell the transport's cost from the API's.
//
// With --store DIR full it also stores the body of every POST as one row through the product's
// own Database (synchronous FULL, one writer, group commit) and answers 201 once that row is on
// disk: the cheapest durable request this machine can serve, against which the start's rate can
// be read (what the group commit can do, apart from what a start's own work costs). With
// --store DIR normal the same, committed with synchronous NORMAL (not durable): what the fsync
// costs once commits are grouped.
//   bench_transport PORT [--store DIR full|normal]

#include "http/transport/HttpServer.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace vc::http;

namespace {

class FixedHandler final : public RequestHandler
{
public:
    explicit FixedHandler(std::shared_ptr<vc::Database> db)
        : m_db(std::move(db))
        , m_body(QByteArray(R"({"session_id":"01a22b5f-0851-74c5-a6e6-03f8cf178881","padding":")") +
                 QByteArray(400, 'x') + QByteArray(R"("})"))
    {}

    HttpResponse handle(const HttpRequest &request) override
    {
        if (!m_db || request.method != "POST")
            return HttpResponse::json(200, m_body);
        static const vc::StaticSql insert(
            QStringLiteral("INSERT INTO bench_rows (body) VALUES (?)"));
        const vc::Status stored = m_db->write<void>([&](vc::Connection &c) -> vc::Status {
            if (auto q = c.exec(insert, {request.body}); !q)
                return q.error();
            return {};
        });
        if (!stored)
            return HttpResponse::json(500, R"({"error":"not stored"})");
        return HttpResponse::json(201, m_body);
    }

private:
    std::shared_ptr<vc::Database> m_db;
    QByteArray m_body;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool store = argc == 5 && std::strcmp(argv[2], "--store") == 0 &&
                       (std::strcmp(argv[4], "full") == 0 || std::strcmp(argv[4], "normal") == 0);
    if (argc != 2 && !store) {
        std::fprintf(stderr, "usage: bench_transport PORT [--store DIR full|normal]\n");
        return 2;
    }
    std::shared_ptr<vc::Database> db;
    if (store) {
        const QString dir = QString::fromLocal8Bit(argv[3]);
        QDir().mkpath(dir);
        const vc::SyncMode sync =
            std::strcmp(argv[4], "full") == 0 ? vc::SyncMode::Full : vc::SyncMode::Normal;
        auto opened = vc::Database::open({dir + QStringLiteral("/bench.db"), sync});
        if (!opened) {
            std::fprintf(stderr, "bench_transport: %s\n", qPrintable(opened.error().toString()));
            return 1;
        }
        db = std::move(*opened);
        const vc::Status created = db->write<void>([](vc::Connection &c) {
            return c.execDirect(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, body BLOB)"));
        });
        if (!created) {
            std::fprintf(stderr, "bench_transport: %s\n", qPrintable(created.error().toString()));
            return 1;
        }
    }
    FixedHandler handler(db);
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
