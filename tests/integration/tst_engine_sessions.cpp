// The session lifecycle through the Engine facade: start, deliver, check, expiry, lockout,
// resend, cancel, and final statuses that never change.

#include "crypto/Uuid.h"
#include "support/TestEngine.h"

#include <QJsonObject>
#include <QSignalSpy>

using namespace vc;
using namespace vc::test;

class TestEngineSessions : public QObject
{
    Q_OBJECT

private:
    // Starts an SMS session to a Norwegian mobile and delivers it to the local outbox.
    static QString startDelivered(TestEngine &t,
                                  const QString &recipient = QStringLiteral("+4791234567"))
    {
        auto started = t->start(startRequest(QStringLiteral("sms"), recipient));
        if (!started)
            qFatal("start failed: %s", qPrintable(started.error().toString()));
        auto sent = t->deliverDue(started->sessionId);
        if (!sent || *sent != 1)
            qFatal("delivery failed");
        return started->sessionId;
    }

    static QStringList eventTypes(TestEngine &t, const QString &id)
    {
        QStringList types;
        for (const SessionEvent &e : *t->events(id))
            types.append(e.type);
        return types;
    }

    static CheckResult check(TestEngine &t, const QString &id, const QString &code)
    {
        auto r = t->check({id, code, {QStringLiteral("test"), {}}});
        if (!r)
            qFatal("check refused: %s", qPrintable(r.error().toString()));
        return *r;
    }

    // A code of the right shape that is not the one sent.
    static QString wrongCode(const QString &right)
    {
        QString w = right;
        w[0] = right[0] == u'1' ? u'2' : u'1';
        return w;
    }

private slots:
    void startCreatesPendingSessionWithEvents()
    {
        TestEngine t;
        QSignalSpy changed(t.engine.get(), &Engine::sessionChanged);
        auto started = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(started);
        QVERIFY(isUuidText(started->sessionId));
        QCOMPARE(started->sessionId.at(14), u'7'); // UUIDv7
        QCOMPARE(started->status, SessionStatus::Pending);
        QCOMPARE(started->createdAt, kT0);
        QCOMPARE(started->expiresAt, kT0 + 300'000);
        QCOMPARE(started->locale, QStringLiteral("nb"));
        QCOMPARE(changed.count(), 1);

        auto view = t->status(started->sessionId);
        QVERIFY(view);
        QCOMPARE(view->recipientMasked, QStringLiteral("+47****4567"));
        QCOMPARE(view->recipientRegion, QStringLiteral("NO"));
        QCOMPARE(view->codeLength, 6);
        QCOMPARE(view->maxAttempts, 5);
        QCOMPARE(view->maxResends, 3);
        QCOMPARE(eventTypes(t, started->sessionId),
                 (QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                              QStringLiteral("queued")}));
        const SessionEvent lookup = t->events(started->sessionId)->at(1);
        QCOMPARE(lookup.detail.value(QStringLiteral("country")).toString(), QStringLiteral("NO"));
        QCOMPARE(lookup.detail.value(QStringLiteral("number_type")).toString(),
                 QStringLiteral("mobile"));
        QCOMPARE(t->events(started->sessionId)->at(0).actor, QStringLiteral("test:tester"));
    }

