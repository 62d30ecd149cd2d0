#pragma once

#include "core/Result.h"
#include "http/transport/HttpMessage.h"

#include <QHostAddress>
#include <QString>

#include <atomic>
#include <memory>

namespace vc::http {

// The application behind the transport. The transport knows nothing of routes, keys or JSON
// shapes: it hands over a complete request (body already limited) and sends the response back.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // Called on a transport thread. Quick requests run on the event threads; others (which may
    // wait, e.g. for a group commit) run on the dispatch pool while their connection is
    // suspended. Must be thread-safe.
    virtual HttpResponse handle(const HttpRequest &request) = 0;
    // Whether handle() returns without waiting on anything (default: GET and HEAD).
    virtual bool isQuick(const HttpRequest &request) const;
    // Called after each response is queued, for access logs and metrics: the request, the
    // response (as sent: its status may be the server's own) and the time from the complete
    // request to the queued response.
    virtual void completed(const HttpRequest &request, const HttpResponse &response,
                           qint64 elapsedNs);
};

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8780;              // 0: any free port (see HttpServer::port())
    int eventThreads = 0;             // 0: the number of cores
    int dispatchThreads = 128;        // blocking requests in flight at most
    int maxConnections = 512;         // further connections are closed at once
    int idleTimeoutSeconds = 30;      // a connection silent this long is closed, and so is one
                                      // that trickles: it gets this long for a request line
                                      // and as long again for the rest of the request
    qint64 maxBodyBytes = 16 * 1024;  // larger bodies get 413 before they are read
    qint64 maxHeaderBytes = 8 * 1024; // request line + headers; more gets 431/closed
    QString tlsCertificateFile;       // PEM; TLS is on when both files are set
    QString tlsKeyFile;               // PEM
};

// An HTTP/1.1 server on libmicrohttpd: epoll event threads, a per-connection memory limit, idle
// timeouts, a connection cap, keep-alive with Connection: close and HTTP/1.0 honoured, optional
// TLS. Bodies over the limit are refused with 413 from the Content-Length (or as soon as a
// chunked body passes the limit) and never buffered.
class HttpServer
{
public:
    HttpServer(ServerOptions options, RequestHandler &handler);
    ~HttpServer(); // stop(0)
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts serving. A busy port or an unreadable certificate is an Unavailable /
    // InvalidArgument error with a message naming the address or file, never a crash.
    Status start();
    bool isRunning() const;
    quint16 port() const;    // the bound port (useful with port 0)
    QString address() const; // "127.0.0.1:8780"
    bool tls() const;

    // Stops accepting new connections; requests in flight finish. Then waits up to `graceMs`
    // for them and shuts down; a handler still busy then is waited for, but its answer is
    // dropped. Safe to call twice; not from within the handler (it would wait for itself).
    void stop(int graceMs = 5000);

    // Requests being handled right now (for graceful shutdown and tests).
    int inFlight() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vc::http
