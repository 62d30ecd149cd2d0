#include "Recipient.h"

#include <QUrl>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <list>
#include <string>
#include <string_view>

namespace vc::Recipients {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr qsizetype MaxPhoneInput = 64;
constexpr qsizetype MaxEmailLength = 254; // RFC 5321 path limit minus the angle brackets
constexpr qsizetype MaxLocalPart = 64;
constexpr qsizetype MaxDomain = 253;
constexpr qsizetype MaxLabel = 63;

Error invalidRecipient(const QString &message)
{
    return Error::invalid(QStringLiteral("recipient"), message);
}

// libphonenumber logs through a process-wide logger, and some of its messages quote the input.
// Numbers are secrets here, so the library is muted before its first use.
// GetInstance() takes a lock on every call; the instance is kept here instead.
const PhoneNumberUtil &phoneUtil()
{
    static const PhoneNumberUtil *const util = [] {
        PhoneNumberUtil *instance = PhoneNumberUtil::GetInstance();
        instance->SetLogger(new i18n::phonenumbers::NullLogger);
        return instance;
    }();
    return *util;
}

bool isPhonePunctuation(QChar c)
{
    return c.isSpace() || c == u'-' || c == u'.' || c == u'/' || c == u'(' || c == u')';
}

// Reduces the input to "+digits" or "digits" (ASCII), turning the 00 international prefix into
// "+", or returns an error that does not quote the input.
Result<std::string> compactPhone(const QString &input)
{
    std::string out;
    bool seenDigit = false;
    for (QChar c : input) {
        if (c.isDigit()) {
            out.push_back(static_cast<char>('0' + c.digitValue()));
            seenDigit = true;
        } else if (c == u'+') {
            if (seenDigit || !out.empty())
                return invalidRecipient(QStringLiteral("a + may only start a phone number"));
            out.push_back('+');
        } else if (c.isLetter()) {
            return invalidRecipient(QStringLiteral("phone numbers must not contain letters"));
        } else if (!isPhonePunctuation(c)) {
            return invalidRecipient(QStringLiteral(
                "phone numbers may contain only digits, spaces, a leading + and - . / ( )"));
        }
    }
    if (!seenDigit)
        return invalidRecipient(QStringLiteral("a phone number is required"));
    if (out.starts_with("00"))
        out.replace(0, 2, "+");
    return out;
}

// "region NO" (the main region of the calling code, as +47 also serves Svalbard), or "country
// calling code +1" when the code is shared by many regions or by none.
QString regionLabel(const PhoneNumberUtil &util, int callingCode)
{
    std::list<std::string> regions;
    util.GetRegionCodesForCountryCallingCode(callingCode, &regions);
    std::string main;
    util.GetRegionCodeForCountryCode(callingCode, &main);
    constexpr std::size_t ManyRegions = 4;
    if (!regions.empty() && regions.size() <= ManyRegions && main != "001" && main != "ZZ")
        return QStringLiteral("region ") + QString::fromStdString(main);
    return QStringLiteral("country calling code +") + QString::number(callingCode);
}

QString parseErrorMessage(PhoneNumberUtil::ErrorType error)
{
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return QStringLiteral("unknown country calling code");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return QStringLiteral("too short to be a phone number");
    case PhoneNumberUtil::TOO_LONG_NSN:
        return QStringLiteral("too long to be a phone number");
    case PhoneNumberUtil::NOT_A_NUMBER:
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    }
    return QStringLiteral("not a phone number");
}

QString invalidNumberMessage(const PhoneNumberUtil &util, const PhoneNumber &number)
{
    const QString where = regionLabel(util, number.country_code());
    switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
        return QStringLiteral("too few digits for a phone number for ") + where;
    case PhoneNumberUtil::TOO_LONG:
        return QStringLiteral("too many digits for a phone number for ") + where;
    case PhoneNumberUtil::INVALID_LENGTH:
        return QStringLiteral("wrong number of digits for a phone number for ") + where;
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
        return QStringLiteral("too few digits for a phone number for ") + where +
               QStringLiteral(" (is the area code missing?)");
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return QStringLiteral("unknown country calling code");
    case PhoneNumberUtil::IS_POSSIBLE:
        break;
    }
    return QStringLiteral("not a valid phone number for ") + where;
}

QString numberTypeName(PhoneNumberUtil::PhoneNumberType type)
{
    switch (type) {
    case PhoneNumberUtil::MOBILE:
        return QStringLiteral("mobile");
    case PhoneNumberUtil::FIXED_LINE:
        return QStringLiteral("fixed_line");
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
        return QStringLiteral("fixed_line_or_mobile");
    case PhoneNumberUtil::VOIP:
        return QStringLiteral("voip");
    case PhoneNumberUtil::TOLL_FREE:
        return QStringLiteral("toll_free");
    case PhoneNumberUtil::PREMIUM_RATE:
        return QStringLiteral("premium_rate");
    case PhoneNumberUtil::SHARED_COST:
        return QStringLiteral("shared_cost");
    case PhoneNumberUtil::PERSONAL_NUMBER:
        return QStringLiteral("personal_number");
    case PhoneNumberUtil::PAGER:
        return QStringLiteral("pager");
    case PhoneNumberUtil::UAN:
        return QStringLiteral("uan");
    case PhoneNumberUtil::VOICEMAIL:
        return QStringLiteral("voicemail");
    case PhoneNumberUtil::UNKNOWN:
        break;
    }
    return QStringLiteral("unknown");
}

