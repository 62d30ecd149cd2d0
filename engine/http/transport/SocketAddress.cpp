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

} // namespace vc::http
