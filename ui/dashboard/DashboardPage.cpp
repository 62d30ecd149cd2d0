#include "dashboard/DashboardPage.h"

#include "common/Format.h"
#include "common/Translator.h"
#include "core/Engine.h"
#include "dashboard/DashboardCharts.h"
#include "ui_DashboardPage.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QSignalBlocker>
#include <QtConcurrent>

namespace vc::ui {

// One load's answer, tagged so late answers can be recognised.
struct DashboardPage::Loaded
{
    quint64 request = 0;
    quint64 selection = 0;
    bool skipped = false; // overtaken by a newer load before it started
    DashboardFigures figures;
};

namespace {

QString countName(const QString &objectPrefix, Channel c)
{
    return objectPrefix + channelName(c);
}

} // namespace

DashboardPage::DashboardPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::DashboardPage>())
{
    m_ui->setupUi(this);
    m_pool.setMaxThreadCount(1);

    m_ui->todayCard->valueLabel()->setObjectName(QStringLiteral("todayTotal"));
    m_ui->monthCard->valueLabel()->setObjectName(QStringLiteral("monthTotal"));
    m_ui->successCard->valueLabel()->setObjectName(QStringLiteral("successRate"));
    m_ui->successCard->noteLabel()->setObjectName(QStringLiteral("successDetail"));
    m_ui->failuresCard->valueLabel()->setObjectName(QStringLiteral("deliveryFailures"));
    m_ui->failuresCard->noteLabel()->setObjectName(QStringLiteral("failuresDetail"));
    for (Channel c : allChannels()) {
        m_ui->todayCard->addBreakdownRow(channelColor(c),
                                         countName(QStringLiteral("todayChannel_"), c));
        m_ui->monthCard->addBreakdownRow(channelColor(c),
                                         countName(QStringLiteral("monthChannel_"), c));
    }
    m_ui->cardsRow->setStretch(0, 3);
    m_ui->cardsRow->setStretch(1, 3);
    m_ui->cardsRow->setStretch(2, 2);
    m_ui->cardsRow->setStretch(3, 2);
    m_ui->chartsGrid->setRowStretch(0, 1);
    m_ui->chartsGrid->setRowStretch(1, 1);
    QFont emptyFont = m_ui->emptyState->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.4);
    m_ui->emptyState->setFont(emptyFont);
    m_ui->emptyState->setForegroundRole(QPalette::PlaceholderText);
    // A warning that stands out in light and dark themes alike: amber, dark text.
    m_ui->alertsBanner->setStyleSheet(
        QStringLiteral("#alertsBanner { background: #fff4ce; border: 1px solid #d4a500; "
                       "border-radius: 6px; } #alertsBanner QLabel { color: #3d2e00; "
                       "background: transparent; border: none; }"));
    QFont alertsFont = m_ui->alertsTitle->font();
    alertsFont.setBold(true);
    m_ui->alertsTitle->setFont(alertsFont);

    const QDate today =
        QDateTime::fromMSecsSinceEpoch(context.engine.clock().nowMs()).toLocalTime().date();
    m_ui->fromDate->setDateRange(QDate(2000, 1, 1), today);
    m_ui->toDate->setDateRange(QDate(2000, 1, 1), today);
    m_ui->fromDate->setDate(today.addDays(-6));
    m_ui->toDate->setDate(today);
    m_ui->rangeSelector->setCurrentIndex(static_cast<int>(DashboardRange::Last7Days));
    showCustomDates();

    connect(m_ui->rangeSelector, &QComboBox::currentIndexChanged, this,
            &DashboardPage::rangeChanged);
    connect(m_ui->fromDate, &QDateEdit::dateChanged, this, &DashboardPage::fromDateChanged);
    connect(m_ui->toDate, &QDateEdit::dateChanged, this, &DashboardPage::toDateChanged);
    // A language whose translation is missing still changes the locale, and that alone sends
    // no LanguageChange: follow the translator too.
    connect(&context.translator, &Translator::languageChanged, this, &DashboardPage::retranslate);

    m_dateWatch.setInterval(60'000);
    connect(&m_dateWatch, &QTimer::timeout, this, &DashboardPage::watchTheDate);
    m_dateWatch.start();

    retranslate();
}

