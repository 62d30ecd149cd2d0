// Abuse protection in the engine, on real SQLite files: start limits per end-user IP address,
// API key and service counted in the database (and so across processes), test recipients with a
// fixed code that are never sent anything, reuse of an open session, allowed countries and the
// number types SMS may go to.

#include "support/TestEngine.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace vc;
using namespace vc::test;

namespace {

const QString kDefault = QStringLiteral("default");

StartRequest sms(const QString &recipient)
{
    return startRequest(QStringLiteral("sms"), recipient);
}

// A Norwegian mobile number, a new one for each n.
QString mobile(int n)
{
    return QStringLiteral("+479%1").arg(2'000'001 + 7'919 * n);
}

// Rows of a statement on the raw database file (another connection, as an auditor would read it).
QList<QVariantList> rawRows(const QString &path, const QString &sql)
{
    QList<QVariantList> out;
    const QString name = QStringLiteral("raw-%1").arg(quintptr(&out));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return out;
        QSqlQuery q(db);
        if (q.exec(sql))
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                out.append(row);
            }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

class TestEngineAbuse : public QObject
{
    Q_OBJECT

private:
    static qint64 counted(TestEngine &t, const QString &event)
    {
        const auto rows = rawRows(
            t.dbPath(),
            QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM stats_hourly_events WHERE event = "
                           "'%1'")
                .arg(event));
        return rows.isEmpty() ? -1 : rows.first().value(0).toLongLong();
    }
    static qint64 sessionCount(TestEngine &t)
    {
        const auto rows = rawRows(t.dbPath(), QStringLiteral("SELECT COUNT(*) FROM sessions"));
        return rows.isEmpty() ? -1 : rows.first().value(0).toLongLong();
    }

private slots:
    void ipLimitHoldsAcrossProcessesAndKeepsNoAddress()
    {
        TestEngine t;
        QVERIFY(
            t->updateService(kDefault, {{QStringLiteral("starts_per_ip_per_hour"), 3}}, kAdmin));
        const QString ip = QStringLiteral("203.0.113.77");
        auto withIp = [&](int n, const QString &address) {
            StartRequest r = sms(mobile(n));
            r.clientIp = address;
            return r;
        };
        QVERIFY(t->start(withIp(0, ip)));
        t.clock->advanceSeconds(600);
        QVERIFY(t->start(withIp(1, ip)));
        // A second engine on the same file stands for another process (verifyd and verifyctl).
        auto other = Engine::open(t.config(), t.clock);
        QVERIFY2(other, errorText(other).constData());
        QVERIFY((*other)->start(withIp(2, ip)));
        const qint64 sessionsBefore = sessionCount(t);
        const qint64 queuedBefore = *t->deliveryQueueDepth();

        auto fourth = t->start(withIp(3, ip));
        QVERIFY(!fourth);
        QCOMPARE(fourth.error().code, ErrorCode::RateLimited);
        QCOMPARE(fourth.error().reason, QStringLiteral("too_many_starts_from_ip"));
        QVERIFY(fourth.error().message.contains(QStringLiteral("starts_per_ip_per_hour")));
        QVERIFY(!fourth.error().message.contains(ip));
        // The first start leaves the window an hour (and at most a minute) after it was made.
        QCOMPARE(fourth.error().retryAfterSeconds, 3600 - 600 + 60);
        auto viaOther = (*other)->start(withIp(4, ip));
        QVERIFY(!viaOther);
        QCOMPARE(viaOther.error().reason, QStringLiteral("too_many_starts_from_ip"));
        // Nothing was created or queued for the refused starts; they are counted in statistics.
        QCOMPARE(sessionCount(t), sessionsBefore);
        QCOMPARE(*t->deliveryQueueDepth(), queuedBefore);
        QCOMPARE(counted(t, QStringLiteral("rate_limited_ip")), 2);

        // Other addresses and starts without an address are not limited by it.
        QVERIFY(t->start(withIp(5, QStringLiteral("203.0.113.78"))));
        QVERIFY(t->start(sms(mobile(6))));
        // The address is nowhere in the counters, only its keyed hash.
        const auto subjects =
            rawRows(t.dbPath(),
                    QStringLiteral("SELECT DISTINCT subject FROM rate_counters WHERE kind = 'ip'"));
        QCOMPARE(subjects.size(), 2);
        for (const QVariantList &row : subjects) {
            QCOMPARE(row.value(0).toByteArray().size(), 32);
            QVERIFY(!row.value(0).toByteArray().contains(ip.toUtf8()));
        }
        // Once the first start is out of the window, one more is allowed, then refused again.
        t.clock->advanceSeconds(3600 - 600 + 60);
        QVERIFY(t->start(withIp(7, ip)));
        QVERIFY(!t->start(withIp(8, ip)));
    }

    void keyAndServiceLimits()
    {
        TestEngine t;
        QVERIFY(t->updateService(kDefault,
                                 {{QStringLiteral("starts_per_key_per_hour"), 2},
                                  {QStringLiteral("starts_per_service_per_hour"), 4}},
                                 kAdmin));
        auto byKey = [](int n, const QString &prefix) {
            StartRequest r = sms(mobile(n));
            r.actor = {QStringLiteral("api_key"), prefix, false};
            return r;
        };
        QVERIFY(t->start(byKey(0, QStringLiteral("aaaa1111"))));
        QVERIFY(t->start(byKey(1, QStringLiteral("aaaa1111"))));
        auto third = t->start(byKey(2, QStringLiteral("aaaa1111")));
        QVERIFY(!third);
        QCOMPARE(third.error().reason, QStringLiteral("too_many_starts_for_key"));
        QVERIFY(third.error().message.contains(QStringLiteral("starts_per_key_per_hour")));
        QVERIFY(t->start(byKey(3, QStringLiteral("bbbb2222"))));
        // Starts by people (console, CLI) have no key; the service's own limit still counts.
        QVERIFY(t->start(sms(mobile(4))));
        auto fifth = t->start(sms(mobile(5)));
        QVERIFY(!fifth);
        QCOMPARE(fifth.error().code, ErrorCode::RateLimited);
        QCOMPARE(fifth.error().reason, QStringLiteral("too_many_starts_for_service"));
        QVERIFY(fifth.error().message.contains(QStringLiteral("starts_per_service_per_hour")));
        QVERIFY(fifth.error().retryAfterSeconds > 0);
        QCOMPARE(counted(t, QStringLiteral("rate_limited_key")), 1);
        QCOMPARE(counted(t, QStringLiteral("rate_limited_service")), 1);
        // 0 turns a limit off.
        QVERIFY(t->updateService(kDefault, {{QStringLiteral("starts_per_service_per_hour"), 0}},
                                 kAdmin));
        QVERIFY(t->start(sms(mobile(6))));
        // Another service has counters of its own.
        QVERIFY(t->createService(QStringLiteral("shop"), {}, kAdmin));
        StartRequest shop = byKey(7, QStringLiteral("aaaa1111"));
        shop.serviceId = QStringLiteral("shop");
        QVERIFY(t->start(shop));
    }

    void limitsAreDocumentedSettingsWithBounds()
    {
        TestEngine t;
        const Service s = *t->service(kDefault);
        QCOMPARE(s.startsPerIpPerHour, 20);
        QCOMPARE(s.startsPerKeyPerHour, 1000);
        QCOMPARE(s.startsPerServicePerHour, 10000);
        QCOMPARE(s.reusePendingSession, false);
        QCOMPARE(s.smsMobileOnly, true);
        QVERIFY(s.allowedCountries.isEmpty());
        for (const char *key :
             {"starts_per_ip_per_hour", "starts_per_key_per_hour", "starts_per_service_per_hour"}) {
            const QString k = QString::fromLatin1(key);
            QVERIFY(t->updateService(kDefault, {{k, 0}}, kAdmin));
            QVERIFY(t->updateService(kDefault, {{k, 1000000}}, kAdmin));
            auto bad = t->updateService(kDefault, {{k, -1}}, kAdmin);
            QVERIFY(!bad);
            QCOMPARE(bad.error().field, k);
            QVERIFY(!t->updateService(kDefault, {{k, 1000001}}, kAdmin));
        }
    }

    void testRecipientGetsTheFixedCodeAndNoMessage()
    {
        TestEngine t;
        const QString reviewer = QStringLiteral("+4790000017");
        auto updated = t->updateService(
            kDefault,
            {{QStringLiteral("test_recipients"),
              QJsonArray{QJsonObject{{QStringLiteral("recipient"), reviewer},
                                     {QStringLiteral("code"), QStringLiteral("246810")}}}}},
            kAdmin);
        QVERIFY2(updated, errorText(updated).constData());
        // Shown masked with an id; the code is never shown again.
        const QJsonArray shown =
            updated->toJson().value(QStringLiteral("test_recipients")).toArray();
        QCOMPARE(shown.size(), 1);
        const QJsonObject entry = shown.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("recipient")).toString(),
                 QStringLiteral("+47****0017"));
        QCOMPARE(entry.value(QStringLiteral("id")).toString().size(), 16);
        QVERIFY(!entry.contains(QStringLiteral("code")));
        // Neither the number nor the code is stored or audited in the clear.
        const QString stored =
            rawRows(t.dbPath(),
                    QStringLiteral("SELECT test_recipients FROM services WHERE id = 'default'"))
                .value(0)
                .value(0)
                .toString();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(QStringLiteral("246810")));
        QVERIFY(!stored.contains(QStringLiteral("90000017")));
        const auto audit = rawRows(t.dbPath(), QStringLiteral("SELECT detail FROM audit_log"));
        for (const QVariantList &row : audit) {
            QVERIFY(!row.value(0).toString().contains(QStringLiteral("246810")));
            QVERIFY(!row.value(0).toString().contains(QStringLiteral("90000017")));
        }

        auto started = t->start(sms(reviewer));
        QVERIFY2(started, errorText(started).constData());
        QVERIFY(started->test);
        QCOMPARE(*t->deliveryQueueDepth(), 0);
        QCOMPARE(t->deliverDue().value(), 0);
        QVERIFY(t->outbox(started->sessionId)->isEmpty());
        const SessionView view = *t->status(started->sessionId);
        QVERIFY(view.test);
        QCOMPARE(view.codeLength, 6);
        bool notSent = false;
        for (const SessionEvent &e : *t->events(started->sessionId)) {
            QVERIFY(e.type != QLatin1String("queued"));
            if (e.type == QLatin1String("created"))
                QCOMPARE(e.detail.value(QStringLiteral("test")).toBool(), true);
            notSent = notSent || e.type == QLatin1String("not_sent");
        }
        QVERIFY(notSent);
        // No resend: it would send a message to the number.
        auto resent = t->resend({started->sessionId, {}, {}});
        QVERIFY(!resent);
        QCOMPARE(resent.error().reason, QStringLiteral("max_resends_reached"));

        auto wrong = t->check({started->sessionId, QStringLiteral("135790"), {}});
        QCOMPARE(wrong->error, QStringLiteral("invalid_code"));
        auto right = t->check({started->sessionId, QStringLiteral("246 810"), {}});
        QVERIFY2(right && right->verified(), errorText(right).constData());

        // Test sessions stay out of the session statistics; they are counted apart.
        StatsQuery q;
        auto report = t->stats(q);
        QVERIFY(report);
        QCOMPARE(report->total, 0);
        QCOMPARE(counted(t, QStringLiteral("test_started")), 1);
        // Real traffic next to it is counted as before.
        QVERIFY(t->start(sms(mobile(1))));
        QCOMPARE(t->stats(q)->total, 1);

        // Kept by id when the list changes; a second entry added next to it.
        auto again = t->updateService(
            kDefault,
            {{QStringLiteral("test_recipients"),
              QJsonArray{QJsonObject{{QStringLiteral("id"), entry.value(QStringLiteral("id"))}},
                         QStringLiteral("reviewer@example.com:A7B9C3")}}},
            kAdmin);
        QVERIFY2(again, errorText(again).constData());
        QCOMPARE(again->testRecipients.size(), 2);
        auto second = t->start(sms(reviewer));
        QVERIFY(second && second->test);
        QVERIFY(t->check({second->sessionId, QStringLiteral("246810"), {}})->verified());
        auto mail =
            t->start(startRequest(QStringLiteral("email"), QStringLiteral("Reviewer@Example.com")));
        QVERIFY(mail && mail->test);
        QVERIFY(t->check({mail->sessionId, QStringLiteral("a7b9c3"), {}})->verified());
        // A bad entry is refused without quoting it.
        auto bad = t->updateService(
            kDefault,
            {{QStringLiteral("test_recipients"),
              QJsonArray{QJsonObject{{QStringLiteral("recipient"), reviewer},
                                     {QStringLiteral("code"), QStringLiteral("12")}}}}},
            kAdmin);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("test_recipients"));
        QVERIFY(!bad.error().message.contains(QStringLiteral("90000017")));
        // An empty list removes them all: the number is an ordinary recipient again.
        QVERIFY(t->updateService(kDefault, {{QStringLiteral("test_recipients"), QJsonArray{}}},
                                 kAdmin));
        auto ordinary = t->start(sms(reviewer));
        QVERIFY(ordinary && !ordinary->test);
        QCOMPARE(*t->deliveryQueueDepth(), 2);
    }

    void openSessionIsReusedWhenTheServiceSaysSo()
    {
        TestEngine t;
        const QString phone = mobile(1);
        // Off by default: every start is a new session.
        auto a = t->start(sms(phone));
        auto b = t->start(sms(phone));
        QVERIFY(a && b && a->sessionId != b->sessionId);
        QVERIFY(!b->reused);

        QVERIFY(
            t->updateService(kDefault, {{QStringLiteral("reuse_pending_session"), true}}, kAdmin));
        const qint64 queued = *t->deliveryQueueDepth();
        // More starts than the per-recipient limit (5) allows: none of them counts, nothing sent.
        for (int i = 0; i < 8; ++i) {
            auto again = t->start(sms(phone));
            QVERIFY2(again, errorText(again).constData());
            QCOMPARE(again->sessionId, b->sessionId);
            QVERIFY(again->reused);
            t.clock->advanceSeconds(5);
        }
        QCOMPARE(*t->deliveryQueueDepth(), queued);
        int reusedEvents = 0;
        for (const SessionEvent &e : *t->events(b->sessionId))
            reusedEvents += e.type == QLatin1String("start_reused");
        QCOMPARE(reusedEvents, 8);
        // Another channel is another session.
        auto voice = t->start(startRequest(QStringLiteral("voice"), phone));
        QVERIFY(voice && !voice->reused && voice->sessionId != b->sessionId);
        // Once the open one is finished (or expired), a start makes a new one.
        QVERIFY(t->cancel(b->sessionId, kAdmin));
        // The older session a is open too, and is the one returned now.
        auto older = t->start(sms(phone));
        QVERIFY(older && older->reused);
        QCOMPARE(older->sessionId, a->sessionId);
        QVERIFY(t->cancel(a->sessionId, kAdmin));
        auto c = t->start(sms(phone));
        QVERIFY(c && !c->reused);
        QVERIFY(c->sessionId != a->sessionId && c->sessionId != b->sessionId);
        t.clock->advanceSeconds(301);
        auto d = t->start(sms(phone));
        QVERIFY(d && !d->reused && d->sessionId != c->sessionId);
    }

    void allowedCountriesAndNumberTypes()
    {
        TestEngine t;
        QVERIFY(t->createService(QStringLiteral("shop"),
                                 {{QStringLiteral("allowed_countries"),
                                   QJsonArray{QStringLiteral("no"), QStringLiteral("SE")}}},
                                 kAdmin));
        QCOMPARE(t->service(QStringLiteral("shop"))->allowedCountries,
                 QStringList({QStringLiteral("NO"), QStringLiteral("SE")}));
        StartRequest dk = sms(QStringLiteral("+4520123456"));
        dk.serviceId = QStringLiteral("shop");
        auto refused = t->start(dk);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QCOMPARE(refused.error().reason, QStringLiteral("country_not_allowed"));
        QCOMPARE(refused.error().field, QStringLiteral("recipient"));
        QCOMPARE(refused.error().message,
                 QStringLiteral("sending to +45 numbers (DK) is not allowed for service shop"));
        StartRequest se = sms(QStringLiteral("+46701234567"));
        se.serviceId = QStringLiteral("shop");
        QVERIFY(t->start(se));
        // E-mail has no country.
        StartRequest mail = startRequest(QStringLiteral("email"), QStringLiteral("a@example.dk"));
        mail.serviceId = QStringLiteral("shop");
        QVERIFY(t->start(mail));
        QVERIFY(!t->updateService(
            QStringLiteral("shop"),
            {{QStringLiteral("allowed_countries"), QJsonArray{QStringLiteral("XX")}}}, kAdmin));

        // An Oslo landline cannot take an SMS: refused with a pointer to voice, which works.
        const QString landline = QStringLiteral("+4722123456");
        auto smsToLandline = t->start(sms(landline));
        QVERIFY(!smsToLandline);
        QCOMPARE(smsToLandline.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(smsToLandline.error().field, QStringLiteral("recipient"));
        QVERIFY(smsToLandline.error().message.contains(QStringLiteral("voice")));
        QVERIFY(smsToLandline.error().message.contains(QStringLiteral("fixed line")));
        QVERIFY(!smsToLandline.error().message.contains(QStringLiteral("22123456")));
        auto call = t->start(startRequest(QStringLiteral("voice"), landline));
        QVERIFY2(call, errorText(call).constData());
        // Nor can its voice session be resent by SMS; by voice it can.
        t.clock->advanceSeconds(60);
        auto resentBySms = t->resend({call->sessionId, QStringLiteral("sms"), kAdmin});
        QVERIFY(!resentBySms);
        QCOMPARE(resentBySms.error().field, QStringLiteral("channel"));
        QVERIFY(resentBySms.error().message.contains(QStringLiteral("voice")));
        QVERIFY(t->resend({call->sessionId, QStringLiteral("voice"), kAdmin}));
        QVERIFY(t->updateService(kDefault, {{QStringLiteral("sms_mobile_only"), false}}, kAdmin));
        QVERIFY(t->start(sms(landline)));
        // Premium-rate numbers get nothing by any channel (a UK 09 number).
        auto premium =
            t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+449012345678")));
        QVERIFY(!premium);
        QCOMPARE(premium.error().field, QStringLiteral("recipient"));
        QVERIFY(premium.error().message.contains(QStringLiteral("premium")));
    }
};

QTEST_GUILESS_MAIN(TestEngineAbuse)
#include "tst_engine_abuse.moc"
