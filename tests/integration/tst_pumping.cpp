// SMS-pumping signals in the engine, on real SQLite files: starts and verifications counted per
// number prefix and hour (never with the number), a burst of starts to one prefix against its
// usual rate, and a prefix whose starts are rarely verified against the service's usual.

#include "support/TestEngine.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace vc;
using namespace vc::test;

namespace {

constexpr qint64 HourMs = 3'600'000;

// Mobile numbers in three ranges, a new one for each n: +44 740..., +47 92..., +46 701...
QString uk(int n)
{
    return QStringLiteral("+447400%1").arg(100000 + n);
}
QString no(int n)
{
    return QStringLiteral("+4792%1").arg(100000 + n);
}
QString se(int n)
{
    return QStringLiteral("+46701%1").arg(100000 + n);
}

const QString kUk = QStringLiteral("+44 740");
const QString kNo = QStringLiteral("+47 92");
const QString kSe = QStringLiteral("+46 701");

} // namespace

class TestPumping : public QObject
{
    Q_OBJECT

private:
    // Starts a session to `recipient` and, when `verify`, reads the code off the outbox and
    // checks it.
    static QString start(TestEngine &t, const QString &recipient, bool verify,
                         const QString &service = {})
    {
        StartRequest r = startRequest(QStringLiteral("sms"), recipient);
        r.serviceId = service;
        auto s = t->start(r);
        if (!s) {
            qWarning("start failed: %s", qPrintable(s.error().toString()));
            return {};
        }
        if (verify) {
            (void)t->deliverDue(s->sessionId);
            auto checked = t->check({s->sessionId, receivedCode(*t.engine, s->sessionId), {}});
            if (!checked || !checked->verified())
                qWarning("the session was not verified");
        }
        return s->sessionId;
    }

    static const PumpingAlert *find(const QList<PumpingAlert> &alerts, PumpingAlert::Kind kind,
                                    const QString &prefix)
    {
        for (const PumpingAlert &a : alerts)
            if (a.kind == kind && a.prefix == prefix)
                return &a;
        return nullptr;
    }

private slots:
    void countedPerPrefixWithoutTheNumber()
    {
        TestEngine t;
        auto updated = t->updateService(
            QStringLiteral("default"),
            {{QStringLiteral("test_recipients"),
              QJsonArray{QJsonObject{{QStringLiteral("recipient"), uk(99)},
                                     {QStringLiteral("code"), QStringLiteral("123456")}}}}},
            kAdmin);
        QVERIFY2(updated, errorText(updated).constData());
        QVERIFY(!start(t, uk(1), true).isEmpty());
        QVERIFY(!start(t, uk(2), false).isEmpty());
        QVERIFY(!start(t, uk(3), false).isEmpty());
        QVERIFY(!start(t, no(1), false).isEmpty());
        // E-mail has no prefix; a test recipient is never counted, verified or not.
        StartRequest mail =
            startRequest(QStringLiteral("email"), QStringLiteral("kari@example.no"));
        auto mailed = t->start(mail);
        QVERIFY2(mailed, errorText(mailed).constData());
        auto test = t->start(startRequest(QStringLiteral("sms"), uk(99)));
        QVERIFY2(test, errorText(test).constData());
        QVERIFY(test->test);
        auto testChecked = t->check({test->sessionId, QStringLiteral("123456"), {}});
        QVERIFY2(testChecked, errorText(testChecked).constData());
        QVERIFY(testChecked->verified());
        // A verification counts in the hour the session started, however late it comes.
        t.clock->advanceSeconds(3000);
        QVERIFY(!start(t, no(2), false).isEmpty());
        t.clock->advanceSeconds(480); // 10:58
        const QString late = start(t, no(3), false);
        (void)t->deliverDue(late);
        t.clock->advanceSeconds(240); // 11:02
        auto lateChecked = t->check({late, receivedCode(*t.engine, late), {}});
        QVERIFY2(lateChecked, errorText(lateChecked).constData());
        QVERIFY(lateChecked->verified());
        QVERIFY(!start(t, no(4), false).isEmpty());

        RawDb raw(t.dbPath());
        const auto rows = raw.rows(
            QStringLiteral("SELECT hour_start, service_id, prefix, region, started, verified FROM "
                           "prefix_stats_hourly ORDER BY hour_start, prefix"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0),
                 (QVariantList{kT0, QStringLiteral("default"), kUk, QStringLiteral("GB"), 3, 1}));
        QCOMPARE(rows.at(1),
                 (QVariantList{kT0, QStringLiteral("default"), kNo, QStringLiteral("NO"), 3, 1}));
        QCOMPARE(rows.at(2), (QVariantList{kT0 + HourMs, QStringLiteral("default"), kNo,
                                           QStringLiteral("NO"), 1, 0}));
        // The prefix is kept there only: a session has no column that holds it.
        for (const QVariantList &column : raw.rows(QStringLiteral("PRAGMA table_info(sessions)")))
            QVERIFY2(!column.value(1).toString().contains(QStringLiteral("prefix")),
                     qPrintable(column.value(1).toString()));
    }

