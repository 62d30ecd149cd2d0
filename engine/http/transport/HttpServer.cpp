#include "http/transport/HttpServer.h"

#include "http/transport/HttpServerImpl.h"
#include "http/transport/SocketAddress.h"
#include "http/transport/TlsFiles.h"

#include <QDeadlineTimer>
#include <QThread>

#include <cstdio>
#include <microhttpd.h>
#include <vector>

namespace vc::http {

Q_LOGGING_CATEGORY(lcTransport, "verify.http", QtInfoMsg)

bool RequestHandler::isQuick(const HttpRequest &request) const
{
    return request.method == "GET" || request.method == "HEAD";
}

void RequestHandler::completed(const HttpRequest &, const HttpResponse &, qint64) {}

void HttpServer::Impl::log(const char *format, va_list args)
{
    char buffer[512];
    // libmicrohttpd's own format strings, handed through its log callback.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    std::vsnprintf(buffer, sizeof buffer, format, args);
#pragma GCC diagnostic pop
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
    // libmicrohttpd splits its limit between the event threads and hands no more connections to
    // a thread at its share; keep every share above our own cap, so that only admit() refuses.
    const unsigned int mhdLimit = (cap + threads) * threads;
    // libmicrohttpd keeps the request line and headers in this per-connection pool and answers
    // 431 when they do not fit; the rest is room for the response headers and the read buffer
    // of the body (which is handed over in pieces, so it needs no room of its own).
    const size_t memoryLimit = static_cast<size_t>(options.maxHeaderBytes) + 4 * 1024;

    // The listening socket is ours (see HttpServerAcceptor.cpp): opened first, its errors are
    // exact.
    Result<UniqueFd> listening = listenOn(*bind, where);
    if (!listening) {
        scrub(tlsKey);
        scrub(tlsCertificate);
        return listening.error();
    }

    unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG |
                         MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC | MHD_USE_NO_LISTEN_SOCKET;
    if (tlsOn)
        flags |= MHD_USE_TLS;

    std::vector<MHD_OptionItem> items;
    items.push_back({MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(mhdLimit), nullptr});
    items.push_back({MHD_OPTION_CONNECTION_TIMEOUT,
                     static_cast<intptr_t>(options.idleTimeoutSeconds), nullptr});
    items.push_back(
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(memoryLimit), nullptr});
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
    daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, access, this, MHD_OPTION_EXTERNAL_LOGGER,
                              logger, this, MHD_OPTION_NOTIFY_COMPLETED, completedCallback, this,
                              MHD_OPTION_NOTIFY_CONNECTION, connectionCallback, this,
                              MHD_OPTION_URI_LOG_CALLBACK, uriCallback, this, MHD_OPTION_ARRAY,
                              items.data(), MHD_OPTION_END);
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
        return Error::unavailable(
            QStringLiteral("cannot start the HTTP listener on %1: %2")
                .arg(where, mhdMessage.isEmpty() ? QStringLiteral("libmicrohttpd refused to start")
                                                 : QString::fromUtf8(mhdMessage)));
    }

    boundPort = vc::http::boundPort(*listening);
    listenSocket = std::move(listening).value();
    if (Status accepting = startAcceptor(); !accepting) {
        MHD_stop_daemon(daemon);
        daemon = nullptr;
        listenSocket.reset();
        scrub(tlsKey);
        scrub(tlsCertificate);
        return accepting;
    }
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

    // Stop accepting: new clients are refused at once instead of waiting in the backlog for
    // the whole grace period.
    d->stopAcceptor();

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
        for (const std::shared_ptr<Impl::Exchange> &exchange : d->suspended) {
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
