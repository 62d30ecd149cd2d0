// The Engine's SMS-pumping signals: per number prefix, a burst of starts against the prefix's
// usual rate, and a conversion far below the service's usual. Counted where sessions start and
// are verified (Engine::start, Engine::check); read here from the hourly prefix counts.

#include "core/Engine.h"
#include "core/Recipient.h"
#include "core/Service.h"
#include "core/SessionCrypto.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/StatsStore.h"

#include <algorithm>

namespace vc {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 BaselineHours = 7 * 24;
constexpr qint64 BaselineMs = BaselineHours * HourMs;

// One prefix of one service over the counted windows.
struct PrefixTally
{
    QString serviceId;
    QString prefix;
    QString region;
    qint64 burstStarted = 0; // the burst window: the last full hour and the current one
    qint64 burstVerified = 0;
    qint64 started = 0; // the conversion window: the 24 full hours before the current one
    qint64 verified = 0;
};

} // namespace

Status Engine::countPrefixVerified(Connection &c, const SessionRow &row) const
{
    const SessionView &v = row.view;
    if (v.test || v.recipientRegion.isEmpty()) // test sessions and e-mail have no prefix count
        return {};
    auto recipient = m_crypto->openRecipient(v.id, row.recipientSealed);
    if (!recipient)
        return recipient.error();
    const QString prefix = Recipients::numberPrefixOf(recipient->toUtf8String());
    if (prefix.isEmpty())
        return {};
    return StatsStore(c).countPrefixVerified(v.createdAt, v.serviceId, prefix);
}

Result<QList<PumpingAlert>> Engine::pumpingAlerts(const QString &serviceId,
                                                  const PumpingThresholds &thresholds)
{
    if (!serviceId.isEmpty())
        if (Status s = ServiceRules::validateId(serviceId); !s)
            return s.error();
    const qint64 now = m_clock->nowMs();
    const qint64 hour = now - now % HourMs;
    const qint64 burstFrom = hour - HourMs;
    const qint64 conversionFrom = hour - 24 * HourMs;
    // The burst window is one to two hours long, as far as the current hour has gone.
    const double burstHours = 1.0 + double(now - hour) / double(HourMs);

    return m_db->read<QList<PumpingAlert>>([&](Connection &c) -> Result<QList<PumpingAlert>> {
        StatsStore stats(c);
        auto rows = stats.prefixCounts(conversionFrom, hour + HourMs, serviceId);
        if (!rows)
            return rows.error();
        QHash<QString, PrefixTally> tallies;
        for (const StatsStore::PrefixCount &row : std::as_const(*rows)) {
            PrefixTally &t = tallies[row.serviceId + u'\n' + row.prefix];
            if (t.serviceId.isEmpty())
                t = {row.serviceId, row.prefix, row.region};
            if (row.hourStart >= burstFrom) {
                t.burstStarted += row.started;
                t.burstVerified += row.verified;
            }
            if (row.hourStart < hour) {
                t.started += row.started;
                t.verified += row.verified;
            }
        }

        // The share of each service's phone sessions verified in the week before the window.
        QHash<QString, std::optional<double>> usualConversion;
        auto usualOf = [&](const QString &service) -> Result<std::optional<double>> {
            if (auto it = usualConversion.constFind(service); it != usualConversion.constEnd())
                return *it;
            auto outcomes =
                stats.phoneOutcomes(service, conversionFrom - BaselineMs, conversionFrom);
            if (!outcomes)
                return outcomes.error();
            const std::optional<double> usual =
                outcomes->sessions >= thresholds.usualMinStarts
                    ? std::optional<double>(double(outcomes->verified) / double(outcomes->sessions))
                    : std::nullopt;
            usualConversion.insert(service, usual);
            return usual;
        };

        QList<PumpingAlert> alerts;
        // An alert about `t` over [from, to) with its counts there.
        const auto alert = [](PumpingAlert::Kind kind, const PrefixTally &t, qint64 from, qint64 to,
                              qint64 started, qint64 verified) {
            PumpingAlert a;
            a.kind = kind;
            a.serviceId = t.serviceId;
            a.prefix = t.prefix;
            a.region = t.region;
            a.windowStart = from;
            a.windowEnd = to;
            a.started = started;
            a.verified = verified;
            return a;
        };
        for (const PrefixTally &t : std::as_const(tallies)) {
            if (t.burstStarted >= thresholds.burstMinStarts) {
                auto before =
                    stats.prefixStarts(t.serviceId, t.prefix, burstFrom - BaselineMs, burstFrom);
                if (!before)
                    return before.error();
                const double usualPerHour = double(*before) / double(BaselineHours);
                if (double(t.burstStarted) > thresholds.burstFactor * usualPerHour * burstHours) {
                    alerts.append(alert(PumpingAlert::Kind::Burst, t, burstFrom, now,
                                        t.burstStarted, t.burstVerified));
                    alerts.last().usualPerHour = usualPerHour;
                }
            }
            if (t.started >= thresholds.conversionMinStarts) {
                auto usual = usualOf(t.serviceId);
                if (!usual)
                    return usual.error();
                const double conversion = double(t.verified) / double(t.started);
                const double limit =
                    *usual ? **usual * thresholds.conversionFactor : thresholds.conversionFloor;
                if (conversion < limit) {
                    alerts.append(alert(PumpingAlert::Kind::LowConversion, t, conversionFrom, hour,
                                        t.started, t.verified));
                    alerts.last().usualConversion = *usual;
                }
            }
        }
        std::sort(alerts.begin(), alerts.end(), [](const PumpingAlert &a, const PumpingAlert &b) {
            if (a.kind != b.kind)
                return a.kind == PumpingAlert::Kind::Burst;
            if (a.started != b.started)
                return a.started > b.started;
            return std::tie(a.serviceId, a.prefix) < std::tie(b.serviceId, b.prefix);
        });
        return alerts;
    });
}

} // namespace vc