    void burstOfStartsToOnePrefix()
    {
        TestEngine t;
        // A week of usual traffic: two starts a day to +44 740, sixty to +47 92.
        for (int day = 0, n = 0; day < 7; ++day) {
            for (int i = 0; i < 2; ++i)
                QVERIFY(!start(t, uk(n++), true).isEmpty());
            for (int i = 0; i < 60; ++i)
                QVERIFY(!start(t, no(n++), true).isEmpty());
            t.clock->advanceMs(24 * HourMs);
        }
        QVERIFY(t->pumpingAlerts()->isEmpty());

        // Day 8, 10:30: twelve starts to +44 740 since 09:00 is a burst (usually 2/24 an hour);
        // ten to +47 92 is its usual rate (2.5 an hour); nine to +46 701 are too few to judge.
        t.clock->advanceMs(-HourMs + 60'000);
        for (int i = 0; i < 6; ++i)
            QVERIFY(!start(t, uk(1000 + i), false).isEmpty());
        for (int i = 0; i < 5; ++i)
            QVERIFY(!start(t, no(1000 + i), true).isEmpty());
        t.clock->advanceMs(HourMs + 29 * 60'000);
        for (int i = 6; i < 12; ++i)
            QVERIFY(!start(t, uk(1000 + i), false).isEmpty());
        for (int i = 5; i < 10; ++i)
            QVERIFY(!start(t, no(1000 + i), true).isEmpty());
        for (int i = 0; i < 9; ++i)
            QVERIFY(!start(t, se(i), false).isEmpty());

        auto alerts = t->pumpingAlerts();
        QVERIFY2(alerts, errorText(alerts).constData());
        QCOMPARE(alerts->size(), 1);
        const PumpingAlert &a = alerts->first();
        QCOMPARE(a.kind, PumpingAlert::Kind::Burst);
        QCOMPARE(a.serviceId, QStringLiteral("default"));
        QCOMPARE(a.prefix, kUk);
        QCOMPARE(a.region, QStringLiteral("GB"));
        QCOMPARE(a.started, 12);
        QCOMPARE(a.verified, 0);
        QCOMPARE(a.usualPerHour, 14.0 / 168.0);
        const qint64 now = t.clock->nowMs();
        QCOMPARE(a.windowStart, now - now % HourMs - HourMs);
        QCOMPARE(a.windowEnd, now);

        // A stricter factor flags +47 92 too; a higher minimum flags nothing.
        PumpingThresholds strict;
        strict.burstFactor = 2;
        auto more = t->pumpingAlerts({}, strict);
        QVERIFY(more && find(*more, PumpingAlert::Kind::Burst, kNo));
        PumpingThresholds fewer;
        fewer.burstMinStarts = 13;
        QVERIFY(t->pumpingAlerts({}, fewer)->isEmpty());

        // Two hours later the burst has left the window.
        t.clock->advanceMs(2 * HourMs);
        QVERIFY(!find(*t->pumpingAlerts(), PumpingAlert::Kind::Burst, kUk));
    }

    void conversionFarBelowTheServicesUsual()
    {
        TestEngine t;
        QVERIFY(t->createService(QStringLiteral("shop"), {}, kAdmin));
        // No usual yet (fewer than 50 sessions): a prefix is flagged below 10 %.
        // The 24 full hours before 12:00 on day 1: +44 740 gets 20 starts, 1 verified (5 %);
        // +47 92 20 starts, 4 verified (20 %). Spread out so no burst shows.
        auto spread = [&](const QList<std::pair<QString, bool>> &starts, qint64 stepMs,
                          const QString &service = {}) {
            for (const auto &[to, verify] : starts) {
                if (start(t, to, verify, service).isEmpty())
                    return false;
                t.clock->advanceMs(stepMs);
            }
            return true;
        };
        QList<std::pair<QString, bool>> day;
        for (int i = 0; i < 20; ++i) {
            day.append({uk(i), i == 0});
            day.append({no(i), i < 4});
        }
        // 40 starts half an hour apart: from 10:00 to 05:30 the next day.
        QVERIFY(spread(day, HourMs / 2));
        t.clock->setMs(kT0 + 24 * HourMs + 10 * 60'000); // day 1, 10:10
        auto alerts = t->pumpingAlerts();
        QVERIFY2(alerts, errorText(alerts).constData());
        QCOMPARE(alerts->size(), 1);
        const PumpingAlert &a = alerts->first();
        QCOMPARE(a.kind, PumpingAlert::Kind::LowConversion);
        QCOMPARE(a.prefix, kUk);
        QCOMPARE(a.started, 20);
        QCOMPARE(a.verified, 1);
        QCOMPARE(a.conversion(), std::optional<double>(0.05));
        QCOMPARE(a.usualConversion, std::nullopt);
        QCOMPARE(a.windowStart, kT0);
        QCOMPARE(a.windowEnd, kT0 + 24 * HourMs);

        // A week later, with a usual: the service's phone sessions of the week before the
        // window were mostly verified. 25 starts to +46 701 with 5 verified (20 %) is far
        // below it; +47 92 at 80 % is not. The shop service sees nothing of default's.
        t.clock->setMs(kT0 + 3 * 24 * HourMs);
        QList<std::pair<QString, bool>> week;
        for (int i = 0; i < 60; ++i)
            week.append({no(100 + i), i % 6 != 0}); // 50 of 60 verified (83 %)
        QVERIFY(spread(week, HourMs / 2));
        t.clock->setMs(kT0 + 9 * 24 * HourMs);
        QList<std::pair<QString, bool>> window;
        for (int i = 0; i < 25; ++i) {
            window.append({se(i), i < 5});
            window.append({no(200 + i), i < 20});
        }
        QVERIFY(spread(window, HourMs / 3)); // 10:00 to 02:20 the next day
        QVERIFY(spread({{uk(500), false}}, 0, QStringLiteral("shop")));
        t.clock->setMs(kT0 + 10 * 24 * HourMs + 10 * 60'000); // day 10, 10:10
        alerts = t->pumpingAlerts();
        QVERIFY2(alerts, errorText(alerts).constData());
        QCOMPARE(alerts->size(), 1);
        QCOMPARE(alerts->first().prefix, kSe);
        QCOMPARE(alerts->first().started, 25);
        QCOMPARE(alerts->first().verified, 5);
        QCOMPARE(alerts->first().usualConversion, std::optional<double>(50.0 / 60.0));
        QVERIFY(t->pumpingAlerts(QStringLiteral("shop"))->isEmpty());
        QCOMPARE(t->pumpingAlerts(QStringLiteral("default"))->size(), 1);
        auto unknown = t->pumpingAlerts(QStringLiteral("Not A Service!"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);
    }

    void oldCountsArePurged()
    {
        TestEngine t;
        QVERIFY(!start(t, uk(1), false).isEmpty());
        t.clock->advanceMs(30LL * 24 * HourMs);
        QVERIFY(!start(t, uk(2), false).isEmpty());
        QVERIFY(t->purgeOldSessions());
        RawDb raw(t.dbPath());
        QCOMPARE(raw.rows(QStringLiteral("SELECT COUNT(*) FROM prefix_stats_hourly")).first(),
                 QVariantList{2});
        t.clock->advanceMs(2LL * 24 * HourMs);
        QVERIFY(t->purgeOldSessions());
        QCOMPARE(raw.rows(QStringLiteral("SELECT hour_start FROM prefix_stats_hourly")),
                 QList<QVariantList>{QVariantList{kT0 + 30LL * 24 * HourMs}});
    }
};

QTEST_GUILESS_MAIN(TestPumping)
#include "tst_pumping.moc"
