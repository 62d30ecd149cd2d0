// Hourly statistics are written in the same transaction as each change, so after any mix of
// operations they equal a count over the sessions themselves.

#include "support/TestEngine.h"

#include <QRandomGenerator>

using namespace vc;
using namespace vc::test;

class TestEngineStats : public QObject
{
    Q_OBJECT

private:
    using Buckets = QMap<QString, qint64>;

    static Buckets fromStatsTable(const RawDb &raw)
    {
        Buckets b;
        for (const QVariantList &r : raw.rows(QStringLiteral(
                 "SELECT hour_start, service_id, channel, status, sessions FROM stats_hourly "
                 "WHERE sessions <> 0")))
            b.insert(QStringLiteral("%1/%2/%3/%4")
                         .arg(r[0].toLongLong())
                         .arg(r[1].toString(), r[2].toString(), r[3].toString()),
                     r[4].toLongLong());
        return b;
    }

    static Buckets fromSessions(const RawDb &raw)
    {
        Buckets b;
        for (const QVariantList &r : raw.rows(QStringLiteral(
                 "SELECT created_at - created_at % 3600000, service_id, channel, status, COUNT(*) "
                 "FROM sessions GROUP BY 1, 2, 3, 4")))
            b.insert(QStringLiteral("%1/%2/%3/%4")
                         .arg(r[0].toLongLong())
                         .arg(r[1].toString(), r[2].toString(), r[3].toString()),
                     r[4].toLongLong());
        return b;
    }

private slots:
    void hourlyStatisticsEqualCountsAfterARandomMix()
    {
        TestEngine t;
        QVERIFY(t->createService(QStringLiteral("shop"), {}, kAdmin));
        QRandomGenerator rng(20261122); // fixed seed: a failure reproduces
        QStringList open;
        int phone = 0;
        const QStringList channels{QStringLiteral("sms"), QStringLiteral("voice"),
                                   QStringLiteral("email")};
        for (int step = 0; step < 1500; ++step) {
            const int op = rng.bounded(100);
            if (op < 35 || open.isEmpty()) {
                const QString channel = channels.at(rng.bounded(3));
                const QString to = channel == QLatin1String("email")
                                       ? QStringLiteral("user%1@example.com").arg(phone++)
                                       : QStringLiteral("+4790%1").arg(100000 + phone++);
                StartRequest r = startRequest(channel, to);
                r.serviceId = rng.bounded(3) == 0 ? QStringLiteral("shop") : QString();
                r.ttlSeconds = 60 + rng.bounded(600);
                auto s = t->start(r);
                QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
                open.append(s->sessionId);
            } else {
                // Mostly recent sessions (still open), sometimes any: final ones must stay put.
                const qsizetype n = open.size();
                const QString id =
                    rng.bounded(10) < 8
                        ? open.at(n - 1 - rng.bounded(static_cast<int>(qMin<qsizetype>(n, 6))))
                        : open.at(rng.bounded(static_cast<int>(n)));
                if (op < 50) {
                    (void)t->deliverDue(id);
                } else if (op < 62) {
                    const QString code = receivedCode(*t.engine, id);
                    (void)t->check({id, code.isEmpty() ? QStringLiteral("0000") : code, {}});
                } else if (op < 78) {
                    for (int k = rng.bounded(1, 6); k > 0; --k) // bursts reach the lockout
                        (void)t->check({id, QStringLiteral("999999"), {}});
                } else if (op < 85) {
                    (void)t->cancel(id, {});
                } else if (op < 93) {
                    const QString c = rng.bounded(2) ? QStringLiteral("voice") : QString();
                    (void)t->resend({id, c, {}});
                } else {
                    (void)t->status(id);
                }
            }
            // Time moves on: sometimes a little, sometimes past expiries and hour boundaries.
            t.clock->advanceSeconds(rng.bounded(100) < 97 ? rng.bounded(40) : rng.bounded(4000));
            if (step % 200 == 199)
                QVERIFY(t->sweepExpired());
        }
        QVERIFY(t->sweepExpired());
        // End with open sessions too, so every status is present when the counts are compared.
        auto pending = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791000001")));
        auto delivered =
            t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+4791000002")));
        QVERIFY(pending && delivered && t->deliverDue(delivered->sessionId));

        RawDb raw(t.dbPath());
        const Buckets expected = fromSessions(raw);
        const Buckets stored = fromStatsTable(raw);
        QVERIFY(expected.size() > 30); // several hours, services, channels and statuses
        QCOMPARE(stored, expected);
        // Every status occurred, so the comparison covered every transition.
        for (SessionStatus s : allStatuses())
            QVERIFY2(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE status = ?"),
                                {statusName(s)})
                             .toInt() > 0,
                     qPrintable(statusName(s)));

        // The engine's report agrees with the same counts.
        auto report = t->stats({0, 0, {}});
        QVERIFY(report);
        QCOMPARE(report->total,
                 raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toLongLong());
        for (Channel c : allChannels())
            QCOMPARE(report->byChannel.value(c),
                     raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE channel = ?"),
                                {channelName(c)})
                         .toLongLong());
        const double verified = report->byStatus.value(SessionStatus::Verified);
        const double finished = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE "
                                                          "status IN ('verified', 'failed', "
                                                          "'expired', 'cancelled')"))
                                    .toDouble();
        QVERIFY(report->successRate);
        QCOMPARE(*report->successRate, verified / finished);

        auto shop = t->stats({0, 0, QStringLiteral("shop")});
        QCOMPARE(shop->total,
                 raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE service_id = "
                                           "'shop'"))
                     .toLongLong());
    }

    void reportRangeIsByHourOfCreation()
    {
        TestEngine t;
        QVERIFY(t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"))));
        t.clock->advanceSeconds(3600);
        QVERIFY(t->start(startRequest(QStringLiteral("email"), QStringLiteral("a@b.no"))));
        QCOMPARE(t->stats({kT0, kT0 + 3600'000, {}})->total, 1);
        QCOMPARE(t->stats({kT0 + 3600'000, 0, {}})->total, 1);
        QCOMPARE(t->stats({kT0, 0, {}})->total, 2);
        QCOMPARE(t->stats({kT0, kT0 + 3600'000, {}})->byChannel.value(Channel::Sms), 1);
        QVERIFY(!t->stats({kT0, kT0 + 3600'000, {}})->successRate);
        QCOMPARE(t->stats({kT0 + 10, kT0, {}}).error().field, QStringLiteral("to"));
    }
};

QTEST_GUILESS_MAIN(TestEngineStats)
#include "tst_engine_stats.moc"
