// Bounds of every service setting and every request field: the value at each bound is accepted,
// one step outside is refused with the field named, and a refused change changes nothing.

#include "support/TestEngine.h"

#include <QJsonArray>

using namespace vc;
using namespace vc::test;

class TestEngineLimits : public QObject
{
    Q_OBJECT

private:
    static Error startError(TestEngine &t, const StartRequest &r)
    {
        auto started = t->start(r);
        if (started)
            return Error::internal(QStringLiteral("accepted"));
        return started.error();
    }

private slots:
    void integerSettingBounds_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("lo");
        QTest::addColumn<int>("hi");
        QTest::newRow("code_length") << "code_length" << 4 << 10;
        QTest::newRow("ttl_seconds") << "ttl_seconds" << 60 << 3600;
        QTest::newRow("max_attempts") << "max_attempts" << 1 << 10;
        QTest::newRow("max_resends") << "max_resends" << 0 << 10;
        QTest::newRow("resend_cooldown_seconds") << "resend_cooldown_seconds" << 0 << 3600;
        QTest::newRow("starts_per_recipient_per_hour")
            << "starts_per_recipient_per_hour" << 1 << 1000;
    }
    void integerSettingBounds()
    {
        QFETCH(QString, key);
        QFETCH(int, lo);
        QFETCH(int, hi);
        TestEngine t;
        const QString id = QStringLiteral("default");
        const QJsonValue original = t->service(id)->toJson().value(key);

        for (int bad : {lo - 1, hi + 1}) {
            auto r = t->updateService(id, {{key, bad}}, kAdmin);
            QVERIFY2(!r, qPrintable(QStringLiteral("%1 = %2 accepted").arg(key).arg(bad)));
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
            QCOMPARE(r.error().field, key);
            QVERIFY(r.error().message.contains(QString::number(lo)));
            QVERIFY(r.error().message.contains(QString::number(hi)));
            QCOMPARE(t->service(id)->toJson().value(key), original);
        }
        for (const QJsonValue &wrongType : {QJsonValue(QStringLiteral("5")), QJsonValue(true),
                                            QJsonValue(lo + 0.5), QJsonValue(QJsonValue::Null)}) {
            auto r = t->updateService(id, {{key, wrongType}}, kAdmin);
            QVERIFY(!r);
            QCOMPARE(r.error().field, key);
        }
        for (int good : {lo, hi}) {
            auto r = t->updateService(id, {{key, good}}, kAdmin);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
            QCOMPARE(t->service(id)->toJson().value(key).toInt(), good);
        }
    }

    void otherSettings()
    {
        TestEngine t;
        const QString id = QStringLiteral("default");
        struct Case
        {
            const char *key;
            QJsonValue value;
            bool ok;
        };
        const QList<Case> cases{
            {"code_type", QStringLiteral("alphanumeric"), true},
            {"code_type", QStringLiteral("hex"), false},
            {"channels", QJsonArray{QStringLiteral("sms"), QStringLiteral("email")}, true},
            {"channels", QJsonArray{}, false},
            {"channels", QJsonArray{QStringLiteral("fax")}, false},
            {"channels", QStringLiteral("sms"), false},
            {"default_locale", QStringLiteral("fi"), true},
            {"default_locale", QStringLiteral("no"), true},
            {"default_locale", QStringLiteral("de"), false},
            {"default_region", QStringLiteral("SE"), true},
            {"default_region", QStringLiteral(""), true},
            {"default_region", QStringLiteral("SWE"), false},
            {"name", QStringLiteral("Webshop"), true},
            {"name", QStringLiteral(""), false},
            {"name", QString(101, u'x'), false},
            {"name", QStringLiteral("bad\x01name"), false},
            {"app_name", QString(50, u'x'), true},
            {"app_name", QString(51, u'x'), false},
            {"allow_custom_code", true, true},
            {"allow_custom_code", 1, false},
            {"enabled", false, true},
            {"enabled", QStringLiteral("no"), false},
            {"no_such_setting", 1, false},
        };
        for (const Case &c : cases) {
            const QString key = QString::fromLatin1(c.key);
            const QJsonObject before = t->service(id)->toJson();
            auto r = t->updateService(id, {{key, c.value}}, kAdmin);
            QVERIFY2(r.ok() == c.ok, c.key);
            if (!c.ok) {
                QCOMPARE(r.error().field, key);
                QJsonObject after = t->service(id)->toJson();
                QCOMPARE(after, before);
            }
        }
        QCOMPARE(t->service(id)->defaultLocale, QStringLiteral("nb"));
    }

    void aRefusedPatchChangesNothingAtAll()
    {
        TestEngine t;
        const QJsonObject before = t->service(QStringLiteral("default"))->toJson();
        auto r = t->updateService(
            QStringLiteral("default"),
            {{QStringLiteral("ttl_seconds"), 600}, {QStringLiteral("max_attempts"), 99}}, kAdmin);
        QCOMPARE(r.error().field, QStringLiteral("max_attempts"));
        QCOMPARE(t->service(QStringLiteral("default"))->toJson(), before);
    }

    void serviceIdsAndCreation()
    {
        TestEngine t;
        QCOMPARE(t->createService(QStringLiteral("Shop!"), {}, kAdmin).error().field,
                 QStringLiteral("service_id"));
        QCOMPARE(t->createService(QString(41, u'a'), {}, kAdmin).error().field,
                 QStringLiteral("service_id"));
        auto shop =
            t->createService(QStringLiteral("shop"),
                             {{QStringLiteral("app_name"), QStringLiteral("Acme Shop")}}, kAdmin);
        QVERIFY(shop);
        QCOMPARE(shop->appName, QStringLiteral("Acme Shop"));
        QCOMPARE(t->createService(QStringLiteral("shop"), {}, kAdmin).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(
            t->createService(QStringLiteral("bad"), {{QStringLiteral("ttl_seconds"), 5}}, kAdmin)
                .error()
                .field,
            QStringLiteral("ttl_seconds"));
        QCOMPARE(t->service(QStringLiteral("bad")).error().code, ErrorCode::NotFound);
        QCOMPARE(t->services()->size(), 2);
    }

    void requestCodeLengthAndTtl()
    {
        TestEngine t;
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        for (int bad : {3, 11, 0, -6}) {
            r.codeLength = bad;
            QCOMPARE(startError(t, r).field, QStringLiteral("code_length"));
        }
        r.codeLength = 4;
        QVERIFY(t->start(r));
        r.codeLength = 10;
        r.recipient = QStringLiteral("+4791234568");
        auto ten = t->start(r);
        QVERIFY(ten);
        QCOMPARE(t->status(ten->sessionId)->codeLength, 10);
        r.codeLength.reset();
        for (int bad : {59, 3601, 0}) {
            r.ttlSeconds = bad;
            QCOMPARE(startError(t, r).field, QStringLiteral("ttl_seconds"));
        }
        r.ttlSeconds = 60;
        r.recipient = QStringLiteral("+4791234569");
        auto shortest = t->start(r);
        QCOMPARE(shortest->expiresAt - shortest->createdAt, 60'000);
        r.ttlSeconds = 3600;
        r.recipient = QStringLiteral("+4791234570");
        auto longest = t->start(r);
        QCOMPARE(longest->expiresAt - longest->createdAt, 3'600'000);
    }

    void requestFieldsAreCheckedAndNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("callback");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("service");
        const QString phone = QStringLiteral("+4791234567");
        QTest::newRow("no channel") << "channel"
                                    << "" << phone << ""
                                    << ""
                                    << ""
                                    << ""
                                    << "";
        QTest::newRow("bad channel") << "channel"
                                     << "fax" << phone << ""
                                     << ""
                                     << ""
                                     << ""
                                     << "";
        QTest::newRow("no recipient") << "recipient"
                                      << "sms"
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "";
        QTest::newRow("bad number") << "recipient"
                                    << "sms"
                                    << "+4712"
                                    << ""
                                    << ""
                                    << ""
                                    << ""
                                    << "";
        QTest::newRow("letters") << "recipient"
                                 << "sms"
                                 << "+47CALLME"
                                 << ""
                                 << ""
                                 << ""
                                 << ""
                                 << "";
        QTest::newRow("national without region") << "recipient"
                                                 << "sms"
                                                 << "91234567"
                                                 << ""
                                                 << ""
                                                 << ""
                                                 << ""
                                                 << "";
        QTest::newRow("phone for email") << "recipient"
                                         << "email" << phone << ""
                                         << ""
                                         << ""
                                         << ""
                                         << "";
        QTest::newRow("email for sms") << "recipient"
                                       << "sms"
                                       << "kari@example.no"
                                       << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "";
        QTest::newRow("bad email") << "recipient"
                                   << "email"
                                   << "kari@"
                                   << ""
                                   << ""
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("locale") << "locale"
                                << "sms" << phone << "de"
                                << ""
                                << ""
                                << ""
                                << "";
        QTest::newRow("long reference") << "reference"
                                        << "sms" << phone << "" << QString(129, u'r') << ""
                                        << ""
                                        << "";
        QTest::newRow("control in reference") << "reference"
                                              << "sms" << phone << ""
                                              << "a\nb"
                                              << ""
                                              << ""
                                              << "";
        QTest::newRow("ftp callback") << "callback_url"
                                      << "sms" << phone << ""
                                      << ""
                                      << "ftp://example.com/x"
                                      << ""
                                      << "";
        QTest::newRow("relative callback") << "callback_url"
                                           << "sms" << phone << ""
                                           << ""
                                           << "/hooks/verify"
                                           << ""
                                           << "";
        QTest::newRow("long callback")
            << "callback_url"
            << "sms" << phone << ""
            << "" << QStringLiteral("https://example.com/") + QString(2030, u'a') << ""
            << "";
        QTest::newRow("bad ip") << "ip_address"
                                << "sms" << phone << ""
                                << ""
                                << ""
                                << "300.1.1.1"
                                << "";
        QTest::newRow("unknown service") << "service_id"
                                         << "sms" << phone << ""
                                         << ""
                                         << ""
                                         << ""
                                         << "nosuch";
        QTest::newRow("bad service id") << "service_id"
                                        << "sms" << phone << ""
                                        << ""
                                        << ""
                                        << ""
                                        << "../x";
    }
    void requestFieldsAreCheckedAndNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, channel);
        QFETCH(QString, recipient);
        QFETCH(QString, locale);
        QFETCH(QString, reference);
        QFETCH(QString, callback);
        QFETCH(QString, ip);
        QFETCH(QString, service);
        TestEngine t;
        StartRequest r = startRequest(channel, recipient);
        r.locale = locale;
        r.reference = reference;
        r.callbackUrl = callback;
        r.clientIp = ip;
        r.serviceId = service;
        const Error e = startError(t, r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QCOMPARE(e.field, field);
        QVERIFY(!e.message.isEmpty());
        // An error never echoes the recipient.
        if (recipient.size() > 4)
            QVERIFY(!e.message.contains(recipient));
        // Nothing was stored.
        RawDb raw(t.dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries")).toInt(), 0);
    }

    void acceptedOptionalFields()
    {
        TestEngine t;
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        r.reference = QString(128, u'r');
        r.callbackUrl = QStringLiteral("https://app.example.com/hooks/verify?x=1");
        r.clientIp = QStringLiteral("2001:db8::1");
        auto started = t->start(r);
        QVERIFY(started);
        const SessionView v = *t->status(started->sessionId);
        QCOMPARE(v.reference, r.reference);
        QCOMPARE(v.callbackUrl, r.callbackUrl);
        QCOMPARE(v.clientIp, QStringLiteral("2001:db8::1"));
    }

    void disabledChannelAndService()
    {
        TestEngine t;
        QVERIFY(t->updateService(
            QStringLiteral("default"),
            {{QStringLiteral("channels"), QJsonArray{QStringLiteral("email")}}}, kAdmin));
        const Error e =
            startError(t, startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QCOMPARE(e.field, QStringLiteral("channel"));
        QVERIFY(e.message.contains(QStringLiteral("not enabled")));
        QVERIFY(t->updateService(QStringLiteral("default"), {{QStringLiteral("enabled"), false}},
                                 kAdmin));
        QCOMPARE(
            startError(t, startRequest(QStringLiteral("email"), QStringLiteral("a@b.no"))).field,
            QStringLiteral("service_id"));
    }

    void nationalNumbersUseTheServiceRegion()
    {
        TestEngine t;
        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("default_region"), QStringLiteral("NO")}},
                                 kAdmin));
        auto started = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("912 34 567")));
        QVERIFY(started);
        QCOMPARE(t->status(started->sessionId)->recipientMasked, QStringLiteral("+47****4567"));
    }

    void checkCodeFormatIsCheckedWithoutCountingAnAttempt()
    {
        TestEngine t;
        auto started = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        for (const QString &bad : {QString(), QStringLiteral("12"), QStringLiteral("12345678901"),
                                   QStringLiteral("12#456"), QStringLiteral("１２３４５６")}) {
            auto r = t->check({started->sessionId, bad, {}});
            QVERIFY(!r);
            QCOMPARE(r.error().field, QStringLiteral("code"));
        }
        QCOMPARE(t->status(started->sessionId)->attempts, 0);
        // A well-formed code of another length is simply wrong, and counts.
        auto r = t->check({started->sessionId, QStringLiteral("1234"), {}});
        QCOMPARE(r->error, QStringLiteral("invalid_code"));
        QCOMPARE(t->status(started->sessionId)->attempts, 1);
    }

    void startsPerRecipientPerHour()
    {
        TestEngine t;
        const QString phone = QStringLiteral("+4791234567");
        for (int i = 0; i < 5; ++i) {
            QVERIFY(t->start(startRequest(QStringLiteral("sms"), phone)));
            t.clock->advanceSeconds(60);
        }
        // The sixth within the hour is refused with the time until the oldest leaves the window.
        auto sixth =
            t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+47 912 34 567")));
        QVERIFY(!sixth);
        QCOMPARE(sixth.error().code, ErrorCode::RateLimited);
        QCOMPARE(sixth.error().reason, QStringLiteral("too_many_starts"));
        QCOMPARE(sixth.error().retryAfterSeconds, 3600 - 300);
        QVERIFY(!sixth.error().message.contains(QStringLiteral("91234567")));
        // Other recipients and other services are not affected.
        QVERIFY(t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568"))));
        QVERIFY(t->createService(QStringLiteral("shop"), {}, kAdmin));
        StartRequest other = startRequest(QStringLiteral("sms"), phone);
        other.serviceId = QStringLiteral("shop");
        QVERIFY(t->start(other));
        // Once the oldest start is an hour old, one more is allowed.
        t.clock->advanceSeconds(3600 - 300);
        QVERIFY(t->start(startRequest(QStringLiteral("sms"), phone)));
        QVERIFY(!t->start(startRequest(QStringLiteral("sms"), phone)));
    }

    void fieldTableParsesCommandLineText()
    {
        QCOMPARE(ServiceRules::parseFieldText(QStringLiteral("ttl_seconds"), QStringLiteral("600"))
                     ->toInt(),
                 600);
        QVERIFY(
            !ServiceRules::parseFieldText(QStringLiteral("ttl_seconds"), QStringLiteral("ten")));
        QCOMPARE(
            ServiceRules::parseFieldText(QStringLiteral("enabled"), QStringLiteral("no"))->toBool(),
            false);
        QCOMPARE(
            ServiceRules::parseFieldText(QStringLiteral("channels"), QStringLiteral("sms, voice"))
                ->toArray()
                .size(),
            2);
        QCOMPARE(
            ServiceRules::parseFieldText(QStringLiteral("nope"), QStringLiteral("1")).error().field,
            QStringLiteral("nope"));
        Service s = ServiceRules::makeDefault(QStringLiteral("x"), 0);
        QVERIFY(ServiceRules::validate(s));
        s.ttlSeconds = 10;
        QCOMPARE(ServiceRules::validate(s).error().field, QStringLiteral("ttl_seconds"));
    }
};

QTEST_GUILESS_MAIN(TestEngineLimits)
#include "tst_engine_limits.moc"
