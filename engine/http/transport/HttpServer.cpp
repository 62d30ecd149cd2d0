#include "http/transport/HttpServer.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <microhttpd.h>
#include <mutex>
#include <net/if.h>
#include <netinet/in.h>
#include <optional>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace vc::http {

namespace {

// Internal linkage: the API layer above may declare its own category of the same name.
Q_LOGGING_CATEGORY(lcTransport, "verify.http", QtInfoMsg)

// A chunked body that passes the limit is read on and thrown away so that the client still
// gets its 413 (libmicrohttpd cannot answer while a body is arriving); past this much more,
// the client is not listening and the connection is simply closed.
constexpr qint64 kDiscardAllowance = 1024 * 1024;

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
    MHD_Connection *connection = nullptr;

    // Guarded by Impl::suspendMutex while the connection is suspended.
    bool abandoned = false;
    std::optional<HttpResponse> response;
};

// libmicrohttpd's socket context: lives exactly as long as the TCP connection.
struct ConnectionState
{
    std::shared_ptr<Exchange> exchange;
    MHD_socket socket = MHD_INVALID_SOCKET;
    // When the request being received must be complete (steady clock, ms); 0 while none is
    // being received (handled, answered, or the connection already cut).
    std::atomic<qint64> deadlineMs{0};
};

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct BindAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    bool ipv6 = false;
    bool dualStack = false;
};

std::optional<BindAddress> toBindAddress(const QHostAddress &address, quint16 port)
{
    BindAddress bind;
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol: {
        sockaddr_in in{};
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        in.sin_addr.s_addr = htonl(address.toIPv4Address());
        std::memcpy(&bind.storage, &in, sizeof in);
        bind.length = sizeof in;
        return bind;
    }
    case QAbstractSocket::IPv6Protocol:
    case QAbstractSocket::AnyIPProtocol: {
        sockaddr_in6 in6{};
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(in6.sin6_addr.s6_addr, bytes.c, sizeof bytes.c);
            const QString scope = address.scopeId();
            if (!scope.isEmpty()) {
                bool numeric = false;
                in6.sin6_scope_id = scope.toUInt(&numeric);
                if (!numeric)
                    in6.sin6_scope_id = if_nametoindex(scope.toLocal8Bit().constData());
            }
        } else {
            in6.sin6_addr = in6addr_any;
            bind.dualStack = true;
        }
        std::memcpy(&bind.storage, &in6, sizeof in6);
        bind.length = sizeof in6;
        bind.ipv6 = true;
        return bind;
    }
    case QAbstractSocket::UnknownNetworkLayerProtocol:
        break;
    }
    return std::nullopt;
}

// libmicrohttpd only says that it could not start; binding a probe socket the same way it does
// (SO_REUSEADDR) tells which errno the bind gave. 0 when the address can be bound.
int probeBind(const BindAddress &bind)
{
    const int fd = ::socket(bind.storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind.ipv6) {
        const int v6only = bind.dualStack ? 0 : 1;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
    }
    int result = 0;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&bind.storage), bind.length) != 0)
        result = errno;
    ::close(fd);
    return result;
}

QHostAddress peerAddress(const sockaddr *address, quint16 *port)
{
    *port = 0;
    if (!address)
        return {};
    sockaddr_storage storage{};
    if (address->sa_family == AF_INET) {
        std::memcpy(&storage, address, sizeof(sockaddr_in));
        sockaddr_in in{};
        std::memcpy(&in, &storage, sizeof in);
        *port = ntohs(in.sin_port);
    } else if (address->sa_family == AF_INET6) {
        std::memcpy(&storage, address, sizeof(sockaddr_in6));
        sockaddr_in6 in6{};
        std::memcpy(&in6, &storage, sizeof in6);
        *port = ntohs(in6.sin6_port);
    } else {
        return {};
    }
    QHostAddress host(reinterpret_cast<const sockaddr *>(&storage));
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; report them as IPv4.
    bool isV4 = false;
    const quint32 v4 = host.toIPv4Address(&isV4);
    if (isV4 && host.protocol() == QAbstractSocket::IPv6Protocol)
        host = QHostAddress(v4);
    return host;
}

