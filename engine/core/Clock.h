#pragma once

#include <QtGlobal>

#include <atomic>

namespace vc {

// Every time decision in the engine (expiry, cooldowns, rate windows, retries) asks a Clock, so
// tests can move time instead of sleeping. Times are UTC milliseconds since the Unix epoch.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs)
        : m_now(startMs)
    {}
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }
    void advanceSeconds(qint64 s) { m_now.fetch_add(s * 1000); }

private:
    std::atomic<qint64> m_now;
};

} // namespace vc
