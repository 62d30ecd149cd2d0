#include "core/Domain.h"

#include <QTest>

using namespace vc;

class TestDomain : public QObject
{
    Q_OBJECT

private slots:
    void normalizeLocale_data();
    void normalizeLocale();
    void supportedLocalesNormaliseToThemselves();
    void localeForRegion_data();
    void localeForRegion();
    void channelNamesRoundTrip();
    void unknownChannelName();
    void channelUsesPhone();
    void statusNamesRoundTrip();
    void unknownStatusName();
    void onlyTheLastFourStatusesAreFinal();
    void codeTypeNamesRoundTrip();
};

void TestDomain::normalizeLocale_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: nullopt

    QTest::newRow("no is Bokmål") << QStringLiteral("no") << QStringLiteral("nb");
    QTest::newRow("nob is Bokmål") << QStringLiteral("nob") << QStringLiteral("nb");
    QTest::newRow("nb") << QStringLiteral("nb") << QStringLiteral("nb");
    QTest::newRow("nb-NO") << QStringLiteral("nb-NO") << QStringLiteral("nb");
    QTest::newRow("no_NO") << QStringLiteral("no_NO") << QStringLiteral("nb");
    QTest::newRow("sv_SE") << QStringLiteral("sv_SE") << QStringLiteral("sv");
    QTest::newRow("sv-FI") << QStringLiteral("sv-FI") << QStringLiteral("sv");
    QTest::newRow("da-DK") << QStringLiteral("da-DK") << QStringLiteral("da");
    QTest::newRow("fi") << QStringLiteral("fi") << QStringLiteral("fi");
    QTest::newRow("EN") << QStringLiteral("EN") << QStringLiteral("en");
    QTest::newRow("en-GB") << QStringLiteral("en-GB") << QStringLiteral("en");
    QTest::newRow("padded") << QStringLiteral("  da ") << QStringLiteral("da");
    QTest::newRow("de") << QStringLiteral("de") << QString();
    QTest::newRow("de-NO") << QStringLiteral("de-NO") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only a separator") << QStringLiteral("-") << QString();
    QTest::newRow("leading separator") << QStringLiteral("-nb") << QString();
    QTest::newRow("prefix is not a language") << QStringLiteral("english") << QString();
}

void TestDomain::normalizeLocale()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::optional<QString> got = vc::normalizeLocale(input);
    if (expected.isEmpty()) {
        QVERIFY2(!got, qPrintable(got.value_or(QString())));
    } else {
        QVERIFY(got);
        QCOMPARE(*got, expected);
    }
}

void TestDomain::supportedLocalesNormaliseToThemselves()
{
    const QStringList locales = supportedLocales();
    QCOMPARE(locales.size(), 5);
    for (const QString &l : locales)
        QCOMPARE(vc::normalizeLocale(l).value_or(QString()), l);
}

void TestDomain::localeForRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");

    QTest::newRow("NO") << QStringLiteral("NO") << QStringLiteral("nb");
    QTest::newRow("Svalbard") << QStringLiteral("SJ") << QStringLiteral("nb");
    QTest::newRow("lower-case no") << QStringLiteral("no") << QStringLiteral("nb");
    QTest::newRow("SE") << QStringLiteral("SE") << QStringLiteral("sv");
    QTest::newRow("Åland") << QStringLiteral("AX") << QStringLiteral("sv");
    QTest::newRow("DK") << QStringLiteral("DK") << QStringLiteral("da");
    QTest::newRow("FI") << QStringLiteral("FI") << QStringLiteral("fi");
    QTest::newRow("GB has no shipped language of its own") << QStringLiteral("GB") << QString();
    QTest::newRow("US") << QStringLiteral("US") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDomain::localeForRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, expected);
    const std::optional<QString> got = vc::localeForRegion(region);
    QCOMPARE(got.value_or(QString()), expected);
}

void TestDomain::channelNamesRoundTrip()
{
    const QList<Channel> channels = allChannels();
    QCOMPARE(channels.size(), 3);
    QStringList names;
    for (Channel c : channels) {
        const QString name = channelName(c);
        QVERIFY(!name.isEmpty());
        QVERIFY(!names.contains(name));
        names.append(name);
        QCOMPARE(channelFromName(name), std::optional<Channel>(c));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("sms"), QStringLiteral("voice"),
                                 QStringLiteral("email")}));
}

void TestDomain::unknownChannelName()
{
    QVERIFY(!channelFromName(QStringLiteral("SMS")));
    QVERIFY(!channelFromName(QStringLiteral("whatsapp")));
    QVERIFY(!channelFromName(QString()));
}

void TestDomain::channelUsesPhone()
{
    QVERIFY(vc::channelUsesPhone(Channel::Sms));
    QVERIFY(vc::channelUsesPhone(Channel::Voice));
    QVERIFY(!vc::channelUsesPhone(Channel::Email));
}

void TestDomain::statusNamesRoundTrip()
{
    const QList<SessionStatus> statuses = allStatuses();
    QCOMPARE(statuses.size(), 6);
    QStringList names;
    for (SessionStatus s : statuses) {
        const QString name = statusName(s);
        QVERIFY(!name.isEmpty());
        QVERIFY(!names.contains(name));
        names.append(name);
        QCOMPARE(statusFromName(name), std::optional<SessionStatus>(s));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("pending"), QStringLiteral("delivered"),
                                 QStringLiteral("verified"), QStringLiteral("failed"),
                                 QStringLiteral("expired"), QStringLiteral("cancelled")}));
}

void TestDomain::unknownStatusName()
{
    QVERIFY(!statusFromName(QStringLiteral("Pending")));
    QVERIFY(!statusFromName(QStringLiteral("canceled")));
    QVERIFY(!statusFromName(QString()));
}

void TestDomain::onlyTheLastFourStatusesAreFinal()
{
    QVERIFY(!isFinal(SessionStatus::Pending));
    QVERIFY(!isFinal(SessionStatus::Delivered));
    QVERIFY(isFinal(SessionStatus::Verified));
    QVERIFY(isFinal(SessionStatus::Failed));
    QVERIFY(isFinal(SessionStatus::Expired));
    QVERIFY(isFinal(SessionStatus::Cancelled));
}

void TestDomain::codeTypeNamesRoundTrip()
{
    for (CodeType t : {CodeType::Numeric, CodeType::Alphanumeric})
        QCOMPARE(codeTypeFromName(codeTypeName(t)), std::optional<CodeType>(t));
    QCOMPARE(codeTypeName(CodeType::Numeric), QStringLiteral("numeric"));
    QCOMPARE(codeTypeName(CodeType::Alphanumeric), QStringLiteral("alphanumeric"));
    QVERIFY(!codeTypeFromName(QStringLiteral("hex")));
}

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