// Reads a PEM file whole. The key is a secret: the caller scrubs it when done.
Result<QByteArray> readPem(const QString &field, const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(field, QStringLiteral("cannot read the TLS %1 %2: %3")
                                         .arg(QLatin1String(what), path, file.errorString()));
    QByteArray data = file.readAll();
    if (data.isEmpty())
        return Error::invalid(
            field, QStringLiteral("the TLS %1 %2 is empty").arg(QLatin1String(what), path));
    return data;
}

// Checks that the PEM data is a certificate and a matching private key, so that a mistake is
// reported with the file named rather than as libmicrohttpd's "cannot start".
Status checkTlsPair(const ServerOptions &options, const QByteArray &cert, const QByteArray &key)
{
    BIO *certBio = BIO_new_mem_buf(cert.constData(), static_cast<int>(cert.size()));
    X509 *x509 = certBio ? PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(certBio);
    if (!x509)
        return Error::invalid(QStringLiteral("tlsCertificateFile"),
                              QStringLiteral("the TLS certificate %1 is not a PEM certificate")
                                  .arg(options.tlsCertificateFile));
    // A password callback that declines: an encrypted key fails instead of prompting on a tty.
    pem_password_cb *noPassword = [](char *, int, int, void *) { return 0; };
    BIO *keyBio = BIO_new_mem_buf(key.constData(), static_cast<int>(key.size()));
    EVP_PKEY *pkey =
        keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, noPassword, nullptr) : nullptr;
    BIO_free(keyBio);
    Status status;
    if (!pkey)
        status =
            Error::invalid(QStringLiteral("tlsKeyFile"),
                           QStringLiteral("the TLS key %1 is not an unencrypted PEM private key")
                               .arg(options.tlsKeyFile));
    else if (X509_check_private_key(x509, pkey) != 1)
        status = Error::invalid(QStringLiteral("tlsKeyFile"),
                                QStringLiteral("the TLS key %1 does not match the certificate %2")
                                    .arg(options.tlsKeyFile, options.tlsCertificateFile));
    EVP_PKEY_free(pkey);
    X509_free(x509);
    return status;
}

void scrub(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

} // namespace

bool RequestHandler::isQuick(const HttpRequest &request) const
{
    return request.method == "GET" || request.method == "HEAD";
}

void RequestHandler::completed(const HttpRequest &, int, qint64) {}

struct HttpServer::Impl
{
    Impl(ServerOptions o, RequestHandler &h)
        : options(std::move(o))
        , handler(h)
    {}

    ServerOptions options;
    RequestHandler &handler;

    std::mutex lifecycleMutex; // start() and stop()
    MHD_Daemon *daemon = nullptr;
    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false}; // responses say Connection: close
    quint16 boundPort = 0;
    bool tlsOn = false;
    QByteArray tlsCertificate;
    QByteArray tlsKey;
    QThreadPool dispatchPool;

    std::atomic<int> inFlight{0};    // complete requests whose response is not queued yet
    std::atomic<int> active{0};      // ... whose response is not fully sent yet
    std::atomic<int> connections{0}; // open TCP connections

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

    // libmicrohttpd callbacks (static trampolines below).
    MHD_Result accessHandler(MHD_Connection *connection, const char *url, const char *method,
                             const char *version, const char *uploadData, size_t *uploadSize,
                             void **context);
    void *uriLogged(const char *uri, MHD_Connection *connection);
    void requestCompleted(void **context);
    void connectionNotified(MHD_Connection *connection, void **socketContext,
                            MHD_ConnectionNotificationCode code);
    void armDeadline(ConnectionState &state) const;
    void watch();
    void startWatchdog();
    void stopWatchdog();
    MHD_Result acceptPolicy();
    void log(const char *format, va_list args);

    void fillRequest(Exchange &exchange, MHD_Connection *connection, const char *url,
                     const char *method, const char *version) const;
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

