#include "verifyctl/CliOutput.h"

#include "core/JsonViews.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimeZone>

#include <cstdio>

namespace vc::cli {

namespace {

void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void Output::line(const QString &text) const
{
    if (!m_json)
        write(stdout, text.toUtf8() + '\n');
}

void Output::document(const QJsonObject &o) const
{
    if (m_json)
        write(stdout, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

void Output::document(const QJsonArray &a) const
{
    if (m_json)
        write(stdout, QJsonDocument(a).toJson(QJsonDocument::Indented));
}

int Output::error(const Error &e) const
{
    if (m_json)
        write(stderr, QJsonDocument(Json::of(e)).toJson(QJsonDocument::Compact) + '\n');
    else
        write(stderr,
              QByteArrayLiteral("verifyctl: ") + e.toString().toUtf8() +
                  (e.retryAfterSeconds > 0
                       ? QStringLiteral(" (retry in %1 s)").arg(e.retryAfterSeconds).toUtf8()
                       : QByteArray()) +
                  '\n');
    return Failure;
}

int Output::usage(const QString &message) const
{
    write(stderr, QByteArrayLiteral("verifyctl: ") + message.toUtf8() +
                      QByteArrayLiteral("\nRun 'verifyctl --help' for the commands.\n"));
    return Usage;
}

QString humanTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

} // namespace vc::cli
