#pragma once

#include "core/Domain.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vc::ui {

// Display texts in the chosen language and locale: times (local time zone), numbers, and the
// names of channels, statuses and scopes.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)
public:
    static QString dateTime(qint64 unixMs);
    static QString dateTime(const std::optional<qint64> &unixMs); // "—" when absent
    static QString date(qint64 unixMs);
    static QString number(qint64 n);
    static QString percent(double fraction); // 0.873 -> "87.3 %" in the locale's way
    static QString channel(Channel c);
    static QString status(SessionStatus s);
    static QString deliveryState(const QString &state);
    // A region (ISO 3166-1) in its own language with its code, "Norge (NO)"; "—" when empty.
    static QString country(const QString &region);
};

} // namespace vc::ui
