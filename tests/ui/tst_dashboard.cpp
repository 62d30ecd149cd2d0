// The dashboard over a seeded database, driven through the real main window: its cards and charts
// equal counts over the sessions themselves (in the user's local days, which are not UTC days
// here), the range selector changes them, new sessions show without a click (also when another
// engine on the same database starts them), and a change of language re-translates the page.

#include "ConsoleFixture.h"
#include "common/Format.h"
#include "dashboard/DashboardCharts.h"
#include "dashboard/DashboardPage.h"
#include "delivery/DeliveryProvider.h"

#include <QBarSet>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTest>
#include <QTranslator>

#include <time.h>

using namespace vc;
using namespace vc::test;
using namespace vc::ui;

namespace {

// Auckland is UTC+13 in March: local days and months start 13 hours before UTC ones, so any
// mix-up of the two moves sessions between days and months.
const QByteArray kTimeZone = "Pacific/Auckland";
const QDate kToday(2026, 3, 10);          // a Tuesday
const QTime kNow(15, 30);                 // local
constexpr qint64 kLiveTimeoutMs = 20'000; // change watch, debounce and a load

qint64 localMs(QDate day, QTime time)
{
    return QDateTime(day, time).toMSecsSinceEpoch();
}

qint64 dayStart(QDate day)
{
    return day.startOfDay().toMSecsSinceEpoch();
}

template <typename T>
T must(Result<T> r, const char *what)
{
    if (!r)
        qFatal("%s: %s", what, qPrintable(r.error().toString()));
    return std::move(*r);
}

// A voice gateway that cannot reach anyone: every voice delivery fails for good.
class UnreachableVoice final : public DeliveryProvider
{
public:
    QString name() const override { return QStringLiteral("unreachable"); }
    SendOutcome send(const OutgoingMessage &) override
    {
        return {SendOutcome::Kind::PermanentFailure, {}, QStringLiteral("unreachable (test)")};
    }
};

// Marks every translated text, so a test sees which texts went through tr() again.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return u'«' + QString::fromUtf8(source) + u'»';
    }
    bool isEmpty() const override { return false; }
};

// Starts sessions at given local times and takes each to an outcome, the way users and
// gateways would.
class Seeder
{
public:
    explicit Seeder(TestEngine &t)
        : m_t(t)
    {}

    void at(QDate day, QTime time) { m_t.clock->setMs(localMs(day, time)); }

    QString start(const QString &channel)
    {
        ++m_n;
        const QString to = channel == QLatin1String("email")
                               ? QStringLiteral("user%1@example.com").arg(m_n)
                               : QStringLiteral("+4791%1").arg(100000 + m_n);
        const QString id = must(m_t->start(startRequest(channel, to)), "start").sessionId;
        must(m_t->deliverDue(id), "deliver");
        return id;
    }
    void verified(const QString &channel)
    {
        const QString id = start(channel);
        const QString code = receivedCode(*m_t.engine, id);
        if (!must(m_t->check({id, code, {}}), "check").verified())
            qFatal("the received code did not verify");
    }
    void lockedOut(const QString &channel)
    {
        const QString id = start(channel);
        QString wrong = receivedCode(*m_t.engine, id);
        wrong[0] = wrong[0] == u'1' ? u'2' : u'1';
        for (int i = 0; i < 5; ++i)
            (void)must(m_t->check({id, wrong, {}}), "check");
        if (must(m_t->status(id), "status").status != SessionStatus::Failed)
            qFatal("five wrong codes did not lock the session");
    }
    void cancelled(const QString &channel) { must(m_t->cancel(start(channel), kAdmin), "cancel"); }
    // Left open: expires once its time is up, or fails when its delivery failed.
    void open(const QString &channel) { start(channel); }

private:
    TestEngine &m_t;
    int m_n = 0;
};

