// The admin side of the Engine facade: API keys, the audit log, session search and backup.

#include "core/ConfigCache.h"
#include "core/Engine.h"
#include "core/Logging.h"
#include "core/Recipient.h"
#include "core/SessionCrypto.h"
#include "core/SessionRules.h"
#include "crypto/ApiKeyFormat.h"
#include "crypto/Uuid.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/KeyStore.h"
#include "store/RateLimitStore.h"
#include "store/ServiceStore.h"
#include "store/SessionStore.h"
#include "store/StatsStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vc {

namespace {

Error denied()
{
    // One answer for every reason, so a caller learns nothing about which keys exist.
    return {ErrorCode::Unauthorized, QStringLiteral("missing or invalid API key")};
}

// A key's last use is noted for flushKeyUsage() at most this often per thread: to the second.
constexpr qint64 kKeyUseResolutionMs = 1000;

// The key this thread last authenticated, with the configuration it was checked against. A
// client on a kept-alive connection presents the same key on every request; while the
// configuration is the same object (nothing about services or keys changed in any process), its
// next request costs one comparison instead of parsing, two lookups and the verified-secret lock.
// The key's fields are this thread's own copies, so handing them out touches no reference count
// another core is using.
struct RecentKey
{
    std::shared_ptr<const ConfigSnapshot> config; // held, so its address is not reused meanwhile
    SecureBytes presented;                        // the whole key as presented (Latin-1)
    ApiKeyInfo info;
    std::optional<qint64> notedAt; // the last use handed to m_keyUse
};

thread_local RecentKey t_recentKey;

// Compares in time that depends only on the lengths (keys have one length), like the secrets.
bool samePresentedKey(const QByteArray &known, QStringView presented)
{
    if (known.size() != presented.size())
        return false;
    unsigned difference = 0;
    for (qsizetype i = 0; i < known.size(); ++i)
        difference |= unsigned(uchar(known.at(i))) ^ unsigned(presented.at(i).unicode());
    return difference == 0;
}

QString ownCopy(const QString &s)
{
    return s.isNull() ? QString() : QString(s.constData(), s.size());
}

ApiKeyInfo ownCopy(const ApiKeyInfo &shared)
{
    ApiKeyInfo info = shared;
    for (QString *field :
         {&info.id, &info.prefix, &info.name, &info.serviceId, &info.createdBy, &info.revokedBy})
        *field = ownCopy(*field);
    return info;
}

} // namespace

Result<IssuedKey> Engine::createKey(const CreateKeyRequest &r, const Actor &actor)
{
    const QString name = r.name.trimmed();
    if (name.isEmpty())
        return Error::invalid(QStringLiteral("name"), QStringLiteral("is required"));
    if (name.size() > 100)
        return Error::invalid(QStringLiteral("name"), QStringLiteral("must be at most 100 "
                                                                     "characters"));
    for (QChar ch : name)
        if (ch.category() == QChar::Other_Control)
            return Error::invalid(QStringLiteral("name"),
                                  QStringLiteral("must not contain control characters"));
    const auto scope = keyScopeFromName(r.scope);
    if (!scope)
        return Error::invalid(QStringLiteral("scope"), QStringLiteral("must be verify or admin"));
    if (!r.serviceId.isEmpty()) {
        auto s = service(r.serviceId);
        if (!s)
            return s.error().code == ErrorCode::NotFound
                       ? Error::invalid(QStringLiteral("service_id"),
                                        QStringLiteral("no such service"))
                       : s.error();
    }
    if (r.expiresInDays && (*r.expiresInDays < 1 || *r.expiresInDays > 3650))
        return Error::invalid(QStringLiteral("expires_in_days"),
                              QStringLiteral("must be from 1 to 3650"));

    auto generated = ApiKeyFormat::generate();
    if (!generated)
        return generated.error();
    const qint64 now = m_clock->nowMs();
    ApiKeyRecord record;
    ApiKeyInfo &k = record.info;
    k.id = newUuid7(now);
    k.prefix = generated->prefix;
    k.name = name;
    k.scope = *scope;
    k.serviceId = r.serviceId;
    k.createdAt = now;
    k.createdBy = actor.toString();
    if (r.expiresInDays)
        k.expiresAt = now + qint64(*r.expiresInDays) * 86'400'000;
    record.secretHash =
        ApiKeyFormat::hashSecret(m_crypto->apiKeys(), generated->prefix, generated->secret);

    Status written = m_db->write<void>([&](Connection &c) -> Status {
        if (Status s = KeyStore(c).insert(record); !s)
            return s;
        QJsonObject detail{{QStringLiteral("name"), k.name},
                           {QStringLiteral("prefix"), k.prefix},
                           {QStringLiteral("scope"), keyScopeName(k.scope)}};
        if (!k.serviceId.isEmpty())
            detail.insert(QStringLiteral("service_id"), k.serviceId);
        if (k.expiresAt)
            detail.insert(QStringLiteral("expires_at"), *k.expiresAt);
        return AuditStore(c).append(now, actor, QStringLiteral("key.create"), QStringLiteral("key"),
                                    k.id, detail);
    });
    if (!written)
        return written.error();
    qCInfo(lcEngine).noquote() << "API key" << k.prefix << "issued to" << k.name << "by"
                               << actor.toString();
    return IssuedKey{k, generated->text};
}

