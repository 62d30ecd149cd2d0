#pragma once

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

// libmicrohttpd only says that it could not start; binding a probe socket the same way it does
// (SO_REUSEADDR) tells which errno the bind gave. 0 when the address can be bound.
int probeBind(const BindAddress &bind);

// The client's address and port (0 when unknown).
QHostAddress peerAddress(const sockaddr *address, quint16 *port);

} // namespace vc::http
