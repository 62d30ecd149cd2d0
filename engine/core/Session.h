#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace vc {

// Who asked for an action: recorded on events and, for staff actions, in the audit log.
struct Actor
{
    QString kind;       // "api_key", "operator", "cli", "system"
    QString name;       // key prefix, operator name, unix user; never a secret
    bool staff = false; // support staff or an admin: their actions go to the audit log
    QString toString() const { return name.isEmpty() ? kind : kind + u':' + name; }
    static Actor system() { return {QStringLiteral("system"), {}, false}; }
};

// A session as callers may see it: no code, no hash, no full recipient.
struct SessionView
{
    QString id;
    QString serviceId;
    Channel channel = Channel::Sms;
    SessionStatus status = SessionStatus::Pending;
    QString recipientMasked;
    QString recipientRegion;
    QString locale;
    int codeLength = 0;
    CodeType codeType = CodeType::Numeric;
    int attempts = 0;
    int maxAttempts = 0;
    int resends = 0;
    int maxResends = 0;
    QString reference;
    QString callbackUrl;
    QString clientIp;
    bool test = false; // to one of the service's test recipients: nothing sent, fixed code
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 lastSentAt = 0;
    std::optional<qint64> deliveredAt;
    std::optional<qint64> verifiedAt;
    std::optional<qint64> finishedAt;

    int attemptsRemaining() const { return qMax(0, maxAttempts - attempts); }
    int resendsRemaining() const { return qMax(0, maxResends - resends); }
    bool operator==(const SessionView &) const = default;
};

struct SessionEvent
{
    qint64 id = 0;
    QString sessionId;
    qint64 at = 0;
    QString type; // created, lookup, queued, sent, delivered, delivery_failed, check_failed,
                  // verified, locked, resent, cancelled, expired, failed
    QString actor;
    QJsonObject detail; // never a code or a full recipient
};

// One step of a start's workflow: a channel, and how long to wait for the code before the next
// step (not on the last step).
struct WorkflowStepRequest
{
    QString channel;
    std::optional<int> waitSeconds;
};

struct StartRequest
{
    QString serviceId; // empty: "default"
    QString channel;   // sms | voice | email
    QString recipient; // phone number or e-mail address
    std::optional<int> codeLength;
    std::optional<int> ttlSeconds;
    QString locale;      // empty: from the number's country, else the service's default
    QString reference;   // caller's own reference, up to 128 characters
    QString callbackUrl; // http(s) URL for status webhooks
    QString clientIp;    // the end user's IP address, if the caller knows it
    QString customCode;  // caller-supplied code, where the service allows it (secret)
    // Channels in order: the next fires when the code is not verified within the step's wait or
    // when the step's delivery fails. `channel` may then be empty (it is the first step's).
    QList<WorkflowStepRequest> workflow;
    Actor actor;
};

struct StartResult
{
    QString sessionId;
    SessionStatus status = SessionStatus::Pending;
    Channel channel = Channel::Sms;
    QString locale;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    bool reused = false; // an open session returned again (the service's reuse_pending_session)
    bool test = false;   // a test recipient's session: nothing is sent
};

struct CheckRequest
{
    QString sessionId;
    QString code; // as typed; spaces and hyphens are ignored, letters are case-insensitive
    Actor actor;
};

// The answer to a check. `error` is empty when verified, else invalid_code,
// max_attempts_reached, expired, cancelled or failed.
struct CheckResult
{
    SessionStatus status = SessionStatus::Pending;
    QString error;
    int attemptsRemaining = 0;
    std::optional<qint64> verifiedAt;
    bool verified() const { return status == SessionStatus::Verified && error.isEmpty(); }
};

struct ResendRequest
{
    QString sessionId;
    QString channel; // empty: the session's channel
    Actor actor;
};

// A delivery job as the console's queue shows it (never its message).
struct DeliveryView
{
    qint64 id = 0;
    QString sessionId;
    Channel channel = Channel::Sms;
    QString provider;
    QString state; // queued, sending, sent, failed, cancelled
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    qint64 createdAt = 0;
    std::optional<qint64> sentAt;
    QString recipientMasked;
    SessionStatus sessionStatus = SessionStatus::Pending;
};

