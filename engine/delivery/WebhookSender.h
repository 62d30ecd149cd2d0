#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace vc {

// The value of the X-Verify-Signature header: "t=<unix seconds>,v1=<lowercase hex
// HMAC-SHA256 of "<t>.<body>">", keyed with the webhook secret's text (its UTF-8 bytes).
QByteArray webhookSignature(const SecureBytes &secret, qint64 unixSeconds, const QByteArray &body);

// One POST of a webhook body to a receiver, over libcurl: http and https only, redirects never
// followed (a 3xx is a failed attempt), peer certificates checked, a time limit for connecting
// and for the whole exchange, no signals (safe on worker threads).
class WebhookSender
{
public:
    struct Attempt
    {
        bool delivered = false;        // the receiver answered 2xx
        std::optional<int> httpStatus; // empty when no answer came (refused, timeout, TLS)
        QString error; // for the event log: the HTTP status or curl's reason, never the URL
    };

    explicit WebhookSender(int timeoutMs = 10'000)
        : m_timeoutMs(timeoutMs)
    {}

    Attempt post(const QString &url, const QByteArray &body, const QString &eventId,
                 const QString &eventType, const SecureBytes &secret, qint64 unixSeconds) const;

private:
    int m_timeoutMs;
};

} // namespace vc