bool isAtext(QChar c)
{
    if (c.unicode() > 0x7e)
        return false;
    const char a = static_cast<char>(c.unicode());
    if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9'))
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(a) != std::string_view::npos;
}

Status checkLocalPart(const QString &local)
{
    if (local.isEmpty())
        return invalidRecipient(QStringLiteral("the part before the @ is empty"));
    if (local.size() > MaxLocalPart)
        return invalidRecipient(
            QStringLiteral("the part before the @ is longer than 64 characters"));
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(QLatin1String("..")))
        return invalidRecipient(QStringLiteral(
            "the part before the @ must not start or end with a dot or have two dots "
            "in a row"));
    for (QChar c : local)
        if (c != u'.' && !isAtext(c))
            return invalidRecipient(QStringLiteral("the part before the @ contains a character "
                                                   "that is not allowed in e-mail addresses"));
    return {};
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Checks an ASCII (or ACE-encoded) domain name.
Status checkDomain(const QString &domain)
{
    if (domain.isEmpty())
        return invalidRecipient(QStringLiteral("the domain after the @ is empty"));
    if (domain.startsWith(u'['))
        return invalidRecipient(QStringLiteral("IP address domains are not supported"));
    if (domain.size() > MaxDomain)
        return invalidRecipient(QStringLiteral("the domain is longer than 253 characters"));
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return invalidRecipient(QStringLiteral("the domain needs at least one dot (example.com)"));
    for (const QString &label : labels) {
        if (label.isEmpty())
            return invalidRecipient(QStringLiteral("the domain has an empty part between dots"));
        if (label.size() > MaxLabel)
            return invalidRecipient(
                QStringLiteral("a part of the domain is longer than 63 characters"));
        if (label.startsWith(u'-') || label.endsWith(u'-'))
            return invalidRecipient(
                QStringLiteral("a part of the domain must not start or end with a hyphen"));
        for (QChar c : label)
            if (!isAsciiAlnum(c) && c != u'-')
                return invalidRecipient(QStringLiteral(
                    "the domain may contain only letters, digits, hyphens and dots"));
    }
    const QString &tld = labels.last();
    if (std::all_of(tld.cbegin(), tld.cend(), [](QChar c) { return c.isDigit(); }))
        return invalidRecipient(QStringLiteral("the top-level domain must not be all digits"));
    return {};
}

bool hasNonAscii(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() > 0x7f; });
}

bool looksLikePhone(const QString &input)
{
    bool digit = false;
    for (QChar c : input) {
        if (c.isDigit())
            digit = true;
        else if (c != u'+' && !isPhonePunctuation(c))
            return false;
    }
    return digit;
}

} // namespace

Result<Recipient> parsePhone(const QString &input, const QString &defaultRegion)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return invalidRecipient(QStringLiteral("a phone number is required"));
    if (trimmed.size() > MaxPhoneInput)
        return invalidRecipient(QStringLiteral("too long to be a phone number"));

    Result<std::string> compact = compactPhone(trimmed);
    if (!compact)
        return compact.error();

    const PhoneNumberUtil &util = phoneUtil();
    std::string region;
    if (!defaultRegion.isEmpty()) {
        region = defaultRegion.trimmed().toUpper().toStdString();
        if (util.GetCountryCodeForRegion(region) == 0)
            return Error::invalid(QStringLiteral("region"),
                                  QStringLiteral("unknown region code (expected ISO 3166-1, "
                                                 "for example NO)"));
    } else if (!compact->starts_with('+')) {
        return invalidRecipient(
            QStringLiteral("phone numbers must be in international format: + and the country "
                           "calling code first (for example +47 for Norway)"));
    }

    PhoneNumber number;
    const auto parsed = util.Parse(*compact, region.empty() ? std::string("ZZ") : region, &number);
    if (parsed != PhoneNumberUtil::NO_PARSING_ERROR)
        return invalidRecipient(parseErrorMessage(parsed));
    if (number.has_extension())
        return invalidRecipient(
            QStringLiteral("phone numbers with an extension are not supported"));
    // GetNumberType() runs the same pattern match IsValidNumber() does (a number is valid
    // exactly when its type is known for the region that owns it): call it once.
    const PhoneNumberUtil::PhoneNumberType type = util.GetNumberType(number);
    std::string regionCode;
    util.GetRegionCodeForNumber(number, &regionCode);
    if (type == PhoneNumberUtil::UNKNOWN || regionCode == "ZZ" || regionCode.empty())
        return invalidRecipient(invalidNumberMessage(util, number));

    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    // libphonenumber accepts some long German numbers beyond E.164's 15 digits; no gateway takes
    // them.
    if (e164.size() > 16)
        return invalidRecipient(
            QStringLiteral("has more than 15 digits, the most an international number can have"));

    Recipient r;
    r.kind = Recipient::Kind::Phone;
    r.normalised = QString::fromStdString(e164);
    r.callingCode = number.country_code();
    r.masked = maskPhone(r.normalised, r.callingCode);
    r.prefix = numberPrefix(r.normalised, r.callingCode);
    r.indexForm = r.normalised;
    r.region = QString::fromStdString(regionCode);
    r.numberType = numberTypeName(type);
    return r;
}

