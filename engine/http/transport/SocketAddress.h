#pragma once

#include "core/Result.h"
#include "core/UniqueFd.h"

#include <QHostAddress>

#include <optional>
#include <sys/socket.h>

namespace vc::http {

// A listen address as bind() takes it, and the socket options it needs.
struct BindAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    bool ipv6 = false;
    bool dualStack = false;
};

// nullopt when the address is not an IP address.
std::optional<BindAddress> toBindAddress(const QHostAddress &address, quint16 port);

// A non-blocking socket listening on the address (SO_REUSEADDR; IPV6_V6ONLY unless
// dual-stack), or why not: the address in use, not on this host, permission denied. `where`
// names the address in the message.
Result<UniqueFd> listenOn(const BindAddress &bind, const QString &where);

// The port a listening socket was given (the asked one, or the kernel's pick for 0).
quint16 boundPort(const UniqueFd &socket);

// The client's address and port (0 when unknown).
QHostAddress peerAddress(const sockaddr *address, quint16 *port);

} // namespace vc::http