DashboardPage::~DashboardPage() = default;

SessionsChart *DashboardPage::sessionsChart() const
{
    return m_ui->sessionsChart;
}

OutcomesChart *DashboardPage::outcomesChart() const
{
    return m_ui->outcomesChart;
}

SuccessRateChart *DashboardPage::successChart() const
{
    return m_ui->successChart;
}

DashboardRange DashboardPage::range() const
{
    return static_cast<DashboardRange>(m_ui->rangeSelector->currentIndex());
}

void DashboardPage::setRange(DashboardRange range)
{
    m_ui->rangeSelector->setCurrentIndex(static_cast<int>(range));
}

void DashboardPage::setCustomRange(QDate from, QDate to)
{
    {
        const QSignalBlocker blockFrom(m_ui->fromDate);
        const QSignalBlocker blockTo(m_ui->toDate);
        m_ui->fromDate->setDate(from);
        m_ui->toDate->setDate(to);
    }
    if (range() == DashboardRange::Custom)
        rangeChanged();
    else
        setRange(DashboardRange::Custom);
}

void DashboardPage::refresh()
{
    load();
}

void DashboardPage::rangeChanged()
{
    showCustomDates();
    ++m_selection;
    load();
}

void DashboardPage::showCustomDates()
{
    const bool custom = range() == DashboardRange::Custom;
    m_ui->fromLabel->setVisible(custom);
    m_ui->fromDate->setVisible(custom);
    m_ui->toLabel->setVisible(custom);
    m_ui->toDate->setVisible(custom);
}

void DashboardPage::fromDateChanged()
{
    // Keep from <= to and the span within the cap by moving the other end.
    const QDate from = m_ui->fromDate->date();
    {
        const QSignalBlocker block(m_ui->toDate);
        if (m_ui->toDate->date() < from)
            m_ui->toDate->setDate(from);
        else if (from.daysTo(m_ui->toDate->date()) >= kMaxCustomDays)
            m_ui->toDate->setDate(from.addDays(kMaxCustomDays - 1));
    }
    if (range() == DashboardRange::Custom)
        rangeChanged();
}

void DashboardPage::toDateChanged()
{
    const QDate to = m_ui->toDate->date();
    {
        const QSignalBlocker block(m_ui->fromDate);
        if (m_ui->fromDate->date() > to)
            m_ui->fromDate->setDate(to);
        else if (m_ui->fromDate->date().daysTo(to) >= kMaxCustomDays)
            m_ui->fromDate->setDate(to.addDays(-(kMaxCustomDays - 1)));
    }
    if (range() == DashboardRange::Custom)
        rangeChanged();
}

void DashboardPage::load()
{
    const quint64 request = ++m_requested;
    m_newest->store(request);
    const quint64 selection = m_selection;
    const DashboardRange selected = range();
    const QDate from = m_ui->fromDate->date();
    const QDate to = m_ui->toDate->date();
    Engine *engine = &context().engine;
    std::shared_ptr<std::atomic<quint64>> newest = m_newest;

    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        loaded(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [=]() -> Loaded {
        if (newest->load() != request)
            return {request, selection, true, {}};
        return {request, selection, false, loadDashboard(*engine, selected, from, to)};
    }));
    showLoadState();
}

