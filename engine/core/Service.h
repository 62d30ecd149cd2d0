#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace vc {

class SecureBytes;

// A recipient that is never sent anything: a start to it gets the service's fixed code for it
// (for app-store reviewers and QA). Stored as a blind index, a masked form and the code sealed
// (AES-256-GCM, bound to the service and the index); the code is never shown again.
struct TestRecipient
{
    QByteArray index;      // blind index of the recipient (as sessions store it)
    QString masked;        // "+47****0000", for display
    QByteArray codeSealed; // the fixed code, sealed by SessionCrypto::sealTestCode
    // Set by the settings parser for an entry that is new; the engine seals it (and clears
    // these) before the service is stored or shown.
    QString pendingIndexForm;
    std::shared_ptr<SecureBytes> pendingCode;

    // The short public id of an entry: the first 16 hex digits of its blind index.
    QString id() const { return QString::fromLatin1(index.toHex().left(16)); }
    bool isPending() const { return pendingCode != nullptr; }
};

// One application that sends codes: the name shown in messages, code settings, enabled channels
// and limits. Every session copies the limits it needs when it starts, so changing a service
// never changes the rules of sessions already under way.
struct Service
{
    QString id;      // "default", "shop", ...: [a-z0-9][a-z0-9_-]{0,39}
    QString name;    // shown in the console
    QString appName; // {app_name} in messages
    int codeLength = 6;
    CodeType codeType = CodeType::Numeric;
    int ttlSeconds = 300;
    int maxAttempts = 5;
    int maxResends = 3;
    int resendCooldownSeconds = 30;
    int startsPerRecipientPerHour = 5;
    // Counted per service over the last hour in the database (0 = no limit). The IP is the end
    // user's address a start names in ip_address; the key is the API key that asked.
    int startsPerIpPerHour = 20;
    int startsPerKeyPerHour = 1000;
    int startsPerServicePerHour = 10000;
    // A start to a recipient with an open session of the same channel returns that session
    // instead of sending a new code.
    bool reusePendingSession = false;
    // ISO 3166-1 regions phone channels may send to; empty = everywhere.
    QStringList allowedCountries;
    // SMS only to numbers that can be mobile (mobile, fixed_line_or_mobile).
    bool smsMobileOnly = true;
    QList<TestRecipient> testRecipients;
    QString defaultLocale = QStringLiteral("en");
    QString defaultRegion; // ISO 3166-1 region for national phone numbers; empty = none
    QList<Channel> channels = allChannels();
    bool allowCustomCode = false;
    bool enabled = true;
    QString webhookUrl; // where status webhooks go when a session has no callback_url; "" = none
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool hasChannel(Channel c) const { return channels.contains(c); }
    const TestRecipient *testRecipient(const QByteArray &index) const
    {
        for (const TestRecipient &t : testRecipients)
            if (t.index == index)
                return &t;
        return nullptr;
    }
    QJsonObject toJson() const;
};

// The limits every setting and request value is held to. One table for the engine, the CLI, the
// HTTP API and the console, so the same value is accepted or refused everywhere.
namespace Limits {
constexpr int MinCodeLength = 4, MaxCodeLength = 10;
constexpr int MinTtlSeconds = 60, MaxTtlSeconds = 3600;
constexpr int MinAttempts = 1, MaxAttempts = 10;
constexpr int MinResends = 0, MaxResends = 10;
constexpr int MinResendCooldownSeconds = 0, MaxResendCooldownSeconds = 3600;
constexpr int MinStartsPerRecipientPerHour = 1, MaxStartsPerRecipientPerHour = 1000;
constexpr int MinStartsPerHour = 0, MaxStartsPerHour = 1000000; // ip, key, service; 0 = off
constexpr int MaxTestRecipients = 20;
constexpr int MaxAllowedCountries = 250;
constexpr int MaxReferenceLength = 128;
constexpr int MaxCallbackUrlLength = 2048;
constexpr int MaxServiceNameLength = 100;
constexpr int MaxAppNameLength = 50;
} // namespace Limits

// A settable field of a service: its key (as in JSON and on the command line), what it means,
// and how a JSON value is checked and stored.
struct ServiceField
{
    QString key;
    QString description;
    QJsonValue (*get)(const Service &);
    Status (*set)(Service &, const QJsonValue &);
};

namespace ServiceRules {

const QList<ServiceField> &fields();
const ServiceField *field(const QString &key);

// Checks every field of `service` against Limits; the error names the first bad field.
Status validate(const Service &service);
// Checks a service id.
Status validateId(const QString &id);

// Applies a JSON object of changes ({"ttl_seconds": 600, ...}); unknown keys, wrong types and
// out-of-range values are refused with the field named, and nothing is changed then.
Result<Service> applyPatch(const Service &service, const QJsonObject &patch);

// Parses a command-line value ("600", "true", "sms,voice") into the JSON type of `key`.
Result<QJsonValue> parseFieldText(const QString &key, const QString &text);

Service makeDefault(const QString &id, qint64 nowMs);

// Checks a webhook target (a service's webhook_url, a session's callback_url): an absolute http
// or https URL with a host, at most Limits::MaxCallbackUrlLength characters, no control
// characters. The error names `field`.
Status validateWebhookUrl(const QString &field, const QString &url);

} // namespace ServiceRules
} // namespace vc
