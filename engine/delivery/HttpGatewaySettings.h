#pragma once

#include "core/Result.h"
#include "delivery/HttpGatewayTemplate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace vc {

// How to call one cloud SMS, voice or WhatsApp API ("http" provider settings): a templated
// request (see HttpGatewayTemplate for the placeholders) and the rule that says it worked.
// Placeholders may not appear in the URL's scheme or host, so no recipient can redirect a
// request.
struct HttpGatewaySettings
{
    enum class Auth
    {
        None,
        Bearer, // Authorization: Bearer <token>
        Basic,  // Authorization: Basic base64(username:password)
    };
    enum class BodyFormat
    {
        Json, // application/json; the template, once filled in, must parse as JSON
        Form, // application/x-www-form-urlencoded: key=value pairs joined by '&'
        None, // no body (GET)
    };
    enum class AudioMode
    {
        TextOnly,  // the gateway speaks {message} itself
        WavBase64, // {audio_base64} holds the voice script spoken by espeak-ng, as a WAV file
    };

    // Kept as text, not a QUrl: QUrl would percent-encode the placeholders' braces.
    QString url;
    QByteArray method = "POST";                 // POST, PUT or GET
    QList<std::pair<QString, QString>> headers; // values may hold placeholders
    Auth auth = Auth::None;
    QString username;                                 // Basic
    QString token;                                    // secret (Bearer)
    QString password;                                 // secret (Basic)
    QList<std::pair<QString, QString>> secretHeaders; // secret, e.g. X-Api-Key; sent as they are
    BodyFormat bodyFormat = BodyFormat::Json;
    QString bodyTemplate;
    int successMin = 200; // a reply status in [successMin, successMax] is success...
    int successMax = 299;
    QString successJsonField;   // ...and, when set, this dotted path of the JSON reply...
    QString successJsonValue;   // ...equals this (when empty: is present and not false/null/"")
    QString messageIdJsonField; // dotted path of the provider's message id: "sid", "messages.0.id"
    int timeoutMs = 10000;      // for connecting, and again for the whole exchange
    bool verifyPeer = true;
    AudioMode audioMode = AudioMode::TextOnly;

    // Parses and validates
    //   {"url", "method", "headers": {name: value}, "auth": "none"|"bearer"|"basic", "username",
    //    "body_format": "json"|"form"|"none", "body_template", "success_min", "success_max",
    //    "success_json_field", "success_json_value", "message_id_json_field", "timeout_ms",
    //    "verify_peer", "audio": "text"|"wav_base64"}
    // plus secrets {"token", "password", "headers": {name: value}}. "method" defaults to POST,
    // "body_format" to json (none for GET). The request must name the recipient ({to}) and carry
    // the message ({message}, {code} or {audio_base64}); a JSON body must parse once filled in.
    // Unknown keys and placeholders, and header names the provider sets itself, are refused.
    // Secrets of an auth mode not in use are ignored. Errors name the field.
    static Result<HttpGatewaySettings> fromJson(const QJsonObject &settings,
                                                const QJsonObject &secrets);

    // The parsed templates (an error names the field when a template is malformed).
    struct Templates
    {
        HttpGatewayTemplate url;
        QList<std::pair<QString, HttpGatewayTemplate>> headers;
        HttpGatewayTemplate body;
        bool uses(HttpGatewayTemplate::Placeholder p) const;
    };
    Result<Templates> templates() const;
};

} // namespace vc
