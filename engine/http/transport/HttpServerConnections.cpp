// libmicrohttpd's callbacks: a connection opens and closes, a request is read in (its body
// within the limit), the handler answers it on the event thread or, with the connection
// suspended, on the dispatch pool, and the response is queued.

#include "http/transport/HttpServerImpl.h"
#include "http/transport/SocketAddress.h"

namespace vc::http {

namespace {

// A chunked body that passes the limit is read on and thrown away so that the client still
// gets its 413 (libmicrohttpd cannot answer while a body is arriving); past this much more,
// the client is not listening and the connection is simply closed.
constexpr qint64 kDiscardAllowance = 1024 * 1024;

// The entry of `table` that `given` spells (compared as `cs` says), or null: the usual request
// words are shared constants, so they cost no allocation per request.
template <size_t N>
const QByteArray *sharedSpelling(QByteArrayView given, const QByteArray (&table)[N],
                                 Qt::CaseSensitivity cs)
{
    for (const QByteArray &known : table)
        if (known.size() == given.size() && QByteArrayView(known).compare(given, cs) == 0)
            return &known;
    return nullptr;
}

// The method or version as a QByteArray.
QByteArray interned(const char *text)
{
    static const QByteArray common[] = {
        QByteArrayLiteral("GET"),     QByteArrayLiteral("POST"),     QByteArrayLiteral("PATCH"),
        QByteArrayLiteral("DELETE"),  QByteArrayLiteral("HEAD"),     QByteArrayLiteral("PUT"),
        QByteArrayLiteral("OPTIONS"), QByteArrayLiteral("HTTP/1.1"), QByteArrayLiteral("HTTP/1.0")};
    const QByteArrayView given(text);
    const QByteArray *known = sharedSpelling(given, common, Qt::CaseSensitive);
    return known ? *known : given.toByteArray();
}

// A header name in lower case.
QByteArray lowerHeaderName(const char *name)
{
    static const QByteArray common[] = {
        QByteArrayLiteral("host"),           QByteArrayLiteral("x-api-key"),
        QByteArrayLiteral("authorization"),  QByteArrayLiteral("content-type"),
        QByteArrayLiteral("content-length"), QByteArrayLiteral("user-agent"),
        QByteArrayLiteral("accept"),         QByteArrayLiteral("connection")};
    const QByteArrayView given(name);
    const QByteArray *known = sharedSpelling(given, common, Qt::CaseInsensitive);
    return known ? *known : given.toByteArray().toLower();
}

// The last response this event thread built for a request answered on it, as libmicrohttpd's
// object. A polled status is answered with the same bytes again and again (the route reuses its
// JSON), so an identical answer — same status, headers, body and closing — queues that object
// once more instead of building, filling and freeing a new one. libmicrohttpd counts references:
// this keeps one, and each connection that queued it holds its own until it is sent. Per
// thread, so no other thread touches it; answers from the dispatch pool (writes, which may
// carry a new key's secret) are never kept.
class LastResponse
{
public:
    LastResponse() = default;
    LastResponse(const LastResponse &) = delete;
    LastResponse &operator=(const LastResponse &) = delete;
    ~LastResponse() { keep(nullptr, {}, false); }

    // The kept object when `response` is the very same answer, else null.
    MHD_Response *same(const HttpResponse &response, bool close) const
    {
        if (!m_mhd || response.status != m_status || close != m_close || response.body != m_body ||
            response.headers != m_headers)
            return nullptr;
        return m_mhd;
    }

    // Takes over the caller's reference to `mhd`, dropping the one kept before.
    void keep(MHD_Response *mhd, const HttpResponse &response, bool close)
    {
        if (m_mhd)
            MHD_destroy_response(m_mhd);
        m_mhd = mhd;
        m_status = response.status;
        m_close = close;
        m_body = response.body;
        m_headers = response.headers;
    }

private:
    MHD_Response *m_mhd = nullptr;
    int m_status = 0;
    bool m_close = false;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

thread_local LastResponse lastResponse;

} // namespace

HttpServer::Impl::ConnectionState *HttpServer::Impl::stateOf(MHD_Connection *connection) const
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<ConnectionState *>(info->socket_context) : nullptr;
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
    --connections; // counted by admit()
}

void *HttpServer::Impl::uriLogged(const char *uri, MHD_Connection *connection)
{
    ConnectionState *state = stateOf(connection);
    if (!state)
        return nullptr;
    if (state->spare) {
        state->exchange = std::move(state->spare);
        state->exchange->recycle();
    } else {
        state->exchange = std::make_shared<Exchange>();
    }
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
    // An exchange answered on this event thread was never shared: the next request reuses it.
    // One that went to the dispatch pool is left to its last owner.
    if (!state->exchange->pooled && state->exchange.use_count() == 1)
        state->spare = std::move(state->exchange);
    state->exchange.reset();
}

void HttpServer::Impl::finish(Exchange &exchange)
{
    if (exchange.dispatched && !exchange.finished) {
        exchange.finished = true;
        --active;
    }
}

void HttpServer::Impl::fillRequest(ConnectionState &state, Exchange &exchange,
                                   MHD_Connection *connection, const char *url, const char *method,
                                   const char *version) const
{
    HttpRequest &request = exchange.request;
    request.method = interned(method);
    request.version = interned(version);
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
    request.path = target.contains('%') ? QByteArray::fromPercentEncoding(target) : target;

    request.headers.reserve(8);
    MHD_get_connection_values(
        connection, MHD_HEADER_KIND,
        [](void *list, MHD_ValueKind, const char *key, const char *value) {
            static_cast<QList<QPair<QByteArray, QByteArray>> *>(list)->append(
                {lowerHeaderName(key), QByteArray(value)});
            return MHD_YES;
        },
        &request.headers);

    if (!state.peer) {
        const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        state.peer = peerAddress(info ? info->client_addr : nullptr, &state.peerPort);
    }
    request.peer = *state.peer;
    request.peerPort = state.peerPort;
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
        fillRequest(*state, *exchange, connection, url, method, version);
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
            exchange->pooled = true;
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

    const bool close = closeAfter || stopping.load();
    const bool keepable = !exchange.pooled;
    MHD_Response *mhdResponse = keepable ? lastResponse.same(response, close) : nullptr;
    const bool fresh = !mhdResponse;
    if (fresh) {
        // Copied: the response object may outlive this call (libmicrohttpd sends it later).
        mhdResponse = MHD_create_response_from_buffer(static_cast<size_t>(response.body.size()),
                                                      const_cast<char *>(response.body.constData()),
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
            if (MHD_add_response_header(mhdResponse, name.constData(), value.constData()) !=
                MHD_YES)
                qCWarning(lcTransport, "dropped the response header %s: it cannot be sent",
                          name.constData());
        }
        if (close)
            MHD_add_response_header(mhdResponse, MHD_HTTP_HEADER_CONNECTION, "close");
    }
    const MHD_Result result =
        MHD_queue_response(connection, static_cast<unsigned int>(response.status), mhdResponse);
    if (fresh) {
        if (keepable)
            lastResponse.keep(mhdResponse, response, close);
        else
            MHD_destroy_response(mhdResponse); // the connection holds its own reference
    }
    if (result != MHD_YES) {
        qCWarning(lcTransport, "libmicrohttpd refused a %d response; closed the connection",
                  response.status);
        return MHD_NO;
    }
    try {
        handler.completed(exchange.request, response, exchange.clock.nsecsElapsed());
    } catch (...) {
        qCCritical(lcTransport, "the request handler's completed() threw an exception");
    }
    return MHD_YES;
}

} // namespace vc::http