void DashboardPage::loaded(const Loaded &result)
{
    // A range's figures are stale once another range is selected; a refresh's are not stale
    // while a newer refresh of the same range runs (under steady changes that one would be
    // overtaken in turn, and nothing would ever show), so those are shown unless newer ones are.
    if (result.skipped || result.selection != m_selection || result.request <= m_shown) {
        showLoadState();
        return;
    }
    m_shown = result.request;
    if (!result.figures.error.isEmpty()) {
        m_error = result.figures.error;
        showLoadState();
        return;
    }
    m_error.clear();
    m_figures = result.figures;
    m_hasFigures = true;
    m_dateChangedWhileHidden = false;
    const QSignalBlocker blockFrom(m_ui->fromDate);
    const QSignalBlocker blockTo(m_ui->toDate);
    m_ui->fromDate->setMaximumDate(m_figures.today);
    m_ui->toDate->setMaximumDate(m_figures.today);
    showFigures();
    showLoadState();
    emit figuresShown();
}

void DashboardPage::showLoadState()
{
    QPalette palette = m_ui->loadState->palette();
    palette.setColor(QPalette::WindowText, m_error.isEmpty()
                                               ? this->palette().color(QPalette::PlaceholderText)
                                               : QColor(0xc0, 0x1c, 0x28));
    m_ui->loadState->setPalette(palette);
    if (!m_error.isEmpty())
        m_ui->loadState->setText(tr("The statistics could not be read: %1").arg(m_error));
    else if (isLoading())
        m_ui->loadState->setText(tr("Loading…"));
    else if (m_hasFigures)
        m_ui->loadState->setText(
            tr("Updated %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_figures.nowMs).time(),
                                        QLocale::ShortFormat)));
    else
        m_ui->loadState->clear();
}

QString DashboardPage::rangeText() const
{
    switch (range()) {
    case DashboardRange::Today:
        return tr("Today");
    case DashboardRange::Last7Days:
        return tr("Last 7 days");
    case DashboardRange::Last30Days:
        return tr("Last 30 days");
    case DashboardRange::Custom:
        break;
    }
    const QDate first = m_figures.period.firstDay;
    const QDate last = m_figures.period.lastDay;
    const QLocale locale;
    if (first == last)
        return locale.toString(first, QLocale::ShortFormat);
    return tr("%1 – %2").arg(locale.toString(first, QLocale::ShortFormat),
                             locale.toString(last, QLocale::ShortFormat));
}

void DashboardPage::showAlerts()
{
    const DashboardFigures &f = m_figures;
    if (!m_hasFigures || (f.alerts.isEmpty() && f.alertsError.isEmpty())) {
        m_ui->alertsBanner->hide();
        return;
    }
    if (!f.alertsError.isEmpty()) {
        m_ui->alertsTitle->setText(tr("The SMS-pumping signals could not be read"));
        m_ui->alertsList->setText(f.alertsError);
        m_ui->alertsHint->hide();
        m_ui->alertsBanner->show();
        return;
    }
    // A few lines at most; the rest are counted (all of them: GET /v1/stats/alerts).
    constexpr qsizetype shownAtMost = 5;
    const QLocale locale;
    QStringList lines;
    for (qsizetype i = 0; i < std::min(f.alerts.size(), shownAtMost); ++i) {
        const PumpingAlert &a = f.alerts.at(i);
        const QString service = f.serviceNames.value(a.serviceId, a.serviceId);
        const QString where =
            tr("%1 in %2, service %3").arg(a.prefix, Format::country(a.region), service);
        QString what;
        if (a.kind == PumpingAlert::Kind::Burst) {
            what = tr("%n start(s) since %1, usually %2 an hour", nullptr, int(a.started))
                       .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(a.windowStart).time(),
                                            QLocale::ShortFormat),
                            locale.toString(a.usualPerHour, 'f', 1));
        } else {
            const QString share = Format::percent(a.conversion().value_or(0));
            what = a.usualConversion
                       ? tr("%1 of %2 verified in the last 24 hours (%3); the service usually "
                            "%4")
                             .arg(Format::number(a.verified), Format::number(a.started), share,
                                  Format::percent(*a.usualConversion))
                       : tr("%1 of %2 verified in the last 24 hours (%3)")
                             .arg(Format::number(a.verified), Format::number(a.started), share);
        }
        lines << QStringLiteral("• %1: %2").arg(where, what);
    }
    if (f.alerts.size() > shownAtMost)
        lines << tr("and %n more", nullptr, int(f.alerts.size() - shownAtMost));
    m_ui->alertsTitle->setText(tr("Possible SMS pumping"));
    m_ui->alertsList->setText(lines.join(u'\n'));
    m_ui->alertsHint->show();
    m_ui->alertsBanner->show();
}

