#pragma once

#include "dashboard/DashboardData.h"

#include <QCategoryAxis>
#include <QChartView>
#include <QHash>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace vc::ui {

// One colour per channel, the same in every chart and card.
QColor channelColor(Channel channel);
// A bucket's axis label in the current locale ("14:00", "3/10", "Mar 2026").
QString bucketLabel(qint64 startMs, BucketUnit unit);
// The labels of every bucket of `period`, unique as a category axis needs them.
QStringList bucketLabels(const DashboardPeriod &period);

// The time axis of the bucket charts: bucket i is drawn at x = i, and only every k-th label is
// shown, k chosen to fit the width, so no label is cut short (a bar category axis cuts every
// label to its bar's width, which leaves "1:…" under 24 hours).
class BucketAxis final : public QCategoryAxis
{
    Q_OBJECT
public:
    explicit BucketAxis(QObject *parent = nullptr);
    void setBuckets(const QStringList &labels, BucketUnit unit);
    // Chooses which labels show for a plot about `width` pixels wide.
    void fit(qreal width);
    // Every bucket's label, shown or not.
    const QStringList &buckets() const { return m_buckets; }
    int step() const { return m_step; }

private:
    QStringList m_buckets;
    BucketUnit m_unit = BucketUnit::Day;
    int m_step = 0;
};

// A chart view set up the dashboard's way: no animation, legend below, numbers in the locale.
// setFigures() writes every value and every text, so it also serves to retranslate.
class DashboardChart : public QChartView
{
    Q_OBJECT
public:
    explicit DashboardChart(QWidget *parent = nullptr);
    virtual void setFigures(const DashboardFigures &figures) = 0;

protected:
    void resizeEvent(QResizeEvent *event) override;
    // The time axis to fit to the width, if the chart has one.
    virtual BucketAxis *bucketAxis() const { return nullptr; }
    void fitBucketAxis();
    void setTitle(const QString &title);
    // A count axis from 0 with whole-number ticks.
    static void setCountRange(QValueAxis *axis, qint64 max);
    static void setCategories(QBarCategoryAxis *axis, const QStringList &labels);
};

// Sessions per hour, day or month, stacked by channel.
class SessionsChart final : public DashboardChart
{
    Q_OBJECT
public:
    explicit SessionsChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures) override;
    QStackedBarSeries *series() const { return m_series; }
    QBarSet *set(Channel channel) const { return m_sets.value(channel); }
    BucketAxis *bucketAxis() const override { return m_time; }

private:
    QStackedBarSeries *m_series = nullptr;
    QHash<Channel, QBarSet *> m_sets;
    BucketAxis *m_time = nullptr;
    QValueAxis *m_counts = nullptr;
};

// Sessions of the range by status (verified, failed, ...), stacked by channel.
class OutcomesChart final : public DashboardChart
{
    Q_OBJECT
public:
    explicit OutcomesChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures) override;
    QHorizontalStackedBarSeries *series() const { return m_series; }
    QBarSet *set(Channel channel) const { return m_sets.value(channel); }
    // The statuses in the order of the bars' values (bottom to top).
    static QList<SessionStatus> statusOrder();

private:
    QHorizontalStackedBarSeries *m_series = nullptr;
    QHash<Channel, QBarSet *> m_sets;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_counts = nullptr;
};

// Verified / finished per bucket, in percent; buckets where nothing finished have no point.
class SuccessRateChart final : public DashboardChart
{
    Q_OBJECT
public:
    explicit SuccessRateChart(QWidget *parent = nullptr);
    void setFigures(const DashboardFigures &figures) override;
    QLineSeries *series() const { return m_line; }
    BucketAxis *bucketAxis() const override { return m_time; }

private:
    QLineSeries *m_line = nullptr;
    BucketAxis *m_time = nullptr;
    QValueAxis *m_percent = nullptr;
};

} // namespace vc::ui
