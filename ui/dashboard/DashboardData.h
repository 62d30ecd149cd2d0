#pragma once

#include "core/Session.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace vc {
class Engine;
}

namespace vc::ui {

// What the range selector offers. Days are the user's local days.
enum class DashboardRange
{
    Today,
    Last7Days,
    Last30Days,
    Custom
};

// How the charts group sessions: by hour for a single day, by day up to two months, by month
// beyond that (more bars would not fit a readable axis).
enum class BucketUnit
{
    Hour,
    Day,
    Month
};

// The local days a range covers and their bounds in UTC.
struct DashboardPeriod
{
    QDate firstDay; // local, inclusive
    QDate lastDay;  // local, inclusive
    qint64 fromMs = 0;
    qint64 toMs = 0; // the start of the day after lastDay
    BucketUnit unit = BucketUnit::Day;
    QList<qint64> bucketStarts; // the local start of every bucket, in UTC ms, ascending

    // The bucket a time falls in (the first one for times before the period).
    qsizetype bucketOf(qint64 ms) const;
};

// Custom ranges are capped at a year: the engine returns hourly rows.
inline constexpr int kMaxCustomDays = 366;
inline constexpr int kDaysForDailyBuckets = 62;

// The period `range` means at `nowMs` (custom: the inclusive local days from..to, put in order
// and capped at kMaxCustomDays ending at `to`).
DashboardPeriod dashboardPeriod(DashboardRange range, qint64 nowMs, QDate customFrom = {},
                                QDate customTo = {});

struct DashboardBucket
{
    qint64 start = 0;
    QHash<Channel, qint64> byChannel;
    qint64 verified = 0;
    qint64 finished = 0; // reached a final status
    qint64 total() const;
};

// Everything the dashboard shows, computed off the GUI thread from the engine's hourly
// statistics (never from the sessions themselves).
struct DashboardFigures
{
    QString error; // set when the statistics could not be read; the rest is then empty
    qint64 nowMs = 0;
    QDate today; // local

    qint64 todayTotal = 0;
    QHash<Channel, qint64> todayByChannel;
    qint64 monthTotal = 0; // the local calendar month
    QHash<Channel, qint64> monthByChannel;

    // The selected range.
    DashboardPeriod period;
    qint64 total = 0;
    QHash<Channel, qint64> byChannel;
    QHash<SessionStatus, QHash<Channel, qint64>> byStatusAndChannel;
    qint64 verified = 0;
    qint64 finished = 0;
    std::optional<double> successRate; // verified / finished; none when nothing finished
    qint64 deliveryFailures = 0;
    QList<DashboardBucket> buckets; // one per period.bucketStarts, empty ones included

    // Signs of SMS pumping now, whatever the range (Engine::pumpingAlerts), with the names of
    // the services they concern; alertsError when they could not be read.
    QList<PumpingAlert> alerts;
    QHash<QString, QString> serviceNames;
    QString alertsError;

    qint64 statusTotal(SessionStatus s) const;
};

// Adds a report over `figures.period` (hourly rows) to the range part of `figures`.
void addRangeReport(DashboardFigures &figures, const StatsReport &report);

// Reads today, this month and `range` from the engine; "now" is the engine's clock.
DashboardFigures loadDashboard(Engine &engine, DashboardRange range, QDate customFrom = {},
                               QDate customTo = {});

} // namespace vc::ui
