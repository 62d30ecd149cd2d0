#include "http/api/Listener.h"

#include "http/api/ApiHandler.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcListener, "verify.http", QtInfoMsg)

namespace vc::http {

Result<std::pair<QHostAddress, quint16>> ListenerConfig::parseListen(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(u':');
    const Error bad = Error::invalid(QStringLiteral("listen"),
                                     QStringLiteral("must be ADDRESS:PORT, e.g. 127.0.0.1:8780 or "
                                                    "[::1]:8780"));
    if (colon <= 0)
        return bad;
    QString host = t.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = t.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (!ok || port > 65535 || !address.setAddress(host))
        return bad;
    return std::pair{address, static_cast<quint16>(port)};
}

Result<ListenerConfig> ListenerConfig::load(const QString &file, ListenerConfig base)
{
    if (!QFileInfo(file).isReadable())
        return Error::invalid(QStringLiteral("config"),
                              QStringLiteral("cannot read configuration file %1").arg(file));
    QSettings ini(file, QSettings::IniFormat);
    ini.beginGroup(QStringLiteral("http"));
    const QString dir = QFileInfo(file).absolutePath();
    for (const QString &key : ini.childKeys()) {
        const QString value = ini.value(key).toString().trimmed();
        const QString name = QStringLiteral("http.") + key;
        auto number = [&](int lo, int hi, int &out) -> Status {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < lo || n > hi)
                return Error::invalid(name,
                                      QStringLiteral("must be from %1 to %2").arg(lo).arg(hi));
            out = n;
            return {};
        };
        Status s;
        if (key == QLatin1String("listen")) {
            if (auto parsed = parseListen(value); !parsed)
                return Error::invalid(name, parsed.error().message);
            base.listen = value;
        } else if (key == QLatin1String("tls_certificate")) {
            base.tlsCertificateFile = QFileInfo(value).isAbsolute() ? value : dir + u'/' + value;
        } else if (key == QLatin1String("tls_key")) {
            base.tlsKeyFile = QFileInfo(value).isAbsolute() ? value : dir + u'/' + value;
        } else if (key == QLatin1String("idle_timeout_seconds")) {
            s = number(1, 3600, base.idleTimeoutSeconds);
        } else if (key == QLatin1String("max_connections")) {
            s = number(1, 100000, base.maxConnections);
        } else if (key == QLatin1String("event_threads")) {
            s = number(0, 256, base.eventThreads);
        } else if (key == QLatin1String("dispatch_threads")) {
            s = number(1, 4096, base.dispatchThreads);
        } else {
            return Error::invalid(name, QStringLiteral("is not a known setting"));
        }
        if (!s)
            return s.error();
    }
    if (base.tlsCertificateFile.isEmpty() != base.tlsKeyFile.isEmpty())
        return Error::invalid(QStringLiteral("http.tls_certificate"),
                              QStringLiteral("TLS needs both tls_certificate and tls_key"));
    return base;
}

Listener::Listener(Engine &engine, ListenerConfig config)
    : m_engine(engine)
    , m_config(std::move(config))
    , m_handler(std::make_unique<ApiHandler>(engine))
{}

Listener::~Listener()
{
    stop(0);
}

Status Listener::start()
{
    if (m_server && m_server->isRunning())
        return {};
    auto where = ListenerConfig::parseListen(m_config.listen);
    if (!where)
        return where.error();
    ServerOptions options;
    options.address = where->first;
    options.port = where->second;
    options.idleTimeoutSeconds = m_config.idleTimeoutSeconds;
    options.maxConnections = m_config.maxConnections;
    options.eventThreads = m_config.eventThreads;
    options.dispatchThreads = m_config.dispatchThreads;
    options.tlsCertificateFile = m_config.tlsCertificateFile;
    options.tlsKeyFile = m_config.tlsKeyFile;
    m_server = std::make_unique<HttpServer>(options, *m_handler);
    if (Status s = m_server->start(); !s) {
        m_server.reset();
        return s;
    }
    if (!where->first.isLoopback() && !m_server->tls())
        qCWarning(lcListener).noquote()
            << "listening on" << m_server->address()
            << "without TLS: API keys and codes cross the network in clear; configure "
               "tls_certificate and tls_key";
    return {};
}

void Listener::stop(int graceMs)
{
    if (m_server)
        m_server->stop(graceMs);
    m_server.reset();
}

bool Listener::isRunning() const
{
    return m_server && m_server->isRunning();
}

QString Listener::address() const
{
    return m_server ? m_server->address() : QString();
}

bool Listener::tls() const
{
    return m_server && m_server->tls();
}

quint16 Listener::port() const
{
    return m_server ? m_server->port() : 0;
}

const Metrics &Listener::metrics() const
{
    return m_handler->metrics();
}

} // namespace vc::http
