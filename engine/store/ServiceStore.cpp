#include "store/ServiceStore.h"

#include "store/Database.h"
#include "store/KeyStore.h"
#include "store/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vc {

namespace {

const QString kColumns = QStringLiteral(
    "id, name, app_name, code_length, code_type, ttl_seconds, max_attempts, max_resends, "
    "resend_cooldown_seconds, starts_per_recipient_per_hour, default_locale, default_region, "
    "channels, allow_custom_code, enabled, created_at, updated_at, starts_per_ip_per_hour, "
    "starts_per_key_per_hour, starts_per_service_per_hour, reuse_pending_session, "
    "allowed_countries, sms_mobile_only, test_recipients, webhook_url");

// Test recipients as stored: blind index, masked form and sealed code (base64), never the
// recipient or the code in the clear.
QString testRecipientsText(const QList<TestRecipient> &list)
{
    QJsonArray a;
    for (const TestRecipient &t : list) {
        Q_ASSERT(!t.isPending());
        a.append(
            QJsonObject{{QStringLiteral("index"), QString::fromLatin1(t.index.toBase64())},
                        {QStringLiteral("masked"), t.masked},
                        {QStringLiteral("code"), QString::fromLatin1(t.codeSealed.toBase64())}});
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<TestRecipient> testRecipientsFrom(const QString &text)
{
    QList<TestRecipient> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        TestRecipient t;
        t.index = QByteArray::fromBase64(o.value(QStringLiteral("index")).toString().toLatin1());
        t.masked = o.value(QStringLiteral("masked")).toString();
        t.codeSealed =
            QByteArray::fromBase64(o.value(QStringLiteral("code")).toString().toLatin1());
        out.append(t);
    }
    return out;
}

QString channelsText(const QList<Channel> &channels)
{
    QStringList names;
    for (Channel c : channels)
        names.append(channelName(c));
    return names.join(u',');
}

Service serviceFrom(const Query &q)
{
    Service s;
    s.id = q.str(0);
    s.name = q.str(1);
    s.appName = q.str(2);
    s.codeLength = q.i32(3);
    s.codeType = codeTypeFromName(q.str(4)).value_or(CodeType::Numeric);
    s.ttlSeconds = q.i32(5);
    s.maxAttempts = q.i32(6);
    s.maxResends = q.i32(7);
    s.resendCooldownSeconds = q.i32(8);
    s.startsPerRecipientPerHour = q.i32(9);
    s.defaultLocale = q.str(10);
    s.defaultRegion = q.str(11);
    s.channels.clear();
    for (const QString &name : q.str(12).split(u',', Qt::SkipEmptyParts))
        if (auto c = channelFromName(name))
            s.channels.append(*c);
    s.allowCustomCode = q.i32(13) != 0;
    s.enabled = q.i32(14) != 0;
    s.createdAt = q.i64(15);
    s.updatedAt = q.i64(16);
    s.startsPerIpPerHour = q.i32(17);
    s.startsPerKeyPerHour = q.i32(18);
    s.startsPerServicePerHour = q.i32(19);
    s.reusePendingSession = q.i32(20) != 0;
    s.allowedCountries = q.str(21).split(u',', Qt::SkipEmptyParts);
    s.smsMobileOnly = q.i32(22) != 0;
    s.testRecipients = testRecipientsFrom(q.str(23));
    s.webhookUrl = q.str(24);
    return s;
}

QVariantList values(const Service &s)
{
    return {s.id,
            s.name,
            s.appName,
            s.codeLength,
            codeTypeName(s.codeType),
            s.ttlSeconds,
            s.maxAttempts,
            s.maxResends,
            s.resendCooldownSeconds,
            s.startsPerRecipientPerHour,
            s.defaultLocale,
            sql::text(s.defaultRegion),
            channelsText(s.channels),
            s.allowCustomCode ? 1 : 0,
            s.enabled ? 1 : 0,
            s.createdAt,
            s.updatedAt,
            s.startsPerIpPerHour,
            s.startsPerKeyPerHour,
            s.startsPerServicePerHour,
            s.reusePendingSession ? 1 : 0,
            sql::text(s.allowedCountries.join(u',')),
            s.smsMobileOnly ? 1 : 0,
            testRecipientsText(s.testRecipients),
            sql::text(s.webhookUrl)};
}

const StaticSql kAllSql1(QStringLiteral("SELECT ") + kColumns +
                         QStringLiteral(" FROM services ORDER BY id"));
const StaticSql kFindSql2(QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(" FROM services WHERE id = ?"));
const StaticSql
    kInsertIfAbsentSql3(QStringLiteral("INSERT INTO services (") + kColumns +
                        QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                       "?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"));
const StaticSql kUpdateSql4(
    QStringLiteral("UPDATE services SET name = ?, app_name = ?, code_length = ?, "
                   "code_type = ?, ttl_seconds = ?, max_attempts = ?, "
                   "max_resends = ?, resend_cooldown_seconds = ?, "
                   "starts_per_recipient_per_hour = ?, default_locale = ?, "
                   "default_region = ?, channels = ?, allow_custom_code = ?, "
                   "enabled = ?, updated_at = ?, starts_per_ip_per_hour = ?, "
                   "starts_per_key_per_hour = ?, starts_per_service_per_hour = ?, "
                   "reuse_pending_session = ?, allowed_countries = ?, "
                   "sms_mobile_only = ?, test_recipients = ?, webhook_url = ? WHERE id = ?"));
const StaticSql
    kTemplatesSql5(QStringLiteral("SELECT part, body FROM service_templates WHERE service_id = "
                                  "? AND locale = ?"));
const StaticSql
    kSetTemplateSql6(QStringLiteral("INSERT INTO service_templates (service_id, locale, part, "
                                    "body, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                                    "(service_id, locale, part) DO UPDATE SET body = "
                                    "excluded.body, updated_at = excluded.updated_at"));
const StaticSql
    kRemoveTemplateSql7(QStringLiteral("DELETE FROM service_templates WHERE service_id = ? AND "
                                       "locale = ? AND part = ?"));
const StaticSql kAllTemplatesSql8(QStringLiteral("SELECT service_id, locale, part, body FROM "
                                                 "service_templates"));
const StaticSql kMetaSql9(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
const StaticSql
    kMetaSetIfAbsentSql10(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT "
                                         "(key) DO NOTHING"));

} // namespace

