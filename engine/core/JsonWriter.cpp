#include "core/JsonWriter.h"

#include <QJsonArray>

namespace vc {

void JsonWriter::separate()
{
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_first = true; // the value follows without a comma
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    m_out.append('"');
    // Plain ASCII (ids, names of statuses and channels) is copied as it is.
    bool plain = true;
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        const qsizetype at = m_out.size();
        m_out.resize(at + text.size());
        char *out = m_out.data() + at;
        for (QChar ch : text)
            *out++ = static_cast<char>(ch.unicode());
        m_out.append('"');
        return *this;
    }
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                m_out.append("\\u00").append(hex[u >> 4]).append(hex[u & 0xf]);
            } else {
                m_out.append(c);
            }
        }
    }
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::time(qint64 unixMs)
{
    separate();
    m_out.append('"').append(rfc3339(unixMs)).append('"');
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonObject &o)
{
    separate();
    m_out.append('{');
    m_first = true;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        separate();
        m_first = true;
        value(it.key());
        m_out.append(':');
        m_first = true;
        value(it.value());
    }
    m_out.append('}');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return value(v.toBool());
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)) && qAbs(d) < 9e15)
            return value(static_cast<qint64>(d));
        separate();
        m_out.append(QByteArray::number(d, 'g', 17));
        return *this;
    }
    case QJsonValue::String:
        return value(v.toString());
    case QJsonValue::Array: {
        separate();
        m_out.append('[');
        m_first = true;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &item : a)
            value(item);
        m_out.append(']');
        m_first = false;
        return *this;
    }
    case QJsonValue::Object:
        return value(v.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return null();
}

QByteArray JsonWriter::rfc3339(qint64 unixMs)
{
    std::array<char, kRfc3339Size> text;
    rfc3339(unixMs, text);
    return QByteArray(text.data(), text.size());
}

void JsonWriter::rfc3339(qint64 unixMs, std::array<char, kRfc3339Size> &buf)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no time zone lookups.
    qint64 days = unixMs >= 0 ? unixMs / 86'400'000 : (unixMs - 86'399'999) / 86'400'000;
    const qint64 msOfDay = unixMs - days * 86'400'000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    auto put = [&buf](int at, qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            buf[at + i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    buf[4] = '-';
    put(5, month, 2);
    buf[7] = '-';
    put(8, day, 2);
    buf[10] = 'T';
    put(11, msOfDay / 3'600'000, 2);
    buf[13] = ':';
    put(14, msOfDay / 60'000 % 60, 2);
    buf[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    buf[19] = '.';
    put(20, msOfDay % 1000, 3);
    buf[23] = 'Z';
}

} // namespace vc