// A week and a half of use around a month's start, in local time. Sessions at 00:30 on 1 March
// and 10 March are on 28 February and 9 March in UTC.
void seed(TestEngine &t)
{
    t->addProvider(std::make_shared<UnreachableVoice>(), {Channel::Voice});
    Seeder s(t);
    const QString sms = QStringLiteral("sms"), voice = QStringLiteral("voice"),
                  email = QStringLiteral("email");
    s.at(QDate(2026, 2, 27), QTime(10, 0));
    s.verified(sms);
    s.verified(email);
    s.lockedOut(sms);
    s.open(voice);
    s.at(QDate(2026, 3, 1), QTime(0, 30));
    s.verified(sms);
    s.cancelled(email);
    s.open(voice);
    s.at(QDate(2026, 3, 5), QTime(12, 0));
    s.verified(sms);
    s.verified(sms);
    s.lockedOut(email);
    s.open(sms);
    s.at(QDate(2026, 3, 9), QTime(23, 30));
    s.verified(email);
    s.cancelled(sms);
    s.at(kToday, QTime(0, 30));
    s.verified(sms);
    s.open(voice);
    s.at(kToday, QTime(9, 0));
    s.verified(email);
    s.lockedOut(email);
    s.cancelled(sms);
    s.at(kToday, QTime(15, 0));
    s.verified(sms);
    s.open(sms);
    s.at(kToday, QTime(15, 28));
    s.open(email); // still open at 15:30
    s.at(kToday, kNow);
    must(t->sweepExpired(), "sweep");
}

// Counts over the sessions and events themselves, in [from, to).
struct Expected
{
    const RawDb &raw;

    qint64 sessions(qint64 from, qint64 to, const QString &channel = {},
                    const QString &status = {}) const
    {
        return raw
            .scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE created_at >= ? AND "
                                   "created_at < ? AND (COALESCE(?, '') = '' OR channel = ?) "
                                   "AND (COALESCE(?, '') = '' OR status = ?)"),
                    {from, to, channel, channel, status, status})
            .toLongLong();
    }
    qint64 verified(qint64 from, qint64 to) const
    {
        return sessions(from, to, {}, QStringLiteral("verified"));
    }
    qint64 finished(qint64 from, qint64 to) const
    {
        return raw
            .scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE created_at >= ? AND "
                                   "created_at < ? AND status IN ('verified', 'failed', "
                                   "'expired', 'cancelled')"),
                    {from, to})
            .toLongLong();
    }
    QString successRate(qint64 from, qint64 to) const
    {
        const qint64 f = finished(from, to);
        return f == 0 ? QStringLiteral("—")
                      : Format::percent(static_cast<double>(verified(from, to)) /
                                        static_cast<double>(f));
    }
    qint64 deliveryFailures(qint64 from, qint64 to) const
    {
        return raw
            .scalar(QStringLiteral("SELECT COUNT(*) FROM session_events WHERE type = "
                                   "'delivery_failed' AND at >= ? AND at < ?"),
                    {from, to})
            .toLongLong();
    }
};

QString labelText(const QWidget *page, const QString &name)
{
    const auto *label = page->findChild<QLabel *>(name);
    if (!label)
        qFatal("no label %s", qPrintable(name));
    return label->text();
}

bool hasLabel(const QWidget *page, const QString &text)
{
    for (const QLabel *label : page->findChildren<QLabel *>())
        if (label->text() == text)
            return true;
    return false;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false\n"
                                                        "verify.delivery.warning=false"));
        qputenv("TZ", kTimeZone);
        tzset();
        QCOMPARE(QDateTime(kToday, kNow).offsetFromUtc(), 13 * 3600);
    }

    void cardsAndChartsEqualCountsOverTheDatabase();
    void rangeSelectorChangesTheFigures();
    void emptyRangeShowsAnEmptyStateNotAnEmptyChart();
    void refreshesByItselfWhenSessionsChange();
    void pumpingAlertsShowAsABanner();
    void switchingLanguageRetranslatesThePage();

