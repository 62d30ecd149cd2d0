#pragma once

#include <QLoggingCategory>

#include <memory>

// Logging categories of the engine. Log lines name sessions by id and recipients by their masked
// form only; never a code, a key, a secret or a full recipient.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDelivery)

namespace vc {

// Logs `text` (UTF-8) at info level in `category`, whose isInfoEnabled() the caller checked.
// Into the live LineLog directly when there is one (a line per API request need not pass through
// Qt's formatting), else through Qt's logging like qCInfo.
void logInfo(const QLoggingCategory &category, QByteArrayView text);

// While it lives, every Qt log line goes to stderr as
// "2026-11-22T10:15:03.042Z [warning ]category: message", whole lines even when threads log at
// once. Debug lines are dropped unless enabled by the usual QT_LOGGING_RULES.
//
// Lines are gathered in memory and written by a thread of its own at least every
// kFlushIntervalMs, so that a busy listener (one access-log line per request) does not pay a
// write() per line: a warning or an error, the destructor and flush() write everything at once.
// A crash can lose the info lines of the last interval; a clean exit loses nothing.
class LineLog
{
public:
    static constexpr int kFlushIntervalMs = 20;

    LineLog();  // installs the message handler (one LineLog at a time)
    ~LineLog(); // writes what is pending and restores the previous handler; destroy it after
                // the threads that log have stopped
    LineLog(const LineLog &) = delete;
    LineLog &operator=(const LineLog &) = delete;

    // Writes the pending lines now (before writing to stderr directly, for instance).
    void flush();

    struct Sink; // the buffer and its flusher thread (public for the message handler)

private:
    std::unique_ptr<Sink> d;
};

} // namespace vc
