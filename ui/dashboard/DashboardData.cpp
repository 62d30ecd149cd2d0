#include "dashboard/DashboardData.h"

#include "core/Engine.h"

#include <QDateTime>

#include <algorithm>
#include <vector>

namespace vc::ui {

namespace {

constexpr qint64 kHourMs = 3'600'000;

// startOfDay, not midnight: where a time-zone change skips midnight the day starts later.
qint64 localStart(QDate day)
{
    return day.startOfDay().toMSecsSinceEpoch();
}

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date();
}

} // namespace

qsizetype DashboardPeriod::bucketOf(qint64 ms) const
{
    const auto after = std::upper_bound(bucketStarts.cbegin(), bucketStarts.cend(), ms);
    return std::max<qsizetype>(0, std::distance(bucketStarts.cbegin(), after) - 1);
}

DashboardPeriod dashboardPeriod(DashboardRange range, qint64 nowMs, QDate customFrom,
                                QDate customTo)
{
    const QDate today = localDate(nowMs);
    DashboardPeriod p;
    switch (range) {
    case DashboardRange::Today:
        p.firstDay = p.lastDay = today;
        break;
    case DashboardRange::Last7Days:
        p.firstDay = today.addDays(-6);
        p.lastDay = today;
        break;
    case DashboardRange::Last30Days:
        p.firstDay = today.addDays(-29);
        p.lastDay = today;
        break;
    case DashboardRange::Custom:
        p.firstDay = customFrom.isValid() ? customFrom : today;
        p.lastDay = customTo.isValid() ? customTo : p.firstDay;
        if (p.lastDay < p.firstDay)
            std::swap(p.firstDay, p.lastDay);
        if (p.firstDay.daysTo(p.lastDay) >= kMaxCustomDays)
            p.firstDay = p.lastDay.addDays(-(kMaxCustomDays - 1));
        break;
    }
    p.fromMs = localStart(p.firstDay);
    p.toMs = localStart(p.lastDay.addDays(1));

    const qint64 days = p.firstDay.daysTo(p.lastDay) + 1;
    if (days == 1) {
        // Hours as the engine counts them; a day with a clock change has 23 or 25.
        p.unit = BucketUnit::Hour;
        for (qint64 t = p.fromMs; t < p.toMs; t += kHourMs)
            p.bucketStarts.append(t);
    } else if (days <= kDaysForDailyBuckets) {
        p.unit = BucketUnit::Day;
        for (QDate d = p.firstDay; d <= p.lastDay; d = d.addDays(1))
            p.bucketStarts.append(localStart(d));
    } else {
        p.unit = BucketUnit::Month;
        p.bucketStarts.append(p.fromMs);
        for (QDate d = QDate(p.firstDay.year(), p.firstDay.month(), 1).addMonths(1); d <= p.lastDay;
             d = d.addMonths(1))
            p.bucketStarts.append(localStart(d));
    }
    return p;
}

qint64 DashboardBucket::total() const
{
    qint64 sum = 0;
    for (qint64 n : byChannel)
        sum += n;
    return sum;
}

qint64 DashboardFigures::statusTotal(SessionStatus s) const
{
    qint64 sum = 0;
    for (qint64 n : byStatusAndChannel.value(s))
        sum += n;
    return sum;
}