private:
    // Shows the dashboard and waits until figures of "now" are on screen.
    static DashboardPage *showLoaded(ConsoleFixture &f)
    {
        auto *page = f.show<DashboardPage>();
        page->refresh();
        if (!QTest::qWaitFor([page] { return !page->isLoading(); }, 10'000))
            qFatal("the dashboard did not load");
        return page;
    }
};

void TestDashboard::cardsAndChartsEqualCountsOverTheDatabase()
{
    ConsoleFixture f;
    seed(f.engine);
    RawDb raw(f.engine.dbPath());
    const Expected expected{raw};
    DashboardPage *page = showLoaded(f);
    QCOMPARE(page->range(), DashboardRange::Last7Days);

    const qint64 todayFrom = dayStart(kToday), todayTo = dayStart(kToday.addDays(1));
    const qint64 monthFrom = dayStart(QDate(2026, 3, 1)), monthTo = dayStart(QDate(2026, 4, 1));
    // The seed means something: local today and month differ from the UTC ones.
    const qint64 utcDay = QDateTime(kToday, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 utcMonth = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QVERIFY(expected.sessions(todayFrom, todayTo) !=
            expected.sessions(utcDay, utcDay + 86'400'000));
    QVERIFY(expected.sessions(monthFrom, monthTo) !=
            expected.sessions(
                utcMonth, QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()));

    QCOMPARE(labelText(page, QStringLiteral("todayTotal")),
             Format::number(expected.sessions(todayFrom, todayTo)));
    QCOMPARE(labelText(page, QStringLiteral("monthTotal")),
             Format::number(expected.sessions(monthFrom, monthTo)));
    for (Channel c : allChannels()) {
        QCOMPARE(labelText(page, QStringLiteral("todayChannel_") + channelName(c)),
                 Format::number(expected.sessions(todayFrom, todayTo, channelName(c))));
        QCOMPARE(labelText(page, QStringLiteral("monthChannel_") + channelName(c)),
                 Format::number(expected.sessions(monthFrom, monthTo, channelName(c))));
    }

    // The last 7 local days: 4 March up to and with today.
    const qint64 weekFrom = dayStart(kToday.addDays(-6));
    QCOMPARE(labelText(page, QStringLiteral("successRate")),
             expected.successRate(weekFrom, todayTo));
    QVERIFY(expected.finished(weekFrom, todayTo) > expected.verified(weekFrom, todayTo));
    QCOMPARE(labelText(page, QStringLiteral("deliveryFailures")),
             Format::number(expected.deliveryFailures(weekFrom, todayTo)));
    QVERIFY(expected.deliveryFailures(weekFrom, todayTo) > 0);

    auto *stack = page->findChild<QStackedWidget *>(QStringLiteral("chartsStack"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("chartsPage"));

    // Sessions per day, stacked by channel.
    SessionsChart *sessions = page->findChild<SessionsChart *>(QStringLiteral("sessionsChart"));
    QVERIFY(sessions && sessions->isVisible());
    QCOMPARE(sessions->bucketAxis()->buckets().size(), 7);
    QCOMPARE(sessions->bucketAxis()->buckets().at(6),
             bucketLabel(dayStart(kToday), BucketUnit::Day));
    QCOMPARE(sessions->bucketAxis()->categoriesLabels(), sessions->bucketAxis()->buckets());
    QCOMPARE(sessions->series()->count(), 3);
    for (int i = 0; i < 7; ++i) {
        const QDate day = kToday.addDays(i - 6);
        for (Channel c : allChannels())
            QCOMPARE(qint64(sessions->set(c)->at(i)),
                     expected.sessions(dayStart(day), dayStart(day.addDays(1)), channelName(c)));
    }
    // One colour per channel, the same in every chart.
    OutcomesChart *outcomes = page->findChild<OutcomesChart *>(QStringLiteral("outcomesChart"));
    QVERIFY(outcomes && outcomes->isVisible());
    for (Channel c : allChannels()) {
        QCOMPARE(sessions->set(c)->color(), channelColor(c));
        QCOMPARE(outcomes->set(c)->color(), channelColor(c));
        QCOMPARE(sessions->set(c)->label(), Format::channel(c));
    }
    QCOMPARE(channelColor(Channel::Sms) == channelColor(Channel::Voice), false);

    // Outcomes of the range by status and channel.
    const QList<SessionStatus> order = OutcomesChart::statusOrder();
    for (int i = 0; i < order.size(); ++i)
        for (Channel c : allChannels())
            QCOMPARE(qint64(outcomes->set(c)->at(i)),
                     expected.sessions(weekFrom, todayTo, channelName(c), statusName(order[i])));

    // The success rate per day, a point only where sessions finished.
    SuccessRateChart *success = page->findChild<SuccessRateChart *>(QStringLiteral("successChart"));
    QVERIFY(success && success->isVisible());
    QList<QPointF> points;
    for (int i = 0; i < 7; ++i) {
        const QDate day = kToday.addDays(i - 6);
        const qint64 finished = expected.finished(dayStart(day), dayStart(day.addDays(1)));
        if (finished > 0)
            points.append(QPointF(i, 100.0 *
                                         static_cast<double>(expected.verified(
                                             dayStart(day), dayStart(day.addDays(1)))) /
                                         static_cast<double>(finished)));
    }
    QVERIFY(points.size() >= 3);
    QCOMPARE(success->series()->points(), points);
}

void TestDashboard::rangeSelectorChangesTheFigures()
{
    ConsoleFixture f;
    seed(f.engine);
    RawDb raw(f.engine.dbPath());
    const Expected expected{raw};
    DashboardPage *page = showLoaded(f);
    auto *selector = page->findChild<QComboBox *>(QStringLiteral("rangeSelector"));
    auto *from = page->findChild<QDateEdit *>(QStringLiteral("fromDate"));
    auto *to = page->findChild<QDateEdit *>(QStringLiteral("toDate"));
    QVERIFY(selector && from && to);
    QVERIFY(!from->isVisible());
    auto *sessions = page->findChild<SessionsChart *>(QStringLiteral("sessionsChart"));
    const qint64 todayTo = dayStart(kToday.addDays(1));
    const QString week = labelText(page, QStringLiteral("successRate"));

    // Last 30 days: 9 February onwards, which takes in 27 February.
    selector->setCurrentIndex(static_cast<int>(DashboardRange::Last30Days));
    const qint64 monthFrom = dayStart(kToday.addDays(-29));
    QTRY_VERIFY(!page->isLoading());
    QCOMPARE(labelText(page, QStringLiteral("successRate")),
             expected.successRate(monthFrom, todayTo));
    QVERIFY(labelText(page, QStringLiteral("successRate")) != week);
    QCOMPARE(labelText(page, QStringLiteral("deliveryFailures")),
             Format::number(expected.deliveryFailures(monthFrom, todayTo)));
    QCOMPARE(sessions->bucketAxis()->buckets().size(), 30);
    // Not 30 labels side by side, and the first day among those shown.
    const QStringList shown = sessions->bucketAxis()->categoriesLabels();
    QVERIFY(!shown.isEmpty() && shown.size() < 30);
    QCOMPARE(shown.first(), sessions->bucketAxis()->buckets().first());
    qint64 charted = 0;
    for (Channel c : allChannels())
        charted += qint64(sessions->set(c)->sum());
    QCOMPARE(charted, expected.sessions(monthFrom, todayTo));

    // Today: by the hour.
    selector->setCurrentIndex(static_cast<int>(DashboardRange::Today));
    QTRY_VERIFY(!page->isLoading());
    QCOMPARE(sessions->bucketAxis()->buckets().size(), 24);
    for (int hour : {0, 9, 15})
        for (Channel c : allChannels())
            QCOMPARE(qint64(sessions->set(c)->at(hour)),
                     expected.sessions(localMs(kToday, QTime(hour, 0)),
                                       localMs(kToday, QTime(hour, 0)) + 3'600'000,
                                       channelName(c)));
    QCOMPARE(labelText(page, QStringLiteral("successRate")),
             expected.successRate(dayStart(kToday), todayTo));
    QCOMPARE(labelText(page, QStringLiteral("deliveryFailures")),
             Format::number(expected.deliveryFailures(dayStart(kToday), todayTo)));

    // Custom, with the date edits: 27 February to 1 March, by day.
    selector->setCurrentIndex(static_cast<int>(DashboardRange::Custom));
    QVERIFY(from->isVisible() && to->isVisible());
    from->setDate(QDate(2026, 2, 27));
    to->setDate(QDate(2026, 3, 1));
    QTRY_VERIFY(!page->isLoading());
    QCOMPARE(page->figures().period.firstDay, QDate(2026, 2, 27));
    QCOMPARE(page->figures().period.lastDay, QDate(2026, 3, 1));
    const qint64 customFrom = dayStart(QDate(2026, 2, 27)), customTo = dayStart(QDate(2026, 3, 2));
    QCOMPARE(sessions->bucketAxis()->buckets().size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QDate day = QDate(2026, 2, 27).addDays(i);
        for (Channel c : allChannels())
            QCOMPARE(qint64(sessions->set(c)->at(i)),
                     expected.sessions(dayStart(day), dayStart(day.addDays(1)), channelName(c)));
    }
    QCOMPARE(labelText(page, QStringLiteral("successRate")),
             expected.successRate(customFrom, customTo));
    QCOMPARE(labelText(page, QStringLiteral("deliveryFailures")),
             Format::number(expected.deliveryFailures(customFrom, customTo)));

    // The date edits keep from <= to: an end before the start moves the start.
    to->setDate(QDate(2026, 2, 20));
    QCOMPARE(from->date(), QDate(2026, 2, 20));

    // A single custom day is shown by the hour; 00:30 on 1 March is that day's first hour.
    page->setCustomRange(QDate(2026, 3, 1), QDate(2026, 3, 1));
    QTRY_VERIFY(!page->isLoading());
    QCOMPARE(sessions->bucketAxis()->buckets().size(), 24);
    const qint64 firstHour = dayStart(QDate(2026, 3, 1));
    for (Channel c : allChannels())
        QCOMPARE(qint64(sessions->set(c)->at(0)),
                 expected.sessions(firstHour, firstHour + 3'600'000, channelName(c)));
    QVERIFY(sessions->set(Channel::Sms)->at(0) > 0);

    // The cards for today and this month do not depend on the range.
    QCOMPARE(labelText(page, QStringLiteral("todayTotal")),
             Format::number(expected.sessions(dayStart(kToday), todayTo)));
}

void TestDashboard::emptyRangeShowsAnEmptyStateNotAnEmptyChart()
{
    ConsoleFixture f;
    f.engine.clock->setMs(localMs(kToday, kNow));
    DashboardPage *page = showLoaded(f);
    auto *stack = page->findChild<QStackedWidget *>(QStringLiteral("chartsStack"));
    auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyState"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No sessions in this range"));
    QCOMPARE(labelText(page, QStringLiteral("todayTotal")), Format::number(0));
    QCOMPARE(labelText(page, QStringLiteral("successRate")), QStringLiteral("—"));

    // Sessions elsewhere in time leave this range empty; in range, the charts come back.
    seed(f.engine);
    page->setCustomRange(QDate(2026, 1, 1), QDate(2026, 1, 31));
    QTRY_VERIFY(!page->isLoading());
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    QVERIFY(labelText(page, QStringLiteral("todayTotal")) != Format::number(0));
    page->setRange(DashboardRange::Today);
    QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("chartsPage"));
}

