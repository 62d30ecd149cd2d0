#include "delivery/ProviderFactory.h"

#include "delivery/HttpGatewayProvider.h"
#include "delivery/HttpGatewaySettings.h"
#include "delivery/KannelProvider.h"
#include "delivery/SmtpProvider.h"

namespace vc {

namespace {

using Type = ProviderField::Type;

ProviderField field(const char *key, Type type, QJsonValue defaultValue = {}, bool required = false,
                    QStringList choices = {})
{
    return {QString::fromLatin1(key), type, required, std::move(defaultValue), std::move(choices)};
}

} // namespace

QStringList providerKinds()
{
    return {QStringLiteral("smtp"), QStringLiteral("kannel"), QStringLiteral("http")};
}

QList<Channel> channelsOfKind(const QString &kind)
{
    if (kind == QLatin1String("smtp"))
        return {Channel::Email};
    if (kind == QLatin1String("kannel"))
        return {Channel::Sms};
    if (kind == QLatin1String("http"))
        return {Channel::Sms, Channel::Voice};
    return {};
}

// The keys are those the providers' fromJson() parse (their headers document them).
QList<ProviderField> providerFields(const QString &kind)
{
    if (kind == QLatin1String("smtp"))
        return {
            field("host", Type::Text, {}, true),
            field("port", Type::Number, 587),
            field("security", Type::Choice, QStringLiteral("starttls"), false,
                  {QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")}),
            field("username", Type::Text),
            field("password", Type::Secret),
            field("from_address", Type::Text, {}, true),
            field("from_name", Type::Text),
            field("timeout_ms", Type::Number, 15000),
            field("verify_peer", Type::Bool, true),
            field("ca_file", Type::Text),
        };
    if (kind == QLatin1String("kannel"))
        return {
            field("sendsms_url", Type::Text,
                  QStringLiteral("http://127.0.0.1:13013/cgi-bin/sendsms"), true),
            field("username", Type::Text, {}, true),
            field("password", Type::Secret),
            field("from", Type::Text),
            field("receipt_base_url", Type::Text, QStringLiteral("http://127.0.0.1:8780")),
            field("receipt_token", Type::Secret),
            field("timeout_ms", Type::Number, 10000),
        };
    if (kind == QLatin1String("http"))
        return {
            field("url", Type::Text, {}, true),
            field("method", Type::Choice, QStringLiteral("POST"), false,
                  {QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("GET")}),
            field("auth", Type::Choice, QStringLiteral("bearer"), false,
                  {QStringLiteral("bearer"), QStringLiteral("basic"), QStringLiteral("none")}),
            field("username", Type::Text),
            field("token", Type::Secret),
            field("password", Type::Secret),
            field("headers", Type::MultiLine, QJsonObject()),
            field("body_format", Type::Choice, QStringLiteral("json"), false,
                  {QStringLiteral("json"), QStringLiteral("form"), QStringLiteral("none")}),
            field("body_template", Type::MultiLine,
                  QStringLiteral("{\"to\": \"{to}\", \"text\": \"{message}\"}")),
            field("success_min", Type::Number, 200),
            field("success_max", Type::Number, 299),
            field("success_json_field", Type::Text),
            field("success_json_value", Type::Text),
            field("message_id_json_field", Type::Text),
            field("timeout_ms", Type::Number, 10000),
            field("verify_peer", Type::Bool, true),
            field("audio", Type::Choice, QStringLiteral("text"), false,
                  {QStringLiteral("text"), QStringLiteral("wav_base64")}),
        };
    return {};
}

Result<std::shared_ptr<DeliveryProvider>> makeProvider(const QString &name, const QString &kind,
                                                       const QJsonObject &settings,
                                                       const QJsonObject &secrets)
{
    if (kind == QLatin1String("smtp")) {
        auto parsed = SmtpSettings::fromJson(settings, secrets);
        if (!parsed)
            return parsed.error();
        return std::shared_ptr<DeliveryProvider>(
            std::make_shared<SmtpProvider>(name, std::move(*parsed)));
    }
    if (kind == QLatin1String("kannel")) {
        auto parsed = KannelSettings::fromJson(settings, secrets);
        if (!parsed)
            return parsed.error();
        return std::shared_ptr<DeliveryProvider>(
            std::make_shared<KannelProvider>(name, std::move(*parsed)));
    }
    if (kind == QLatin1String("http")) {
        auto parsed = HttpGatewaySettings::fromJson(settings, secrets);
        if (!parsed)
            return parsed.error();
        return std::shared_ptr<DeliveryProvider>(
            std::make_shared<HttpGatewayProvider>(name, std::move(*parsed)));
    }
    return Error::invalid(QStringLiteral("kind"),
                          QStringLiteral("unknown provider kind %1").arg(kind));
}

} // namespace vc
