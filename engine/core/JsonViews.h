#pragma once

#include "core/ApiKey.h"
#include "core/Audit.h"
#include "core/Error.h"
#include "core/Session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vc {

// The JSON shapes of engine values, shared by verifyctl --json and the HTTP API so both speak
// the same language. Times are RFC 3339 UTC with milliseconds. Nothing here holds a code, a
// hash or a full recipient.
namespace Json {

QString time(qint64 unixMs);
// Parses RFC 3339 / ISO 8601 ("2026-11-01", "2026-11-01T10:00:00Z"); nullopt when malformed.
std::optional<qint64> parseTime(const QString &text);

// The shapes answered most often, written straight to bytes (JsonWriter); of() gives the same
// shape as an object for callers that want one.
QByteArray encode(const StartResult &r);
QByteArray encode(const CheckResult &r);
QByteArray encode(const SessionView &v);
QByteArray encode(const Error &e);

QJsonObject of(const StartResult &r);
QJsonObject of(const CheckResult &r);
QJsonObject of(const SessionView &v);
QJsonObject of(const SessionEvent &e);
QJsonArray of(const QList<SessionEvent> &events);
QJsonObject of(const OutboxEntry &e);
QJsonObject of(const StatsReport &r);
QJsonObject of(const PumpingAlert &a);
// An API key as it may be shown (never its secret); `state` is judged at `now`.
QJsonObject of(const ApiKeyInfo &k, qint64 now);
QJsonObject of(const AuditEntry &e);
// {"error": "<code or reason>", "message": "...", "field": "..."}
QJsonObject of(const Error &e);

} // namespace Json
} // namespace vc
