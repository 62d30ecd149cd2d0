#include "Uuid.h"

#include <QUuid>

#include <openssl/rand.h>

#include <algorithm>

namespace vc {

QString newUuid7(qint64 unixMs)
{
    constexpr qint64 MaxMs = (qint64(1) << 48) - 1;
    const quint64 ms = quint64(std::clamp<qint64>(unixMs, 0, MaxMs));

    unsigned char bytes[16];
    if (RAND_bytes(bytes + 6, 10) != 1)
        return {};
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    bytes[6] = static_cast<unsigned char>(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3f)); // variant 10xx

    const QByteArray raw(reinterpret_cast<const char *>(bytes), sizeof bytes);
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces);
}

bool isUuidText(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') ||
                     (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

QString uuid7LowerBound(qint64 unixMs)
{
    const quint64 ms = static_cast<quint64>(qBound<qint64>(0, unixMs, (qint64(1) << 48) - 1));
    const QString hex = QStringLiteral("%1").arg(ms, 12, 16, QLatin1Char('0'));
    return hex.left(8) + u'-' + hex.mid(8, 4) + QStringLiteral("-0000-0000-000000000000");
}

} // namespace vc
