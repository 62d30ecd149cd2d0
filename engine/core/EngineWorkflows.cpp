// The Engine's workflows: a start that lists channels in order moves to the next one when the
// code is not verified within the step's wait, or when the step's delivery failed for good. The
// steps and the next step's time are on the session row, so a restart loses no timer; the
// background work's sweep fires them (advanceWorkflows).

#include "core/ConfigCache.h"
#include "core/Engine.h"
#include "core/Logging.h"
#include "core/SessionCrypto.h"
#include "core/SessionRules.h"
#include "store/Database.h"
#include "store/DeliveryStore.h"
#include "store/SessionStore.h"
#include "store/StatsStore.h"
#include "store/WebhookStore.h"

namespace vc {

Result<int> Engine::advanceWorkflows(int batchSize)
{
    auto due = m_db->read<QStringList>(
        [&](Connection &c) { return SessionStore(c).dueForFailover(m_clock->nowMs(), batchSize); });
    if (!due)
        return due.error();
    auto snapshot = configSnapshot();
    if (!snapshot)
        return snapshot.error();
    int moved = 0;
    for (const QString &id : std::as_const(*due)) {
        bool queued = false;
        auto step = updateSession<bool>(
            id,
            [&](Connection &c, SessionStore &sessions, SessionRow &row,
                qint64 now) -> Result<bool> {
                queued = false;
                SessionView &v = row.view;
                // Verified, ended or expired meanwhile, or already moved on: nothing to do.
                if (isFinal(v.status) || !row.workflowNextAt || *row.workflowNextAt > now)
                    return false;
                const QList<Workflows::Step> steps = Workflows::parse(row.workflow);
                DeliveryStore deliveries(c);
                auto jobs = deliveries.forSession(v.id);
                if (!jobs)
                    return jobs.error();
                const bool deliveryFailed =
                    !jobs->isEmpty() && jobs->constLast().state == DeliveryState::Failed;
                const QString reason =
                    deliveryFailed ? QStringLiteral("delivery_failed") : QStringLiteral("timeout");
                const int next = row.workflowStep + 1;
                if (next >= steps.size()) {
                    // The last step's message did not get out: nothing is left to try.
                    if (Status s = sessions.transition(row, SessionStatus::Failed, now); !s)
                        return s.error();
                    if (Status s = sessions.addEvent(
                            v.id, now, QStringLiteral("failed"), Actor::system(),
                            QJsonObject{{QStringLiteral("reason"), reason},
                                        {QStringLiteral("step"), row.workflowStep}});
                        !s)
                        return s.error();
                    return true;
                }
                const Service *service = (*snapshot)->service(v.serviceId);
                if (!service)
                    return Error::internal(QStringLiteral("the session's service is missing"));
                const Workflows::Step &to = steps.at(next);
                // A new code, as a resend: the old one stops working.
                auto code = newCode(v.codeLength, v.codeType);
                if (!code)
                    return code.error();
                auto payload = renderAndSeal(**snapshot, v.id, to.channel, v.locale, *service,
                                             **code, row.ttlSeconds);
                if (!payload)
                    return payload.error();
                const QByteArray hash = m_crypto->codes().hash(v.id, **code);
                code->reset();
                if (Status s = deliveries.cancelOpen(v.id, now); !s)
                    return s.error();
                const Channel from = v.channel;
                const std::optional<qint64> nextAt =
                    to.waitSeconds > 0 ? std::optional<qint64>(now + qint64(to.waitSeconds) * 1000)
                                       : std::nullopt;
                if (Status s = sessions.advanceWorkflow(
                        row, to.channel, hash, now, now + qint64(row.ttlSeconds) * 1000, nextAt);
                    !s)
                    return s.error();
                const QString provider = providerFor(**snapshot, v.serviceId, to.channel);
                auto job = deliveries.enqueue(v.id, to.channel, provider, *payload, now);
                if (!job)
                    return job.error();
                const QJsonObject detail{{QStringLiteral("from_channel"), channelName(from)},
                                         {QStringLiteral("to_channel"), channelName(to.channel)},
                                         {QStringLiteral("reason"), reason},
                                         {QStringLiteral("step"), next}};
                if (Status s = sessions.addEvent(v.id, now, QStringLiteral("failover"),
                                                 Actor::system(), detail);
                    !s)
                    return s.error();
                if (Status s = sessions.addEvent(
                        v.id, now, QStringLiteral("queued"), Actor::system(),
                        QJsonObject{{QStringLiteral("delivery_id"), *job},
                                    {QStringLiteral("provider"), provider},
                                    {QStringLiteral("channel"), channelName(to.channel)}});
                    !s)
                    return s.error();
                if (Status s = StatsStore(c).countEvent(now, v.serviceId, to.channel,
                                                        QStringLiteral("failover"));
                    !s)
                    return s.error();
                if (auto w = WebhookStore(c).enqueueFor(v, QStringLiteral("session.failover"),
                                                        detail, now);
                    !w)
                    return w.error();
                queued = true;
                qCInfo(lcEngine).noquote()
                    << "session" << v.id << "failed over from" << channelName(from) << "to"
                    << channelName(to.channel) << "(" << reason << ")";
                return true;
            });
        if (!step) {
            // Another writer got there first (a check, a resend): the next sweep looks again.
            if (step.error().code == ErrorCode::Conflict)
                continue;
            return step.error();
        }
        if (*step)
            ++moved;
        if (queued)
            emit deliveryQueued(id);
    }
    return moved;
}

} // namespace vc
