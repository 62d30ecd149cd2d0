#pragma once

// A raw-socket HTTP/1.1 client for tests: it writes bytes exactly as given and parses what comes
// back by hand, for what old or hostile clients do that real clients will not.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <optional>

namespace vc::test {

// A response as read off the wire.
struct RawResponse
{
    int status = 0;
    QByteArray version; // "HTTP/1.1"
    QByteArray head;    // the status line and the header lines, as received
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
    // const, so that json()[key] is a plain value and not a reference into a temporary
    const QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJsonObject() const { return QJsonDocument::fromJson(body).isObject(); }
};

// Fills in the head, version, status and headers of `r` from a response head (the lines before
// the empty one).
inline void parseHead(const QByteArray &head, RawResponse &r)
{
    r.head = head;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    r.version = statusLine.value(0);
    r.status = statusLine.value(1).toInt();
    r.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
}

// A GET request as a raw client sends it; `extra` is more header lines, each ending in CRLF.
inline QByteArray rawGet(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

// One connection; blocking, so it needs no event loop. A wait that is not given a time gives up
// after WaitMs (each suite sets its own patience).
template <int WaitMs>
class RawHttpClient
{
public:
    bool connectTo(quint16 port, const QHostAddress &host = QHostAddress::LocalHost)
    {
        socket.connectToHost(host, port);
        return socket.waitForConnected(WaitMs);
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(WaitMs)) {
        }
    }

    // One response, its body framed by Content-Length; a HEAD response has headers only.
    std::optional<RawResponse> read(bool head = false, int timeoutMs = WaitMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        qsizetype end = -1;
        while ((end = buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill(deadline))
                return std::nullopt;
        }
        RawResponse response;
        parseHead(buffer.left(end), response);
        buffer.remove(0, end + 4);
        if (head)
            return response;
        const qsizetype length = response.header("Content-Length").toLongLong();
        while (buffer.size() < length) {
            if (!fill(deadline))
                return std::nullopt;
        }
        response.body = buffer.left(length);
        buffer.remove(0, length);
        return response;
    }

    std::optional<RawResponse> request(const QByteArray &bytes, bool head = false)
    {
        send(bytes);
        return read(head);
    }

    // Whether the server closes the connection within the time (data that comes is kept).
    bool waitClosed(int timeoutMs = WaitMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            if (socket.waitForReadyRead(
                    static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
                buffer += socket.readAll();
        }
        buffer += socket.readAll();
        return socket.state() != QAbstractSocket::ConnectedState;
    }

    QTcpSocket socket;
    QByteArray buffer; // received and not read yet

private:
    bool fill(const QDeadlineTimer &deadline)
    {
        if (socket.bytesAvailable() == 0 &&
            !socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        buffer += socket.readAll();
        return true;
    }
};

} // namespace vc::test
