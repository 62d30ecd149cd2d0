#include "http/api/ApiSupport.h"

#include "core/JsonViews.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace vc::http {

QString PathParams::value(QStringView name) const
{
    for (const auto &[key, value] : m_items)
        if (key == name)
            return value;
    return {};
}

void PathParams::insert(const QString &name, const QString &value)
{
    for (auto &item : m_items)
        if (item.first == name) {
            item.second = value;
            return;
        }
    m_items.append({name, value});
}

int statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 400;
    case ErrorCode::Unauthorized:
        return 401;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::RateLimited:
        return 429;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    return HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse errorResponse(const Error &error)
{
    const int status =
        error.reason == QLatin1String("unsupported_media_type") ? 415 : statusFor(error.code);
    HttpResponse r = HttpResponse::json(status, Json::encode(error));
    if (error.code == ErrorCode::RateLimited)
        r.setHeader("Retry-After", QByteArray::number(qMax(1, error.retryAfterSeconds)));
    if (error.code == ErrorCode::Unavailable)
        r.setHeader("Retry-After", "1");
    if (error.code == ErrorCode::Unauthorized)
        r.setHeader("WWW-Authenticate", "Bearer realm=\"verify\"");
    return r;
}

Result<QJsonObject> jsonBody(const ApiRequest &request, const QStringList &allowed, bool required)
{
    return parseJsonBody(request.http.body, request.http.header("content-type"), allowed, required);
}

Result<QJsonObject> parseJsonBody(const QByteArray &body, const QByteArray &contentType,
                                  const QStringList &allowed, bool required)
{
    if (body.trimmed().isEmpty()) {
        if (required)
            return Error::invalid(QStringLiteral("body"),
                                  QStringLiteral("a JSON object is required"));
        return QJsonObject();
    }
    const QByteArray type = contentType.toLower();
    if (!type.startsWith("application/json"))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("send the body as application/json"),
                     {},
                     0,
                     QStringLiteral("unsupported_media_type")};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(QStringLiteral("body"),
                              QStringLiteral("malformed JSON at character %1: %2")
                                  .arg(parseError.offset)
                                  .arg(parseError.errorString()));
    if (!doc.isObject())
        return Error::invalid(QStringLiteral("body"), QStringLiteral("must be a JSON object"));
    const QJsonObject o = doc.object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!allowed.contains(it.key()))
            return Error::invalid(it.key().left(64),
                                  QStringLiteral("is not a field of this request"));
    return o;
}

Result<std::optional<QString>> stringField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return Error::invalid(key, QStringLiteral("must be a string"));
    return std::optional<QString>(v.toString());
}

Result<std::optional<int>> intField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<int>();
    const double d = v.toDouble();
    // In range before the conversion: converting a double out of qint64's range (1e300, NaN,
    // infinity) is undefined behaviour.
    if (!v.isDouble() || !(d >= -1e9 && d <= 1e9) ||
        d != static_cast<double>(static_cast<qint64>(d)))
        return Error::invalid(key, QStringLiteral("must be a whole number"));
    return std::optional<int>(static_cast<int>(d));
}

Status allowOnlyParams(const HttpRequest &r, const QStringList &allowed)
{
    const QUrlQuery q(QString::fromUtf8(r.query));
    for (const auto &[key, value] : q.queryItems()) {
        Q_UNUSED(value)
        if (!allowed.contains(key))
            return Error::invalid(key.left(64), QStringLiteral("is not a parameter of this "
                                                               "request"));
    }
    return {};
}

Result<std::optional<qint64>> timeParam(const HttpRequest &r, const QString &name)
{
    const auto v = r.queryValue(name);
    if (!v || v->isEmpty())
        return std::optional<qint64>();
    const auto t = Json::parseTime(*v);
    if (!t)
        return Error::invalid(name, QStringLiteral("must be a date (2026-11-01) or an RFC 3339 "
                                                   "time"));
    return std::optional<qint64>(*t);
}

Result<std::optional<int>> intParam(const HttpRequest &r, const QString &name, int lo, int hi)
{
    const auto v = r.queryValue(name);
    if (!v || v->isEmpty())
        return std::optional<int>();
    bool ok = false;
    const int n = v->toInt(&ok);
    if (!ok || n < lo || n > hi)
        return Error::invalid(
            name, QStringLiteral("must be a whole number from %1 to %2").arg(lo).arg(hi));
    return std::optional<int>(n);
}

Result<std::optional<qint64>> int64Param(const HttpRequest &r, const QString &name)
{
    const auto v = r.queryValue(name);
    if (!v || v->isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 n = v->toLongLong(&ok);
    if (!ok || n < 0)
        return Error::invalid(name, QStringLiteral("must be a whole number, 0 or more"));
    return std::optional<qint64>(n);
}

Actor actorOf(const ApiRequest &request)
{
    if (!request.caller)
        return Actor::system();
    return {QStringLiteral("api_key"), request.caller->prefix,
            request.caller->scope == KeyScope::Admin};
}

} // namespace vc::http
