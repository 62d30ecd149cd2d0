// The listening socket and the thread that accepts on it.
//
// libmicrohttpd runs without a listening socket of its own (MHD_USE_NO_LISTEN_SOCKET) and is
// handed each accepted connection through MHD_add_connection() once admit() has let it in under
// the connection cap. Stopping to accept is then closing a socket that no
// event thread ever touches. libmicrohttpd 0.9.75's own way, MHD_quiesce_daemon(), removes the
// socket from each event thread's epoll set while that thread may be removing it too, and
// aborts the whole process when it loses that race.

#include "http/transport/HttpServerImpl.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vc::http {

namespace {

// Connections taken off the backlog before the stop signal is looked at again.
constexpr int kAcceptBatch = 64;
// How long accepting pauses when the process is out of descriptors or memory: the waiting
// connection stays readable, so retrying at once would spin.
constexpr int kResourcePauseMs = 100;
constexpr qint64 kWarnEveryMs = 10'000;

bool isTransientAcceptError(int error)
{
    // The client gave up between its SYN and our accept, or a signal came in.
    return error == EINTR || error == ECONNABORTED || error == EPROTO || error == EPERM;
}

} // namespace

Status HttpServer::Impl::startAcceptor()
{
    acceptorWake = UniqueFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!acceptorWake.valid())
        return Error::unavailable(QStringLiteral("cannot start the HTTP listener: %1")
                                      .arg(QString::fromLocal8Bit(std::strerror(errno))));
    acceptor = std::thread([this] {
        pthread_setname_np(pthread_self(), "vc-http-accept");
        acceptLoop();
    });
    return {};
}

void HttpServer::Impl::stopAcceptor()
{
    if (acceptor.joinable()) {
        const uint64_t one = 1;
        // An eventfd write of 1 cannot fail short of overflowing a counter nobody reads down.
        [[maybe_unused]] const ssize_t written = ::write(acceptorWake.get(), &one, sizeof one);
        acceptor.join();
    }
    // Closed, the port refuses new clients at once instead of keeping them in the backlog.
    listenSocket.reset();
    acceptorWake.reset();
}

// The connection cap, counted here as each connection is accepted: an event thread takes a
// connection on only some time later, and a burst would pass the cap meanwhile. Only this
// thread counts up, so the check and the count cannot interleave; the count goes down when
// libmicrohttpd reports the connection closed. (A connection lost to a failed allocation inside
// libmicrohttpd, before it reports the start, would stay counted until the server stops.)
bool HttpServer::Impl::admit()
{
    if (connections.load() >= options.maxConnections) {
        qCDebug(lcTransport, "connection refused: %d connections are open", connections.load());
        return false;
    }
    ++connections;
    return true;
}

void HttpServer::Impl::acceptLoop()
{
    // The stop signal first: while paused, it is the only one waited for.
    pollfd watched[2] = {{acceptorWake.get(), POLLIN, 0}, {listenSocket.get(), POLLIN, 0}};
    int pauseMs = -1;     // while out of resources: how long to wait before accepting again
    QElapsedTimer warned; // once in a while is enough to say that it goes on
    for (;;) {
        const int ready = ::poll(watched, pauseMs < 0 ? 2 : 1, pauseMs);
        if (ready < 0 && errno != EINTR) {
            qCCritical(lcTransport, "the HTTP listener stopped accepting: poll failed: %s",
                       std::strerror(errno));
            return;
        }
        if (watched[0].revents != 0)
            return;
        pauseMs = -1;
        for (int taken = 0; taken < kAcceptBatch; ++taken) {
            sockaddr_storage peer{};
            socklen_t peerLength = sizeof peer;
            const int client = ::accept4(listenSocket.get(), reinterpret_cast<sockaddr *>(&peer),
                                         &peerLength, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (client < 0) {
                const int error = errno;
                if (error == EAGAIN || error == EWOULDBLOCK)
                    break;
                if (isTransientAcceptError(error))
                    continue;
                // Out of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM) or worse: the
                // clients wait in the backlog meanwhile.
                if (!warned.isValid() || warned.hasExpired(kWarnEveryMs)) {
                    qCWarning(lcTransport, "cannot accept connections: %s; retrying every %d ms",
                              std::strerror(error), kResourcePauseMs);
                    warned.start();
                }
                pauseMs = kResourcePauseMs;
                break;
            }
            if (!admit()) {
                ::close(client);
                continue;
            }
            // libmicrohttpd owns the socket from here, and has closed it when it refuses it.
            if (MHD_add_connection(daemon, client, reinterpret_cast<const sockaddr *>(&peer),
                                   peerLength) != MHD_YES)
                --connections;
        }
    }
}

} // namespace vc::http
