#pragma once

#include "core/Result.h"
#include "delivery/DeliveryProvider.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace vc {

// How to reach one Kannel SMS gateway ("kannel" provider settings). The password and the receipt
// token come from the provider's secrets, never from its plain settings.
struct KannelSettings
{
    QUrl sendsmsUrl;      // smsbox's sendsms interface: http://127.0.0.1:13013/cgi-bin/sendsms
    QString username;     // a sendsms-user of smsbox
    QString password;     // secret
    QString from;         // sender id shown on the phone
    QUrl receiptBaseUrl;  // where Kannel reaches this service's listener: http://127.0.0.1:8780
    QString receiptToken; // secret: authenticates the receipts Kannel sends back
    int timeoutMs = 10000;

    // Parses and validates {"sendsms_url", "username", "from", "receipt_base_url", "timeout_ms"}
    // plus secrets {"password", "receipt_token"}. URLs are http or https without credentials,
    // query or fragment (a sendsms_url without a path gets /cgi-bin/sendsms); the token is 16-128
    // of A-Z, a-z, 0-9, '-', '_', '.' and '~' (it goes into Kannel's dlr-url, whose '%' escapes
    // Kannel would rewrite). Errors name the field.
    static Result<KannelSettings> fromJson(const QJsonObject &settings, const QJsonObject &secrets);
};

// Sends SMS through Kannel's sendsms HTTP interface with libcurl, asking for every delivery
// report (dlr-mask 31) at receiptBaseUrl + "/v1/receipts/kannel/{name}?token=…&delivery={id}
// &status=%d&smsc_reply=%A", which Kannel fills in and calls for each report. Text that GSM 03.38
// cannot carry goes as UCS-2 (coding=2). Safe to call from several worker threads at once.
//
// Outcomes: 2xx ("Accepted for delivery", "Sent.") → Accepted, with the delivery id as the
// provider's message id; no connection, timeouts, 408, 429 and 5xx (a full queue) →
// TemporaryFailure; other 4xx (authorization failed, a refused number) and configuration faults →
// PermanentFailure. Errors and logs never hold the password, the token, the text or the number.
class KannelProvider final : public DeliveryProvider
{
public:
    KannelProvider(QString name, KannelSettings settings);
    ~KannelProvider() override;

    QString name() const override { return m_name; }
    SendOutcome send(const OutgoingMessage &message) override;
    bool acceptsReceiptToken(const QString &token) const override;

    const KannelSettings &settings() const { return m_settings; }

    // The dlr-url Kannel is given for `deliveryId` (holds the receipt token).
    QString receiptUrl(qint64 deliveryId) const;
    // The sendsms query string for `message` (holds the password, the text and the number).
    QByteArray sendsmsQuery(const OutgoingMessage &message) const;
    // Whether GSM 03.38 (the default alphabet with its extension table) can carry `text`.
    static bool isGsm7(const QString &text);

private:
    QString m_name;
    KannelSettings m_settings;
    QByteArray m_tokenDigest; // SHA-256 of the receipt token; empty when there is none
};

} // namespace vc
