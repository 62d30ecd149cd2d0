#include "http/transport/HttpMessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace vc::http {

namespace {

// Query strings use the form encoding browsers send: '+' stands for a space and is decoded
// before the percent escapes (so "%2B" stays a literal plus).
QString decodeQueryComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QUrl::fromPercentEncoding(component);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    // Names are stored in lower case; a request built by hand may not have them so.
    for (const auto &[name, value] : headers)
        if (name.size() == lowerName.size() &&
            (name == lowerName || name.compare(lowerName, Qt::CaseInsensitive) == 0))
            return value;
    return {};
}

std::optional<QString> HttpRequest::queryValue(const QString &name) const
{
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray rawKey = eq < 0 ? pair : pair.left(eq);
        if (decodeQueryComponent(rawKey) != name)
            continue;
        return eq < 0 ? QString() : decodeQueryComponent(pair.mid(eq + 1));
    }
    return std::nullopt;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (auto it = headers.begin(); it != headers.end();) {
        if (it->first.compare(name, Qt::CaseInsensitive) != 0) {
            ++it;
        } else if (!replaced) {
            *it = {name, value};
            replaced = true;
            ++it;
        } else {
            it = headers.erase(it);
        }
    }
    if (!replaced)
        headers.append({name, value});
}

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    HttpResponse response;
    response.status = status;
    response.body = jsonBody;
    response.headers.reserve(4);
    response.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    const QJsonObject object{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 101:
        return QByteArrayLiteral("Switching Protocols");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 406:
        return QByteArrayLiteral("Not Acceptable");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 417:
        return QByteArrayLiteral("Expectation Failed");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return {};
    }
}

} // namespace vc::http
