#include "delivery/WebhookDispatcher.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/SessionCrypto.h"
#include "crypto/Random.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/WebhookStore.h"

#include <QElapsedTimer>
#include <QUrl>

namespace vc {

WebhookDispatcher::WebhookDispatcher(std::shared_ptr<Database> db,
                                     std::shared_ptr<const SessionCrypto> crypto,
                                     std::shared_ptr<const Clock> clock)
    : m_db(std::move(db))
    , m_crypto(std::move(crypto))
    , m_clock(std::move(clock))
{}

qint64 WebhookDispatcher::retryDelayMs(int attempt)
{
    const int doublings = qBound(1, attempt, 20) - 1;
    const qint64 base = qMin<qint64>(30'000LL << doublings, 6LL * 3600 * 1000);
    const auto jitter = randomBelow(static_cast<quint32>(base / 5) + 1);
    return base + (jitter ? static_cast<qint64>(*jitter) : 0);
}

Result<SecureBytes> WebhookDispatcher::secretFor(Connection &c, const SessionCrypto &crypto,
                                                 const QString &serviceId, qint64 now, bool rotate)
{
    WebhookStore store(c);
    if (!rotate) {
        auto sealed = store.sealedSecret(serviceId);
        if (!sealed)
            return sealed.error();
        if (*sealed)
            return crypto.openWebhookSecret(serviceId, **sealed);
    }
    auto random = randomBytes(32);
    if (!random)
        return random.error();
    SecureBytes secret(
        QByteArray("whsec_") +
        random->bytes().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    auto sealed = crypto.sealWebhookSecret(serviceId, secret);
    if (!sealed)
        return sealed.error();
    if (Status s = store.setSealedSecret(serviceId, *sealed, now); !s)
        return s.error();
    return secret;
}

Result<int> WebhookDispatcher::processDue(int limit, qint64 budgetMs)
{
    QElapsedTimer spent;
    spent.start();
    int attempted = 0;
    // One at a time: what is not claimed stays due for the next pass, not leased for a minute.
    while (attempted < limit && (attempted == 0 || spent.elapsed() < budgetMs)) {
        const qint64 now = m_clock->nowMs();
        auto claimed = m_db->write<QList<WebhookRow>>(
            [&](Connection &c) { return WebhookStore(c).claimDue(now, LeaseMs, 1); });
        if (!claimed)
            return claimed.error();
        if (claimed->isEmpty())
            break;
        const WebhookRow &hook = claimed->first();
        if (Status s = sendAndRecord(hook); !s)
            qCWarning(lcDelivery).noquote()
                << "webhook" << hook.eventId << "of session" << hook.sessionId
                << "could not be recorded:" << s.error().message << "- it will be retried";
        ++attempted;
    }
    return attempted;
}

Status WebhookDispatcher::sendAndRecord(const WebhookRow &hook)
{
    // The secret is made on first use when the admin has not asked for it yet.
    auto secret = m_db->write<SecureBytes>(
        [&](Connection &c) { return secretFor(c, *m_crypto, hook.serviceId, m_clock->nowMs()); });
    WebhookSender::Attempt attempt;
    if (!secret)
        attempt.error = QStringLiteral("the webhook secret cannot be read (was the master secret "
                                       "changed?)");
    else
        attempt = m_sender.post(hook.url, hook.body, hook.eventId, hook.event, *secret,
                                m_clock->nowMs() / 1000);

    const qint64 now = m_clock->nowMs();
    // Where it went, for the event log: the host only (a callback URL's path or query may hold
    // the application's own token).
    const QString host = QUrl(hook.url).host();
    return m_db->write<void>([&](Connection &c) -> Status {
        WebhookStore store(c);
        QJsonObject detail{{QStringLiteral("event_id"), hook.eventId},
                           {QStringLiteral("event"), hook.event},
                           {QStringLiteral("attempt"), hook.attempts},
                           {QStringLiteral("host"), host}};
        if (attempt.httpStatus)
            detail.insert(QStringLiteral("http_status"), *attempt.httpStatus);
        if (attempt.delivered) {
            if (Status s = store.markSent(hook.id, *attempt.httpStatus, now); !s)
                return s;
            qCInfo(lcDelivery).noquote()
                << "webhook" << hook.event << "of session" << hook.sessionId << "sent to" << host;
            return SessionStore(c).addEvent(hook.sessionId, now, QStringLiteral("webhook_sent"),
                                            Actor::system(), detail);
        }
        const qint64 retryAt = now + retryDelayMs(hook.attempts);
        const bool retry = hook.attempts < MaxAttempts && retryAt <= hook.createdAt + MaxAgeMs;
        detail.insert(QStringLiteral("error"), attempt.error);
        detail.insert(QStringLiteral("will_retry"), retry);
        if (retry)
            detail.insert(QStringLiteral("retry_at"), retryAt);
        qCWarning(lcDelivery).noquote()
            << "webhook" << hook.event << "of session" << hook.sessionId << "to" << host
            << "failed (attempt" << hook.attempts << "):" << attempt.error;
        Status s =
            retry ? store.scheduleRetry(hook.id, retryAt, attempt.httpStatus, attempt.error, now)
                  : store.markFailed(hook.id, attempt.httpStatus, attempt.error, now);
        if (!s)
            return s;
        return SessionStore(c).addEvent(hook.sessionId, now, QStringLiteral("webhook_failed"),
                                        Actor::system(), detail);
    });
}

} // namespace vc