Result<QList<ApiKeyInfo>> Engine::keys()
{
    auto records = m_db->read<QList<ApiKeyRecord>>([](Connection &c) { return KeyStore(c).all(); });
    if (!records)
        return records.error();
    QList<ApiKeyInfo> out;
    QMutexLocker lock(&m_keyUseMutex);
    for (const ApiKeyRecord &r : *records) {
        ApiKeyInfo k = r.info;
        if (const auto pending = m_keyUse.constFind(k.prefix); pending != m_keyUse.constEnd())
            k.lastUsedAt = qMax(k.lastUsedAt.value_or(0), *pending);
        out.append(k);
    }
    return out;
}

Result<ApiKeyInfo> Engine::revokeKey(const QString &idOrPrefix, const Actor &actor)
{
    if (idOrPrefix.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("key"), QStringLiteral("give a key id or prefix"));
    return m_db->write<ApiKeyInfo>([&](Connection &c) -> Result<ApiKeyInfo> {
        KeyStore store(c);
        auto found = store.find(idOrPrefix.trimmed());
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("no API key with this id or prefix"));
        ApiKeyInfo k = (*found)->info;
        if (k.revokedAt)
            return Error::conflict(QStringLiteral("key_revoked"),
                                   QStringLiteral("the key is already revoked"));
        const qint64 now = m_clock->nowMs();
        if (Status s = store.revoke(k.id, now, actor.toString()); !s)
            return s.error();
        k.revokedAt = now;
        k.revokedBy = actor.toString();
        if (Status s = AuditStore(c).append(now, actor, QStringLiteral("key.revoke"),
                                            QStringLiteral("key"), k.id,
                                            QJsonObject{{QStringLiteral("name"), k.name},
                                                        {QStringLiteral("prefix"), k.prefix}});
            !s)
            return s.error();
        return k;
    });
}

Result<ApiKeyInfo> Engine::authenticate(const QString &presentedKey)
{
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    const qint64 now = m_clock->nowMs();
    RecentKey &recent = t_recentKey;
    if (recent.config != *snapshot || !samePresentedKey(recent.presented.bytes(), presentedKey)) {
        recent = RecentKey{};
        const auto parts = ApiKeyFormat::parse(presentedKey);
        if (!parts)
            return denied();
        const ConfigSnapshot &config = **snapshot;
        const auto it = config.keyByPrefix.constFind(parts->prefix);
        const bool known = it != config.keyByPrefix.constEnd();
        if (!known || !config.isVerifiedSecret(parts->prefix, parts->secret)) {
            // Hash whether or not the prefix exists, so an unknown prefix takes as long as a
            // wrong secret; only a secret that already matched is spared the hash.
            const QByteArray hash =
                ApiKeyFormat::hashSecret(m_crypto->apiKeys(), parts->prefix, parts->secret);
            if (!known || !constantTimeEquals(hash, it->secretHash))
                return denied();
            config.rememberVerifiedSecret(parts->prefix, parts->secret);
        }
        recent.config = *snapshot;
        recent.presented = SecureBytes(presentedKey.toLatin1());
        recent.info = ownCopy(it->info);
    }
    // Expiry is a matter of time, not of the configuration: checked on every request.
    if (!recent.info.usableAt(now))
        return denied();
    if (!recent.notedAt || now - *recent.notedAt >= kKeyUseResolutionMs || now < *recent.notedAt) {
        QMutexLocker lock(&m_keyUseMutex);
        m_keyUse.insert(recent.info.prefix, now);
        recent.notedAt = now;
    }
    ApiKeyInfo info = recent.info;
    info.lastUsedAt = now;
    return info;
}

