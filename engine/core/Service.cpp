#include "core/Service.h"

#include "core/JsonViews.h"
#include "core/Recipient.h"
#include "crypto/CodeGenerator.h"
#include "crypto/SecureBytes.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace vc {

namespace {

Status intIn(const QString &key, const QJsonValue &v, int lo, int hi, int &out)
{
    const QString range = QStringLiteral("must be a whole number from %1 to %2").arg(lo).arg(hi);
    if (!v.isDouble())
        return Error::invalid(key, range);
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<qint64>(d)) || d < lo || d > hi)
        return Error::invalid(key, range);
    out = static_cast<int>(d);
    return {};
}

Status boolValue(const QString &key, const QJsonValue &v, bool &out)
{
    if (!v.isBool())
        return Error::invalid(key, QStringLiteral("must be true or false"));
    out = v.toBool();
    return {};
}

Status textValue(const QString &key, const QJsonValue &v, int maxLength, bool allowEmpty,
                 QString &out)
{
    if (!v.isString())
        return Error::invalid(key, QStringLiteral("must be a string"));
    const QString s = v.toString().trimmed();
    if (!allowEmpty && s.isEmpty())
        return Error::invalid(key, QStringLiteral("must not be empty"));
    if (s.size() > maxLength)
        return Error::invalid(key, QStringLiteral("must be at most %1 characters").arg(maxLength));
    for (QChar ch : s)
        if (ch.category() == QChar::Other_Control)
            return Error::invalid(key, QStringLiteral("must not contain control characters"));
    out = s;
    return {};
}

QJsonArray channelsJson(const QList<Channel> &channels)
{
    QJsonArray a;
    for (Channel c : channels)
        a.append(channelName(c));
    return a;
}

QJsonArray testRecipientsJson(const QList<TestRecipient> &list)
{
    QJsonArray a;
    for (const TestRecipient &t : list) {
        QJsonObject o{{QStringLiteral("recipient"), t.masked}};
        if (!t.isPending())
            o.insert(QStringLiteral("id"), t.id());
        a.append(o);
    }
    return a;
}

// An entry of test_recipients: {"id": ...} (or the id as a string) keeps a stored entry;
// {"recipient": ..., "code": ...} (or "RECIPIENT:CODE") adds one. Errors never quote the
// recipient or the code.
Status setTestRecipients(Service &s, const QJsonValue &v)
{
    const QString key = QStringLiteral("test_recipients");
    if (!v.isArray())
        return Error::invalid(key, QStringLiteral("must be a list of {\"recipient\", \"code\"} "
                                                  "entries (or ids of stored ones)"));
    const QJsonArray items = v.toArray();
    if (items.size() > Limits::MaxTestRecipients)
        return Error::invalid(
            key, QStringLiteral("at most %1 test recipients").arg(Limits::MaxTestRecipients));
    QList<TestRecipient> out;
    for (const QJsonValue &item : items) {
        QString id, recipient, code;
        if (item.isObject()) {
            const QJsonObject o = item.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                if (it.key() != QLatin1String("id") && it.key() != QLatin1String("recipient") &&
                    it.key() != QLatin1String("code"))
                    return Error::invalid(key, QStringLiteral("entries take id, or recipient and "
                                                              "code"));
            if (o.contains(QStringLiteral("code"))) {
                recipient = o.value(QStringLiteral("recipient")).toString();
                code = o.value(QStringLiteral("code")).toString();
            } else {
                id = o.value(QStringLiteral("id")).toString();
            }
        } else if (item.isString()) {
            const QString text = item.toString().trimmed();
            const qsizetype colon = text.lastIndexOf(u':');
            if (colon < 0) {
                id = text;
            } else {
                recipient = text.left(colon).trimmed();
                code = text.mid(colon + 1).trimmed();
            }
        } else {
            return Error::invalid(key, QStringLiteral("entries must be objects"));
        }
        if (!id.isEmpty() || (recipient.isEmpty() && code.isEmpty())) {
            const TestRecipient *kept = nullptr;
            for (const TestRecipient &t : s.testRecipients)
                if (!t.isPending() && !id.isEmpty() && t.id() == id)
                    kept = &t;
            if (!kept)
                return Error::invalid(
                    key, QStringLiteral("no stored test recipient has id %1").arg(id.left(16)));
            out.append(*kept);
            continue;
        }
        auto parsed = recipient.contains(u'@') ? Recipients::parseEmail(recipient)
                                               : Recipients::parsePhone(recipient, s.defaultRegion);
        if (!parsed)
            return Error::invalid(key, QStringLiteral("a recipient is not valid: ") +
                                           parsed.error().message);
        auto normalised = CodeGenerator::normalize(code);
        const bool numeric =
            normalised &&
            CodeGenerator::isWellFormed(normalised->bytes(), static_cast<int>(normalised->size()),
                                        CodeType::Numeric);
        if (!normalised ||
            (!numeric &&
             !CodeGenerator::isWellFormed(normalised->bytes(), static_cast<int>(normalised->size()),
                                          CodeType::Alphanumeric)))
            return Error::invalid(key, QStringLiteral("a code must be 4-10 digits (or letters "
                                                      "and digits without look-alikes)"));
        TestRecipient t;
        t.masked = parsed->masked;
        t.pendingIndexForm = parsed->indexForm;
        t.pendingCode = std::make_shared<SecureBytes>(std::move(*normalised));
        out.append(std::move(t));
    }
    s.testRecipients = out;
    return {};
}

