// The trickle watchdog: each request gets a deadline, and the socket of one that misses it is
// shut down (why: see HttpServer::Impl::registry).

#include "http/transport/HttpServerImpl.h"

#include <chrono>
#include <ctime>
#include <sys/socket.h>

namespace vc::http {

namespace {

// The coarse monotonic clock (to the kernel's tick, a few ms): deadlines are whole seconds, and
// every request arms two of them, so the cheaper read is the right one.
qint64 steadyMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

} // namespace

// A connection gets the idle timeout to bring in a request line (after it opens or after its
// previous response), and as long again for the headers and body that follow it.
void HttpServer::Impl::armDeadline(ConnectionState &state) const
{
    state.deadlineMs = steadyMs() + qint64(options.idleTimeoutSeconds) * 1000;
}

void HttpServer::Impl::watch()
{
    const auto period = std::chrono::milliseconds(
        qBound(qint64(10), qint64(options.idleTimeoutSeconds) * 1000 / 4, qint64(250)));
    std::unique_lock wakeLock(watchdogMutex);
    while (!watchdogWake.wait_for(wakeLock, period, [this] { return watchdogStop; })) {
        const qint64 now = steadyMs();
        int cut = 0;
        std::lock_guard lock(registryMutex);
        for (ConnectionState *state : registry) {
            const qint64 deadline = state->deadlineMs.load();
            if (deadline == 0 || deadline > now || state->socket == MHD_INVALID_SOCKET)
                continue;
            state->deadlineMs = 0;
            ::shutdown(state->socket, SHUT_RDWR);
            ++cut;
        }
        if (cut > 0)
            qCInfo(lcTransport, "closed %d connections too slow to send a request", cut);
    }
}

void HttpServer::Impl::startWatchdog()
{
    watchdogStop = false;
    watchdog = std::thread([this] { watch(); });
}

void HttpServer::Impl::stopWatchdog()
{
    {
        std::lock_guard lock(watchdogMutex);
        watchdogStop = true;
    }
    watchdogWake.notify_all();
    if (watchdog.joinable())
        watchdog.join();
}

} // namespace vc::http
