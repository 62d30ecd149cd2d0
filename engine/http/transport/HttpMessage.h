#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

#include <optional>

namespace vc::http {

// One HTTP request as the transport received it. Header names are lower-case.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QByteArray path;   // percent-decoded path without the query: "/v1/verify/0193..."
    QByteArray query;  // raw query string without '?': "status=pending&limit=20"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // at most the server's body limit
    QHostAddress peer;
    quint16 peerPort = 0;
    bool tls = false;
    QByteArray version; // "HTTP/1.1", "HTTP/1.0"

    // The first value of a header (name in lower case), or an empty array.
    QByteArray header(const QByteArray &lowerName) const;
    // Percent-decoded value of a query parameter ('+' decodes to a space, as browsers encode
    // forms); an empty string for "?flag"; nullopt when absent.
    std::optional<QString> queryValue(const QString &name) const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Length/Date set by the server
    QByteArray body;
    // The handler's own note about this exchange, handed back to it in completed() (the API
    // layer keeps which route answered, so it need not match the request a second time).
    int handlerTag = -1;

    void setHeader(const QByteArray &name, const QByteArray &value);

    // A JSON body with Content-Type application/json and Cache-Control no-store.
    static HttpResponse json(int status, const QByteArray &jsonBody);
    // The error body of the API: {"error": code, "message": message}.
    static HttpResponse error(int status, const QString &code, const QString &message);
};

// The standard reason phrase ("Not Found"), or an empty array for a status it does not know.
QByteArray reasonPhrase(int status);

} // namespace vc::http