ConnectionState *HttpServer::Impl::stateOf(MHD_Connection *connection) const
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<ConnectionState *>(info->socket_context) : nullptr;
}

void HttpServer::Impl::log(const char *format, va_list args)
{
    char buffer[512];
    std::vsnprintf(buffer, sizeof buffer, format, args);
    const QByteArray line = QByteArray(buffer).trimmed();
    {
        std::lock_guard lock(startLogMutex);
        if (capturingStartLog) {
            startLog.append(line);
            return; // start() reports it as the error, or logs it
        }
    }
    qCWarning(lcTransport, "libmicrohttpd: %s", line.constData());
}

MHD_Result HttpServer::Impl::acceptPolicy()
{
    // Counted when libmicrohttpd registers the connection, which the accepting event thread
    // does right after this check; with several event threads the cap can be passed by at most
    // one connection per other thread for an instant. libmicrohttpd's own limit sits above it
    // so that its event threads keep accepting, and refusing, at the cap.
    if (connections.load() >= options.maxConnections) {
        qCDebug(lcTransport, "connection refused: %d connections are open", connections.load());
        return MHD_NO;
    }
    return MHD_YES;
}

void HttpServer::Impl::connectionNotified(MHD_Connection *connection, void **socketContext,
                                          MHD_ConnectionNotificationCode code)
{
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        auto *state = new ConnectionState;
        if (const MHD_ConnectionInfo *info =
                MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
            state->socket = info->connect_fd;
        armDeadline(*state);
        *socketContext = state;
        ++connections;
        std::lock_guard lock(registryMutex);
        registry.insert(state);
        return;
    }
    auto *state = static_cast<ConnectionState *>(*socketContext);
    if (!state)
        return;
    {
        // libmicrohttpd closes the socket only after this notification.
        std::lock_guard lock(registryMutex);
        registry.erase(state);
    }
    if (state->exchange)
        finish(*state->exchange);
    delete state;
    *socketContext = nullptr;
    --connections;
}

void *HttpServer::Impl::uriLogged(const char *uri, MHD_Connection *connection)
{
    ConnectionState *state = stateOf(connection);
    if (!state)
        return nullptr;
    state->exchange = std::make_shared<Exchange>();
    state->exchange->rawUri = QByteArray(uri);
    armDeadline(*state); // the request line is in: the rest of the request gets a new period
    return state;
}

void HttpServer::Impl::requestCompleted(void **context)
{
    auto *state = static_cast<ConnectionState *>(*context);
    if (!state)
        return;
    armDeadline(*state); // for the next request on this connection
    if (!state->exchange)
        return;
    finish(*state->exchange);
    state->exchange.reset();
}

// A connection gets the idle timeout to bring in a request line (after it opens or after its
// previous response), and as long again for the headers and body that follow it.
void HttpServer::Impl::armDeadline(ConnectionState &state) const
{
    state.deadlineMs = steadyMs() + qint64(options.idleTimeoutSeconds) * 1000;
}

void HttpServer::Impl::watch()
{
    const auto period = std::chrono::milliseconds(
        qBound(qint64(10), qint64(options.idleTimeoutSeconds) * 1000 / 4, qint64(250)));
    std::unique_lock wakeLock(watchdogMutex);
    while (!watchdogWake.wait_for(wakeLock, period, [this] { return watchdogStop; })) {
        const qint64 now = steadyMs();
        int cut = 0;
        std::lock_guard lock(registryMutex);
        for (ConnectionState *state : registry) {
            const qint64 deadline = state->deadlineMs.load();
            if (deadline == 0 || deadline > now || state->socket == MHD_INVALID_SOCKET)
                continue;
            state->deadlineMs = 0;
            ::shutdown(state->socket, SHUT_RDWR);
            ++cut;
        }
        if (cut > 0)
            qCInfo(lcTransport, "closed %d connections too slow to send a request", cut);
    }
}

void HttpServer::Impl::startWatchdog()
{
    watchdogStop = false;
    watchdog = std::thread([this] { watch(); });
}