void TestDashboard::refreshesByItselfWhenSessionsChange()
{
    ConsoleFixture f;
    seed(f.engine);
    RawDb raw(f.engine.dbPath());
    const Expected expected{raw};
    DashboardPage *page = showLoaded(f);
    const qint64 todayFrom = dayStart(kToday), todayTo = dayStart(kToday.addDays(1));
    const qint64 before = expected.sessions(todayFrom, todayTo);
    QCOMPARE(labelText(page, QStringLiteral("todayTotal")), Format::number(before));

    // In this process: nobody calls refresh().
    must(f.engine->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4799000001"))),
         "start");
    QTRY_COMPARE_WITH_TIMEOUT(labelText(page, QStringLiteral("todayTotal")),
                              Format::number(before + 1), kLiveTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        labelText(page, QStringLiteral("todayChannel_sms")),
        Format::number(expected.sessions(todayFrom, todayTo, QStringLiteral("sms"))),
        kLiveTimeoutMs);

    // In another process (another engine on the same files): only the change watch sees it.
    // Wait until the watch runs (it notices its first change only after a first look).
    f.engine->startBackgroundWork();
    QSignalSpy changed(f.engine.engine.get(), &Engine::databaseChanged);
    raw.exec(QStringLiteral("CREATE TABLE test_nudge (n INTEGER)"));
    const auto nudged = [&] {
        raw.exec(QStringLiteral("INSERT INTO test_nudge VALUES (1)"));
        return changed.count() > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(nudged(), kLiveTimeoutMs);
    auto other = must(Engine::open(f.engine.config(), f.engine.clock), "open");
    must(other->start(startRequest(QStringLiteral("email"), QStringLiteral("other@example.com"))),
         "start");
    QTRY_COMPARE_WITH_TIMEOUT(labelText(page, QStringLiteral("todayTotal")),
                              Format::number(before + 2), kLiveTimeoutMs);
    QCOMPARE(labelText(page, QStringLiteral("todayChannel_email")),
             Format::number(expected.sessions(todayFrom, todayTo, QStringLiteral("email"))));
    f.engine->stopBackgroundWork();
}

// A burst of starts to one number range shows above the cards, whatever the range, with the
// prefix, the country, the service and the count, and never a number.
void TestDashboard::pumpingAlertsShowAsABanner()
{
    ConsoleFixture f;
    seed(f.engine);
    DashboardPage *page = showLoaded(f);
    auto *banner = page->findChild<QFrame *>(QStringLiteral("alertsBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    QStringList numbers;
    for (int i = 0; i < 12; ++i) {
        numbers << QStringLiteral("+447400%1").arg(300000 + i);
        must(f.engine->start(startRequest(QStringLiteral("sms"), numbers.last())), "start");
    }
    page->setRange(DashboardRange::Last30Days);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kLiveTimeoutMs);
    const QString text = labelText(page, QStringLiteral("alertsList"));
    const QString service = must(f.engine->service(QStringLiteral("default")), "service").name;
    QVERIFY2(text.contains(QStringLiteral("+44 740")), qPrintable(text));
    QVERIFY2(text.contains(Format::country(QStringLiteral("GB"))), qPrintable(text));
    QVERIFY2(text.contains(service), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(": 12 start")), qPrintable(text));
    for (const QString &number : std::as_const(numbers))
        QVERIFY(!text.contains(number.mid(3)));
    QCOMPARE(labelText(page, QStringLiteral("alertsTitle")),
             QStringLiteral("Possible SMS pumping"));

    // Two hours later the burst is over and the banner goes.
    f.engine.clock->advanceMs(2 * 3'600'000);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kLiveTimeoutMs);
}

