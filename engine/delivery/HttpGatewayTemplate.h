#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace vc {

// What the placeholders of an HTTP gateway's templates stand for in one request. Holds the
// recipient and the code: wipe() when done.
struct HttpGatewayValues
{
    QString to;
    QString code; // empty unless the delivery carries the code on its own
    QString message;
    QString sessionId;
    QString locale;
    QString channel;
    QString idempotencyKey;
    QByteArray audioBase64;
    void wipe();
};

// One template of an HTTP gateway (the URL, a header value, the body): literal text and
// placeholders. A placeholder is "{name}" with a name of lower-case letters, digits and
// underscores: {to}, {code}, {message}, {session_id}, {locale}, {channel}, {idempotency_key},
// {audio_base64}. Any other brace is literal, so JSON templates need no escaping:
// {"to": "{to}"}.
class HttpGatewayTemplate
{
public:
    enum class Placeholder
    {
        To,
        Code,
        Message,
        SessionId,
        Locale,
        Channel,
        IdempotencyKey,
        AudioBase64,
    };
    // How values are written where they land.
    enum class Encoding
    {
        Percent,     // URL and form bodies: everything but A-Z a-z 0-9 -._~ percent-encoded
        JsonString,  // content of a JSON string literal: quotes, backslashes, controls escaped
        HeaderValue, // one header line: control characters become spaces
    };

    HttpGatewayTemplate() = default;
    // An unknown placeholder is an error naming `field`.
    static Result<HttpGatewayTemplate> parse(const QString &text, const QString &field);

    QSet<Placeholder> placeholders() const;
    bool uses(Placeholder p) const { return placeholders().contains(p); }
    QString fill(const HttpGatewayValues &values, Encoding encoding) const;

    // Stand-ins for checking templates when they are configured. Bare (outside a JSON string)
    // none is valid JSON, so a placeholder left unquoted is caught whatever its real value.
    static HttpGatewayValues sampleValues();

private:
    struct Token
    {
        QString literal;
        std::optional<Placeholder> placeholder;
    };
    QList<Token> m_tokens;
};

} // namespace vc
