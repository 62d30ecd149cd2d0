#include "core/SessionRules.h"

#include "crypto/CodeGenerator.h"
#include "crypto/Uuid.h"

#include <QHostAddress>
#include <QUrl>

namespace vc {

namespace {

Status plainText(const QString &field, const QString &value, int maxLength)
{
    if (value.size() > maxLength)
        return Error::invalid(field,
                              QStringLiteral("must be at most %1 characters").arg(maxLength));
    for (QChar ch : value)
        if (ch.category() == QChar::Other_Control)
            return Error::invalid(field, QStringLiteral("must not contain control characters"));
    return {};
}

Result<Channel> channelFor(const QString &field, const QString &name, const Service &service)
{
    const auto channel = channelFromName(name);
    if (!channel)
        return Error::invalid(field, name.isEmpty() ? QStringLiteral("is required: sms, voice or "
                                                                     "email")
                                                    : QStringLiteral("must be sms, voice or "
                                                                     "email"));
    if (!service.hasChannel(*channel))
        return Error::invalid(field, QStringLiteral("%1 is not enabled for service %2")
                                         .arg(channelName(*channel), service.id));
    return *channel;
}

QString numberTypeText(const QString &type)
{
    QString text = type;
    text.replace(u'_', u' ');
    return text;
}

} // namespace

Status SessionRules::checkDestination(Channel channel, const Recipient &recipient,
                                      const Service &service)
{
    if (recipient.kind != Recipient::Kind::Phone)
        return {};
    if (!service.allowedCountries.isEmpty() && !service.allowedCountries.contains(recipient.region))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("sending to +%1 numbers (%2) is not allowed for service %3")
                         .arg(recipient.callingCode)
                         .arg(recipient.region, service.id),
                     QStringLiteral("recipient"), 0, QStringLiteral("country_not_allowed")};
    const QString &type = recipient.numberType;
    // Premium-rate and shared-cost numbers earn their owner money per message or call: the
    // classic way to turn a verification service into a revenue stream (SMS pumping, IRSF).
    if (type == QLatin1String("premium_rate") || type == QLatin1String("shared_cost"))
        return Error::invalid(QStringLiteral("recipient"),
                              QStringLiteral("is a %1 number; codes are never sent to premium-rate "
                                             "or shared-cost numbers")
                                  .arg(numberTypeText(type)));
    if (channel == Channel::Sms && service.smsMobileOnly && type != QLatin1String("mobile") &&
        type != QLatin1String("fixed_line_or_mobile"))
        return Error::invalid(QStringLiteral("recipient"),
                              QStringLiteral("is a %1 number, which cannot receive SMS; send the "
                                             "code by voice call instead (channel voice)")
                                  .arg(numberTypeText(type)));
    return {};
}

int SessionRules::ttlMinutes(int ttlSeconds)
{
    return (ttlSeconds + 59) / 60;
}

Result<ValidatedStart> SessionRules::validateStart(const StartRequest &r, const Service &service)
{
    ValidatedStart v;
    auto channel = channelFor(QStringLiteral("channel"), r.channel, service);
    if (!channel)
        return channel.error();
    v.channel = *channel;

    if (r.recipient.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("recipient"), QStringLiteral("is required"));
    auto recipient = Recipients::parseFor(v.channel, r.recipient, service.defaultRegion);
    if (!recipient)
        return recipient.error();
    v.recipient = std::move(*recipient);
    if (Status s = checkDestination(v.channel, v.recipient, service); !s)
        return s.error();

    v.codeLength = r.codeLength.value_or(service.codeLength);
    if (v.codeLength < Limits::MinCodeLength || v.codeLength > Limits::MaxCodeLength)
        return Error::invalid(QStringLiteral("code_length"), QStringLiteral("must be from %1 to %2")
                                                                 .arg(Limits::MinCodeLength)
                                                                 .arg(Limits::MaxCodeLength));
    v.ttlSeconds = r.ttlSeconds.value_or(service.ttlSeconds);
    if (v.ttlSeconds < Limits::MinTtlSeconds || v.ttlSeconds > Limits::MaxTtlSeconds)
        return Error::invalid(QStringLiteral("ttl_seconds"),
                              QStringLiteral("must be from %1 to %2 seconds")
                                  .arg(Limits::MinTtlSeconds)
                                  .arg(Limits::MaxTtlSeconds));

    if (!r.locale.isEmpty()) {
        const auto locale = normalizeLocale(r.locale);
        if (!locale)
            return Error::invalid(QStringLiteral("locale"),
                                  QStringLiteral("is not supported; use one of %1")
                                      .arg(supportedLocales().join(u", ")));
        v.locale = *locale;
    } else {
        v.locale = localeForRegion(v.recipient.region).value_or(service.defaultLocale);
    }

    if (Status s = plainText(QStringLiteral("reference"), r.reference, Limits::MaxReferenceLength);
        !s)
        return s.error();
    v.reference = r.reference;

    if (!r.callbackUrl.isEmpty()) {
        if (Status s =
                ServiceRules::validateWebhookUrl(QStringLiteral("callback_url"), r.callbackUrl);
            !s)
            return s.error();
        v.callbackUrl = r.callbackUrl;
    }

    if (!r.clientIp.isEmpty()) {
        QHostAddress address;
        if (r.clientIp.size() > 64 || !address.setAddress(r.clientIp))
            return Error::invalid(QStringLiteral("ip_address"),
                                  QStringLiteral("must be an IPv4 or IPv6 address"));
        v.clientIp = address.toString();
    }

    if (!r.customCode.isEmpty()) {
        if (!service.allowCustomCode)
            return Error::invalid(
                QStringLiteral("custom_code"),
                QStringLiteral("service %1 does not accept caller-supplied codes").arg(service.id));
        auto code = CodeGenerator::normalize(r.customCode);
        if (!code || !CodeGenerator::isWellFormed(code->bytes(), v.codeLength, service.codeType))
            return Error::invalid(QStringLiteral("custom_code"),
                                  QStringLiteral("must be %1 %2 characters")
                                      .arg(v.codeLength)
                                      .arg(service.codeType == CodeType::Numeric
                                               ? QStringLiteral("digit")
                                               : QStringLiteral("letter-or-digit")));
        v.customCode = std::make_shared<SecureBytes>(std::move(*code));
    }
    return v;
}

Status SessionRules::validateSessionId(const QString &id)
{
    if (id.isEmpty())
        return Error::invalid(QStringLiteral("session_id"), QStringLiteral("is required"));
    if (!isUuidText(id))
        return Error::invalid(QStringLiteral("session_id"), QStringLiteral("is not a session id"));
    return {};
}

Result<Channel> SessionRules::resendChannel(const SessionView &session, const QString &requested,
                                            const Service &service)
{
    if (requested.isEmpty())
        return session.channel;
    auto channel = channelFor(QStringLiteral("channel"), requested, service);
    if (!channel)
        return channel.error();
    if (channelUsesPhone(*channel) != channelUsesPhone(session.channel))
        return Error::invalid(QStringLiteral("channel"),
                              QStringLiteral("%1 cannot reach this session's recipient; a phone "
                                             "number takes sms or voice, an e-mail address email")
                                  .arg(channelName(*channel)));
    return *channel;
}

} // namespace vc
