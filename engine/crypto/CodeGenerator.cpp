#include "CodeGenerator.h"

#include "crypto/Random.h"

#include <openssl/crypto.h>

namespace vc::CodeGenerator {

namespace {

bool lengthInRange(qsizetype length)
{
    return length >= MinLength && length <= MaxLength;
}

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

} // namespace

QByteArray alphabet(CodeType type)
{
    switch (type) {
    case CodeType::Numeric:
        return QByteArrayLiteral("0123456789");
    case CodeType::Alphanumeric:
        return QByteArrayLiteral("23456789ABCDEFGHJKMNPQRSTUVWXYZ");
    }
    return QByteArrayLiteral("0123456789");
}

Result<SecureBytes> generate(int length, CodeType type)
{
    if (!lengthInRange(length)) {
        return Error::invalid(
            QStringLiteral("code_length"),
            QStringLiteral("code length must be between %1 and %2").arg(MinLength).arg(MaxLength));
    }
    const QByteArray chars = alphabet(type);
    const int n = int(chars.size());
    // A byte maps to chars[byte % n] only below the largest multiple of n that fits in a byte;
    // the bytes above it would favour the first characters, so they are drawn again.
    const int limit = 256 - 256 % n;

    QByteArray code(length, Qt::Uninitialized);
    int filled = 0;
    while (filled < length) {
        Result<SecureBytes> batch = randomBytes(2 * (length - filled) + 4);
        if (!batch)
            return batch.error();
        for (qsizetype i = 0; i < batch->size() && filled < length; ++i) {
            const int byte = batch->udata()[i];
            if (byte < limit)
                code[filled++] = chars[byte % n];
        }
    }
    return SecureBytes(std::move(code));
}

Result<SecureBytes> normalize(const QString &typed)
{
    // Reserved up front so appending never reallocates and leaves a stray unwiped copy behind.
    QByteArray out;
    out.reserve(MaxLength + 1);
    bool wellFormed = true;
    for (QChar ch : typed) {
        const char16_t c = ch.unicode();
        if (c == u' ' || c == u'-' || c == u'\t')
            continue;
        if (!isAsciiAlnum(c) || out.size() >= MaxLength) {
            wellFormed = false;
            break;
        }
        const char ascii = char(c);
        out.append(ascii >= 'a' && ascii <= 'z' ? char(ascii - 'a' + 'A') : ascii);
    }
    SecureBytes code(std::move(out));
    if (!wellFormed || !lengthInRange(code.size())) {
        // The message never repeats what was typed: it may be a real code.
        return Error::invalid(QStringLiteral("code"),
                              QStringLiteral("the code must be %1 to %2 letters or digits")
                                  .arg(MinLength)
                                  .arg(MaxLength));
    }
    return code;
}

bool isWellFormed(const QByteArray &code, int length, CodeType type)
{
    if (!lengthInRange(length) || code.size() != length)
        return false;
    const QByteArray chars = alphabet(type);
    for (char c : code) {
        if (!chars.contains(c))
            return false;
    }
    return true;
}

} // namespace vc::CodeGenerator