Status Engine::flushKeyUsage()
{
    QHash<QString, qint64> pending;
    {
        QMutexLocker lock(&m_keyUseMutex);
        pending.swap(m_keyUse);
    }
    if (pending.isEmpty())
        return {};
    Status written = m_db->write<void>([&](Connection &c) -> Status {
        KeyStore store(c);
        for (auto it = pending.constBegin(); it != pending.constEnd(); ++it)
            if (Status s = store.touch(it.key(), it.value()); !s)
                return s;
        return {};
    });
    if (!written) {
        // Keep the times for the next flush rather than losing them.
        QMutexLocker lock(&m_keyUseMutex);
        for (auto it = pending.constBegin(); it != pending.constEnd(); ++it)
            m_keyUse[it.key()] = qMax(m_keyUse.value(it.key()), it.value());
    }
    return written;
}

Result<QList<AuditEntry>> Engine::audit(const AuditQuery &query)
{
    if (query.limit < 1 || query.limit > 500)
        return Error::invalid(QStringLiteral("limit"), QStringLiteral("must be from 1 to 500"));
    if (query.search.size() > 200)
        return Error::invalid(QStringLiteral("search"), QStringLiteral("is too long"));
    return m_db->read<QList<AuditEntry>>([&](Connection &c) { return AuditStore(c).list(query); });
}

Result<SessionPage> Engine::findSessions(const SessionQuery &query)
{
    if (query.limit < 1 || query.limit > 500)
        return Error::invalid(QStringLiteral("limit"), QStringLiteral("must be from 1 to 500"));
    if (!query.cursor.isEmpty() && !isUuidText(query.cursor))
        return Error::invalid(QStringLiteral("cursor"), QStringLiteral("is not a cursor from a "
                                                                       "previous page"));
    if (!query.serviceId.isEmpty())
        if (Status s = ServiceRules::validateId(query.serviceId); !s)
            return s.error();
    if (query.fromMs > 0 && query.toMs > 0 && query.toMs <= query.fromMs)
        return Error::invalid(QStringLiteral("to"), QStringLiteral("must be after from"));
    QByteArray index;
    if (!query.recipient.isEmpty()) {
        const auto form = Recipients::indexFormForSearch(query.recipient);
        if (!form)
            return Error::invalid(QStringLiteral("recipient"),
                                  QStringLiteral("is neither a phone number in international "
                                                 "format nor an e-mail address"));
        index = m_crypto->recipientIndex(*form);
    }
    auto rows = m_db->read<QList<SessionRow>>(
        [&](Connection &c) { return SessionStore(c).list(query, index, query.limit + 1); });
    if (!rows)
        return rows.error();
    SessionPage page;
    for (int i = 0; i < rows->size() && i < query.limit; ++i)
        page.sessions.append(rows->at(i).view);
    if (rows->size() > query.limit)
        page.nextCursor = page.sessions.constLast().id;
    return page;
}

Result<QList<DeliveryView>> Engine::deliveries(const DeliveryQuery &query)
{
    if (query.limit < 1 || query.limit > 1000)
        return Error::invalid(QStringLiteral("limit"), QStringLiteral("must be from 1 to 1000"));
    QStringList states = query.states;
    if (states.isEmpty())
        states = {QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("failed")};
    for (const QString &state : states)
        if (!QStringList{QStringLiteral("queued"), QStringLiteral("sending"),
                         QStringLiteral("sent"), QStringLiteral("failed"),
                         QStringLiteral("cancelled")}
                 .contains(state))
            return Error::invalid(QStringLiteral("state"),
                                  QStringLiteral("must be queued, sending, sent, failed or "
                                                 "cancelled"));
    return m_db->read<QList<DeliveryView>>(
        [&](Connection &c) { return DeliveryStore(c).list(states, query.before, query.limit); });
}

