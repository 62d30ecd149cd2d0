#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcEngine, "verify.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "verify.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDelivery, "verify.delivery", QtInfoMsg)

#include "core/JsonWriter.h"

#include <QDateTime>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>

namespace vc {

namespace {

// Past this much pending text the flusher is woken at once; past kBlockBytes (stderr not
// keeping up) the logging thread writes itself, so memory stays bounded.
constexpr size_t kWakeBytes = 64 * 1024;
constexpr size_t kBlockBytes = 4 * 1024 * 1024;

void writeAll(const char *data, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(STDERR_FILENO, data + done, size - done);
        if (n > 0)
            done += static_cast<size_t>(n);
        else if (n < 0 && errno == EINTR)
            continue;
        else
            return; // stderr closed or broken: nothing else can be done with the lines
    }
}

} // namespace

struct LineLog::Sink
{
    std::mutex writeMutex; // taken first: keeps batches in order on stderr
    std::mutex mutex;      // guards pending and stop
    std::condition_variable wake;
    std::string pending;
    bool stop = false;
    std::thread flusher;
    QtMessageHandler previous = nullptr;

    void append(const QByteArray &line, bool now)
    {
        size_t size = 0;
        {
            std::lock_guard lock(mutex);
            pending.append(line.constData(), static_cast<size_t>(line.size()));
            size = pending.size();
        }
        if (now || size >= kBlockBytes)
            flush();
        else if (size >= kWakeBytes)
            wake.notify_one();
    }

    void flush()
    {
        std::lock_guard writing(writeMutex);
        std::string batch;
        {
            std::lock_guard lock(mutex);
            batch.swap(pending);
        }
        writeAll(batch.data(), batch.size());
    }

    void run()
    {
        std::unique_lock lock(mutex);
        while (!stop) {
            wake.wait_for(lock, std::chrono::milliseconds(kFlushIntervalMs));
            if (pending.empty())
                continue;
            lock.unlock();
            flush();
            lock.lock();
        }
    }
};

namespace {

std::atomic<LineLog::Sink *> g_sink{nullptr}; // the message handler's way to the live LineLog

// "2026-11-22T10:15:03.042Z [warning |error ]category: text\n" (no category for "default").
QByteArray composeLine(QtMsgType type, const char *category, QByteArrayView text)
{
    std::array<char, JsonWriter::kRfc3339Size> time;
    JsonWriter::rfc3339(QDateTime::currentMSecsSinceEpoch(), time);
    QByteArray line;
    line.reserve(qsizetype(time.size()) + 16 + (category ? qstrlen(category) : 0) + text.size());
    line.append(time.data(), qsizetype(time.size()));
    switch (type) {
    case QtWarningMsg:
        line.append(" warning");
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        line.append(" error");
        break;
    default:
        break;
    }
    line.append(' ');
    if (category && qstrcmp(category, "default") != 0)
        line.append(category).append(": ");
    line.append(text).append('\n');
    return line;
}

void lineHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = composeLine(type, context.category, message.toUtf8());
    const bool now = type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg;
    if (LineLog::Sink *sink = g_sink.load())
        sink->append(line, now);
    else
        writeAll(line.constData(), size_t(line.size()));
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void logInfo(const QLoggingCategory &category, QByteArrayView text)
{
    LineLog::Sink *sink = g_sink.load();
    if (!sink) {
        qCInfo(category, "%.*s", int(text.size()), text.data());
        return;
    }
    const QByteArray line = composeLine(QtInfoMsg, category.categoryName(), text);
    sink->append(line, false);
}

LineLog::LineLog()
    : d(std::make_unique<Sink>())
{
    d->flusher = std::thread([sink = d.get()] { sink->run(); });
    g_sink = d.get();
    d->previous = qInstallMessageHandler(lineHandler);
}

LineLog::~LineLog()
{
    qInstallMessageHandler(d->previous);
    g_sink = nullptr;
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
    }
    d->wake.notify_one();
    d->flusher.join();
    d->flush();
}

void LineLog::flush()
{
    d->flush();
}

} // namespace vc
