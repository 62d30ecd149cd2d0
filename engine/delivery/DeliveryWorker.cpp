#include "delivery/DeliveryWorker.h"

#include "core/Clock.h"
#include "core/JsonWriter.h"
#include "core/Logging.h"
#include "core/SessionCrypto.h"
#include "crypto/Random.h"
#include "delivery/ProviderRegistry.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SessionStore.h"
#include "store/SqlUtil.h"
#include "store/StatsStore.h"

#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace vc {

namespace {

// Which job an event is about: every delivery event carries these. Written as JSON at once
// (keys in QJsonObject's order) for the events of every delivery that gets out, on the writer
// thread that all requests share.
QString jobDetailJson(const DeliveryRow &job)
{
    JsonWriter w;
    w.beginObject()
        .field("attempt", job.attempts)
        .field("channel", channelName(job.channel))
        .field("delivery_id", job.id)
        .field("provider", job.provider)
        .endObject();
    return QString::fromUtf8(w.take());
}

// The same as an object, for the rarer events that add to it (failures, receipts).
QJsonObject jobDetail(const DeliveryRow &job)
{
    return sql::jsonObject(jobDetailJson(job));
}

// A provider confirmed delivery: a pending session becomes delivered, with its event. Any other
// status stays (a verified or final session never moves back). Returns whether it moved.
Result<bool> markDelivered(SessionStore &sessions, const DeliveryRow &job, SessionRow &row,
                           const QString &detailJson, qint64 now)
{
    if (row.view.status != SessionStatus::Pending)
        return false;
    if (Status s = sessions.transition(row, SessionStatus::Delivered, now); !s)
        return s.error();
    if (Status s = sessions.addEventJson(job.sessionId, now, QStringLiteral("delivered"),
                                         Actor::system(), detailJson);
        !s)
        return s.error();
    return true;
}

// A message did not get through: the "delivery_failed" event and its statistics.
Status noteFailure(Connection &c, const DeliveryRow &job, const SessionRow &row,
                   const QJsonObject &detail, qint64 now)
{
    if (Status s = SessionStore(c).addEvent(job.sessionId, now, QStringLiteral("delivery_failed"),
                                            Actor::system(), detail);
        !s)
        return s;
    return StatsStore(c).countEvent(now, row.view.serviceId, job.channel,
                                    QStringLiteral("delivery_failed"));
}

} // namespace

