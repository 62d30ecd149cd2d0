#pragma once

#include "core/Result.h"
#include "http/transport/HttpServer.h"

#include <QString>

#include <memory>

namespace vc {
class Engine;
}

namespace vc::http {

class ApiHandler;
class Metrics;

// Where and how the API listens. Loopback on 8780 by default; any other address is allowed but
// logs a warning unless TLS is on.
struct ListenerConfig
{
    QString listen = QStringLiteral("127.0.0.1:8780"); // ADDRESS:PORT ([::1]:8780 for IPv6)
    QString tlsCertificateFile;
    QString tlsKeyFile;
    int idleTimeoutSeconds = 30;
    int maxConnections = 512;
    int eventThreads = 0;
    int dispatchThreads = 128;

    // Reads the [http] group of an INI file over `base`: listen, tls_certificate, tls_key,
    // idle_timeout_seconds, max_connections, event_threads, dispatch_threads. Unknown keys and
    // bad values are refused with the key named.
    static Result<ListenerConfig> load(const QString &file, ListenerConfig base);
    // Parses "ADDRESS:PORT"; the error names field "listen".
    static Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
};

// The v1 API on an HTTP server: verifyd and the console each own one.
class Listener
{
public:
    Listener(Engine &engine, ListenerConfig config);
    ~Listener();

    // Binds and serves. A busy port is an Unavailable error naming the address.
    Status start();
    // Stops accepting, lets requests in flight finish (up to graceMs), and closes.
    void stop(int graceMs = 10000);
    bool isRunning() const;
    QString address() const; // "127.0.0.1:8780"
    bool tls() const;
    quint16 port() const;
    const Metrics &metrics() const;
    const ListenerConfig &config() const { return m_config; }

private:
    Engine &m_engine;
    ListenerConfig m_config;
    std::unique_ptr<ApiHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace vc::http