void addRangeReport(DashboardFigures &f, const StatsReport &report)
{
    f.total = report.total;
    f.byChannel = report.byChannel;
    f.successRate = report.successRate;
    f.deliveryFailures = report.deliveryFailures;
    f.buckets.clear();
    const qsizetype bucketCount = f.period.bucketStarts.size();
    if (bucketCount == 0)
        return;
    // Sums in plain arrays first (a 90-day range is ~80,000 rows), into the hashes once.
    constexpr int Channels = static_cast<int>(Channel::Email) + 1;
    constexpr int Statuses = static_cast<int>(SessionStatus::Cancelled) + 1;
    struct Sums
    {
        qint64 byChannel[Channels] = {};
        qint64 verified = 0;
        qint64 finished = 0;
    };
    std::vector<Sums> sums(static_cast<size_t>(bucketCount));
    qint64 byStatusAndChannel[Statuses][Channels] = {};
    // Rows are hours in UTC, in time order; a local day or month is a run of whole hours (in
    // zones with a half-hour offset an hour straddling midnight counts for the day it starts in).
    qsizetype at = 0;
    for (const StatsRow &row : report.rows) {
        if (at + 1 < bucketCount && row.hourStart >= f.period.bucketStarts.at(at + 1))
            at = f.period.bucketOf(row.hourStart);
        Sums &b = sums[static_cast<size_t>(at)];
        const int channel = static_cast<int>(row.channel);
        b.byChannel[channel] += row.sessions;
        byStatusAndChannel[static_cast<int>(row.status)][channel] += row.sessions;
        if (isFinal(row.status)) {
            b.finished += row.sessions;
            f.finished += row.sessions;
        }
        if (row.status == SessionStatus::Verified) {
            b.verified += row.sessions;
            f.verified += row.sessions;
        }
    }
    f.buckets.reserve(bucketCount);
    for (qsizetype i = 0; i < bucketCount; ++i) {
        const Sums &b = sums[static_cast<size_t>(i)];
        DashboardBucket bucket{f.period.bucketStarts.at(i), {}, b.verified, b.finished};
        for (int c = 0; c < Channels; ++c)
            if (b.byChannel[c] != 0)
                bucket.byChannel.insert(static_cast<Channel>(c), b.byChannel[c]);
        f.buckets.append(std::move(bucket));
    }
    for (int st = 0; st < Statuses; ++st)
        for (int c = 0; c < Channels; ++c)
            if (byStatusAndChannel[st][c] != 0)
                f.byStatusAndChannel[static_cast<SessionStatus>(st)][static_cast<Channel>(c)] =
                    byStatusAndChannel[st][c];
}

DashboardFigures loadDashboard(Engine &engine, DashboardRange range, QDate customFrom,
                               QDate customTo)
{
    DashboardFigures f;
    f.nowMs = engine.clock().nowMs();
    f.today = localDate(f.nowMs);
    f.period = dashboardPeriod(range, f.nowMs, customFrom, customTo);

    if (auto alerts = engine.pumpingAlerts(); !alerts) {
        f.alertsError = alerts.error().toString();
    } else if (!alerts->isEmpty()) {
        f.alerts = std::move(*alerts);
        if (auto services = engine.services())
            for (const Service &s : std::as_const(*services))
                f.serviceNames.insert(s.id, s.name);
    }

    // Nothing is counted after the current hour, so every range ends there at the latest: then
    // "30 days" and "this month" cover the same hours at the end of a month.
    const qint64 horizon = f.nowMs - f.nowMs % kHourMs + kHourMs;
    const auto until = [horizon](qint64 toMs) { return std::min(toMs, horizon); };
    const qint64 todayFrom = localStart(f.today);
    const qint64 todayTo = until(localStart(f.today.addDays(1)));
    const QDate firstOfMonth(f.today.year(), f.today.month(), 1);
    const qint64 monthFrom = localStart(firstOfMonth);
    const qint64 monthTo = until(localStart(firstOfMonth.addMonths(1)));
    const qint64 periodTo = until(f.period.toMs);

    // A month of a million sessions is ~30,000 rows of hours. The month's rows give the cards
    // for today and this month; a period that covers the month (30 days at the end of a month,
    // a long custom range) is read once for the cards and the charts.
    const auto read = [&engine](qint64 from, qint64 to) {
        return engine.stats({from, to, {}, StatsGranularity::Hour});
    };
    const bool periodCoversMonth = f.period.fromMs <= monthFrom && periodTo >= monthTo;
    auto all = periodCoversMonth ? read(f.period.fromMs, periodTo) : read(monthFrom, monthTo);
    if (!all) {
        f.error = all.error().toString();
        return f;
    }
    const auto sumWithin = [&rows = all->rows](qint64 fromMs, qint64 toMs,
                                               QHash<Channel, qint64> &byChannel) {
        const qint64 first = fromMs - fromMs % kHourMs; // as the engine rounds a range's start
        qint64 total = 0;
        for (const StatsRow &row : rows) {
            if (row.hourStart >= first && row.hourStart < toMs) {
                total += row.sessions;
                byChannel[row.channel] += row.sessions;
            }
        }
        return total;
    };
    f.todayTotal = sumWithin(todayFrom, todayTo, f.todayByChannel);
    f.monthTotal = sumWithin(monthFrom, monthTo, f.monthByChannel);

    if (periodCoversMonth) {
        addRangeReport(f, *all);
        return f;
    }
    auto selected = read(f.period.fromMs, periodTo);
    if (!selected) {
        f.error = selected.error().toString();
        return f;
    }
    addRangeReport(f, *selected);
    return f;
}

} // namespace vc::ui
