// The bodies of POST /v1/verify/start and /v1/verify/check as the HTTP API receives them, through
// the same code as the handlers (parseStartBody, parseCheckBody) and on into the engine's checks
// (SessionRules::validateStart, validateSessionId) — no server, no database.
//
// Input: the request body (a JSON object, or anything else). Two services are tried: the default
// one, and one that takes national numbers (region NO), alphanumeric and caller-supplied codes.

#include "FuzzSupport.h"
#include "core/JsonViews.h"
#include "core/SessionRules.h"
#include "http/api/VerifyRequests.h"

#include <QJsonDocument>

#include <algorithm>

using namespace vc;
using vc::fuzz::require;

namespace {

const QByteArray ContentType = QByteArrayLiteral("application/json");

Service plainService()
{
    Service s;
    s.id = QStringLiteral("default");
    s.appName = QStringLiteral("Verify");
    return s;
}

Service permissiveService()
{
    Service s = plainService();
    s.id = QStringLiteral("shop");
    s.defaultRegion = QStringLiteral("NO");
    s.codeType = CodeType::Alphanumeric;
    s.allowCustomCode = true;
    s.defaultLocale = QStringLiteral("nb");
    return s;
}

int digits(const QString &s)
{
    return int(std::count_if(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }));
}

// Every refusal is a 400 naming a field, and never repeats a secret: the recipient or the code.
void checkError(const Error &e, const StartRequest &r)
{
    require(e.code == ErrorCode::InvalidArgument, "a bad start request is InvalidArgument");
    require(!e.field.isEmpty(), "a bad start request names the field");
    const QString text = e.toString() + QString::fromUtf8(Json::encode(e));
    for (const QString &secret : {r.recipient.trimmed(), r.customCode.trimmed()})
        if (digits(secret) >= 6 || (secret.contains(u'@') && secret.size() >= 8))
            require(!text.contains(secret), "an error quotes the recipient or the code");
}

void checkValid(const ValidatedStart &v, const StartRequest &r, const Service &service)
{
    require(channelFromName(r.channel) == v.channel, "the channel is the requested one");
    require(service.hasChannel(v.channel), "the channel is enabled");
    require(!v.recipient.normalised.isEmpty() && !v.recipient.masked.isEmpty(),
            "a recipient was parsed");
    require((v.recipient.kind == Recipient::Kind::Phone) == channelUsesPhone(v.channel),
            "sms and voice go to phones, email to addresses");
    require(v.codeLength >= Limits::MinCodeLength && v.codeLength <= Limits::MaxCodeLength,
            "code_length in range");
    require(v.ttlSeconds >= Limits::MinTtlSeconds && v.ttlSeconds <= Limits::MaxTtlSeconds,
            "ttl_seconds in range");
    require(supportedLocales().contains(v.locale), "a supported locale");
    require(v.reference.size() <= Limits::MaxReferenceLength, "reference length");
    require(v.callbackUrl.size() <= Limits::MaxCallbackUrlLength, "callback_url length");
    require(v.callbackUrl.isEmpty() ||
                v.callbackUrl.startsWith(QLatin1String("http"), Qt::CaseInsensitive),
            "callback_url is http(s)");
    if (v.customCode) {
        require(service.allowCustomCode, "custom codes only where allowed");
        require(v.customCode->size() == v.codeLength, "a custom code has code_length characters");
    } else {
        require(r.customCode.isEmpty(), "a given custom code is used");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16 * 1024)
        return -1; // the transport refuses larger bodies before they are read
    const QByteArray body = vc::fuzz::bytes(data, size);

    Result<StartRequest> start = http::parseStartBody(body, ContentType);
    if (!start) {
        require(start.error().code == ErrorCode::InvalidArgument, "a bad body is a 400");
    } else {
        require(!start->channel.isEmpty(), "channel is required");
        for (const Service &service : {plainService(), permissiveService()}) {
            const Result<ValidatedStart> v = SessionRules::validateStart(*start, service);
            if (v)
                checkValid(*v, *start, service);
            else
                checkError(v.error(), *start);
        }
        cleanseString(start->customCode);
    }
    // Only application/json is read.
    require(!http::parseStartBody(body, QByteArrayLiteral("text/plain")).ok(),
            "a body that is not JSON by type is refused");

    Result<CheckRequest> check = http::parseCheckBody(body, ContentType);
    if (check) {
        const Status id = SessionRules::validateSessionId(check->sessionId);
        if (!id)
            require(id.error().field == QLatin1String("session_id"), "a bad id names session_id");
        cleanseString(check->code);
    }
    return 0;
}
