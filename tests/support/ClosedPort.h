#pragma once

// A loopback port nothing listens on, for a receiver that is down: connections to it are refused
// at once.

#include <QHostAddress>
#include <QTcpServer>

namespace vc::test {

inline quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        qFatal("cannot listen on loopback");
    return probe.serverPort(); // closed again when `probe` goes
}

} // namespace vc::test