#define VC_INT_FIELD(KEY, MEMBER, LO, HI, DESC)                                                    \
    ServiceField                                                                                   \
    {                                                                                              \
        QStringLiteral(KEY), QStringLiteral(DESC),                                                 \
            [](const Service &s) { return QJsonValue(s.MEMBER); },                                 \
            [](Service &s, const QJsonValue &v) {                                                  \
                return intIn(QStringLiteral(KEY), v, LO, HI, s.MEMBER);                            \
            }                                                                                      \
    }

QList<ServiceField> makeFields()
{
    using namespace Limits;
    return {
        ServiceField{QStringLiteral("name"), QStringLiteral("Name shown in the console"),
                     [](const Service &s) { return QJsonValue(s.name); },
                     [](Service &s, const QJsonValue &v) {
                         return textValue(QStringLiteral("name"), v, MaxServiceNameLength, false,
                                          s.name);
                     }},
        ServiceField{QStringLiteral("app_name"),
                     QStringLiteral("Application name used as {app_name} in messages"),
                     [](const Service &s) { return QJsonValue(s.appName); },
                     [](Service &s, const QJsonValue &v) {
                         return textValue(QStringLiteral("app_name"), v, MaxAppNameLength, false,
                                          s.appName);
                     }},
        VC_INT_FIELD("code_length", codeLength, MinCodeLength, MaxCodeLength,
                     "Characters in a code (4-10)"),
        ServiceField{QStringLiteral("code_type"),
                     QStringLiteral("numeric, or alphanumeric (no look-alike characters)"),
                     [](const Service &s) { return QJsonValue(codeTypeName(s.codeType)); },
                     [](Service &s, const QJsonValue &v) -> Status {
                         const auto t = codeTypeFromName(v.toString());
                         if (!v.isString() || !t)
                             return Error::invalid(QStringLiteral("code_type"),
                                                   QStringLiteral("must be numeric or "
                                                                  "alphanumeric"));
                         s.codeType = *t;
                         return {};
                     }},
        VC_INT_FIELD("ttl_seconds", ttlSeconds, MinTtlSeconds, MaxTtlSeconds,
                     "Seconds a code stays valid (60-3600)"),
        VC_INT_FIELD("max_attempts", maxAttempts, MinAttempts, MaxAttempts,
                     "Wrong codes before the session fails (1-10)"),
        VC_INT_FIELD("max_resends", maxResends, MinResends, MaxResends,
                     "Resends allowed per session (0-10)"),
        VC_INT_FIELD("resend_cooldown_seconds", resendCooldownSeconds, MinResendCooldownSeconds,
                     MaxResendCooldownSeconds, "Seconds between sends to one session (0-3600)"),
        VC_INT_FIELD("starts_per_recipient_per_hour", startsPerRecipientPerHour,
                     MinStartsPerRecipientPerHour, MaxStartsPerRecipientPerHour,
                     "Sessions one recipient may start per hour (1-1000)"),
        VC_INT_FIELD("starts_per_ip_per_hour", startsPerIpPerHour, MinStartsPerHour,
                     MaxStartsPerHour,
                     "Sessions one end-user IP address (ip_address) may start per hour (0 = no "
                     "limit)"),
        VC_INT_FIELD("starts_per_key_per_hour", startsPerKeyPerHour, MinStartsPerHour,
                     MaxStartsPerHour, "Sessions one API key may start per hour (0 = no limit)"),
        VC_INT_FIELD("starts_per_service_per_hour", startsPerServicePerHour, MinStartsPerHour,
                     MaxStartsPerHour, "Sessions the service may start per hour (0 = no limit)"),
        ServiceField{QStringLiteral("reuse_pending_session"),
                     QStringLiteral("Whether a start to a recipient with an open session of the "
                                    "same channel returns that session instead of sending a "
                                    "new code"),
                     [](const Service &s) { return QJsonValue(s.reusePendingSession); },
                     [](Service &s, const QJsonValue &v) {
                         return boolValue(QStringLiteral("reuse_pending_session"), v,
                                          s.reusePendingSession);
                     }},
        ServiceField{
            QStringLiteral("default_locale"),
            QStringLiteral("Message language when the request and the number's "
                           "country give none (en, nb, sv, da, fi)"),
            [](const Service &s) { return QJsonValue(s.defaultLocale); },
            [](Service &s, const QJsonValue &v) -> Status {
                const auto l = normalizeLocale(v.toString());
                if (!v.isString() || !l)
                    return Error::invalid(
                        QStringLiteral("default_locale"),
                        QStringLiteral("must be one of %1").arg(supportedLocales().join(u", ")));
                s.defaultLocale = *l;
                return {};
            }},
        ServiceField{QStringLiteral("default_region"),
                     QStringLiteral("Country (ISO 3166-1, e.g. NO) for phone numbers given "
                                    "without +country code; empty to require +"),
                     [](const Service &s) { return QJsonValue(s.defaultRegion); },
                     [](Service &s, const QJsonValue &v) -> Status {
                         static const QRegularExpression re(QStringLiteral("^[A-Z]{2}$"));
                         const QString r = v.toString().trimmed().toUpper();
                         if (!v.isString() || (!r.isEmpty() && !re.match(r).hasMatch()))
                             return Error::invalid(QStringLiteral("default_region"),
                                                   QStringLiteral("must be a two-letter country "
                                                                  "code such as NO, or empty"));
                         s.defaultRegion = r;
                         return {};
                     }},
        ServiceField{QStringLiteral("channels"),
                     QStringLiteral("Enabled channels, a list of sms, voice, email"),
                     [](const Service &s) { return QJsonValue(channelsJson(s.channels)); },
                     [](Service &s, const QJsonValue &v) -> Status {
                         const QString key = QStringLiteral("channels");
                         if (!v.isArray() || v.toArray().isEmpty())
                             return Error::invalid(key, QStringLiteral("must be a non-empty list "
                                                                       "of sms, voice, email"));
                         QList<Channel> out;
                         for (const QJsonValue &item : v.toArray()) {
                             const auto c = channelFromName(item.toString());
                             if (!item.isString() || !c)
                                 return Error::invalid(key, QStringLiteral("unknown channel; use "
                                                                           "sms, voice, email"));
                             if (!out.contains(*c))
                                 out.append(*c);
                         }
                         s.channels = out;
                         return {};
                     }},
        ServiceField{QStringLiteral("allowed_countries"),
                     QStringLiteral("Countries (ISO 3166-1, e.g. NO,SE) phone channels may send "
                                    "to; empty for all"),
                     [](const Service &s) {
                         return QJsonValue(QJsonArray::fromStringList(s.allowedCountries));
                     },
                     [](Service &s, const QJsonValue &v) -> Status {
                         const QString key = QStringLiteral("allowed_countries");
                         const QString what = QStringLiteral("must be a list of two-letter "
                                                             "country codes such as NO, or empty");
                         if (!v.isArray() || v.toArray().size() > Limits::MaxAllowedCountries)
                             return Error::invalid(key, what);
                         QStringList out;
                         for (const QJsonValue &item : v.toArray()) {
                             const QString r = item.toString().trimmed().toUpper();
                             if (!item.isString() || !Recipients::isKnownRegion(r))
                                 return Error::invalid(key, what);
                             if (!out.contains(r))
                                 out.append(r);
                         }
                         out.sort();
                         s.allowedCountries = out;
                         return {};
                     }},
        ServiceField{QStringLiteral("sms_mobile_only"),
                     QStringLiteral("Whether SMS goes only to numbers that can be mobile (a "
                                    "landline is refused with a hint to use voice)"),
                     [](const Service &s) { return QJsonValue(s.smsMobileOnly); },
                     [](Service &s, const QJsonValue &v) {
                         return boolValue(QStringLiteral("sms_mobile_only"), v, s.smsMobileOnly);
                     }},
        ServiceField{
            QStringLiteral("test_recipients"),
            QStringLiteral("Recipients that get no message and a fixed code (app-store "
                           "review, QA): a list of RECIPIENT:CODE, or ids of stored "
                           "entries to keep"),
            [](const Service &s) { return QJsonValue(testRecipientsJson(s.testRecipients)); },
            setTestRecipients},
        ServiceField{QStringLiteral("allow_custom_code"),
                     QStringLiteral("Whether a start request may supply its own code"),
                     [](const Service &s) { return QJsonValue(s.allowCustomCode); },
                     [](Service &s, const QJsonValue &v) {
                         return boolValue(QStringLiteral("allow_custom_code"), v,
                                          s.allowCustomCode);
                     }},
        ServiceField{QStringLiteral("enabled"),
                     QStringLiteral("Whether the service accepts new sessions"),
                     [](const Service &s) { return QJsonValue(s.enabled); },
                     [](Service &s, const QJsonValue &v) {
                         return boolValue(QStringLiteral("enabled"), v, s.enabled);
                     }},
        ServiceField{QStringLiteral("webhook_url"),
                     QStringLiteral("Where status webhooks go when a session gives no "
                                    "callback_url (http or https); empty for none"),
                     [](const Service &s) { return QJsonValue(s.webhookUrl); },
                     [](Service &s, const QJsonValue &v) -> Status {
                         const QString key = QStringLiteral("webhook_url");
                         if (!v.isString())
                             return Error::invalid(key, QStringLiteral("must be a string"));
                         const QString url = v.toString().trimmed();
                         if (!url.isEmpty())
                             if (Status st = ServiceRules::validateWebhookUrl(key, url); !st)
                                 return st;
                         s.webhookUrl = url;
                         return {};
                     }},
    };
}

