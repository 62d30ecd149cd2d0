#pragma once

#include "core/Result.h"
#include "delivery/DeliveryProvider.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vc {

// How to reach one SMTP server ("smtp" provider settings). The password comes from the
// provider's secrets, never from its plain settings.
struct SmtpSettings
{
    enum class Security
    {
        None,        // plain SMTP (a relay on localhost or a trusted network)
        StartTls,    // SMTP upgraded with STARTTLS; sending stops if the server does not offer it
        ImplicitTls, // SMTPS: TLS from the first byte (usually port 465)
    };

    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString username; // empty: no AUTH
    QString password; // secret
    QString fromAddress;
    QString fromName;      // display name, may be non-ASCII
    int timeoutMs = 15000; // for the connection and, separately, for the whole exchange
    bool verifyPeer = true;
    QString caFile; // PEM bundle to trust instead of the system's; empty: the system's

    // Parses and validates {"host", "port", "security": "none"|"starttls"|"tls", "username",
    // "from_address", "from_name", "timeout_ms", "verify_peer", "ca_file"} plus secrets
    // {"password"}. "port" defaults by security (25, 587, 465). A username needs a password and
    // an encrypted connection (AUTH never sends the password in the clear). Errors name the field.
    static Result<SmtpSettings> fromJson(const QJsonObject &settings, const QJsonObject &secrets);
};

QString smtpSecurityName(SmtpSettings::Security security);

// Sends e-mail through an SMTP server with libcurl: a multipart/alternative message (text and
// HTML, quoted-printable UTF-8) whose Message-ID is derived from the delivery's idempotency key,
// so a retry of one delivery carries the same Message-ID. Safe to call from several worker
// threads at once (each send uses its own connection).
//
// Outcomes: accepted by the server → Accepted; connection refused, timeouts, 4xx replies →
// TemporaryFailure; 5xx replies (a rejected recipient), failed authentication, untrusted TLS
// certificates and other configuration faults → PermanentFailure. Error texts never contain the
// recipient, the password or the message.
class SmtpProvider final : public DeliveryProvider
{
public:
    SmtpProvider(QString name, SmtpSettings settings);

    QString name() const override { return m_name; }
    SendOutcome send(const OutgoingMessage &message) override;

    const SmtpSettings &settings() const { return m_settings; }

    // The RFC 5322 message send() transmits: CRLF line ends, lines of at most 78 characters
    // (998 for a very long address), 7-bit ASCII unless the recipient's own address is not.
    // `boundary` separates the MIME parts. A missing HTML part is made from the escaped text.
    static QByteArray composeMessage(const SmtpSettings &settings, const OutgoingMessage &message,
                                     const QDateTime &date, const QByteArray &boundary);
    // "<key@domain-of-from-address>" for the delivery's idempotency key.
    static QByteArray messageId(const SmtpSettings &settings, const OutgoingMessage &message);

private:
    QString m_name;
    SmtpSettings m_settings;
};

} // namespace vc
