// Recipients as callers send them: Recipients::parsePhone (with and without a default region),
// parseEmail and indexFormForSearch, with the properties the engine relies on.
//
// Input: "<default region>\n<recipient text>" (the region line may be empty), or without a
// newline the recipient text alone; UTF-8, anything goes.

#include "FuzzSupport.h"
#include "core/Recipient.h"

using namespace vc;
using vc::fuzz::require;

namespace {

bool hasDigits(const QString &s, int count)
{
    int n = 0;
    for (QChar c : s)
        if (c >= u'0' && c <= u'9' && ++n >= count)
            return true;
    return false;
}

void checkPhone(const QString &input, const QString &region)
{
    const Result<Recipient> r = Recipients::parsePhone(input, region);
    if (!r) {
        const Error &e = r.error();
        require(e.code == ErrorCode::InvalidArgument, "a bad phone number is InvalidArgument");
        require(e.field == QLatin1String("recipient") || e.field == QLatin1String("region"),
                "a phone error names recipient or region");
        // Numbers are secrets: an error never repeats the input.
        if (hasDigits(input.trimmed(), 6))
            require(!e.toString().contains(input.trimmed()), "a phone error quotes the number");
        return;
    }
    require(r->kind == Recipient::Kind::Phone, "a phone is a phone");
    require(r->normalised.startsWith(u'+') && r->normalised.size() >= 3 &&
                r->normalised.size() <= 16,
            "E.164 is + and up to 15 digits");
    for (qsizetype i = 1; i < r->normalised.size(); ++i)
        require(r->normalised.at(i) >= u'0' && r->normalised.at(i) <= u'9', "E.164 is digits");
    require(r->normalised.startsWith(u'+' + QString::number(r->callingCode)),
            "E.164 starts with the calling code");
    require(r->indexForm == r->normalised, "a phone's index form is its E.164 form");
    require(!r->region.isEmpty() && r->region != QLatin1String("ZZ"), "a valid number has a "
                                                                      "region");
    require(!r->masked.contains(r->normalised), "the masked number hides digits");
    require(r->masked.contains(QLatin1String("****")), "the masked number has a mask");
    // The SMS-pumping prefix and the masked number together leave two digits unknown, and the
    // prefix is the same from the stored region as from the parse.
    const qsizetype national = r->normalised.size() - 1 - QString::number(r->callingCode).size();
    const qsizetype inPrefix = r->prefix.contains(u' ') ? r->prefix.section(u' ', 1).size() : 0;
    const qsizetype shown = r->masked.size() - r->masked.lastIndexOf(u'*') - 1;
    require(r->prefix.startsWith(u'+' + QString::number(r->callingCode)),
            "the prefix starts with the calling code");
    require(inPrefix == 0 || national - inPrefix - shown >= 2,
            "the prefix and the mask leave two digits unknown");
    require(Recipients::numberPrefixOf(r->normalised) == r->prefix,
            "the prefix of the stored number is the prefix from the parse");

    // Normalising is idempotent: the E.164 form parses, without a region, to itself.
    const Result<Recipient> again = Recipients::parsePhone(r->normalised);
    require(again.ok(), "an E.164 result parses again");
    require(again->normalised == r->normalised, "parsing E.164 is idempotent");
    require(again->numberType == r->numberType, "the number type is stable");
}

void checkEmail(const QString &input)
{
    const Result<Recipient> r = Recipients::parseEmail(input);
    if (!r) {
        require(r.error().code == ErrorCode::InvalidArgument &&
                    r.error().field == QLatin1String("recipient"),
                "a bad e-mail address is InvalidArgument on recipient");
        const QString trimmed = input.trimmed();
        if (trimmed.contains(u'@') && trimmed.size() >= 8)
            require(!r.error().toString().contains(trimmed), "an e-mail error quotes the address");
        return;
    }
    require(r->kind == Recipient::Kind::Email, "an e-mail address is e-mail");
    require(r->normalised.size() <= 254, "at most 254 characters");
    require(r->normalised.count(u'@') == 1, "exactly one @");
    for (QChar c : r->normalised)
        require(c.unicode() > 0x20 && c.unicode() < 0x7f, "normalised addresses are ASCII");
    require(r->indexForm == r->normalised.toLower(), "the index form is lower case");
    require(r->region.isEmpty() && r->callingCode == 0, "e-mail has no region");
    require(r->masked.contains(QLatin1String("***@")), "the masked address has a mask");
    const QString local = r->normalised.section(u'@', 0, 0);
    if (local.size() > 1 && !local.contains(u'*'))
        require(!r->masked.contains(local + u'@'), "the masked address hides the local part");

    const Result<Recipient> again = Recipients::parseEmail(r->normalised);
    require(again.ok(), "a normalised address parses again");
    require(again->normalised == r->normalised, "parsing an address is idempotent");
}

void checkSearch(const QString &input, const QString &region)
{
    const std::optional<QString> form = Recipients::indexFormForSearch(input, region);
    if (!form)
        return;
    // Searching finds what starting stored: the search form is the parser's index form.
    const Result<Recipient> phone = Recipients::parsePhone(input, region);
    const Result<Recipient> email = Recipients::parseEmail(input);
    require((phone.ok() && phone->indexForm == *form) || (email.ok() && email->indexForm == *form),
            "the search form is a parser's index form");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return -1; // the API refuses bodies over 16 KiB; longer recipients add nothing
    // Without a newline the whole input is the recipient.
    const QByteArray all = vc::fuzz::bytes(data, size);
    const QList<QByteArray> parts =
        all.contains('\n') ? vc::fuzz::splitLines(all, 2) : QList<QByteArray>{{}, all};
    const QString region = QString::fromUtf8(parts.at(0)).left(8);
    const QString input = QString::fromUtf8(parts.at(1));

    checkPhone(input, {});
    checkPhone(input, region);
    checkEmail(input);
    checkSearch(input, region);
    // Masking takes stored values, but must not break on anything.
    (void)Recipients::maskPhone(input, 47);
    (void)Recipients::numberPrefix(input, 47);
    (void)Recipients::maskEmail(input);
    return 0;
}