void HttpServer::Impl::stopWatchdog()
{
    {
        std::lock_guard lock(watchdogMutex);
        watchdogStop = true;
    }
    watchdogWake.notify_all();
    if (watchdog.joinable())
        watchdog.join();
}

void HttpServer::Impl::finish(Exchange &exchange)
{
    if (exchange.dispatched && !exchange.finished) {
        exchange.finished = true;
        --active;
    }
}

void HttpServer::Impl::fillRequest(Exchange &exchange, MHD_Connection *connection, const char *url,
                                   const char *method, const char *version) const
{
    HttpRequest &request = exchange.request;
    request.method = QByteArray(method);
    request.version = QByteArray(version);
    // The raw request target keeps the query as sent and a %00 in the path (libmicrohttpd's
    // decoded `url` is a C string and would end there).
    QByteArray target = exchange.rawUri.isNull() ? QByteArray(url) : exchange.rawUri;
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target.truncate(hash);
    const qsizetype question = target.indexOf('?');
    if (question >= 0) {
        request.query = target.mid(question + 1);
        target.truncate(question);
    }
    request.path = QByteArray::fromPercentEncoding(target);

    MHD_get_connection_values(
        connection, MHD_HEADER_KIND,
        [](void *list, MHD_ValueKind, const char *key, const char *value) {
            static_cast<QList<QPair<QByteArray, QByteArray>> *>(list)->append(
                {QByteArray(key).toLower(), QByteArray(value)});
            return MHD_YES;
        },
        &request.headers);

    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    request.peer = peerAddress(info ? info->client_addr : nullptr, &request.peerPort);
    request.tls = tlsOn;
}

MHD_Result HttpServer::Impl::accessHandler(MHD_Connection *connection, const char *url,
                                           const char *method, const char *version,
                                           const char *uploadData, size_t *uploadSize,
                                           void **context)
{
    auto *state = static_cast<ConnectionState *>(*context);
    if (!state) {
        state = stateOf(connection);
        if (!state)
            return MHD_NO;
        *context = state;
    }
    if (!state->exchange)
        state->exchange = std::make_shared<Exchange>();
    const std::shared_ptr<Exchange> exchange = state->exchange;

    // First call: the headers are in, none of the body has been read.
    if (!exchange->headersSeen) {
        exchange->headersSeen = true;
        exchange->connection = connection;
        fillRequest(*exchange, connection, url, method, version);
        const bool chunked =
            exchange->request.header("transfer-encoding").toLower().contains("chunked");
        const QByteArray length = exchange->request.header("content-length").trimmed();
        if (!chunked && !length.isEmpty()) {
            bool ok = false;
            const qulonglong declared = length.toULongLong(&ok);
            if (!ok || declared > static_cast<qulonglong>(options.maxBodyBytes)) {
                state->deadlineMs = 0;
                // Answering now makes libmicrohttpd skip the body (and any 100 Continue)
                // and close the connection after the response. A length too long to parse
                // is too large as well.
                exchange->clock.start();
                return refuseTooLarge(connection, *exchange);
            }
            exchange->request.body.reserve(static_cast<qsizetype>(declared));
        }
        return MHD_YES;
    }

    // Body data (only ever as much as libmicrohttpd's per-connection buffer holds).
    if (*uploadSize > 0) {
        const qint64 size = static_cast<qint64>(*uploadSize);
        *uploadSize = 0;
        exchange->received += size;
        if (exchange->tooLarge || exchange->received > options.maxBodyBytes) {
            if (!exchange->tooLarge) {
                exchange->tooLarge = true;
                exchange->request.body = QByteArray();
            }
            if (exchange->received - options.maxBodyBytes > kDiscardAllowance) {
                qCInfo(lcTransport, "closed a connection that kept sending a body over the "
                                    "limit");
                return MHD_NO;
            }
            return MHD_YES;
        }
        exchange->request.body.append(uploadData, static_cast<qsizetype>(size));
        return MHD_YES;
    }

    // The request is complete, or its connection was resumed with the handler's answer.
    state->deadlineMs = 0;
    if (exchange->dispatched) {
        std::optional<HttpResponse> response;
        {
            std::lock_guard lock(suspendMutex);
            if (exchange->abandoned || !exchange->response)
                return MHD_NO; // stopped while the handler was busy: nothing to send
            response = std::move(exchange->response);
            exchange->response.reset();
        }
        return queue(connection, *exchange, std::move(*response), false);
    }
    if (exchange->tooLarge) {
        exchange->clock.start();
        return refuseTooLarge(connection, *exchange);
    }
    exchange->clock.start();
    exchange->dispatched = true;
    ++inFlight;
    ++active;
    if (isQuick(exchange->request))
        return queue(connection, *exchange, callHandler(exchange->request), false);
    return dispatch(exchange, connection);
}