Result<SessionView> Engine::retryDelivery(qint64 deliveryId, const Actor &actor)
{
    auto job = m_db->read<std::optional<DeliveryRow>>(
        [&](Connection &c) { return DeliveryStore(c).find(deliveryId); });
    if (!job)
        return job.error();
    if (!*job)
        return Error::notFound(QStringLiteral("no delivery with this id"));
    if ((*job)->state != DeliveryState::Failed)
        return Error::conflict(QStringLiteral("delivery_not_failed"),
                               QStringLiteral("only a failed delivery can be retried"));
    return resend({(*job)->sessionId, channelName((*job)->channel), actor});
}

Result<int> Engine::retentionDays()
{
    auto stored = m_db->read<std::optional<QString>>(
        [](Connection &c) { return ServiceStore(c).meta(QStringLiteral("retention_days")); });
    if (!stored)
        return stored.error();
    bool ok = false;
    const int days = stored->value_or(QString()).toInt(&ok);
    return ok ? days : DefaultRetentionDays;
}

Status Engine::setRetentionDays(int days, const Actor &actor)
{
    if (days < 1 || days > 3650)
        return Error::invalid(QStringLiteral("retention_days"),
                              QStringLiteral("must be from 1 to 3650"));
    auto before = retentionDays();
    return m_db->write<void>([&](Connection &c) -> Status {
        if (Status s =
                ServiceStore(c).setMeta(QStringLiteral("retention_days"), QString::number(days));
            !s)
            return s;
        return AuditStore(c).append(m_clock->nowMs(), actor, QStringLiteral("settings.update"),
                                    QStringLiteral("setting"), QStringLiteral("retention_days"),
                                    QJsonObject{{QStringLiteral("from"), before ? *before : 0},
                                                {QStringLiteral("to"), days}});
    });
}

Result<int> Engine::purgeOldSessions()
{
    auto days = retentionDays();
    if (!days)
        return days.error();
    const qint64 cutoff = m_clock->nowMs() - qint64(*days) * 86'400'000;
    int total = 0;
    for (;;) {
        // Small batches keep each write unit short next to live traffic.
        auto n = m_db->write<int>(
            [&](Connection &c) { return SessionStore(c).purgeFinishedBefore(cutoff, 500); });
        if (!n)
            return n.error();
        total += *n;
        if (*n < 500)
            break;
    }
    // Start counters count for an hour; keep one more for whoever looks.
    auto counters = m_db->write<int>([&](Connection &c) {
        return RateLimitStore(c).purgeBefore(m_clock->nowMs() - 2 * RateLimitStore::WindowMs);
    });
    if (!counters)
        return counters.error();
    // The SMS-pumping signals look back eight days; keep a month of prefix counts.
    auto prefixes = m_db->write<int>([&](Connection &c) {
        return StatsStore(c).purgePrefixCountsBefore(m_clock->nowMs() - 31LL * 86'400'000);
    });
    if (!prefixes)
        return prefixes.error();
    if (total > 0)
        qCInfo(lcEngine) << "purged" << total << "sessions older than" << *days << "days";
    return total;
}

Status Engine::backup(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("file"), QStringLiteral("is required"));
    const QFileInfo target(path);
    if (target.exists())
        return Error::conflict(QStringLiteral("file_exists"),
                               QStringLiteral("%1 exists; choose a new file name").arg(path));
    if (!target.absoluteDir().exists())
        return Error::invalid(
            QStringLiteral("file"),
            QStringLiteral("the folder %1 does not exist").arg(target.absolutePath()));
    // Write next to the target and rename, so a failed backup never leaves a partial file.
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    if (Status s = m_db->backupTo(partial); !s) {
        QFile::remove(partial);
        return s;
    }
    QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return Error::unavailable(QStringLiteral("cannot write %1").arg(path));
    }
    return {};
}

} // namespace vc
