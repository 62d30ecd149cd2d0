#pragma once

#include <QString>

namespace vc {

// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits from the CSPRNG.
// Lower-case canonical text form, so ids sort by creation time. `unixMs` is clamped to
// 0..2^48-1. Returns an empty string only if the CSPRNG fails.
QString newUuid7(qint64 unixMs);

// The smallest UUIDv7 text of millisecond `unixMs`: every id created at or after that
// millisecond compares greater or equal (as text).
QString uuid7LowerBound(qint64 unixMs);

// True for a canonical lower- or upper-case UUID text (any version).
bool isUuidText(const QString &text);

} // namespace vc
