#pragma once

#include "Page.h"
#include "dashboard/DashboardData.h"

#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Ui {
class DashboardPage;
}

namespace vc::ui {

class OutcomesChart;
class SessionsChart;
class SuccessRateChart;

// The owner's view: cards for sessions today and this month by channel, the success rate and
// delivery failures of the selected range; charts of sessions per hour/day/month by channel,
// outcomes by status and the success rate over time. Everything comes from the engine's hourly
// statistics, read off the GUI thread; the main window's refresh() keeps it live.
class DashboardPage : public Page
{
    Q_OBJECT
public:
    explicit DashboardPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~DashboardPage() override;

    QString title() const override { return tr("Dashboard"); }
    void refresh() override;

    DashboardRange range() const;
    void setRange(DashboardRange range);
    // Selects Custom with the local days from..to (inclusive).
    void setCustomRange(QDate from, QDate to);

    // True from a change of range or a refresh until its figures are shown.
    bool isLoading() const { return m_shown < m_requested; }
    // The figures the widgets show (empty until the first load arrives).
    const DashboardFigures &figures() const { return m_figures; }

    SessionsChart *sessionsChart() const;
    OutcomesChart *outcomesChart() const;
    SuccessRateChart *successChart() const;

signals:
    // New figures are on screen.
    void figuresShown();

protected:
    void retranslate() override;
    void showEvent(QShowEvent *event) override;

private:
    struct Loaded;
    void rangeChanged();
    void showCustomDates();
    void fromDateChanged();
    void toDateChanged();
    void load();
    void loaded(const Loaded &result);
    void showFigures();
    void showAlerts();
    void showLoadState();
    QString rangeText() const;
    void watchTheDate();

    std::unique_ptr<Ui::DashboardPage> m_ui;
    DashboardFigures m_figures;
    bool m_hasFigures = false;
    QString m_error;
    quint64 m_requested = 0; // the newest load started
    quint64 m_shown = 0;     // the load whose figures are shown
    quint64 m_selection = 0; // counts changes of range: loads of an older range are dropped
    // The newest load, for queued loads to see that they have been overtaken.
    std::shared_ptr<std::atomic<quint64>> m_newest = std::make_shared<std::atomic<quint64>>(0);
    QTimer m_dateWatch; // "today" and "this month" move at local midnight
    bool m_dateChangedWhileHidden = false;
    // Last, so it is destroyed first: its destructor waits for a running load, which uses the
    // engine. One thread: loads run in order and a burst of refreshes does not pile up.
    QThreadPool m_pool;
};

} // namespace vc::ui
