#pragma once

#include <QString>

namespace vc {

// What went wrong, in terms a caller can act on. The HTTP layer maps each code to one status in
// one place; the CLI maps them to exit codes. Messages never contain a code, a key secret or a
// full recipient.
enum class ErrorCode
{
    InvalidArgument, // a request or setting value is malformed or out of range (field is named)
    NotFound,        // no such session, service, ...
    Conflict,        // the object's state does not allow the operation (e.g. already final)
    RateLimited,     // try again later; retryAfterSeconds says when
    Unauthorized,    // missing, unknown, revoked or expired credentials
    Forbidden,       // authenticated, but not allowed
    Unavailable,     // a dependency (database, provider) is not reachable right now
    Internal,        // a bug or an unexpected failure; details are logged, not returned
};

QString errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;             // request or setting field at fault, if any
    int retryAfterSeconds = 0; // for RateLimited
    QString reason;            // optional machine-readable detail, e.g. "max_resends_reached"

    static Error invalid(const QString &field, const QString &message)
    {
        return {ErrorCode::InvalidArgument, message, field, 0, {}};
    }
    static Error notFound(const QString &message) { return {ErrorCode::NotFound, message}; }
    static Error conflict(const QString &reason, const QString &message)
    {
        return {ErrorCode::Conflict, message, {}, 0, reason};
    }
    static Error rateLimited(const QString &reason, const QString &message, int retryAfter)
    {
        return {ErrorCode::RateLimited, message, {}, retryAfter, reason};
    }
    static Error unavailable(const QString &message) { return {ErrorCode::Unavailable, message}; }
    static Error internal(const QString &message) { return {ErrorCode::Internal, message}; }

    // "field: message" when a field is named, else the message.
    QString toString() const;
};

} // namespace vc