void DashboardPage::showFigures()
{
    const DashboardFigures &f = m_figures;
    showAlerts();
    const QList<Channel> channels = allChannels();
    const QString none = QStringLiteral("—");

    m_ui->todayCard->setValue(m_hasFigures ? Format::number(f.todayTotal) : none);
    m_ui->monthCard->setValue(m_hasFigures ? Format::number(f.monthTotal) : none);
    for (int i = 0; i < channels.size(); ++i) {
        const Channel c = channels.at(i);
        m_ui->todayCard->setBreakdownRow(
            i, Format::channel(c), m_hasFigures ? Format::number(f.todayByChannel.value(c)) : none);
        m_ui->monthCard->setBreakdownRow(
            i, Format::channel(c), m_hasFigures ? Format::number(f.monthByChannel.value(c)) : none);
    }
    const QLocale locale;
    m_ui->todayCard->setNote(m_hasFigures ? locale.toString(f.today, QLocale::ShortFormat)
                                          : QString());
    m_ui->monthCard->setNote(
        m_hasFigures ? QStringLiteral("%1 %2").arg(locale.standaloneMonthName(f.today.month()),
                                                   QString::number(f.today.year()))
                     : QString());

    m_ui->successCard->setValue(f.successRate ? Format::percent(*f.successRate) : none);
    // The two range cards say which range they count, as the range selector may be far away.
    m_ui->successCard->setNote(!m_hasFigures    ? QString()
                               : f.finished > 0 ? tr("%1: %2 of %3 finished sessions verified")
                                                      .arg(rangeText(), Format::number(f.verified),
                                                           Format::number(f.finished))
                                                : tr("%1: none finished yet").arg(rangeText()));
    m_ui->failuresCard->setValue(m_hasFigures ? Format::number(f.deliveryFailures) : none);
    m_ui->failuresCard->setNote(m_hasFigures ? rangeText() : QString());

    if (!m_hasFigures) {
        m_ui->emptyState->setText(tr("Loading…"));
        m_ui->chartsStack->setCurrentWidget(m_ui->emptyPage);
        return;
    }
    m_ui->sessionsChart->setFigures(f);
    m_ui->outcomesChart->setFigures(f);
    m_ui->successChart->setFigures(f);
    m_ui->emptyState->setText(tr("No sessions in this range"));
    m_ui->chartsStack->setCurrentWidget(f.total > 0 ? m_ui->chartsPage : m_ui->emptyPage);
}

void DashboardPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->todayCard->setTitle(tr("Sessions today"));
    m_ui->monthCard->setTitle(tr("Sessions this month"));
    m_ui->successCard->setTitle(tr("Success rate"));
    m_ui->failuresCard->setTitle(tr("Delivery failures"));
    const QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    for (QDateEdit *edit : {m_ui->fromDate, m_ui->toDate}) {
        edit->setLocale(QLocale());
        edit->setDisplayFormat(dateFormat);
    }
    showFigures();
    showLoadState();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_dateChangedWhileHidden) {
        m_dateChangedWhileHidden = false;
        load();
    }
}

void DashboardPage::watchTheDate()
{
    if (!m_hasFigures)
        return;
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(context().engine.clock().nowMs()).toLocalTime().date();
    if (today == m_figures.today)
        return;
    if (isVisible())
        load();
    else
        m_dateChangedWhileHidden = true;
}

} // namespace vc::ui