#undef VC_INT_FIELD

} // namespace

QJsonObject Service::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id}};
    for (const ServiceField &f : ServiceRules::fields())
        o.insert(f.key, f.get(*this));
    o.insert(QStringLiteral("created_at"), Json::time(createdAt));
    o.insert(QStringLiteral("updated_at"), Json::time(updatedAt));
    return o;
}

const QList<ServiceField> &ServiceRules::fields()
{
    static const QList<ServiceField> table = makeFields();
    return table;
}

const ServiceField *ServiceRules::field(const QString &key)
{
    for (const ServiceField &f : fields())
        if (f.key == key)
            return &f;
    return nullptr;
}

Status ServiceRules::validateId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    if (!re.match(id).hasMatch())
        return Error::invalid(QStringLiteral("service_id"),
                              QStringLiteral("must be 1-40 characters: lower-case letters, digits, "
                                             "'-' or '_', starting with a letter or digit"));
    return {};
}

Status ServiceRules::validate(const Service &service)
{
    if (Status s = validateId(service.id); !s)
        return s;
    // Round-trip every field through its setter: the one place that knows each bound.
    Service copy = service;
    for (const ServiceField &f : fields())
        if (Status s = f.set(copy, f.get(service)); !s)
            return s;
    return {};
}

Result<Service> ServiceRules::applyPatch(const Service &service, const QJsonObject &patch)
{
    Service out = service;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const ServiceField *f = field(it.key());
        if (!f)
            return Error::invalid(it.key(), QStringLiteral("is not a service setting"));
        if (Status s = f->set(out, it.value()); !s)
            return s.error();
    }
    return out;
}

