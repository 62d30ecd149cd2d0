#pragma once

#include "common/Translator.h"

#include <QString>

namespace vc::ui {

// A message locale as the Services page lists it: "Norsk bokmål (nb)". Each language in its own
// name; QLocale would call English "American English".
inline QString localeDisplayName(const QString &locale)
{
    const QString name =
        locale == QLatin1String("en") ? QStringLiteral("English") : Translator::nativeName(locale);
    return QStringLiteral("%1 (%2)").arg(name, locale);
}

} // namespace vc::ui
