#include "http/transport/SocketAddress.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

namespace vc::http {

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

Result<UniqueFd> listenOn(const BindAddress &bind, const QString &where)
{
    const auto failed = [&where](int error) {
        switch (error) {
        case EADDRINUSE:
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: the address is in use").arg(where));
        case EADDRNOTAVAIL:
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: the address is not on this host").arg(where));
        case EACCES:
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: permission denied").arg(where));
        default:
            return Error::unavailable(
                QStringLiteral("cannot listen on %1: %2")
                    .arg(where, QString::fromLocal8Bit(std::strerror(error))));
        }
    };
    UniqueFd socket(
        ::socket(bind.storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!socket.valid())
        return failed(errno);
    const int on = 1;
    if (::setsockopt(socket.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0)
        return failed(errno);
    if (bind.ipv6) {
        const int v6only = bind.dualStack ? 0 : 1;
        if (::setsockopt(socket.get(), IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only) != 0)
            return failed(errno);
    }
    if (::bind(socket.get(), reinterpret_cast<const sockaddr *>(&bind.storage), bind.length) != 0)
        return failed(errno);
    if (::listen(socket.get(), SOMAXCONN) != 0)
        return failed(errno);
    return socket;
}

quint16 boundPort(const UniqueFd &socket)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(socket.get(), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    quint16 port = 0;
    peerAddress(reinterpret_cast<const sockaddr *>(&storage), &port);
    return port;
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

} // namespace vc::http