void TestDashboard::switchingLanguageRetranslatesThePage()
{
    ConsoleFixture f;
    seed(f.engine);
    RawDb raw(f.engine.dbPath());
    const Expected expected{raw};
    DashboardPage *page = showLoaded(f);
    auto *selector = page->findChild<QComboBox *>(QStringLiteral("rangeSelector"));
    auto *sessions = page->findChild<SessionsChart *>(QStringLiteral("sessionsChart"));
    QVERIFY(hasLabel(page, QStringLiteral("Sessions today")));
    QCOMPARE(sessions->chart()->title(), QStringLiteral("Sessions per day"));

    // Every text through tr() again, on QEvent::LanguageChange.
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_VERIFY(hasLabel(page, QStringLiteral("«Sessions today»")));
    QVERIFY(hasLabel(page, QStringLiteral("«Success rate»")));
    QVERIFY(hasLabel(page, QStringLiteral("«Delivery failures»")));
    QVERIFY(hasLabel(page, QStringLiteral("«&Range:»")));
    QCOMPARE(selector->itemText(1), QStringLiteral("«Last 7 days»"));
    QCOMPARE(sessions->chart()->title(), QStringLiteral("«Sessions per day»"));
    QCOMPARE(sessions->set(Channel::Email)->label(), QStringLiteral("«E-mail»"));
    QVERIFY(labelText(page, QStringLiteral("failuresDetail")).startsWith(u'«'));
    QCoreApplication::removeTranslator(&marking);
    QTRY_VERIFY(hasLabel(page, QStringLiteral("Sessions today")));
    QCOMPARE(sessions->chart()->title(), QStringLiteral("Sessions per day"));

    // The console's own switch: numbers and dates follow the Norwegian locale at once.
    const qint64 weekFrom = dayStart(kToday.addDays(-6)), todayTo = dayStart(kToday.addDays(1));
    const double rate = static_cast<double>(expected.verified(weekFrom, todayTo)) /
                        static_cast<double>(expected.finished(weekFrom, todayTo));
    const QString norwegian = QLocale(QStringLiteral("nb_NO")).toString(rate * 100, 'f', 1);
    QVERIFY(norwegian.contains(u','));
    f.translator.setLanguage(QStringLiteral("nb"));
    QTRY_COMPARE(labelText(page, QStringLiteral("successRate")),
                 norwegian + QStringLiteral("\u00a0%"));
    auto *from = page->findChild<QDateEdit *>(QStringLiteral("fromDate"));
    QCOMPARE(from->displayFormat(),
             QLocale(QStringLiteral("nb_NO")).dateFormat(QLocale::ShortFormat));
    f.translator.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(labelText(page, QStringLiteral("successRate")), Format::percent(rate));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
