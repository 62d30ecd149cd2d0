#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "core/Session.h"
#include "http/api/Routes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace vc::http {

// The HTTP status of each engine error, in one place.
int statusFor(ErrorCode code);
// The error body and status (with Retry-After for 429 and 503, WWW-Authenticate for 401).
HttpResponse errorResponse(const Error &error);
HttpResponse jsonResponse(int status, const QJsonObject &body);

// A request body as a JSON object: 415 unless Content-Type is application/json, 400 naming
// "body" when it is empty (and required) or not a JSON object, 400 naming the first field that
// is not one of `allowed`.
Result<QJsonObject> jsonBody(const ApiRequest &request, const QStringList &allowed,
                             bool required = true);
// The same checks on a body and its Content-Type header alone (for parsers that need no request).
Result<QJsonObject> parseJsonBody(const QByteArray &body, const QByteArray &contentType,
                                  const QStringList &allowed, bool required = true);

// Typed fields: absent gives nullopt; a value of the wrong type is a 400 naming the field.
Result<std::optional<QString>> stringField(const QJsonObject &o, const QString &key);
Result<std::optional<int>> intField(const QJsonObject &o, const QString &key);

// Query parameters: 400 naming the first parameter not in `allowed`.
Status allowOnlyParams(const HttpRequest &r, const QStringList &allowed);
Result<std::optional<qint64>> timeParam(const HttpRequest &r, const QString &name);
Result<std::optional<int>> intParam(const HttpRequest &r, const QString &name, int lo, int hi);
// A non-negative 64-bit integer (ids, cursors).
Result<std::optional<qint64>> int64Param(const HttpRequest &r, const QString &name);

// Who the caller is, for events and the audit log.
Actor actorOf(const ApiRequest &request);

} // namespace vc::http
