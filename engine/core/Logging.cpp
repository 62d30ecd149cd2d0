#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcEngine, "verify.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "verify.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDelivery, "verify.delivery", QtInfoMsg)

#include "core/JsonWriter.h"

#include <QDateTime>

#include <cstdio>
#include <unistd.h>

namespace vc {

namespace {

void lineHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray line = JsonWriter::rfc3339(QDateTime::currentMSecsSinceEpoch());
    line.reserve(line.size() + 64 + message.size());
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
    if (context.category && qstrcmp(context.category, "default") != 0)
        line.append(context.category).append(": ");
    line.append(message.toUtf8()).append('\n');
    [[maybe_unused]] const ssize_t written =
        ::write(STDERR_FILENO, line.constData(), static_cast<size_t>(line.size()));
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installLineLogHandler()
{
    qInstallMessageHandler(lineHandler);
}

} // namespace vc
