#include "common/Format.h"

#include <QDateTime>
#include <QLocale>

namespace vc::ui {

QString Format::dateTime(qint64 unixMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime(),
                              QLocale::ShortFormat);
}

QString Format::dateTime(const std::optional<qint64> &unixMs)
{
    return unixMs ? dateTime(*unixMs) : QStringLiteral("—");
}

QString Format::date(qint64 unixMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime().date(),
                              QLocale::ShortFormat);
}

QString Format::number(qint64 n)
{
    return QLocale().toString(n);
}

QString Format::percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral("\u00a0%");
}

QString Format::channel(Channel c)
{
    switch (c) {
    case Channel::Sms:
        return tr("SMS");
    case Channel::Voice:
        return tr("Voice");
    case Channel::Email:
        return tr("E-mail");
    }
    return {};
}

QString Format::status(SessionStatus s)
{
    switch (s) {
    case SessionStatus::Pending:
        return tr("Pending");
    case SessionStatus::Delivered:
        return tr("Delivered");
    case SessionStatus::Verified:
        return tr("Verified");
    case SessionStatus::Failed:
        return tr("Failed");
    case SessionStatus::Expired:
        return tr("Expired");
    case SessionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString Format::deliveryState(const QString &state)
{
    if (state == QLatin1String("queued"))
        return tr("Queued");
    if (state == QLatin1String("sending"))
        return tr("Sending");
    if (state == QLatin1String("sent"))
        return tr("Sent");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    return state;
}

QString Format::country(const QString &region)
{
    if (region.isEmpty())
        return QStringLiteral("—");
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory)
        return region;
    // Qt names a country in a language only through a locale of that language in that country:
    // the console's language when it has one there ("Norge" in Norwegian), else English. (The
    // "native" name of the territory's first locale can be a minority language: Cornish for GB,
    // Cherokee for US.)
    const QLocale::Language language = QLocale().language();
    if (language != QLocale::English)
        for (const QLocale &l : QLocale::matchingLocales(language, QLocale::AnyScript, territory))
            if (const QString name = l.nativeTerritoryName(); !name.isEmpty())
                return tr("%1 (%2)").arg(name, region);
    return tr("%1 (%2)").arg(QLocale::territoryToString(territory), region);
}

} // namespace vc::ui
