#pragma once

// The server's private side, shared by its files: HttpServer.cpp (start and stop),
// HttpServerAcceptor.cpp (the listening socket), HttpServerConnections.cpp (libmicrohttpd's
// callbacks: requests in, responses out) and HttpServerWatchdog.cpp (the deadline that slow
// clients miss).

#include "core/UniqueFd.h"
#include "http/transport/HttpServer.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <memory>
#include <microhttpd.h>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace vc::http {

// Shared by the transport's files. The API layer above logs as "verify.http" too, under a
// category of its own.
Q_DECLARE_LOGGING_CATEGORY(lcTransport)

struct HttpServer::Impl
{
    // One request on one connection. Shared between the event thread that received it and, for
    // requests that are not quick, the dispatch task that runs the handler.
    struct Exchange
    {
        QByteArray rawUri; // as on the request line, before libmicrohttpd splits and decodes it
        HttpRequest request;
        QElapsedTimer clock; // from the complete request to the queued response
        qint64 received = 0; // body bytes seen, including any thrown away
        bool headersSeen = false;
        bool tooLarge = false;
        bool dispatched = false; // counted in inFlight until queued and in `active` until finished
        bool queued = false;
        bool finished = false;
        bool pooled = false; // handed to the dispatch pool (shared with its task)
        MHD_Connection *connection = nullptr;

        // Guarded by Impl::suspendMutex while the connection is suspended.
        bool abandoned = false;
        std::optional<HttpResponse> response;

        // Ready for the next request on the same connection: every field as a new Exchange has
        // it, but the header list keeps its room and the peer its address object (fillRequest()
        // sets it again), which a new one would allocate.
        void recycle()
        {
            rawUri = QByteArray();
            request.method = request.path = request.query = request.body = request.version =
                QByteArray();
            request.headers.clear();
            request.peerPort = 0;
            request.tls = false;
            clock.invalidate();
            received = 0;
            headersSeen = tooLarge = dispatched = queued = finished = pooled = abandoned = false;
            connection = nullptr;
            response.reset();
        }
    };

    // libmicrohttpd's socket context: lives exactly as long as the TCP connection.
    struct ConnectionState
    {
        std::shared_ptr<Exchange> exchange;
        // The last exchange, kept for the next request when no other thread ever held it.
        std::shared_ptr<Exchange> spare;
        MHD_socket socket = MHD_INVALID_SOCKET;
        // When the request being received must be complete (steady clock, ms); 0 while none is
        // being received (handled, answered, or the connection already cut).
        std::atomic<qint64> deadlineMs{0};
        // The client's address, read at its first request (it cannot change on a connection).
        std::optional<QHostAddress> peer;
        quint16 peerPort = 0;
    };

    Impl(ServerOptions o, RequestHandler &h)
        : options(std::move(o))
        , handler(h)
    {}

    ServerOptions options;
    RequestHandler &handler;

    std::mutex lifecycleMutex; // start() and stop()
    MHD_Daemon *daemon = nullptr;
    // Ours, not libmicrohttpd's (why: HttpServerAcceptor.cpp); accepted on by `acceptor` until
    // `acceptorWake` is signalled.
    UniqueFd listenSocket;
    UniqueFd acceptorWake;
    std::thread acceptor;
    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false}; // responses say Connection: close
    quint16 boundPort = 0;
    bool tlsOn = false;
    QByteArray tlsCertificate;
    QByteArray tlsKey;
    QThreadPool dispatchPool;

    std::atomic<int> inFlight{0};    // complete requests whose response is not queued yet
    std::atomic<int> active{0};      // ... whose response is not fully sent yet
    std::atomic<int> connections{0}; // open TCP connections, from accept (see admit())

    // libmicrohttpd's timeout only notices silence: a client that trickles a byte now and
    // then keeps its connection forever. The watchdog gives each request a deadline instead
    // (see armDeadline()) and shuts the socket of a request that misses it; libmicrohttpd
    // then sees the end of the stream and closes the connection itself.
    std::mutex registryMutex; // also keeps a socket from being closed while it is shut down
    std::set<ConnectionState *> registry;
    std::thread watchdog;
    std::mutex watchdogMutex;
    std::condition_variable watchdogWake;
    bool watchdogStop = false;

    // Suspended connections, so that stop() can resume each one exactly once: either the
    // dispatch task does (with the response) or stop() does (abandoning it), never both.
    std::mutex suspendMutex;
    std::set<std::shared_ptr<Exchange>> suspended;
    bool closing = false;

    std::mutex startLogMutex; // libmicrohttpd's messages while starting, for the error
    bool capturingStartLog = false;
    QByteArrayList startLog;

    // libmicrohttpd callbacks (static trampolines in startDaemon()).
    MHD_Result accessHandler(MHD_Connection *connection, const char *url, const char *method,
                             const char *version, const char *uploadData, size_t *uploadSize,
                             void **context);
    void *uriLogged(const char *uri, MHD_Connection *connection);
    void requestCompleted(void **context);
    void connectionNotified(MHD_Connection *connection, void **socketContext,
                            MHD_ConnectionNotificationCode code);
    Status startAcceptor();
    void stopAcceptor();
    void acceptLoop();
    void armDeadline(ConnectionState &state) const;
    void watch();
    void startWatchdog();
    void stopWatchdog();
    bool admit();
    void log(const char *format, va_list args);

    void fillRequest(ConnectionState &state, Exchange &exchange, MHD_Connection *connection,
                     const char *url, const char *method, const char *version) const;
    MHD_Result dispatch(const std::shared_ptr<Exchange> &exchange, MHD_Connection *connection);
    void runDispatched(const std::shared_ptr<Exchange> &exchange);
    bool isQuick(const HttpRequest &request) const;
    HttpResponse callHandler(const HttpRequest &request);
    MHD_Result queue(MHD_Connection *connection, Exchange &exchange, HttpResponse response,
                     bool closeAfter);
    MHD_Result refuseTooLarge(MHD_Connection *connection, Exchange &exchange);
    void finish(Exchange &exchange);
    ConnectionState *stateOf(MHD_Connection *connection) const;
    QString hostText() const;
    Status startDaemon();
};

} // namespace vc::http
