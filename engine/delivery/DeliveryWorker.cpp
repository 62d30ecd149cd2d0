#include "delivery/DeliveryWorker.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/SessionCrypto.h"
#include "crypto/Random.h"
#include "delivery/ProviderRegistry.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SessionStore.h"
#include "store/StatsStore.h"

#include <QJsonObject>

namespace vc {

DeliveryWorker::DeliveryWorker(std::shared_ptr<Database> db,
                               std::shared_ptr<const SessionCrypto> crypto,
                               std::shared_ptr<const Clock> clock,
                               std::shared_ptr<ProviderRegistry> providers, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_crypto(std::move(crypto))
    , m_clock(std::move(clock))
    , m_providers(std::move(providers))
    , m_timer(this)
{
    connect(&m_timer, &QTimer::timeout, this, &DeliveryWorker::drain);
}

qint64 DeliveryWorker::retryDelayMs(int attempt)
{
    const int doublings = qBound(1, attempt, 21) - 1;
    const qint64 base = qMin<qint64>(2000LL << doublings, 300'000);
    const auto jitter = randomBelow(static_cast<quint32>(base / 5) + 1);
    return base + (jitter ? static_cast<qint64>(*jitter) : 0);
}

void DeliveryWorker::startPolling(int intervalMs)
{
    m_timer.start(intervalMs);
    wake();
}

void DeliveryWorker::stopPolling()
{
    m_timer.stop();
}

void DeliveryWorker::wake()
{
    QMetaObject::invokeMethod(this, &DeliveryWorker::drain, Qt::QueuedConnection);
}

void DeliveryWorker::drain()
{
    for (;;) {
        auto n = processDue();
        if (!n) {
            qCWarning(lcDelivery).noquote() << "delivery pass failed:" << n.error().message;
            return;
        }
        if (*n == 0)
            return;
    }
}

Result<int> DeliveryWorker::processDue(int limit, const QString &sessionId)
{
    const qint64 now = m_clock->nowMs();
    auto claimed = m_db->write<QList<DeliveryRow>>(
        [&](Connection &c) { return DeliveryStore(c).claimDue(now, LeaseMs, limit, sessionId); });
    if (!claimed)
        return claimed.error();
    for (const DeliveryRow &job : *claimed) {
        if (Status s = handle(job); !s)
            qCWarning(lcDelivery).noquote()
                << "delivery" << job.id << "of session" << job.sessionId
                << "could not be recorded:" << s.error().message << "- it will be retried";
    }
    return static_cast<int>(claimed->size());
}

Status DeliveryWorker::handle(const DeliveryRow &job)
{
    auto found = m_db->read<std::optional<SessionRow>>(
        [&](Connection &c) { return SessionStore(c).find(job.sessionId); });
    if (!found)
        return found.error();
    if (!*found)
        return m_db->write<void>([&](Connection &c) {
            return DeliveryStore(c).markFailed(job.id, QStringLiteral("session not found"),
                                               m_clock->nowMs());
        });
    const SessionRow &session = **found;

    // A session that ended, or whose time is up, needs no message.
    if (isFinal(session.view.status) || m_clock->nowMs() >= session.view.expiresAt) {
        SessionStatus after = session.view.status;
        Status s = m_db->write<void>([&](Connection &c) -> Status {
            SessionStore sessions(c);
            auto fresh = sessions.find(job.sessionId);
            if (!fresh)
                return fresh.error();
            SessionRow row = **fresh;
            auto expired = sessions.expireIfDue(row, m_clock->nowMs());
            if (!expired)
                return expired.error();
            after = row.view.status;
            return DeliveryStore(c).cancelOpen(job.sessionId, m_clock->nowMs());
        });
        if (s && after != session.view.status)
            emit sessionChanged(job.sessionId, after);
        return s;
    }

    OutgoingMessage msg;
    msg.deliveryId = job.id;
    msg.sessionId = job.sessionId;
    msg.serviceId = session.view.serviceId;
    msg.channel = job.channel;
    msg.recipientMasked = session.view.recipientMasked;
    msg.locale = session.view.locale;
    msg.attempt = job.attempts;
    msg.idempotencyKey = QStringLiteral("%1-%2").arg(job.sessionId).arg(job.id);

    SendOutcome outcome;
    auto recipient = m_crypto->openRecipient(job.sessionId, session.recipientSealed);
    auto message = m_crypto->openQueuedMessage(job.sessionId, job.payloadSealed);
    const std::shared_ptr<DeliveryProvider> provider = m_providers->byName(job.provider);
    if (!recipient || !message) {
        outcome = {SendOutcome::Kind::PermanentFailure,
                   {},
                   QStringLiteral("stored message cannot be decrypted (was the master secret "
                                  "changed?)")};
    } else if (!provider) {
        outcome = {SendOutcome::Kind::TemporaryFailure,
                   {},
                   QStringLiteral("provider %1 is not configured").arg(job.provider)};
    } else {
        msg.recipient = recipient->toUtf8String();
        msg.message = std::move(*message);
        outcome = provider->send(msg);
        cleanseString(msg.recipient);
        msg.message.wipe();
    }

    const qint64 now = m_clock->nowMs();
    std::optional<SessionStatus> changedTo;
    Status recorded = m_db->write<void>([&](Connection &c) -> Status {
        changedTo.reset();
        SessionStore sessions(c);
        DeliveryStore deliveries(c);
        StatsStore stats(c);
        auto fresh = sessions.find(job.sessionId);
        if (!fresh)
            return fresh.error();
        if (!*fresh)
            return {};
        SessionRow row = **fresh;
        auto current = deliveries.find(job.id);
        if (!current)
            return current.error();
        // A resend or a final status may have cancelled this job while it was being sent.
        const bool stillCurrent = *current && (*current)->state == DeliveryState::Sending;
        const QJsonObject where{{QStringLiteral("delivery_id"), job.id},
                                {QStringLiteral("provider"), job.provider},
                                {QStringLiteral("channel"), channelName(job.channel)},
                                {QStringLiteral("attempt"), job.attempts}};

        if (outcome.succeeded()) {
            if (Status s = deliveries.markSent(job.id, outcome.providerMessageId, now); !s)
                return s;
            if (Status s = sessions.addEvent(job.sessionId, now, QStringLiteral("sent"),
                                             Actor::system(), where);
                !s)
                return s;
            if (Status s =
                    stats.countEvent(now, row.view.serviceId, job.channel, QStringLiteral("sent"));
                !s)
                return s;
            if (outcome.kind == SendOutcome::Kind::Delivered && stillCurrent &&
                row.view.status == SessionStatus::Pending) {
                if (Status s = sessions.transition(row, SessionStatus::Delivered, now); !s)
                    return s;
                if (Status s = sessions.addEvent(job.sessionId, now, QStringLiteral("delivered"),
                                                 Actor::system(), where);
                    !s)
                    return s;
                changedTo = SessionStatus::Delivered;
            }
            return {};
        }

        QJsonObject detail = where;
        detail.insert(QStringLiteral("error"), outcome.error);
        const qint64 retryAt = now + retryDelayMs(job.attempts);
        const bool retry = outcome.kind == SendOutcome::Kind::TemporaryFailure &&
                           retryAt < row.view.expiresAt && stillCurrent;
        detail.insert(QStringLiteral("will_retry"), retry);
        if (retry)
            detail.insert(QStringLiteral("retry_at"), retryAt);
        if (Status s = sessions.addEvent(job.sessionId, now, QStringLiteral("delivery_failed"),
                                         Actor::system(), detail);
            !s)
            return s;
        if (Status s = stats.countEvent(now, row.view.serviceId, job.channel,
                                        QStringLiteral("delivery_failed"));
            !s)
            return s;
        if (retry)
            return deliveries.scheduleRetry(job.id, retryAt, outcome.error, now);
        if (Status s = deliveries.markFailed(job.id, outcome.error, now); !s)
            return s;
        // The session fails when this was its current delivery and nothing else is under way.
        if (!stillCurrent || isFinal(row.view.status))
            return {};
        auto all = deliveries.forSession(job.sessionId);
        if (!all)
            return all.error();
        for (const DeliveryRow &d : *all)
            if (d.state == DeliveryState::Queued || d.state == DeliveryState::Sending)
                return {};
        if (Status s = sessions.transition(row, SessionStatus::Failed, now); !s)
            return s;
        if (Status s = sessions.addEvent(
                job.sessionId, now, QStringLiteral("failed"), Actor::system(),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("delivery_failed")}});
            !s)
            return s;
        changedTo = SessionStatus::Failed;
        return {};
    });
    if (!recorded)
        return recorded;
    if (outcome.succeeded())
        qCInfo(lcDelivery).noquote()
            << "session" << job.sessionId << channelName(job.channel) << "to"
            << session.view.recipientMasked << "sent via" << job.provider;
    else
        qCWarning(lcDelivery).noquote() << "session" << job.sessionId << "delivery via"
                                        << job.provider << "failed:" << outcome.error;
    if (changedTo)
        emit sessionChanged(job.sessionId, *changedTo);
    return {};
}

} // namespace vc
