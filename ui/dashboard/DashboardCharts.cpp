#include "dashboard/DashboardCharts.h"

#include "common/Format.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDateTime>
#include <QFontMetricsF>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace vc::ui {

namespace {

// The locale's short date without the year ("M/d", "dd.MM", "MM-dd").
QString dayMonthFormat(const QLocale &locale)
{
    static const QRegularExpression year(QStringLiteral("^y+[^dM]*|[^dM]*y+"));
    QString format = locale.dateFormat(QLocale::ShortFormat);
    format.remove(year);
    return format.isEmpty() ? QStringLiteral("d/M") : format;
}

QBarSet *channelSet(Channel channel, QObject *parent)
{
    auto *set = new QBarSet(Format::channel(channel), parent);
    set->setObjectName(channelName(channel));
    set->setColor(channelColor(channel));
    set->setBorderColor(channelColor(channel));
    return set;
}

} // namespace

QColor channelColor(Channel channel)
{
    // Okabe–Ito colours: told apart with any kind of colour vision.
    switch (channel) {
    case Channel::Sms:
        return QColor(0x00, 0x72, 0xb2);
    case Channel::Voice:
        return QColor(0xe6, 0x9f, 0x00);
    case Channel::Email:
        return QColor(0x00, 0x9e, 0x73);
    }
    return Qt::gray;
}

QString bucketLabel(qint64 startMs, BucketUnit unit)
{
    const QLocale locale;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(startMs).toLocalTime();
    switch (unit) {
    case BucketUnit::Hour:
        return locale.toString(local.time(), QLocale::ShortFormat);
    case BucketUnit::Day:
        return locale.toString(local.date(), dayMonthFormat(locale));
    case BucketUnit::Month:
        return locale.toString(local.date(), QStringLiteral("MMM yyyy"));
    }
    return {};
}

QStringList bucketLabels(const DashboardPeriod &period)
{
    QStringList labels;
    QSet<QString> seen;
    for (qint64 start : period.bucketStarts) {
        QString label = bucketLabel(start, period.unit);
        // The hour repeated when clocks go back would be dropped by the category axis.
        while (seen.contains(label))
            label.append(QChar(0x200b));
        seen.insert(label);
        labels.append(label);
    }
    return labels;
}

// --- BucketAxis -------------------------------------------------------------------------------

BucketAxis::BucketAxis(QObject *parent)
    : QCategoryAxis(parent)
{
    setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setGridLineVisible(false);
}

void BucketAxis::setBuckets(const QStringList &labels, BucketUnit unit)
{
    if (labels == m_buckets && unit == m_unit)
        return;
    m_buckets = labels;
    m_unit = unit;
    m_step = 0;
    setRange(-0.5, static_cast<qreal>(labels.size()) - 0.5);
}

void BucketAxis::fit(qreal width)
{
    // Steps a reader counts in: hours by 3, 6 or 12, days by the week.
    static const QList<int> hourSteps{1, 2, 3, 4, 6, 12, 24};
    static const QList<int> daySteps{1, 2, 7, 14, 28, 56};
    static const QList<int> monthSteps{1, 2, 3, 6, 12};
    const QList<int> &steps = m_unit == BucketUnit::Hour  ? hourSteps
                              : m_unit == BucketUnit::Day ? daySteps
                                                          : monthSteps;
    const QFontMetricsF metrics(labelsFont());
    qreal widest = 0;
    for (const QString &label : std::as_const(m_buckets))
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const qreal room = widest + 2 * metrics.averageCharWidth();
    const auto n = static_cast<qreal>(m_buckets.size());
    int step = steps.last();
    for (int candidate : steps)
        if (std::ceil(n / candidate) * room <= width) {
            step = candidate;
            break;
        }
    if (step == m_step)
        return;
    m_step = step;
    for (const QString &label : categoriesLabels())
        remove(label);
    setStartValue(-0.5);
    for (qsizetype i = 0; i < m_buckets.size(); i += step)
        append(m_buckets.at(i), static_cast<qreal>(i));
    setRange(-0.5, n - 0.5);
}

// --- DashboardChart ---------------------------------------------------------------------------

DashboardChart::DashboardChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    QChart *c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setBackgroundRoundness(0);
    c->setMargins(QMargins(6, 6, 6, 6));
    c->legend()->setVisible(true);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setLocalizeNumbers(true);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    c->setTitleFont(titleFont);
}

void DashboardChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    fitBucketAxis();
}

void DashboardChart::fitBucketAxis()
{
    // The plot is the view less the value axis and the margins; an estimate is enough here.
    if (BucketAxis *axis = bucketAxis())
        axis->fit(std::max(80, width() - 90));
}

void DashboardChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
    chart()->setLocale(QLocale());
}