    void eventDetailsSayWhatHappened()
    {
        TestEngine t;
        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("allow_custom_code"), true}}, kAdmin));
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        r.reference = QStringLiteral("order-7");
        r.customCode = QStringLiteral("135790");
        auto started = t->start(r);
        QVERIFY(started);
        auto delivered = t->deliverDue(started->sessionId);
        QVERIFY(delivered && *delivered == 1);
        auto events = t->events(started->sessionId);
        QVERIFY(events);
        QCOMPARE(eventTypes(t, started->sessionId),
                 (QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                              QStringLiteral("queued"), QStringLiteral("sent"),
                              QStringLiteral("delivered")}));
        QCOMPARE(events->at(0).detail,
                 (QJsonObject{{QStringLiteral("channel"), QStringLiteral("sms")},
                              {QStringLiteral("code_length"), 6},
                              {QStringLiteral("custom_code"), true},
                              {QStringLiteral("locale"), QStringLiteral("nb")},
                              {QStringLiteral("recipient"), QStringLiteral("+47****4567")},
                              {QStringLiteral("reference"), QStringLiteral("order-7")},
                              {QStringLiteral("service_id"), QStringLiteral("default")},
                              {QStringLiteral("ttl_seconds"), 300}}));
        QCOMPARE(events->at(1).detail,
                 (QJsonObject{{QStringLiteral("calling_code"), 47},
                              {QStringLiteral("country"), QStringLiteral("NO")},
                              {QStringLiteral("number_type"), QStringLiteral("mobile")}}));
        const QJsonValue deliveryId = events->at(2).detail.value(QStringLiteral("delivery_id"));
        QVERIFY(deliveryId.toInteger() > 0);
        QCOMPARE(events->at(2).detail,
                 (QJsonObject{{QStringLiteral("channel"), QStringLiteral("sms")},
                              {QStringLiteral("delivery_id"), deliveryId},
                              {QStringLiteral("provider"), QStringLiteral("local_outbox")}}));
        const QJsonObject job{{QStringLiteral("attempt"), 1},
                              {QStringLiteral("channel"), QStringLiteral("sms")},
                              {QStringLiteral("delivery_id"), deliveryId},
                              {QStringLiteral("provider"), QStringLiteral("local_outbox")}};
        QCOMPARE(events->at(3).detail, job);
        QCOMPARE(events->at(4).detail, job);
    }

    void deliveryMarksDeliveredAndCodeVerifies()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        auto view = t->status(id);
        QCOMPARE(view->status, SessionStatus::Delivered);
        QCOMPARE(view->deliveredAt, std::optional<qint64>(kT0));
        const QString code = receivedCode(*t.engine, id);
        QCOMPARE(code.size(), 6);

        t.clock->advanceSeconds(20);
        const CheckResult r = check(t, id, code);
        QVERIFY(r.verified());
        QCOMPARE(r.verifiedAt, std::optional<qint64>(kT0 + 20'000));
        QCOMPARE(t->status(id)->status, SessionStatus::Verified);
        QCOMPARE(eventTypes(t, id),
                 (QStringList{QStringLiteral("created"), QStringLiteral("lookup"),
                              QStringLiteral("queued"), QStringLiteral("sent"),
                              QStringLiteral("delivered"), QStringLiteral("verified")}));
    }

    void codeIsSingleUse()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        QVERIFY(check(t, id, code).verified());
        auto again = t->check({id, code, {}});
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(again.error().reason, QStringLiteral("already_verified"));
        auto wrong = t->check({id, wrongCode(code), {}});
        QVERIFY(!wrong); // a wrong code never reads as "verified" either
        QCOMPARE(wrong.error().reason, QStringLiteral("already_verified"));
    }

    void typedCodeIgnoresSpacesAndHyphens()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        const QString typed = code.left(3) + QStringLiteral(" - ") + code.mid(3);
        QVERIFY(check(t, id, typed).verified());
    }

    void localeFollowsRequestThenCountryThenService_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NO") << "sms"
                            << "+4791234567"
                            << ""
                            << "nb";
        QTest::newRow("SE") << "sms"
                            << "+46701234567"
                            << ""
                            << "sv";
        QTest::newRow("DK") << "sms"
                            << "+4520123456"
                            << ""
                            << "da";
        QTest::newRow("FI") << "voice"
                            << "+358401234567"
                            << ""
                            << "fi";
        QTest::newRow("GB gets service default") << "sms"
                                                 << "+447400123456"
                                                 << ""
                                                 << "en";
        QTest::newRow("email gets service default") << "email"
                                                    << "kari@example.no"
                                                    << ""
                                                    << "en";
        QTest::newRow("no means nb") << "sms"
                                     << "+447400123456"
                                     << "no"
                                     << "nb";
        QTest::newRow("request wins") << "sms"
                                      << "+4791234567"
                                      << "sv-SE"
                                      << "sv";
    }
    void localeFollowsRequestThenCountryThenService()
    {
        QFETCH(QString, channel);
        QFETCH(QString, recipient);
        QFETCH(QString, requested);
        QFETCH(QString, expected);
        TestEngine t;
        StartRequest r = startRequest(channel, recipient);
        r.locale = requested;
        auto started = t->start(r);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        QCOMPARE(started->locale, expected);
        QCOMPARE(t->status(started->sessionId)->locale, expected);
    }

    void serviceDefaultLocaleApplies()
    {
        TestEngine t;
        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("default_locale"), QStringLiteral("da")}},
                                 kAdmin));
        auto started = t->start(startRequest(QStringLiteral("email"), QStringLiteral("a@b.dk")));
        QCOMPARE(started->locale, QStringLiteral("da"));
        QVERIFY(t->deliverDue(started->sessionId));
        auto out = t->outbox(started->sessionId);
        QCOMPARE(out->size(), 1);
        QVERIFY(!out->first().subject.isEmpty());
    }

    void expiryFollowsTheClock()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        t.clock->advanceMs(300'000 - 1);
        QCOMPARE(t->status(id)->status, SessionStatus::Delivered);
        t.clock->advanceMs(1);
        const CheckResult r = check(t, id, code);
        QVERIFY(!r.verified());
        QCOMPARE(r.status, SessionStatus::Expired);
        QCOMPARE(r.error, QStringLiteral("expired"));
        auto view = t->status(id);
        QCOMPARE(view->status, SessionStatus::Expired);
        QCOMPARE(view->finishedAt, std::optional<qint64>(kT0 + 300'000));
        QCOMPARE(eventTypes(t, id).last(), QStringLiteral("expired"));
    }

    void statusAppliesExpiryOnAccess()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        t.clock->advanceSeconds(301);
        QSignalSpy changed(t.engine.get(), &Engine::sessionChanged);
        QCOMPARE(t->status(id)->status, SessionStatus::Expired);
        QCOMPARE(changed.count(), 1);
        RawDb raw(t.dbPath());
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {id}).toString(),
            QStringLiteral("expired"));
    }

    void refusalOnAnExpiredSessionKeepsTheExpiry_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("cancel") << "cancel";
        QTest::newRow("resend") << "resend";
    }
    void refusalOnAnExpiredSessionKeepsTheExpiry()
    {
        QFETCH(QString, action);
        TestEngine t;
        const QString id = startDelivered(t);
        t.clock->advanceSeconds(300);
        QSignalSpy changed(t.engine.get(), &Engine::sessionChanged);
        const Error e = action == QLatin1String("cancel") ? t->cancel(id, {}).error()
                                                          : t->resend({id, {}, {}}).error();
        QCOMPARE(e.code, ErrorCode::Conflict);
        QVERIFY(e.message.contains(QStringLiteral("expired")));
        // The expiry found on the way was committed and announced once, refusal or not.
        RawDb raw(t.dbPath());
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {id}).toString(),
            QStringLiteral("expired"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).value<SessionStatus>(), SessionStatus::Expired);
        QCOMPARE(eventTypes(t, id).count(QStringLiteral("expired")), 1);
    }

    void sweepExpiresOpenSessions()
    {
        TestEngine t;
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(startDelivered(t, QStringLiteral("+479123456%1").arg(i)));
        const QString fresh = [&] {
            t.clock->advanceSeconds(200);
            return startDelivered(t, QStringLiteral("+4791234599"));
        }();
        t.clock->advanceSeconds(101); // the first three are past 300 s, the last one is not
        QSignalSpy changed(t.engine.get(), &Engine::sessionChanged);
        auto n = t->sweepExpired(2); // a batch smaller than the work: it must loop
        QVERIFY(n);
        QCOMPARE(*n, 3);
        QCOMPARE(changed.count(), 3);
        RawDb raw(t.dbPath());
        for (const QString &id : ids)
            QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {id})
                         .toString(),
                     QStringLiteral("expired"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM sessions WHERE id = ?"), {fresh})
                     .toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(*t->sweepExpired(), 0);
    }

    void fifthWrongCodeLocksTheSession()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        for (int i = 1; i <= 4; ++i) {
            const CheckResult r = check(t, id, wrongCode(code));
            QCOMPARE(r.error, QStringLiteral("invalid_code"));
            QCOMPARE(r.attemptsRemaining, 5 - i);
            QCOMPARE(r.status, SessionStatus::Delivered);
        }
        const CheckResult fifth = check(t, id, wrongCode(code));
        QCOMPARE(fifth.status, SessionStatus::Failed);
        QCOMPARE(fifth.error, QStringLiteral("max_attempts_reached"));
        QCOMPARE(fifth.attemptsRemaining, 0);

        // The right code after lockout is refused and counts nothing more.
        const CheckResult late = check(t, id, code);
        QVERIFY(!late.verified());
        QCOMPARE(late.status, SessionStatus::Failed);
        QCOMPARE(late.error, QStringLiteral("max_attempts_reached"));
        QCOMPARE(t->status(id)->attempts, 5);
        const QStringList types = eventTypes(t, id);
        QCOMPARE(types.count(QStringLiteral("check_failed")), 5);
        QCOMPARE(types.last(), QStringLiteral("locked"));
    }

    void resendInvalidatesOldCodeAndKeepsAttempts()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString first = receivedCode(*t.engine, id);
        QCOMPARE(check(t, id, wrongCode(first)).attemptsRemaining, 4);
        QCOMPARE(check(t, id, wrongCode(first)).attemptsRemaining, 3);

        t.clock->advanceSeconds(30);
        auto resent = t->resend({id, {}, {QStringLiteral("operator"), QStringLiteral("kari")}});
        QVERIFY2(resent, qPrintable(resent ? QString() : resent.error().toString()));
        QCOMPARE(resent->resends, 1);
        QCOMPARE(resent->attempts, 2); // never reset by a resend
        QCOMPARE(resent->expiresAt, kT0 + 30'000 + 300'000);
        QVERIFY(t->deliverDue(id));
        const QString second = receivedCode(*t.engine, id);
        QCOMPARE(second.size(), 6);

        if (first != second) { // equal by chance one time in a million: nothing to test then
            const CheckResult old = check(t, id, first);
            QCOMPARE(old.error, QStringLiteral("invalid_code"));
            QCOMPARE(old.attemptsRemaining, 2);
        }
        QVERIFY(check(t, id, second).verified());
        const QStringList types = eventTypes(t, id);
        QVERIFY(types.contains(QStringLiteral("resent")));
        const auto events = *t->events(id);
        for (const SessionEvent &e : events)
            if (e.type == QLatin1String("resent"))
                QCOMPARE(e.actor, QStringLiteral("operator:kari"));
    }

    void resendHonoursCooldown()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        t.clock->advanceSeconds(10);
        auto early = t->resend({id, {}, {}});
        QVERIFY(!early);
        QCOMPARE(early.error().code, ErrorCode::RateLimited);
        QCOMPARE(early.error().reason, QStringLiteral("resend_cooldown"));
        QCOMPARE(early.error().retryAfterSeconds, 20);
        QCOMPARE(t->status(id)->resends, 0); // refused: nothing changed
        t.clock->advanceSeconds(20);
        QVERIFY(t->resend({id, {}, {}}));
        auto again = t->resend({id, {}, {}});
        QCOMPARE(again.error().retryAfterSeconds, 30);
    }

    void resendStopsAtMaximum()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        for (int i = 1; i <= 3; ++i) {
            t.clock->advanceSeconds(30);
            auto r = t->resend({id, {}, {}});
            QVERIFY(r);
            QCOMPARE(r->resendsRemaining(), 3 - i);
        }
        t.clock->advanceSeconds(30);
        auto fourth = t->resend({id, {}, {}});
        QVERIFY(!fourth);
        QCOMPARE(fourth.error().code, ErrorCode::Conflict);
        QCOMPARE(fourth.error().reason, QStringLiteral("max_resends_reached"));
        QCOMPARE(t->status(id)->resends, 3);
    }

    void resendByAnotherChannel()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        t.clock->advanceSeconds(30);
        auto voice = t->resend({id, QStringLiteral("voice"), {}});
        QVERIFY(voice);
        QCOMPARE(voice->channel, Channel::Voice);
        QVERIFY(t->deliverDue(id));
        auto out = t->outbox(id, 1);
        QCOMPARE(out->first().channel, Channel::Voice);
        QVERIFY(out->first().text.contains(QStringLiteral(", ")));

        t.clock->advanceSeconds(30);
        auto email = t->resend({id, QStringLiteral("email"), {}});
        QVERIFY(!email);
        QCOMPARE(email.error().field, QStringLiteral("channel"));
        auto bogus = t->resend({id, QStringLiteral("pigeon"), {}});
        QCOMPARE(bogus.error().field, QStringLiteral("channel"));
    }

    void cancelRecordsWhoAndIsFinal()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        auto cancelled = t->cancel(id, {QStringLiteral("operator"), QStringLiteral("ola")});
        QVERIFY(cancelled);
        QCOMPARE(cancelled->status, SessionStatus::Cancelled);
        const SessionEvent last = t->events(id)->last();
        QCOMPARE(last.type, QStringLiteral("cancelled"));
        QCOMPARE(last.actor, QStringLiteral("operator:ola"));

        auto twice = t->cancel(id, {});
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        QVERIFY(twice.error().message.contains(QStringLiteral("cancelled")));
        const CheckResult r = check(t, id, code);
        QCOMPARE(r.status, SessionStatus::Cancelled);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
    }

    void cancelStopsAQueuedDelivery()
    {
        TestEngine t;
        auto started = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(t->cancel(started->sessionId, {}));
        QCOMPARE(*t->deliverDue(started->sessionId), 0);
        QCOMPARE(t->outbox(started->sessionId)->size(), 0);
        RawDb raw(t.dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT state FROM deliveries WHERE session_id = ?"),
                            {started->sessionId})
                     .toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(raw.scalar(QStringLiteral("SELECT payload_sealed FROM deliveries WHERE "
                                          "session_id = ?"),
                           {started->sessionId})
                    .isNull());
    }

    void finalStatusesNeverChange_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("verified") << "verified";
        QTest::newRow("failed") << "failed";
        QTest::newRow("expired") << "expired";
        QTest::newRow("cancelled") << "cancelled";
    }
    void finalStatusesNeverChange()
    {
        QFETCH(QString, how);
        TestEngine t;
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        if (how == QLatin1String("verified"))
            QVERIFY(check(t, id, code).verified());
        else if (how == QLatin1String("failed"))
            for (int i = 0; i < 5; ++i)
                check(t, id, wrongCode(code));
        else if (how == QLatin1String("expired"))
            t.clock->advanceSeconds(300);
        else
            QVERIFY(t->cancel(id, {}));
        const SessionView before = *t->status(id);
        QCOMPARE(statusName(before.status), how);
        QVERIFY(before.finishedAt);

        t.clock->advanceSeconds(60);
        (void)t->check({id, code, {}});
        (void)t->check({id, wrongCode(code), {}});
        QVERIFY(!t->cancel(id, {}));
        QVERIFY(!t->resend({id, {}, {}}));
        QVERIFY(t->sweepExpired());
        QVERIFY(t->deliverDue());
        t.clock->advanceSeconds(3600);
        QVERIFY(t->sweepExpired());

        const SessionView after = *t->status(id);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.finishedAt, before.finishedAt);
        QCOMPARE(after.attempts, before.attempts);
        QCOMPARE(after.resends, before.resends);
        // The code hash is erased once a session is final.
        RawDb raw(t.dbPath());
        QVERIFY(raw.scalar(QStringLiteral("SELECT code_hash FROM sessions WHERE id = ?"), {id})
                    .isNull());
    }

    void alphanumericCodesAreCaseInsensitive()
    {
        TestEngine t;
        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("code_type"), QStringLiteral("alphanumeric")},
                                  {QStringLiteral("code_length"), 8}},
                                 kAdmin));
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        QCOMPARE(code.size(), 8);
        for (QChar c : code)
            QVERIFY(QStringLiteral("23456789ABCDEFGHJKMNPQRSTUVWXYZ").contains(c));
        QVERIFY(check(t, id, code.toLower()).verified());
    }

    void customCodeOnlyWhereAllowed()
    {
        TestEngine t;
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        r.customCode = QStringLiteral("482913");
        auto refused = t->start(r);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("custom_code"));
        QVERIFY(!refused.error().message.contains(QStringLiteral("482913")));

        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("allow_custom_code"), true}}, kAdmin));
        r.customCode = QStringLiteral("48291"); // wrong length
        QCOMPARE(t->start(r).error().field, QStringLiteral("custom_code"));
        r.customCode = QStringLiteral("482913");
        auto started = t->start(r);
        QVERIFY(started);
        QVERIFY(t->deliverDue(started->sessionId));
        QCOMPARE(receivedCode(*t.engine, started->sessionId), QStringLiteral("482913"));
        QVERIFY(check(t, started->sessionId, QStringLiteral("482913")).verified());
    }

    void unknownAndMalformedIds()
    {
        TestEngine t;
        const QString unknown = newUuid7(kT0);
        for (auto r : {t->status(unknown), t->cancel(unknown, {}), t->resend({unknown, {}, {}})})
            QCOMPARE(r.error().code, ErrorCode::NotFound);
        QCOMPARE(t->check({unknown, QStringLiteral("123456"), {}}).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(t->events(unknown).error().code, ErrorCode::NotFound);
        auto bad = t->status(QStringLiteral("../etc/passwd"));
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(bad.error().field, QStringLiteral("session_id"));
    }

    void sessionsSurviveRestart()
    {
        TestEngine t(SyncMode::Full);
        const QString id = startDelivered(t);
        const QString code = receivedCode(*t.engine, id);
        t.reopen(SyncMode::Full);
        QCOMPARE(t->status(id)->status, SessionStatus::Delivered);
        QVERIFY(check(t, id, code).verified());
    }

    void changingAServiceKeepsRulesOfRunningSessions()
    {
        TestEngine t;
        const QString id = startDelivered(t);
        QVERIFY(t->updateService(
            QStringLiteral("default"),
            {{QStringLiteral("max_attempts"), 2}, {QStringLiteral("ttl_seconds"), 60}}, kAdmin));
        const SessionView v = *t->status(id);
        QCOMPARE(v.maxAttempts, 5);
        QCOMPARE(v.expiresAt, kT0 + 300'000);
        const QString next = startDelivered(t, QStringLiteral("+4791234500"));
        QCOMPARE(t->status(next)->maxAttempts, 2);
    }
};

QTEST_GUILESS_MAIN(TestEngineSessions)
#include "tst_engine_sessions.moc"
