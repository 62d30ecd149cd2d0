#include "delivery/HttpGatewayTemplate.h"

#include "crypto/SecureBytes.h"

#include <QUrl>

#include <openssl/crypto.h>

#include <utility>

namespace vc {

namespace {

using Placeholder = HttpGatewayTemplate::Placeholder;
using Encoding = HttpGatewayTemplate::Encoding;

std::optional<Placeholder> placeholderNamed(QStringView name)
{
    static const QList<std::pair<QLatin1String, Placeholder>> names{
        {QLatin1String("to"), Placeholder::To},
        {QLatin1String("code"), Placeholder::Code},
        {QLatin1String("message"), Placeholder::Message},
        {QLatin1String("session_id"), Placeholder::SessionId},
        {QLatin1String("locale"), Placeholder::Locale},
        {QLatin1String("channel"), Placeholder::Channel},
        {QLatin1String("idempotency_key"), Placeholder::IdempotencyKey},
        {QLatin1String("audio_base64"), Placeholder::AudioBase64},
    };
    for (const auto &[n, p] : names)
        if (name == n)
            return p;
    return std::nullopt;
}

bool isNameChar(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

void appendEncoded(QString &out, const QString &value, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Percent:
        out += QString::fromLatin1(QUrl::toPercentEncoding(value));
        return;
    case Encoding::JsonString:
        for (QChar c : value) {
            switch (c.unicode()) {
            case u'"':
                out += QLatin1String("\\\"");
                break;
            case u'\\':
                out += QLatin1String("\\\\");
                break;
            case u'\n':
                out += QLatin1String("\\n");
                break;
            case u'\r':
                out += QLatin1String("\\r");
                break;
            case u'\t':
                out += QLatin1String("\\t");
                break;
            default:
                if (c.unicode() < 0x20)
                    out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        return;
    case Encoding::HeaderValue:
        for (QChar c : value)
            out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(u' ') : c;
        return;
    }
}

} // namespace

void HttpGatewayValues::wipe()
{
    cleanseString(to);
    cleanseString(code);
    cleanseString(message);
    if (!audioBase64.isEmpty())
        OPENSSL_cleanse(audioBase64.data(), size_t(audioBase64.size()));
    audioBase64.clear();
}

Result<HttpGatewayTemplate> HttpGatewayTemplate::parse(const QString &text, const QString &field)
{
    HttpGatewayTemplate t;
    QString literal;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'{') {
            qsizetype j = i + 1;
            while (j < text.size() && isNameChar(text.at(j)))
                ++j;
            if (j > i + 1 && j < text.size() && text.at(j) == u'}') {
                const QStringView name = QStringView(text).mid(i + 1, j - i - 1);
                const auto p = placeholderNamed(name);
                if (!p)
                    return Error::invalid(
                        field, QStringLiteral("unknown placeholder {%1} (known: {to}, {code}, "
                                              "{message}, {session_id}, {locale}, {channel}, "
                                              "{idempotency_key}, {audio_base64})")
                                   .arg(name));
                if (!literal.isEmpty())
                    t.m_tokens.append({std::exchange(literal, {}), std::nullopt});
                t.m_tokens.append({{}, p});
                i = j + 1;
                continue;
            }
        }
        literal += text.at(i);
        ++i;
    }
    if (!literal.isEmpty())
        t.m_tokens.append({literal, std::nullopt});
    return t;
}

QSet<Placeholder> HttpGatewayTemplate::placeholders() const
{
    QSet<Placeholder> used;
    for (const Token &t : m_tokens)
        if (t.placeholder)
            used.insert(*t.placeholder);
    return used;
}

QString HttpGatewayTemplate::fill(const HttpGatewayValues &v, Encoding encoding) const
{
    QString out;
    for (const Token &t : m_tokens) {
        if (!t.placeholder) {
            out += t.literal;
            continue;
        }
        switch (*t.placeholder) {
        case Placeholder::To:
            appendEncoded(out, v.to, encoding);
            break;
        case Placeholder::Code:
            appendEncoded(out, v.code, encoding);
            break;
        case Placeholder::Message:
            appendEncoded(out, v.message, encoding);
            break;
        case Placeholder::SessionId:
            appendEncoded(out, v.sessionId, encoding);
            break;
        case Placeholder::Locale:
            appendEncoded(out, v.locale, encoding);
            break;
        case Placeholder::Channel:
            appendEncoded(out, v.channel, encoding);
            break;
        case Placeholder::IdempotencyKey:
            appendEncoded(out, v.idempotencyKey, encoding);
            break;
        case Placeholder::AudioBase64:
            // Base64 needs no JSON escaping; in a form body its + / = are percent-encoded.
            if (encoding == Encoding::Percent)
                out += QString::fromLatin1(v.audioBase64.toPercentEncoding());
            else
                out += QLatin1String(v.audioBase64);
            break;
        }
    }
    return out;
}

HttpGatewayValues HttpGatewayTemplate::sampleValues()
{
    HttpGatewayValues v;
    v.to = QStringLiteral("+47 sample");
    v.code = QStringLiteral("sample code");
    v.message = QStringLiteral("sample \"message\"\nline 2");
    v.sessionId = QStringLiteral("sample session");
    v.locale = QStringLiteral("sample locale");
    v.channel = QStringLiteral("sample channel");
    v.idempotencyKey = QStringLiteral("sample key");
    v.audioBase64 = QByteArrayLiteral("sample audio");
    return v;
}

} // namespace vc