void DashboardChart::setCountRange(QValueAxis *axis, qint64 max)
{
    // A step of 1, 2 or 5 times a power of ten, about five ticks.
    const double rough = std::max(1.0, static_cast<double>(max) / 5.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= rough) {
            step = m * magnitude;
            break;
        }
    const double top = std::max(step, std::ceil(static_cast<double>(max) / step) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setRange(0, top);
}

void DashboardChart::setCategories(QBarCategoryAxis *axis, const QStringList &labels)
{
    if (axis->categories() != labels)
        axis->setCategories(labels);
}

// --- SessionsChart ----------------------------------------------------------------------------

SessionsChart::SessionsChart(QWidget *parent)
    : DashboardChart(parent)
    , m_series(new QStackedBarSeries(this))
    , m_time(new BucketAxis(this))
    , m_counts(new QValueAxis(this))
{
    for (Channel c : allChannels()) {
        QBarSet *set = channelSet(c, m_series);
        m_sets.insert(c, set);
        m_series->append(set);
    }
    m_series->setBarWidth(0.7);
    chart()->addSeries(m_series);
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_counts, Qt::AlignLeft);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_counts);
}

void SessionsChart::setFigures(const DashboardFigures &f)
{
    switch (f.period.unit) {
    case BucketUnit::Hour:
        setTitle(tr("Sessions per hour"));
        break;
    case BucketUnit::Day:
        setTitle(tr("Sessions per day"));
        break;
    case BucketUnit::Month:
        setTitle(tr("Sessions per month"));
        break;
    }
    qint64 highest = 0;
    for (Channel c : allChannels()) {
        QBarSet *set = m_sets.value(c);
        set->setLabel(Format::channel(c));
        QList<qreal> values;
        for (const DashboardBucket &b : f.buckets)
            values.append(static_cast<qreal>(b.byChannel.value(c)));
        set->remove(0, set->count());
        set->append(values);
    }
    for (const DashboardBucket &b : f.buckets)
        highest = std::max(highest, b.total());
    m_time->setBuckets(bucketLabels(f.period), f.period.unit);
    fitBucketAxis();
    setCountRange(m_counts, highest);
}

// --- OutcomesChart ----------------------------------------------------------------------------

OutcomesChart::OutcomesChart(QWidget *parent)
    : DashboardChart(parent)
    , m_series(new QHorizontalStackedBarSeries(this))
    , m_categories(new QBarCategoryAxis(this))
    , m_counts(new QValueAxis(this))
{
    for (Channel c : allChannels()) {
        QBarSet *set = channelSet(c, m_series);
        m_sets.insert(c, set);
        m_series->append(set);
    }
    m_series->setBarWidth(0.65);
    chart()->addSeries(m_series);
    chart()->addAxis(m_categories, Qt::AlignLeft);
    chart()->addAxis(m_counts, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_counts);
}

QList<SessionStatus> OutcomesChart::statusOrder()
{
    // Drawn bottom-up: the outcomes read top-down from verified to still pending.
    return {SessionStatus::Pending, SessionStatus::Delivered, SessionStatus::Cancelled,
            SessionStatus::Expired, SessionStatus::Failed,    SessionStatus::Verified};
}

void OutcomesChart::setFigures(const DashboardFigures &f)
{
    setTitle(tr("Outcomes by status"));
    const QList<SessionStatus> order = statusOrder();
    qint64 highest = 0;
    QStringList labels;
    for (SessionStatus s : order) {
        const qint64 n = f.statusTotal(s);
        highest = std::max(highest, n);
        labels.append(tr("%1 (%2)").arg(Format::status(s), Format::number(n)));
    }
    for (Channel c : allChannels()) {
        QBarSet *set = m_sets.value(c);
        set->setLabel(Format::channel(c));
        QList<qreal> values;
        for (SessionStatus s : order)
            values.append(static_cast<qreal>(f.byStatusAndChannel.value(s).value(c)));
        set->remove(0, set->count());
        set->append(values);
    }
    setCategories(m_categories, labels);
    setCountRange(m_counts, highest);
}

// --- SuccessRateChart -------------------------------------------------------------------------

SuccessRateChart::SuccessRateChart(QWidget *parent)
    : DashboardChart(parent)
    , m_line(new QLineSeries(this))
    , m_time(new BucketAxis(this))
    , m_percent(new QValueAxis(this))
{
    QPen pen(QColor(0x6a, 0x3d, 0x9a));
    pen.setWidthF(2.5);
    m_line->setPen(pen);
    m_line->setPointsVisible(true);
    chart()->addSeries(m_line);
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_percent, Qt::AlignLeft);
    m_line->attachAxis(m_time);
    m_line->attachAxis(m_percent);
    m_percent->setRange(0, 100);
    m_percent->setTickType(QValueAxis::TicksDynamic);
    m_percent->setTickAnchor(0);
    m_percent->setTickInterval(25);
    m_percent->setMinorTickCount(0);
    m_percent->setLabelFormat(QStringLiteral("%.0f"));
}

void SuccessRateChart::setFigures(const DashboardFigures &f)
{
    setTitle(f.finished > 0 ? tr("Success rate over time")
                            : tr("Success rate over time (no finished sessions yet)"));
    m_line->setName(tr("Verified of finished sessions"));
    m_percent->setTitleText(tr("%"));
    QList<QPointF> points;
    for (qsizetype i = 0; i < f.buckets.size(); ++i) {
        const DashboardBucket &b = f.buckets.at(i);
        if (b.finished > 0)
            points.append(QPointF(static_cast<qreal>(i), 100.0 * static_cast<qreal>(b.verified) /
                                                             static_cast<qreal>(b.finished)));
    }
    m_line->replace(points);
    m_time->setBuckets(bucketLabels(f.period), f.period.unit);
    fitBucketAxis();
}

} // namespace vc::ui
