#include "crypto/ApiKeyFormat.h"

#include "crypto/Random.h"

namespace vc {

namespace {

const char kLower[] = "abcdefghijklmnopqrstuvwxyz0123456789";
const char kMixed[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

Result<QByteArray> randomText(int length, const char *alphabet, quint32 size)
{
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        auto index = randomBelow(size);
        if (!index)
            return index.error();
        out.append(alphabet[*index]);
    }
    return out;
}

// The alphabets above, as ranges (checked on every API request).
constexpr bool isLowerOrDigit(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

constexpr bool isLetterOrDigit(char16_t c)
{
    return isLowerOrDigit(c) || (c >= u'A' && c <= u'Z');
}

template <bool (*Allowed)(char16_t)>
bool allFrom(QStringView text)
{
    for (QChar c : text)
        if (!Allowed(c.unicode()))
            return false;
    return true;
}

} // namespace

Result<ApiKeyFormat::Generated> ApiKeyFormat::generate()
{
    auto prefix = randomText(PrefixLength, kLower, sizeof(kLower) - 1);
    if (!prefix)
        return prefix.error();
    auto secret = randomText(SecretLength, kMixed, sizeof(kMixed) - 1);
    if (!secret)
        return secret.error();
    Generated g;
    g.prefix = QString::fromLatin1(*prefix);
    g.secret = SecureBytes(std::move(*secret));
    g.text = QStringLiteral("vk_") + g.prefix + u'_' + QString::fromLatin1(g.secret.bytes());
    return g;
}

std::optional<ApiKeyFormat::Parts> ApiKeyFormat::parse(const QString &presented)
{
    // Views into the caller's string: no copy of the secret is made before it is checked, and
    // the one made for the result lives in SecureBytes.
    const QStringView text = QStringView(presented).trimmed();
    if (text.size() != 3 + PrefixLength + 1 + SecretLength || !text.startsWith(u"vk_") ||
        text.at(3 + PrefixLength) != u'_')
        return std::nullopt;
    const QStringView prefix = text.mid(3, PrefixLength);
    const QStringView secret = text.mid(3 + PrefixLength + 1);
    if (!allFrom<isLowerOrDigit>(prefix) || !allFrom<isLetterOrDigit>(secret))
        return std::nullopt;
    return Parts{prefix.toString(), SecureBytes(secret.toLatin1())};
}

QByteArray ApiKeyFormat::hashSecret(const HmacKey &key, const QString &prefix,
                                    const SecureBytes &secret)
{
    QByteArray message;
    message.reserve(32 + secret.size());
    message.append(QByteArrayLiteral("vc-api-key-v1"));
    message.append('\0');
    message.append(prefix.toLatin1());
    message.append('\0');
    message.append(secret.bytes());
    const SecureBytes wiped(std::move(message));
    return key.mac(wiped.bytes());
}

} // namespace vc
