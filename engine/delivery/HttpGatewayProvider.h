#pragma once

#include "core/Result.h"
#include "delivery/DeliveryProvider.h"
#include "delivery/HttpGatewaySettings.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace vc {

class SecureBytes;

// One filled-in request, ready to send. Holds the recipient and (in the body) the code: wipe()
// when done.
struct HttpGatewayRequest
{
    QByteArray method;
    QByteArray url; // encoded
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    void wipe();
};

// Sends messages to a cloud SMS, voice or WhatsApp API as templated HTTP requests, with libcurl.
// Safe to call from several worker threads at once (each send uses its own connection).
//
// Every request carries `Idempotency-Key: <the delivery's idempotency key>`, the same on every
// retry of one delivery, so a gateway that honours it sends a message once even when a reply was
// lost. With AudioMode::WavBase64 the voice script is spoken by espeak-ng (VoiceRenderer) in the
// message's locale and sent as {audio_base64}.
//
// Outcomes: a status in the success range (and the JSON rule, when set, satisfied) → Accepted
// with the message id from the reply; 408, 429, 5xx, connection errors and timeouts →
// TemporaryFailure; other statuses, a failed JSON rule and configuration faults (a certificate
// that does not verify, a template the delivery cannot fill) → PermanentFailure. Error texts
// give the status and a short excerpt of the reply with every digit masked and the recipient,
// the secrets and the message scrubbed: never a code, a token or a full number.
class HttpGatewayProvider final : public DeliveryProvider
{
public:
    static constexpr const char *Kind = "http";
    static constexpr qsizetype MaxExcerpt = 160;

    HttpGatewayProvider(QString name, HttpGatewaySettings settings);

    QString name() const override { return m_name; }
    // Sends `message`. OutgoingMessage carries the code only inside the rendered text, so a
    // template using {code} fails here (permanently) unless sendWithCode() is used.
    SendOutcome send(const OutgoingMessage &message) override;
    // Sends `message` with `code` for {code}.
    SendOutcome sendWithCode(const OutgoingMessage &message, const SecureBytes *code);

    const HttpGatewaySettings &settings() const { return m_settings; }

    // Fills in the templates. An error when a template is malformed, uses {code} without a code,
    // or yields an invalid URL.
    static Result<HttpGatewayRequest> buildRequest(const HttpGatewaySettings &settings,
                                                   const HttpGatewayValues &values);

private:
    QString m_name;
    HttpGatewaySettings m_settings;
};

} // namespace vc
