#include "sessions/SessionExport.h"

#include "core/Domain.h"
#include "core/Engine.h"
#include "core/JsonWriter.h"

#include <QSaveFile>

namespace vc::ui {

namespace {

QByteArray time(qint64 ms)
{
    return ms > 0 ? JsonWriter::rfc3339(ms) : QByteArray();
}

QByteArray time(const std::optional<qint64> &ms)
{
    return ms ? time(*ms) : QByteArray();
}

// A field as RFC 4180 wants it. Free text that a spreadsheet would run as a formula (=, +, -, @)
// gets a leading apostrophe (OWASP "CSV injection").
QByteArray field(const QString &value, bool freeText = false)
{
    QString text = value;
    if (freeText && !text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    QByteArray out = text.toUtf8();
    if (out.contains(',') || out.contains('"') || out.contains('\n') || out.contains('\r')) {
        out.replace('"', "\"\"");
        out = '"' + out + '"';
    }
    return out;
}

QByteArray row(const SessionView &s)
{
    const QByteArrayList fields{
        field(s.id),
        time(s.createdAt),
        field(statusName(s.status)),
        field(channelName(s.channel)),
        field(s.recipientMasked),
        field(s.recipientRegion),
        field(s.locale),
        field(s.serviceId),
        QByteArray::number(s.attempts),
        QByteArray::number(s.maxAttempts),
        QByteArray::number(s.resends),
        QByteArray::number(s.maxResends),
        field(s.reference, true),
        field(s.clientIp, true),
        time(s.expiresAt),
        time(s.deliveredAt),
        time(s.verifiedAt),
        time(s.finishedAt),
    };
    return fields.join(',') + "\r\n";
}

} // namespace

Result<ExportOutcome> exportSessionsCsv(Engine &engine, SessionQuery query, const QString &path,
                                        ExportControl &control)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::unavailable(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write("session_id,created_at,status,channel,recipient,country,locale,service_id,"
               "attempts,max_attempts,resends,max_resends,reference,client_ip,expires_at,"
               "delivered_at,verified_at,finished_at\r\n");
    query.cursor.clear();
    query.limit = 500;
    qint64 rows = 0;
    for (;;) {
        if (control.cancelled) {
            file.cancelWriting();
            return ExportOutcome{rows, true};
        }
        auto page = engine.findSessions(query);
        if (!page) {
            file.cancelWriting();
            return page.error();
        }
        for (const SessionView &s : page->sessions)
            file.write(row(s));
        rows += page->sessions.size();
        control.written = rows;
        if (page->nextCursor.isEmpty())
            break;
        query.cursor = page->nextCursor;
    }
    if (!file.commit())
        return Error::unavailable(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return ExportOutcome{rows, false};
}

} // namespace vc::ui
