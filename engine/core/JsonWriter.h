#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <array>
#include <optional>

namespace vc {

// Writes compact JSON straight into bytes: the hot API answers (a session, a start, a check, an
// error) are built this way instead of through QJsonObject and QJsonDocument, which cost ten
// times more per response. Keys are trusted literals; values are escaped.
class JsonWriter
{
public:
    JsonWriter() { m_out.reserve(512); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(static_cast<qint64>(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();
    JsonWriter &time(qint64 unixMs); // RFC 3339 UTC with milliseconds
    JsonWriter &raw(const QByteArray &json);
    // Any JSON value (objects and arrays recursively), as QJsonDocument would write it.
    JsonWriter &value(const QJsonValue &v);
    JsonWriter &value(const QJsonObject &o);

    // key + value, and key + value-or-null.
    template <typename T>
    JsonWriter &field(const char *name, const T &v)
    {
        return key(name).value(v);
    }
    JsonWriter &timeField(const char *name, qint64 unixMs) { return key(name).time(unixMs); }
    JsonWriter &timeField(const char *name, const std::optional<qint64> &unixMs)
    {
        key(name);
        return unixMs ? time(*unixMs) : null();
    }

    QByteArray take() { return std::move(m_out); }

    // "2026-11-22T10:15:03.042Z"
    static QByteArray rfc3339(qint64 unixMs);
    // The same into a buffer (no allocation): "2026-11-22T10:15:03.042Z".
    static constexpr size_t kRfc3339Size = 24;
    static void rfc3339(qint64 unixMs, std::array<char, kRfc3339Size> &out);

private:
    void separate();
    QByteArray m_out;
    bool m_first = true;
};

} // namespace vc