DeliveryWorker::DeliveryWorker(std::shared_ptr<Database> db,
                               std::shared_ptr<const SessionCrypto> crypto,
                               std::shared_ptr<const Clock> clock,
                               std::shared_ptr<ProviderRegistry> providers, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_crypto(std::move(crypto))
    , m_clock(std::move(clock))
    , m_providers(std::move(providers))
    , m_webhooks(m_db, m_crypto, m_clock)
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
    // Every start wakes the worker; under load, hundreds would queue a pass each, and each
    // pass costs write units that find nothing (the first pass took every due job).
    if (m_passQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(this, &DeliveryWorker::drain, Qt::QueuedConnection);
}

void DeliveryWorker::drain()
{
    // Cleared before the pass looks for jobs: a wake from now on queues the next pass, so a job
    // committed after this pass's claim is never left waiting for the poll.
    m_passQueued = false;
    // Codes first: a user is waiting for them. Webhooks after, for at most about two seconds a
    // pass (plus one receiver's timeout), so slow receivers hold the next codes back no longer.
    for (;;) {
        auto n = processDue();
        if (!n) {
            qCWarning(lcDelivery).noquote() << "delivery pass failed:" << n.error().message;
            break;
        }
        if (*n == 0)
            break;
    }
    if (auto n = m_webhooks.processDue(); !n)
        qCWarning(lcDelivery).noquote() << "webhook pass failed:" << n.error().message;
}

Result<int> DeliveryWorker::processDue(int limit, const QString &sessionId)
{
    const qint64 now = m_clock->nowMs();
    int claimedCount = 0;
    QList<std::pair<QString, SessionStatus>> changes;
    // One unit claims the due jobs; jobs of providers that deliver into the database (the local
    // outbox) are delivered and recorded in that same unit. The others are sent after it.
    auto external =
        m_db->write<QList<DeliveryRow>>([&](Connection &c) -> Result<QList<DeliveryRow>> {
            changes.clear();
            m_sent.clear();
            auto claimed = DeliveryStore(c).claimDue(now, LeaseMs, limit, sessionId);
            if (!claimed)
                return claimed.error();
            claimedCount = static_cast<int>(claimed->size());
            QList<DeliveryRow> later;
            for (const DeliveryRow &job : *claimed) {
                const auto provider = m_providers->byName(job.provider);
                if (!provider || !provider->deliversInTransaction()) {
                    later.append(job);
                    continue;
                }
                auto changed = deliverInUnit(c, job, *provider, now);
                if (!changed)
                    return changed.error();
                if (*changed)
                    changes.append({job.sessionId, **changed});
            }
            return later;
        });
    if (!external) {
        m_sent.clear();
        return external.error();
    }
    logSent();
    announce(changes);
    for (const DeliveryRow &job : *external) {
        if (Status s = sendAndRecord(job); !s)
            qCWarning(lcDelivery).noquote()
                << "delivery" << job.id << "of session" << job.sessionId
                << "could not be recorded:" << s.error().message << "- it will be retried";
    }
    // Once its units are committed (a unit rolled back leaves at worst one needless look).
    if (std::exchange(m_workflowStepDue, false))
        emit workflowStepDue();
    return claimedCount;
}

void DeliveryWorker::announce(const QList<std::pair<QString, SessionStatus>> &changes)
{
    for (const auto &[id, status] : changes)
        emit sessionChanged(id, status);
}

void DeliveryWorker::logSent()
{
    for (const Sent &sent : std::as_const(m_sent))
        qCInfo(lcDelivery).noquote() << "session" << sent.sessionId << channelName(sent.channel)
                                     << "to" << sent.recipientMasked << "sent via" << sent.provider;
    m_sent.clear();
}

Result<std::optional<SessionStatus>>
DeliveryWorker::settleClosed(Connection &c, const DeliveryRow &job, SessionRow &session, qint64 now)
{
    const SessionStatus before = session.view.status;
    auto expired = SessionStore(c).expireIfDue(session, now);
    if (!expired)
        return expired.error();
    if (Status s = DeliveryStore(c).cancelOpen(job.sessionId, now); !s)
        return s.error();
    if (session.view.status != before)
        return std::optional<SessionStatus>(session.view.status);
    return std::optional<SessionStatus>();
}

Result<std::optional<SessionStatus>> DeliveryWorker::deliverInUnit(Connection &c,
                                                                   const DeliveryRow &job,
                                                                   DeliveryProvider &provider,
                                                                   qint64 now)
{
    auto found = SessionStore(c).find(job.sessionId);
    if (!found)
        return found.error();
    if (!*found) {
        if (Status s =
                DeliveryStore(c).markFailed(job.id, QStringLiteral("session not found"), now);
            !s)
            return s.error();
        return std::optional<SessionStatus>();
    }
    SessionRow session = std::move(**found);
    if (isFinal(session.view.status) || now >= session.view.expiresAt)
        return settleClosed(c, job, session, now);
    const SendOutcome outcome = provider.deliverInTransaction(c, job, session, now);
    return record(c, job, session, true, outcome, now);
}

Status DeliveryWorker::sendAndRecord(const DeliveryRow &job)
{
    auto found = m_db->read<std::optional<SessionRow>>(
        [&](Connection &c) { return SessionStore(c).find(job.sessionId); });
    if (!found)
        return found.error();

    SendOutcome outcome;
    const bool open =
        *found && !isFinal((*found)->view.status) && m_clock->nowMs() < (*found)->view.expiresAt;
    if (open) {
        const SessionRow &session = **found;
        OutgoingMessage msg;
        msg.deliveryId = job.id;
        msg.sessionId = job.sessionId;
        msg.serviceId = session.view.serviceId;
        msg.channel = job.channel;
        msg.recipientMasked = session.view.recipientMasked;
        msg.locale = session.view.locale;
        msg.attempt = job.attempts;
        msg.idempotencyKey = QStringLiteral("%1-%2").arg(job.sessionId).arg(job.id);
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
    }

    const qint64 now = m_clock->nowMs();
    std::optional<SessionStatus> changedTo;
    Status recorded = m_db->write<void>([&](Connection &c) -> Status {
        changedTo.reset();
        m_sent.clear();
        auto fresh = SessionStore(c).find(job.sessionId);
        if (!fresh)
            return fresh.error();
        if (!*fresh)
            return DeliveryStore(c).markFailed(job.id, QStringLiteral("session not found"), now);
        SessionRow session = std::move(**fresh);
        Result<std::optional<SessionStatus>> changed = std::optional<SessionStatus>();
        if (!open) {
            changed = settleClosed(c, job, session, now);
        } else {
            auto current = DeliveryStore(c).find(job.id);
            if (!current)
                return current.error();
            // A resend or a final status may have cancelled this job while it was being sent.
            const bool stillCurrent = *current && (*current)->state == DeliveryState::Sending;
            changed = record(c, job, session, stillCurrent, outcome, now);
        }
        if (!changed)
            return changed.error();
        changedTo = *changed;
        return {};
    });
    if (!recorded) {
        m_sent.clear();
        return recorded;
    }
    logSent();
    if (changedTo)
        emit sessionChanged(job.sessionId, *changedTo);
    return {};
}

Result<std::optional<SessionStatus>> DeliveryWorker::record(Connection &c, const DeliveryRow &job,
                                                            SessionRow &row, bool current,
                                                            const SendOutcome &outcome, qint64 now)
{
    SessionStore sessions(c);
    DeliveryStore deliveries(c);
    StatsStore stats(c);
    std::optional<SessionStatus> changed;

    if (outcome.succeeded()) {
        const QString where = jobDetailJson(job);
        if (Status s = deliveries.markSent(job.id, outcome.providerMessageId, now); !s)
            return s.error();
        if (Status s = sessions.addEventJson(job.sessionId, now, QStringLiteral("sent"),
                                             Actor::system(), where);
            !s)
            return s.error();
        if (Status s =
                stats.countEvent(now, row.view.serviceId, job.channel, QStringLiteral("sent"));
            !s)
            return s.error();
        if (outcome.kind == SendOutcome::Kind::Delivered && current) {
            auto delivered = markDelivered(sessions, job, row, where, now);
            if (!delivered)
                return delivered.error();
            if (*delivered)
                changed = SessionStatus::Delivered;
        }
        m_sent.append({job.sessionId, job.channel, row.view.recipientMasked, job.provider});
        return changed;
    }

    qCWarning(lcDelivery).noquote() << "session" << job.sessionId << "delivery via" << job.provider
                                    << "failed:" << outcome.error;
    QJsonObject detail = jobDetail(job);
    detail.insert(QStringLiteral("error"), outcome.error);
    const qint64 retryAt = now + retryDelayMs(job.attempts);
    const bool retry = outcome.kind == SendOutcome::Kind::TemporaryFailure &&
                       retryAt < row.view.expiresAt && current;
    detail.insert(QStringLiteral("will_retry"), retry);
    if (retry)
        detail.insert(QStringLiteral("retry_at"), retryAt);
    if (Status s = noteFailure(c, job, row, detail, now); !s)
        return s.error();
    if (retry) {
        if (Status s = deliveries.scheduleRetry(job.id, retryAt, outcome.error, now); !s)
            return s.error();
        return changed;
    }
    // The session stays open: staff or the application may still resend, by this channel or
    // another, until it expires. Expiry then ends it as failed if no message ever got out.
    if (Status s = deliveries.markFailed(job.id, outcome.error, now); !s)
        return s.error();
    // In a workflow the next step takes over now (Engine::advanceWorkflows, right after this pass).
    if (current && !row.workflow.isEmpty()) {
        if (Status s = sessions.workflowDueNow(row, now); !s)
            return s.error();
        m_workflowStepDue = true;
    }
    return changed;
}

Result<ReceiptOutcome> DeliveryWorker::recordReceipt(Connection &c, const DeliveryRow &job,
                                                     SessionRow &row, ReceiptStatus status,
                                                     const QString &reply, qint64 now)
{
    SessionStore sessions(c);
    DeliveryStore deliveries(c);
    ReceiptOutcome outcome{job.sessionId, row.view.status, false};
    const QString name = receiptStatusName(status);

    // Gateways repeat receipts (a retried callback, a second report of the same state): one
    // already on the session's log for this job changes nothing.
    auto logged = sessions.events(job.sessionId);
    if (!logged)
        return logged.error();
    for (const SessionEvent &e : std::as_const(*logged))
        if (e.detail.value(QStringLiteral("delivery_id")).toInteger() == job.id &&
            e.detail.value(QStringLiteral("receipt")).toString() == name) {
            outcome.duplicate = true;
            return outcome;
        }

    QJsonObject detail = jobDetail(job);
    detail.insert(QStringLiteral("receipt"), name);
    detail.insert(QStringLiteral("receipt_type"), static_cast<int>(status));
    if (!reply.isEmpty())
        detail.insert(QStringLiteral("smsc_reply"), reply);

    if (isFailure(status)) {
        // As after a failed send: the job fails, the session stays open (a resend may still
        // reach the user) and ends failed at expiry if no other message got out.
        const QString error = reply.isEmpty() ? QStringLiteral("receipt: %1").arg(name)
                                              : QStringLiteral("receipt: %1 (%2)").arg(name, reply);
        detail.insert(QStringLiteral("error"), error);
        detail.insert(QStringLiteral("will_retry"), false);
        if (job.state != DeliveryState::Cancelled)
            if (Status s = deliveries.markFailed(job.id, error, now); !s)
                return s.error();
        if (Status s = noteFailure(c, job, row, detail, now); !s)
            return s.error();
        qCWarning(lcDelivery).noquote() << "session" << job.sessionId << "delivery" << job.id
                                        << "via" << job.provider << "failed:" << error;
        return outcome;
    }

    if (status == ReceiptStatus::Delivered) {
        // The message arrived, so a retry still queued for it (its first attempt timed out on
        // our side but got through) must not send it again.
        if (job.state == DeliveryState::Queued)
            if (Status s = deliveries.markSent(job.id, job.providerMessageId, now); !s)
                return s.error();
        // Only the session's newest message counts: a resend made the older code useless.
        auto jobs = deliveries.forSession(job.sessionId);
        if (!jobs)
            return jobs.error();
        const bool newest = std::all_of(jobs->cbegin(), jobs->cend(),
                                        [&](const DeliveryRow &j) { return j.id <= job.id; });
        if (newest) {
            auto moved = markDelivered(sessions, job, row, sql::jsonText(detail), now);
            if (!moved)
                return moved.error();
            if (*moved) {
                outcome.sessionStatus = row.view.status;
                qCInfo(lcDelivery).noquote() << "session" << job.sessionId << "delivered to"
                                             << row.view.recipientMasked << "via" << job.provider;
                return outcome;
            }
        }
    }
    // Progress reports, and a delivery the session's status no longer follows: on the log only.
    if (Status s = sessions.addEvent(job.sessionId, now, QStringLiteral("receipt"), Actor::system(),
                                     detail);
        !s)
        return s.error();
    return outcome;
}

} // namespace vc
