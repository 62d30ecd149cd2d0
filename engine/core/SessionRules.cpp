#include "core/SessionRules.h"

#include "crypto/CodeGenerator.h"
#include "crypto/Uuid.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QList<Workflows::Step> Workflows::parse(const QString &json)
{
    QList<Step> steps;
    if (json.isEmpty())
        return steps;
    for (const QJsonValue &item : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = item.toObject();
        const auto c = channelFromName(o.value(QStringLiteral("channel")).toString());
        if (!c)
            return {};
        steps.append({*c, o.value(QStringLiteral("wait_seconds")).toInt(0)});
    }
    return steps;
}

namespace {

// The workflow's steps: 1-5, each channel enabled and able to reach the recipient of the first,
// a wait of 10-3600 s (at most the code's validity) on every step but the last.
Status validateWorkflow(const StartRequest &r, const Service &service, ValidatedStart &v)
{
    if (r.workflow.isEmpty())
        return {};
    if (r.workflow.size() > Workflows::MaxSteps)
        return Error::invalid(QStringLiteral("workflow"),
                              QStringLiteral("must have 1 to %1 steps").arg(Workflows::MaxSteps));
    QJsonArray stored;
    for (qsizetype i = 0; i < r.workflow.size(); ++i) {
        const WorkflowStepRequest &step = r.workflow.at(i);
        const QString at = QStringLiteral("workflow[%1].").arg(i);
        auto channel = channelFor(at + QStringLiteral("channel"), step.channel, service);
        if (!channel)
            return channel.error();
        if (channelUsesPhone(*channel) != (v.recipient.kind == Recipient::Kind::Phone))
            return Error::invalid(at + QStringLiteral("channel"),
                                  QStringLiteral("%1 cannot reach the recipient; a phone number "
                                                 "takes sms or voice, an e-mail address email")
                                      .arg(channelName(*channel)));
        // Every step obeys the destination rules (a landline gets no SMS step).
        if (Status d = SessionRules::checkDestination(*channel, v.recipient, service); !d) {
            Error e = d.error();
            if (e.field == QLatin1String("recipient"))
                e.field = at + QStringLiteral("channel");
            return e;
        }
        const bool last = i == r.workflow.size() - 1;
        QJsonObject o{{QStringLiteral("channel"), channelName(*channel)}};
        if (step.waitSeconds || !last) {
            const int wait = step.waitSeconds.value_or(0);
            // A step's code is valid for ttl_seconds: the next step must come before it expires.
            const int most = qMin(Workflows::MaxWaitSeconds, v.ttlSeconds - 1);
            if (wait < Workflows::MinWaitSeconds || wait > most)
                return Error::invalid(at + QStringLiteral("wait_seconds"),
                                      QStringLiteral("%1 from %2 to %3 seconds (less than the "
                                                     "code's ttl_seconds)")
                                          .arg(last ? QStringLiteral("may be omitted, or must be")
                                                    : QStringLiteral("is required:"))
                                          .arg(Workflows::MinWaitSeconds)
                                          .arg(most));
            o.insert(QStringLiteral("wait_seconds"), wait);
        }
        stored.append(o);
    }
    v.workflowJson = QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact));
    v.firstWaitSeconds = stored.first().toObject().value(QStringLiteral("wait_seconds")).toInt(0);
    return {};
}

} // namespace

Result<ValidatedStart> SessionRules::validateStart(const StartRequest &r, const Service &service)
{
    ValidatedStart v;
    QString firstChannel = r.channel;
    if (!r.workflow.isEmpty()) {
        if (firstChannel.isEmpty())
            firstChannel = r.workflow.first().channel;
        else if (firstChannel != r.workflow.first().channel)
            return Error::invalid(QStringLiteral("channel"),
                                  QStringLiteral("must be omitted or equal workflow[0].channel"));
    }
    auto channel = channelFor(QStringLiteral("channel"), firstChannel, service);
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
    if (Status s = validateWorkflow(r, service, v); !s)
        return s.error();
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
