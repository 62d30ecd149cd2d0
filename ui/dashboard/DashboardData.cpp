#include "dashboard/DashboardData.h"

#include "core/Engine.h"

#include <QDateTime>

#include <algorithm>

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
    for (qint64 start : std::as_const(f.period.bucketStarts))
        f.buckets.append(DashboardBucket{start, {}, 0, 0});
    if (f.buckets.isEmpty())
        return;
    // Rows are hours in UTC; a local day or month is a run of whole hours (in zones with a
    // half-hour offset an hour straddling midnight counts for the day it starts in).
    for (const StatsRow &row : report.rows) {
        DashboardBucket &b = f.buckets[f.period.bucketOf(row.hourStart)];
        b.byChannel[row.channel] += row.sessions;
        f.byStatusAndChannel[row.status][row.channel] += row.sessions;
        if (isFinal(row.status)) {
            b.finished += row.sessions;
            f.finished += row.sessions;
        }
        if (row.status == SessionStatus::Verified) {
            b.verified += row.sessions;
            f.verified += row.sessions;
        }
    }
}

DashboardFigures loadDashboard(Engine &engine, DashboardRange range, QDate customFrom,
                               QDate customTo)
{
    DashboardFigures f;
    f.nowMs = engine.clock().nowMs();
    f.today = localDate(f.nowMs);
    f.period = dashboardPeriod(range, f.nowMs, customFrom, customTo);

    const auto read = [&engine](qint64 from, qint64 to) {
        return engine.stats({from, to, {}, StatsGranularity::Hour});
    };
    auto today = read(localStart(f.today), localStart(f.today.addDays(1)));
    if (!today) {
        f.error = today.error().toString();
        return f;
    }
    f.todayTotal = today->total;
    f.todayByChannel = today->byChannel;

    const QDate firstOfMonth(f.today.year(), f.today.month(), 1);
    auto month = read(localStart(firstOfMonth), localStart(firstOfMonth.addMonths(1)));
    if (!month) {
        f.error = month.error().toString();
        return f;
    }
    f.monthTotal = month->total;
    f.monthByChannel = month->byChannel;

    if (range == DashboardRange::Today) {
        addRangeReport(f, *today);
        return f;
    }
    auto selected = read(f.period.fromMs, f.period.toMs);
    if (!selected) {
        f.error = selected.error().toString();
        return f;
    }
    addRangeReport(f, *selected);
    return f;
}

} // namespace vc::ui