MHD_Result HttpServer::Impl::dispatch(const std::shared_ptr<Exchange> &exchange,
                                      MHD_Connection *connection)
{
    {
        std::lock_guard lock(suspendMutex);
        if (!closing) {
            // Suspended under the lock, so stop() never resumes a connection that is not
            // suspended yet.
            MHD_suspend_connection(connection);
            suspended.insert(exchange);
            dispatchPool.start([this, exchange] { runDispatched(exchange); });
            return MHD_YES;
        }
    }
    // Shutting down: tell the client to come back (to this or another instance) shortly.
    HttpResponse goingAway = HttpResponse::error(503, QStringLiteral("unavailable"),
                                                 QStringLiteral("the server is shutting down"));
    goingAway.setHeader("Retry-After", "1");
    return queue(connection, *exchange, goingAway, true);
}

void HttpServer::Impl::runDispatched(const std::shared_ptr<Exchange> &exchange)
{
    {
        std::lock_guard lock(suspendMutex);
        if (exchange->abandoned)
            return; // stopped before its turn came: do not act on it at all
    }
    HttpResponse response = callHandler(exchange->request);
    std::lock_guard lock(suspendMutex);
    if (exchange->abandoned)
        return; // stop() gave up waiting; the connection is gone
    exchange->response = std::move(response);
    suspended.erase(exchange);
    // The last use of the connection from this thread: once resumed, an event thread may
    // send the response and close it.
    MHD_resume_connection(exchange->connection);
}

// The handler's code runs on libmicrohttpd's threads: an exception must not unwind into C.
bool HttpServer::Impl::isQuick(const HttpRequest &request) const
{
    try {
        return handler.isQuick(request);
    } catch (...) {
        qCCritical(lcTransport, "the request handler's isQuick() threw an exception");
    }
    return false;
}

HttpResponse HttpServer::Impl::callHandler(const HttpRequest &request)
{
    try {
        return handler.handle(request);
    } catch (...) {
        qCCritical(lcTransport, "the request handler threw an exception; answered 500");
    }
    return HttpResponse::error(500, QStringLiteral("internal"),
                               QStringLiteral("an internal error occurred"));
}

MHD_Result HttpServer::Impl::refuseTooLarge(MHD_Connection *connection, Exchange &exchange)
{
    return queue(
        connection, exchange,
        HttpResponse::error(
            413, QStringLiteral("payload_too_large"),
            QStringLiteral("the request body is larger than %1 bytes").arg(options.maxBodyBytes)),
        true);
}

