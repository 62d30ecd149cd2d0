#pragma once

// Shared by the libFuzzer targets: a failed property aborts with a message (libFuzzer then saves
// the input), and inputs are turned into Qt strings the way the engine receives them.

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace vc::fuzz {

// Like assert(), but also in release builds, and it names the property.
inline void require(bool condition, const char *property)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz property violated: %s\n", property);
        std::abort();
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Splits `input` at the first `count - 1` newlines: the last part keeps the rest, newlines and
// all. Missing parts are empty.
inline QList<QByteArray> splitLines(const QByteArray &input, int count)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() < count - 1) {
        const qsizetype nl = input.indexOf('\n', from);
        if (nl < 0)
            break;
        parts.append(input.mid(from, nl - from));
        from = nl + 1;
    }
    parts.append(input.mid(from));
    while (parts.size() < count)
        parts.append(QByteArray());
    return parts;
}

} // namespace vc::fuzz
