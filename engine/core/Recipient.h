#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QString>

namespace vc {

// A checked, normalised recipient. `normalised` is the full value (E.164 number or e-mail
// address): it is secret, and is only ever stored encrypted and as a blind index.
struct Recipient
{
    enum class Kind
    {
        Phone,
        Email
    };
    Kind kind = Kind::Phone;
    QString normalised;  // "+4791234567" or "kari.nordmann@example.no" (domain lower-cased)
    QString masked;      // "+47****4567" or "k***@example.no": safe to show and log
    QString indexForm;   // what the blind index is computed over (e-mail fully lower-cased)
    QString region;      // phones: ISO 3166-1 region ("NO"); e-mail: empty
    QString numberType;  // phones: "mobile", "fixed_line", "fixed_line_or_mobile", "voip", ...
    int callingCode = 0; // phones: country calling code (47)
    QString prefix;      // phones: the number range, numberPrefix() ("+47 41"); e-mail: empty
};

namespace Recipients {

// Parses a phone number with libphonenumber. Numbers in international form (+47..., 0047...)
// need no region; a national number needs `defaultRegion` (ISO 3166-1, e.g. "NO"). Invalid or
// impossible numbers are InvalidArgument errors on field "recipient" whose message says why
// without repeating the number; an unknown `defaultRegion` is an error on field "region".
// Letters (vanity numbers, extensions) are refused.
Result<Recipient> parsePhone(const QString &input, const QString &defaultRegion = {});

// Checks an e-mail address (RFC 5321 lengths, a dotted domain, no spaces or control characters).
Result<Recipient> parseEmail(const QString &input);

// parsePhone for sms/voice, parseEmail for email.
Result<Recipient> parseFor(Channel channel, const QString &input,
                           const QString &defaultRegion = {});

// Canonical form used for the blind index when *searching* (same rules as parsing); nullopt when
// the text is neither a valid phone number nor e-mail address.
std::optional<QString> indexFormForSearch(const QString &input, const QString &defaultRegion = {});

// Whether libphonenumber knows `region` (ISO 3166-1, upper case) as a region with numbers.
bool isKnownRegion(const QString &region);

QString maskPhone(const QString &e164, int callingCode);

// The number range a phone number belongs to, as the SMS-pumping signals count starts: the
// country calling code and the first digits of the national number, "+44 740". Three digits, or
// fewer for short numbers, so that a prefix and the masked number (maskPhone) together always
// leave at least two digits unknown. Empty when `e164` does not start with `callingCode`.
QString numberPrefix(const QString &e164, int callingCode);
// The same for a stored E.164 number, whose calling code is read off it (non-geographic numbers
// such as +800 have no region to find it from). Empty when `e164` is not E.164.
QString numberPrefixOf(const QString &e164);
QString maskEmail(const QString &email);

} // namespace Recipients
} // namespace vc