Result<QJsonValue> ServiceRules::parseFieldText(const QString &key, const QString &text)
{
    const ServiceField *f = field(key);
    if (!f)
        return Error::invalid(key, QStringLiteral("is not a service setting"));
    const QJsonValue sample = f->get(Service{});
    if (sample.isDouble()) {
        bool ok = false;
        const qint64 n = text.trimmed().toLongLong(&ok);
        if (!ok)
            return Error::invalid(key, QStringLiteral("must be a whole number"));
        return QJsonValue(static_cast<double>(n));
    }
    if (sample.isBool()) {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
            return QJsonValue(true);
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
            return QJsonValue(false);
        return Error::invalid(key, QStringLiteral("must be true or false"));
    }
    if (sample.isArray()) {
        QJsonArray a;
        for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
            a.append(part.trimmed());
        return QJsonValue(a);
    }
    return QJsonValue(text);
}

Status ServiceRules::validateWebhookUrl(const QString &field, const QString &url)
{
    if (url.size() > Limits::MaxCallbackUrlLength)
        return Error::invalid(
            field,
            QStringLiteral("must be at most %1 characters").arg(Limits::MaxCallbackUrlLength));
    for (QChar ch : url)
        if (ch.category() == QChar::Other_Control || ch.isSpace())
            return Error::invalid(field, QStringLiteral("must not contain spaces or control "
                                                        "characters"));
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return Error::invalid(field, QStringLiteral("must be an absolute http or https URL"));
    return {};
}

Service ServiceRules::makeDefault(const QString &id, qint64 nowMs)
{
    Service s;
    s.id = id;
    s.name = id == QLatin1String("default") ? QStringLiteral("Default") : id;
    s.appName = QStringLiteral("Verify");
    s.createdAt = nowMs;
    s.updatedAt = nowMs;
    return s;
}

} // namespace vc