bool isKnownRegion(const QString &region)
{
    if (region.size() != 2)
        return false;
    return phoneUtil().GetCountryCodeForRegion(region.toStdString()) != 0;
}

Result<Recipient> parseEmail(const QString &input)
{
    const QString address = input.trimmed();
    if (address.isEmpty())
        return invalidRecipient(QStringLiteral("an e-mail address is required"));
    if (address.size() > MaxEmailLength)
        return invalidRecipient(QStringLiteral("e-mail addresses are at most 254 characters"));
    if (address.startsWith(u'"'))
        return invalidRecipient(QStringLiteral("quoted e-mail addresses are not supported"));
    for (QChar c : address)
        if (c.isSpace() || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            return invalidRecipient(
                QStringLiteral("e-mail addresses must not contain spaces or control characters"));

    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0)
        return invalidRecipient(QStringLiteral("an e-mail address needs an @"));
    const QString local = address.left(at);
    if (local.contains(u'@'))
        return invalidRecipient(QStringLiteral("an e-mail address has exactly one @"));
    if (Status s = checkLocalPart(local); !s)
        return s.error();

    QString domain = address.mid(at + 1);
    if (hasNonAscii(domain)) {
        // An internationalised domain is checked and stored in its ASCII (punycode) form, which
        // every mail server accepts.
        const QByteArray ace = QUrl::toAce(domain, QUrl::AceProcessingOption::IgnoreIDNWhitelist);
        if (ace.isEmpty())
            return invalidRecipient(QStringLiteral("the domain is not a valid domain name"));
        domain = QString::fromLatin1(ace);
    }
    domain = domain.toLower();
    if (Status s = checkDomain(domain); !s)
        return s.error();

    Recipient r;
    r.kind = Recipient::Kind::Email;
    r.normalised = local + u'@' + domain;
    if (r.normalised.size() > MaxEmailLength)
        return invalidRecipient(QStringLiteral("e-mail addresses are at most 254 characters"));
    r.indexForm = r.normalised.toLower();
    r.masked = maskEmail(r.normalised);
    return r;
}

Result<Recipient> parseFor(Channel channel, const QString &input, const QString &defaultRegion)
{
    if (channelUsesPhone(channel))
        return parsePhone(input, defaultRegion);
    return parseEmail(input);
}

std::optional<QString> indexFormForSearch(const QString &input, const QString &defaultRegion)
{
    const QString trimmed = input.trimmed();
    if (looksLikePhone(trimmed)) {
        if (Result<Recipient> phone = parsePhone(trimmed, defaultRegion))
            return phone->indexForm;
        return std::nullopt;
    }
    if (trimmed.contains(u'@')) {
        if (Result<Recipient> email = parseEmail(trimmed))
            return email->indexForm;
    }
    return std::nullopt;
}

namespace {

// The digits maskPhone shows of a national number: at most half of it, so short numbers (4-6
// digits in some small countries) are not shown whole.
qsizetype maskedDigits(qsizetype national)
{
    return std::min<qsizetype>(4, national / 2);
}

} // namespace

QString maskPhone(const QString &e164, int callingCode)
{
    const QString prefix = u'+' + QString::number(callingCode);
    if (callingCode <= 0 || !e164.startsWith(prefix))
        return QStringLiteral("+****");
    const QString national = e164.mid(prefix.size());
    return prefix + QStringLiteral("****") + national.right(maskedDigits(national.size()));
}

QString numberPrefix(const QString &e164, int callingCode)
{
    const QString country = u'+' + QString::number(callingCode);
    if (callingCode <= 0 || !e164.startsWith(country))
        return {};
    const QString national = e164.mid(country.size());
    const qsizetype digits =
        std::clamp<qsizetype>(national.size() - maskedDigits(national.size()) - 2, 0, 3);
    return digits == 0 ? country : country + u' ' + national.left(digits);
}

QString numberPrefixOf(const QString &e164)
{
    if (!e164.startsWith(u'+') || e164.size() > 16)
        return {};
    const PhoneNumberUtil &util = phoneUtil();
    PhoneNumber number;
    if (util.Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    return numberPrefix(e164, number.country_code());
}

QString maskEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    if (at <= 0)
        return QStringLiteral("***");
    QString domain = email.mid(at + 1);
    if (domain.contains(QLatin1String("xn--")))
        domain = QUrl::fromAce(domain.toLatin1(), QUrl::AceProcessingOption::IgnoreIDNWhitelist);
    return email.left(1) + QStringLiteral("***@") + domain;
}

} // namespace vc::Recipients
