#include "Domain.h"

namespace vc {

QString channelName(Channel c)
{
    switch (c) {
    case Channel::Sms:
        return QStringLiteral("sms");
    case Channel::Voice:
        return QStringLiteral("voice");
    case Channel::Email:
        return QStringLiteral("email");
    }
    return {};
}

std::optional<Channel> channelFromName(const QString &name)
{
    for (Channel c : allChannels())
        if (channelName(c) == name)
            return c;
    return std::nullopt;
}

QList<Channel> allChannels()
{
    return {Channel::Sms, Channel::Voice, Channel::Email};
}

bool channelUsesPhone(Channel c)
{
    return c == Channel::Sms || c == Channel::Voice;
}

QString codeTypeName(CodeType t)
{
    return t == CodeType::Numeric ? QStringLiteral("numeric") : QStringLiteral("alphanumeric");
}

std::optional<CodeType> codeTypeFromName(const QString &name)
{
    if (name == QLatin1String("numeric"))
        return CodeType::Numeric;
    if (name == QLatin1String("alphanumeric"))
        return CodeType::Alphanumeric;
    return std::nullopt;
}

QString statusName(SessionStatus s)
{
    switch (s) {
    case SessionStatus::Pending:
        return QStringLiteral("pending");
    case SessionStatus::Delivered:
        return QStringLiteral("delivered");
    case SessionStatus::Verified:
        return QStringLiteral("verified");
    case SessionStatus::Failed:
        return QStringLiteral("failed");
    case SessionStatus::Expired:
        return QStringLiteral("expired");
    case SessionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<SessionStatus> statusFromName(const QString &name)
{
    for (SessionStatus s : allStatuses())
        if (statusName(s) == name)
            return s;
    return std::nullopt;
}

QList<SessionStatus> allStatuses()
{
    return {SessionStatus::Pending, SessionStatus::Delivered, SessionStatus::Verified,
            SessionStatus::Failed,  SessionStatus::Expired,   SessionStatus::Cancelled};
}

bool isFinal(SessionStatus s)
{
    return s != SessionStatus::Pending && s != SessionStatus::Delivered;
}

QStringList supportedLocales()
{
    return {QStringLiteral("en"), QStringLiteral("nb"), QStringLiteral("sv"), QStringLiteral("da"),
            QStringLiteral("fi")};
}

std::optional<QString> normalizeLocale(const QString &locale)
{
    QString lang = locale.trimmed().toLower();
    for (qsizetype i = 0; i < lang.size(); ++i) {
        if (lang.at(i) == u'-' || lang.at(i) == u'_') {
            lang.truncate(i);
            break;
        }
    }
    if (lang == QLatin1String("no") || lang == QLatin1String("nob"))
        lang = QStringLiteral("nb");
    if (supportedLocales().contains(lang))
        return lang;
    return std::nullopt;
}

std::optional<QString> localeForRegion(const QString &regionCode)
{
    const QString r = regionCode.toUpper();
    if (r == QLatin1String("NO") || r == QLatin1String("SJ"))
        return QStringLiteral("nb");
    if (r == QLatin1String("SE") || r == QLatin1String("AX")) // Åland is Swedish-speaking
        return QStringLiteral("sv");
    if (r == QLatin1String("DK"))
        return QStringLiteral("da");
    if (r == QLatin1String("FI"))
        return QStringLiteral("fi");
    return std::nullopt;
}

} // namespace vc
