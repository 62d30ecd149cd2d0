#pragma once

#include "core/Recipient.h"
#include "core/Result.h"
#include "core/Service.h"
#include "core/Session.h"
#include "crypto/SecureBytes.h"

#include <memory>

namespace vc {

// A start request that passed every check, with each value resolved (defaults applied).
struct ValidatedStart
{
    Channel channel = Channel::Sms;
    Recipient recipient;
    int codeLength = 6;
    int ttlSeconds = 300;
    QString locale;
    QString reference;
    QString callbackUrl;
    QString clientIp;
    std::shared_ptr<SecureBytes> customCode; // set when the caller supplied the code
    // The workflow's steps as stored (JSON [{"channel": "sms", "wait_seconds": 60}, ...]); empty
    // without a workflow. The first step is `channel`.
    QString workflowJson;
    int firstWaitSeconds = 0; // 0: no timer
};

namespace Workflows {
constexpr int MaxSteps = 5;
constexpr int MinWaitSeconds = 10, MaxWaitSeconds = 3600;
struct Step
{
    Channel channel = Channel::Sms;
    int waitSeconds = 0; // 0 on a last step without a wait
};
// The stored form back as steps (empty when there is none or it is malformed).
QList<Step> parse(const QString &json);
} // namespace Workflows

// The checks on request values, with the request's field names in every error (channel,
// recipient, code_length, ttl_seconds, locale, reference, callback_url, ip_address, custom_code).
namespace SessionRules {

Result<ValidatedStart> validateStart(const StartRequest &request, const Service &service);

// Whether the service may send by `channel` to `recipient`: its country is in the service's
// allowed_countries (else Forbidden, reason country_not_allowed, naming the country), it is not a
// premium-rate or shared-cost number, and for SMS (with sms_mobile_only) it can be a mobile (else
// InvalidArgument on "recipient" suggesting voice). Nothing for e-mail addresses.
Status checkDestination(Channel channel, const Recipient &recipient, const Service &service);

// A session id is a UUID in text form; anything else cannot exist and is a 400, not a 404.
Status validateSessionId(const QString &id);

// The channel a resend uses: the requested one (enabled for the service and reachable with the
// session's kind of recipient: sms and voice share a phone number) or the session's own.
Result<Channel> resendChannel(const SessionView &session, const QString &requested,
                              const Service &service);

// Whole minutes shown in messages for a TTL, rounded up.
int ttlMinutes(int ttlSeconds);

} // namespace SessionRules
} // namespace vc