MHD_Result HttpServer::Impl::queue(MHD_Connection *connection, Exchange &exchange,
                                   HttpResponse response, bool closeAfter)
{
    if (response.status < 200 || response.status > 599) {
        qCCritical(lcTransport, "the request handler answered with status %d; sent 500",
                   response.status);
        response = HttpResponse::error(500, QStringLiteral("internal"),
                                       QStringLiteral("an internal error occurred"));
    }
    if (exchange.dispatched && !exchange.queued)
        --inFlight;
    exchange.queued = true;

    // Copied: the response object may outlive this call (libmicrohttpd sends it later).
    MHD_Response *mhdResponse = MHD_create_response_from_buffer(
        static_cast<size_t>(response.body.size()), const_cast<char *>(response.body.constData()),
        MHD_RESPMEM_MUST_COPY);
    if (!mhdResponse) {
        qCCritical(lcTransport, "cannot allocate a response; closed the connection");
        return MHD_NO;
    }
    for (const auto &[name, value] : std::as_const(response.headers)) {
        // The framing is the server's business: it sets Content-Length itself.
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 ||
            name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            continue;
        if (MHD_add_response_header(mhdResponse, name.constData(), value.constData()) != MHD_YES)
            qCWarning(lcTransport, "dropped the response header %s: it cannot be sent",
                      name.constData());
    }
    if (closeAfter || stopping.load())
        MHD_add_response_header(mhdResponse, MHD_HTTP_HEADER_CONNECTION, "close");
    const MHD_Result result =
        MHD_queue_response(connection, static_cast<unsigned int>(response.status), mhdResponse);
    MHD_destroy_response(mhdResponse);
    if (result != MHD_YES) {
        qCWarning(lcTransport, "libmicrohttpd refused a %d response; closed the connection",
                  response.status);
        return MHD_NO;
    }
    try {
        handler.completed(exchange.request, response.status, exchange.clock.nsecsElapsed());
    } catch (...) {
        qCCritical(lcTransport, "the request handler's completed() threw an exception");
    }
    return MHD_YES;
}

QString HttpServer::Impl::hostText() const
{
    const QHostAddress &address = options.address;
    if (address.protocol() == QAbstractSocket::AnyIPProtocol)
        return QStringLiteral("[::]");
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' + address.toString() + u']';
    return address.toString();
}

