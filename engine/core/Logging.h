#pragma once

#include <QLoggingCategory>

// Logging categories of the engine. Log lines name sessions by id and recipients by their masked
// form only; never a code, a key, a secret or a full recipient.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDelivery)

namespace vc {
// Writes each log line to stderr as "2026-11-22T10:15:03.042Z [warning ]category: message" in one
// write: cheaper per line than Qt's message pattern (one access-log line per API request), and
// whole lines stay whole when threads log at once. Debug lines are dropped unless enabled by the
// usual QT_LOGGING_RULES.
void installLineLogHandler();
} // namespace vc
