#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vc {

enum class Channel
{
    Sms,
    Voice,
    Email
};
enum class CodeType
{
    Numeric,
    Alphanumeric
};

// pending -> delivered -> verified | failed | expired | cancelled. The last four are final.
enum class SessionStatus
{
    Pending,
    Delivered,
    Verified,
    Failed,
    Expired,
    Cancelled
};

QString channelName(Channel c);
std::optional<Channel> channelFromName(const QString &name);
QList<Channel> allChannels();
bool channelUsesPhone(Channel c);

QString codeTypeName(CodeType t);
std::optional<CodeType> codeTypeFromName(const QString &name);

QString statusName(SessionStatus s);
std::optional<SessionStatus> statusFromName(const QString &name);
QList<SessionStatus> allStatuses();
bool isFinal(SessionStatus s);

// The locales we ship messages for; "no" is accepted as "nb", and region suffixes ("nb-NO",
// "sv_SE") are ignored. Returns nullopt for anything else.
std::optional<QString> normalizeLocale(const QString &locale);
QStringList supportedLocales();
// The language we ship for a phone number's region (NO -> nb, SE -> sv, DK -> da, FI -> fi).
std::optional<QString> localeForRegion(const QString &regionCode);

} // namespace vc