Status HttpServer::Impl::startDaemon()
{
    const QString where = hostText() + u':' + QString::number(options.port);
    const std::optional<BindAddress> bind = toBindAddress(options.address, options.port);
    if (!bind)
        return Error::invalid(QStringLiteral("address"),
                              QStringLiteral("cannot listen on %1: not an IP address").arg(where));
    if (options.maxConnections < 1 || options.maxBodyBytes < 0 || options.maxHeaderBytes < 1024 ||
        options.idleTimeoutSeconds < 1 || options.dispatchThreads < 1 || options.eventThreads < 0)
        return Error::invalid(QStringLiteral("options"),
                              QStringLiteral("the HTTP listener options are out of range"));

    const bool wantTls = !options.tlsCertificateFile.isEmpty() || !options.tlsKeyFile.isEmpty();
    if (wantTls) {
        // Half a TLS configuration is a mistake, not a request for plain HTTP.
        if (options.tlsCertificateFile.isEmpty() || options.tlsKeyFile.isEmpty())
            return Error::invalid(
                options.tlsCertificateFile.isEmpty() ? QStringLiteral("tlsCertificateFile")
                                                     : QStringLiteral("tlsKeyFile"),
                QStringLiteral("TLS needs both a certificate file and a key file"));
        Result<QByteArray> cert = readPem(QStringLiteral("tlsCertificateFile"),
                                          options.tlsCertificateFile, "certificate");
        if (!cert)
            return cert.error();
        Result<QByteArray> key = readPem(QStringLiteral("tlsKeyFile"), options.tlsKeyFile, "key");
        if (!key)
            return key.error();
        tlsCertificate = std::move(cert).value();
        tlsKey = std::move(key).value();
        if (Status checked = checkTlsPair(options, tlsCertificate, tlsKey); !checked) {
            scrub(tlsKey);
            return checked;
        }
    }
    tlsOn = wantTls;

    const unsigned int threads = static_cast<unsigned int>(
        options.eventThreads > 0 ? options.eventThreads : qMax(1, QThread::idealThreadCount()));
    const unsigned int cap = static_cast<unsigned int>(options.maxConnections);
    // libmicrohttpd splits its limit between the event threads and stops accepting on a thread
    // at its share; keep every share above our own cap (see acceptPolicy()).
    const unsigned int mhdLimit = (cap + threads) * threads;
    // libmicrohttpd keeps the request line and headers in this per-connection pool and answers
    // 431 when they do not fit; the rest is room for the response headers and the read buffer
    // of the body (which is handed over in pieces, so it needs no room of its own).
    const size_t memoryLimit = static_cast<size_t>(options.maxHeaderBytes) + 4 * 1024;

    unsigned int flags =
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC;
    if (bind->ipv6)
        flags |= bind->dualStack ? MHD_USE_DUAL_STACK : MHD_USE_IPv6;
    if (tlsOn)
        flags |= MHD_USE_TLS;

    std::vector<MHD_OptionItem> items;
    items.push_back({MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(mhdLimit), nullptr});
    items.push_back({MHD_OPTION_CONNECTION_TIMEOUT,
                     static_cast<intptr_t>(options.idleTimeoutSeconds), nullptr});
    items.push_back(
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(memoryLimit), nullptr});
    items.push_back({MHD_OPTION_SOCK_ADDR, 0,
                     const_cast<sockaddr *>(reinterpret_cast<const sockaddr *>(&bind->storage))});
    if (threads > 1)
        items.push_back({MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(threads), nullptr});
    if (tlsOn) {
        // TLS 1.2 and 1.3 only, otherwise GnuTLS's (and the system's) normal choices.
        static const char priorities[] = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2";
        items.push_back({MHD_OPTION_HTTPS_PRIORITIES, 0, const_cast<char *>(priorities)});
        items.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, tlsKey.data()});
        items.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, tlsCertificate.data()});
    }
    items.push_back({MHD_OPTION_END, 0, nullptr});

    MHD_LogCallback logger = [](void *cls, const char *format, va_list args) {
        static_cast<Impl *>(cls)->log(format, args);
    };
    MHD_AcceptPolicyCallback accept = [](void *cls, const sockaddr *, socklen_t) {
        return static_cast<Impl *>(cls)->acceptPolicy();
    };
    MHD_AccessHandlerCallback access =
        [](void *cls, MHD_Connection *connection, const char *url, const char *method,
           const char *version, const char *uploadData, size_t *uploadSize, void **context) {
            return static_cast<Impl *>(cls)->accessHandler(connection, url, method, version,
                                                           uploadData, uploadSize, context);
        };
    MHD_RequestCompletedCallback completedCallback = [](void *cls, MHD_Connection *, void **context,
                                                        MHD_RequestTerminationCode) {
        static_cast<Impl *>(cls)->requestCompleted(context);
    };
    MHD_NotifyConnectionCallback connectionCallback = [](void *cls, MHD_Connection *connection,
                                                         void **socketContext,
                                                         MHD_ConnectionNotificationCode code) {
        static_cast<Impl *>(cls)->connectionNotified(connection, socketContext, code);
    };
    using UriLogCallback = void *(*)(void *, const char *, MHD_Connection *);
    UriLogCallback uriCallback = [](void *cls, const char *uri, MHD_Connection *connection) {
        return static_cast<Impl *>(cls)->uriLogged(uri, connection);
    };

    dispatchPool.setMaxThreadCount(options.dispatchThreads);
    {
        std::lock_guard lock(startLogMutex);
        capturingStartLog = true;
        startLog.clear();
    }
    daemon = MHD_start_daemon(flags, options.port, accept, this, access, this,
                              MHD_OPTION_EXTERNAL_LOGGER, logger, this, MHD_OPTION_NOTIFY_COMPLETED,
                              completedCallback, this, MHD_OPTION_NOTIFY_CONNECTION,
                              connectionCallback, this, MHD_OPTION_URI_LOG_CALLBACK, uriCallback,
                              this, MHD_OPTION_ARRAY, items.data(), MHD_OPTION_END);
    QByteArray mhdMessage;
    {
        std::lock_guard lock(startLogMutex);
        capturingStartLog = false;
        mhdMessage = startLog.join("; ");
        startLog.clear();
    }
    if (!daemon) {
        scrub(tlsKey);
        scrub(tlsCertificate);
        const int bindError = probeBind(*bind);
        if (bindError == EADDRINUSE)
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: the address is in use").arg(where));
        if (bindError == EADDRNOTAVAIL)
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: the address is not on this host").arg(where));
        if (bindError == EACCES)
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: permission denied").arg(where));
        if (bindError != 0)
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: %2")
                    .arg(where, QString::fromLocal8Bit(std::strerror(bindError))));
        return Error::unavailable(
            QStringLiteral("cannot start the HTTP listener on %1: %2")
                .arg(where, mhdMessage.isEmpty() ? QStringLiteral("libmicrohttpd refused to start")
                                                 : QString::fromUtf8(mhdMessage)));
    }

    boundPort = options.port;
    if (const MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
        info && info->port != 0)
        boundPort = info->port;
    if (!mhdMessage.isEmpty())
        qCWarning(lcTransport, "libmicrohttpd: %s", mhdMessage.constData());
    startWatchdog();
    running = true;
    qCInfo(lcTransport, "listening on %s:%u%s", qPrintable(hostText()), boundPort,
           tlsOn ? " (TLS)" : "");
    return {};
}