Result<QList<Service>> ServiceStore::all()
{
    auto q = m_c.exec(kAllSql1);
    if (!q)
        return q.error();
    QList<Service> out;
    while (q->next())
        out.append(serviceFrom(*q));
    return out;
}

Result<std::optional<Service>> ServiceStore::find(const QString &id)
{
    auto q = m_c.exec(kFindSql2, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Service>();
    return std::optional<Service>(serviceFrom(*q));
}

Result<bool> ServiceStore::insertIfAbsent(const Service &service)
{
    auto q = m_c.exec(kInsertIfAbsentSql3, values(service));
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return false;
    if (Status s = ConfigStore(m_c).bump(); !s)
        return s.error();
    return true;
}

Status ServiceStore::update(const Service &s)
{
    auto q = m_c.exec(kUpdateSql4, {s.name,
                                    s.appName,
                                    s.codeLength,
                                    codeTypeName(s.codeType),
                                    s.ttlSeconds,
                                    s.maxAttempts,
                                    s.maxResends,
                                    s.resendCooldownSeconds,
                                    s.startsPerRecipientPerHour,
                                    s.defaultLocale,
                                    sql::text(s.defaultRegion),
                                    channelsText(s.channels),
                                    s.allowCustomCode ? 1 : 0,
                                    s.enabled ? 1 : 0,
                                    s.updatedAt,
                                    s.startsPerIpPerHour,
                                    s.startsPerKeyPerHour,
                                    s.startsPerServicePerHour,
                                    s.reusePendingSession ? 1 : 0,
                                    sql::text(s.allowedCountries.join(u',')),
                                    s.smsMobileOnly ? 1 : 0,
                                    testRecipientsText(s.testRecipients),
                                    sql::text(s.webhookUrl),
                                    s.id});
    if (!q)
        return q.error();
    if (q->rowsAffected() != 1)
        return Error::notFound(QStringLiteral("no service with this id"));
    return ConfigStore(m_c).bump();
}

Result<QHash<TemplatePart, QString>> ServiceStore::templates(const QString &serviceId,
                                                             const QString &locale)
{
    auto q = m_c.exec(kTemplatesSql5, {serviceId, locale});
    if (!q)
        return q.error();
    QHash<TemplatePart, QString> out;
    while (q->next())
        if (auto part = templatePartFromName(q->str(0)))
            out.insert(*part, q->str(1));
    return out;
}

Status ServiceStore::setTemplate(const QString &serviceId, const QString &locale, TemplatePart part,
                                 const QString &body, qint64 now)
{
    auto q = m_c.exec(kSetTemplateSql6, {serviceId, locale, templatePartName(part), body, now});
    if (!q)
        return q.error();
    return ConfigStore(m_c).bump();
}

Status ServiceStore::removeTemplate(const QString &serviceId, const QString &locale,
                                    TemplatePart part)
{
    auto q = m_c.exec(kRemoveTemplateSql7, {serviceId, locale, templatePartName(part)});
    if (!q)
        return q.error();
    return ConfigStore(m_c).bump();
}

Result<QList<ServiceStore::TemplateRow>> ServiceStore::allTemplates()
{
    auto q = m_c.exec(kAllTemplatesSql8);
    if (!q)
        return q.error();
    QList<TemplateRow> out;
    while (q->next())
        if (auto part = templatePartFromName(q->str(2)))
            out.append({q->str(0), q->str(1), *part, q->str(3)});
    return out;
}

Result<std::optional<QString>> ServiceStore::meta(const QString &key)
{
    auto q = m_c.exec(kMetaSql9, {key});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->str(0));
}

Status ServiceStore::setMeta(const QString &key, const QString &value)
{
    auto q = m_c.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT "
                                     "(key) DO UPDATE SET value = excluded.value"),
                      {key, value});
    if (!q)
        return q.error();
    return {};
}

Result<QString> ServiceStore::metaSetIfAbsent(const QString &key, const QString &value)
{
    auto q = m_c.exec(kMetaSetIfAbsentSql10, {key, value});
    if (!q)
        return q.error();
    auto stored = meta(key);
    if (!stored)
        return stored.error();
    return stored->value_or(value);
}

} // namespace vc