struct DeliveryQuery
{
    QStringList states; // empty: queued, sending and failed
    qint64 before = 0;  // ids below this (paging); 0: newest
    int limit = 100;    // 1-1000
};

struct OutboxEntry
{
    qint64 id = 0;
    QString sessionId;
    Channel channel = Channel::Sms;
    QString recipientMasked;
    QString locale;
    qint64 createdAt = 0;
    QString subject; // e-mail only
    QString text;    // the message as delivered (holds the code)
};

// Sessions newest first, filtered; paged with the cursor of the previous page.
struct SessionQuery
{
    QString serviceId;
    std::optional<SessionStatus> status;
    std::optional<Channel> channel;
    qint64 fromMs = 0; // created at or after (0: no bound)
    qint64 toMs = 0;   // created before (0: no bound)
    QString recipient; // exact phone number or e-mail address (searched by blind index)
    QString cursor;    // the nextCursor of the previous page
    int limit = 50;    // 1-500
};

struct SessionPage
{
    QList<SessionView> sessions;
    QString nextCursor; // empty on the last page
};

enum class StatsGranularity
{
    Hour,
    Day
};

struct StatsQuery
{
    qint64 fromMs = 0; // inclusive, rounded down to the hour
    qint64 toMs = 0;   // exclusive; 0 = now
    QString serviceId; // empty: all services
    StatsGranularity granularity = StatsGranularity::Day;
};

// One bucket (an hour or a UTC day) of a statistics series.
struct StatsBucket
{
    qint64 start = 0;
    qint64 total = 0;
    QHash<Channel, qint64> byChannel;
    QHash<SessionStatus, qint64> byStatus;
};

struct StatsRow
{
    qint64 hourStart = 0;
    QString serviceId;
    Channel channel = Channel::Sms;
    SessionStatus status = SessionStatus::Pending;
    qint64 sessions = 0;
};

struct StatsReport
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 total = 0;
    QHash<Channel, qint64> byChannel;
    QHash<SessionStatus, qint64> byStatus;
    qint64 deliveryFailures = 0;
    // verified / sessions that reached a final status; nullopt when none has
    std::optional<double> successRate;
    QList<StatsRow> rows;
    StatsGranularity granularity = StatsGranularity::Day;
    QList<StatsBucket> series; // buckets with sessions, in time order
};

// A sign of SMS pumping (toll fraud: someone starts verifications to numbers whose operator pays
// them per message) in one number range of a service, from the hourly counts of starts and
// verifications per number prefix. docs/SECURITY.md ("SMS pumping") explains the rules.
struct PumpingAlert
{
    enum class Kind
    {
        Burst,        // far more starts to the prefix in the last hour than it usually gets
        LowConversion // the prefix's starts of the last 24 hours are rarely verified
    };
    Kind kind = Kind::Burst;
    QString serviceId;
    QString prefix;         // "+44 740" (Recipients::numberPrefix)
    QString region;         // the numbers' region (ISO 3166-1, "GB")
    qint64 windowStart = 0; // the counted window, UTC ms: [windowStart, windowEnd)
    qint64 windowEnd = 0;
    qint64 started = 0;  // starts to the prefix in the window (test recipients never count)
    qint64 verified = 0; // of those, verified
    // Burst: the prefix's average starts an hour over the 7 days before the window.
    double usualPerHour = 0;
    // LowConversion: the share of the service's phone sessions verified over the 7 days before
    // the window; nullopt when those were too few to say.
    std::optional<double> usualConversion;

    std::optional<double> conversion() const
    {
        return started > 0 ? std::optional<double>(double(verified) / double(started))
                           : std::nullopt;
    }
};

// The rules PumpingAlerts follow; the defaults are documented in docs/SECURITY.md.
struct PumpingThresholds
{
    qint64 burstMinStarts = 10;      // a burst needs at least this many starts in its window
    double burstFactor = 5;          // ... and this many times the prefix's usual rate
    qint64 conversionMinStarts = 20; // low conversion is judged on at least this many starts
    double conversionFactor = 0.5;   // ... below this share of the service's usual conversion
    qint64 usualMinStarts = 50;      // the service's usual needs this many sessions to count
    double conversionFloor = 0.1;    // without a usual, a prefix below this is flagged
};

} // namespace vc