HttpServer::HttpServer(ServerOptions options, RequestHandler &handler)
    : d(std::make_unique<Impl>(std::move(options), handler))
{}

HttpServer::~HttpServer()
{
    stop(0);
}

Status HttpServer::start()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (d->daemon)
        return {};
    return d->startDaemon();
}

bool HttpServer::isRunning() const
{
    return d->running.load();
}

quint16 HttpServer::port() const
{
    return d->boundPort != 0 ? d->boundPort : d->options.port;
}

QString HttpServer::address() const
{
    return d->hostText() + u':' + QString::number(port());
}

bool HttpServer::tls() const
{
    return d->tlsOn;
}

int HttpServer::inFlight() const
{
    return d->inFlight.load();
}

void HttpServer::stop(int graceMs)
{
    std::lock_guard lock(d->lifecycleMutex);
    if (!d->daemon)
        return;
    d->stopping = true;

    // Stop accepting. The quiesced socket must stay open until libmicrohttpd has stopped, but
    // on Linux shutting it down ends listening: new clients are refused instead of waiting in
    // the backlog for the whole grace period.
    const MHD_socket listenSocket = MHD_quiesce_daemon(d->daemon);
    if (listenSocket != MHD_INVALID_SOCKET)
        ::shutdown(listenSocket, SHUT_RDWR);

    // Requests in flight finish: until each response has been sent, or the grace is over.
    const QDeadlineTimer deadline(qMax(0, graceMs));
    while (d->active.load() > 0 && !deadline.hasExpired())
        QThread::msleep(5);

    int abandoned = 0;
    {
        // libmicrohttpd must not be stopped with suspended connections: resume those whose
        // handler is still busy; the handler's answer is then dropped.
        std::lock_guard suspendLock(d->suspendMutex);
        d->closing = true;
        for (const std::shared_ptr<Exchange> &exchange : d->suspended) {
            exchange->abandoned = true;
            --d->inFlight;
            MHD_resume_connection(exchange->connection);
            ++abandoned;
        }
        d->suspended.clear();
    }
    if (abandoned > 0)
        qCWarning(lcTransport, "stopped with %d requests unanswered after %d ms", abandoned,
                  graceMs);

    MHD_stop_daemon(d->daemon);
    d->stopWatchdog();
    d->daemon = nullptr;
    if (listenSocket != MHD_INVALID_SOCKET)
        ::close(listenSocket);
    // The handler must not be running once stop() returns (it may be destroyed next).
    d->dispatchPool.waitForDone();

    scrub(d->tlsKey);
    scrub(d->tlsCertificate);
    {
        std::lock_guard suspendLock(d->suspendMutex);
        d->closing = false;
    }
    d->inFlight = 0;
    d->active = 0;
    d->connections = 0;
    d->stopping = false;
    d->running = false;
    qCInfo(lcTransport, "stopped listening on %s:%u", qPrintable(d->hostText()), d->boundPort);
}

} // namespace vc::http
