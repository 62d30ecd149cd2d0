#include "core/Recipient.h"

#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <phonenumbers/logger.h>

#include <cstdio>
#include <unistd.h>

using namespace vc;

namespace {

QString digitsOf(const QString &s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out += QChar(u'0' + c.digitValue());
    return out;
}

// An error about a recipient may say why, but must never repeat the recipient.
void verifyMessageHidesInput(const Error &error, const QString &input)
{
    const QString message = error.toString();
    QVERIFY2(!message.isEmpty(), "the error explains itself");
    const QString digits = digitsOf(input);
    if (digits.size() >= 4)
        QVERIFY2(!digitsOf(message).contains(digits), qPrintable(message));
    if (input.trimmed().size() >= 3)
        QVERIFY2(!message.contains(input.trimmed(), Qt::CaseInsensitive), qPrintable(message));
    static const QRegularExpression longDigitRun(QStringLiteral("\\d{5,}"));
    QVERIFY2(!message.contains(longDigitRun), qPrintable(message));
}

} // namespace

class TestRecipient : public QObject
{
    Q_OBJECT

private slots:
    void phoneNormalises_data();
    void phoneNormalises();
    void nationalNumberNeedsRegion();
    void unknownDefaultRegionIsRefused();
    void invalidPhoneRefused_data();
    void invalidPhoneRefused();
    void phoneMask();
    void phonePrefix();
    void libphonenumberNeverWritesTheNumber();

    void emailAccepted_data();
    void emailAccepted();
    void emailRefused_data();
    void emailRefused();
    void emailMask();

    void parseForPicksTheRightParser();
    void indexFormForSearch();
};

void TestRecipient::phoneNormalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region"); // default region given with the input
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("expectedRegion");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("callingCode");
    QTest::addColumn<QString>("masked");

    const QString mobile = QStringLiteral("mobile");
    QTest::newRow("NO plain") << QStringLiteral("+4791234567") << QString()
                              << QStringLiteral("+4791234567") << QStringLiteral("NO") << mobile
                              << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO 00 prefix") << QStringLiteral("0047 912 34 567") << QString()
                                  << QStringLiteral("+4791234567") << QStringLiteral("NO") << mobile
                                  << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO spaced") << QStringLiteral("+47 912 34 567") << QString()
                               << QStringLiteral("+4791234567") << QStringLiteral("NO") << mobile
                               << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO parenthesised code")
        << QStringLiteral("(+47) 91234567") << QString() << QStringLiteral("+4791234567")
        << QStringLiteral("NO") << mobile << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO padded") << QStringLiteral("  +47 41 23 45 67\n") << QString()
                               << QStringLiteral("+4741234567") << QStringLiteral("NO") << mobile
                               << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO national with region")
        << QStringLiteral("912 34 567") << QStringLiteral("NO") << QStringLiteral("+4791234567")
        << QStringLiteral("NO") << mobile << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO international ignores region")
        << QStringLiteral("+47 912 34 567") << QStringLiteral("SE") << QStringLiteral("+4791234567")
        << QStringLiteral("NO") << mobile << 47 << QStringLiteral("+47****4567");
    QTest::newRow("NO landline") << QStringLiteral("+47 22 12 34 56") << QString()
                                 << QStringLiteral("+4722123456") << QStringLiteral("NO")
                                 << QStringLiteral("fixed_line") << 47
                                 << QStringLiteral("+47****3456");
    QTest::newRow("SE mobile") << QStringLiteral("+46 70 123 45 67") << QString()
                               << QStringLiteral("+46701234567") << QStringLiteral("SE") << mobile
                               << 46 << QStringLiteral("+46****4567");
    QTest::newRow("SE national with region")
        << QStringLiteral("070-123 45 67") << QStringLiteral("se") << QStringLiteral("+46701234567")
        << QStringLiteral("SE") << mobile << 46 << QStringLiteral("+46****4567");
    // Danish mobile and fixed-line numbers share one numbering plan.
    QTest::newRow("DK mobile") << QStringLiteral("+45 20 12 34 56") << QString()
                               << QStringLiteral("+4520123456") << QStringLiteral("DK")
                               << QStringLiteral("fixed_line_or_mobile") << 45
                               << QStringLiteral("+45****3456");
    QTest::newRow("FI mobile") << QStringLiteral("+358 50 123 4567") << QString()
                               << QStringLiteral("+358501234567") << QStringLiteral("FI") << mobile
                               << 358 << QStringLiteral("+358****4567");
    QTest::newRow("FI national with region")
        << QStringLiteral("050 123 4567") << QStringLiteral("FI") << QStringLiteral("+358501234567")
        << QStringLiteral("FI") << mobile << 358 << QStringLiteral("+358****4567");
    QTest::newRow("UK mobile") << QStringLiteral("+44 7400 123456") << QString()
                               << QStringLiteral("+447400123456") << QStringLiteral("GB") << mobile
                               << 44 << QStringLiteral("+44****3456");
    QTest::newRow("UK with (0)") << QStringLiteral("+44 (0)7400 123456") << QString()
                                 << QStringLiteral("+447400123456") << QStringLiteral("GB")
                                 << mobile << 44 << QStringLiteral("+44****3456");
    QTest::newRow("UK national with region")
        << QStringLiteral("07400 123456") << QStringLiteral("GB") << QStringLiteral("+447400123456")
        << QStringLiteral("GB") << mobile << 44 << QStringLiteral("+44****3456");
    QTest::newRow("US") << QStringLiteral("+1 (650) 253-0000") << QString()
                        << QStringLiteral("+16502530000") << QStringLiteral("US")
                        << QStringLiteral("fixed_line_or_mobile") << 1
                        << QStringLiteral("+1****0000");
    QTest::newRow("US dotted") << QStringLiteral("+1.650.253.0000") << QString()
                               << QStringLiteral("+16502530000") << QStringLiteral("US")
                               << QStringLiteral("fixed_line_or_mobile") << 1
                               << QStringLiteral("+1****0000");
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("+\u0664\u0667\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667")
        << QString() << QStringLiteral("+4791234567") << QStringLiteral("NO") << mobile << 47
        << QStringLiteral("+47****4567");
}

void TestRecipient::phoneNormalises()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QFETCH(QString, expectedRegion);
    QFETCH(QString, type);
    QFETCH(int, callingCode);
    QFETCH(QString, masked);

    const Result<Recipient> r = Recipients::parsePhone(input, region);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->kind, Recipient::Kind::Phone);
    QCOMPARE(r->normalised, e164);
    QCOMPARE(r->indexForm, e164);
    QCOMPARE(r->region, expectedRegion);
    QCOMPARE(r->numberType, type);
    QCOMPARE(r->callingCode, callingCode);
    QCOMPARE(r->masked, masked);
}

void TestRecipient::nationalNumberNeedsRegion()
{
    for (const QString &national : {QStringLiteral("912 34 567"), QStringLiteral("91234567"),
                                    QStringLiteral("070-123 45 67")}) {
        const Result<Recipient> r = Recipients::parsePhone(national);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(r.error().field, QStringLiteral("recipient"));
        QVERIFY2(r.error().message.contains(QLatin1String("international format")),
                 qPrintable(r.error().message));
        verifyMessageHidesInput(r.error(), national);
    }
    const Result<Recipient> withRegion =
        Recipients::parsePhone(QStringLiteral("912 34 567"), QStringLiteral("NO"));
    QVERIFY(withRegion.ok());
    QCOMPARE(withRegion->normalised, QStringLiteral("+4791234567"));
}

void TestRecipient::unknownDefaultRegionIsRefused()
{
    const Result<Recipient> r =
        Recipients::parsePhone(QStringLiteral("912 34 567"), QStringLiteral("XX"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(r.error().field, QStringLiteral("region"));
    verifyMessageHidesInput(r.error(), QStringLiteral("912 34 567"));
}

void TestRecipient::invalidPhoneRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("reason"); // a fragment of the expected message

    QTest::newRow("empty") << QString() << QString() << QStringLiteral("required");
    QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("required");
    QTest::newRow("only punctuation")
        << QStringLiteral("+ ( ) -") << QString() << QStringLiteral("required");
    QTest::newRow("NO number starting with 1")
        << QStringLiteral("+47 1234 5678") << QString()
        << QStringLiteral("not a valid phone number for region NO");
    QTest::newRow("NO too short") << QStringLiteral("+47 912 34") << QString()
                                  << QStringLiteral("region NO");
    QTest::newRow("NO too long") << QStringLiteral("+47 912 34 567 89") << QString()
                                 << QStringLiteral("region NO");
    QTest::newRow("national invalid for region")
        << QStringLiteral("1234 5678") << QStringLiteral("NO")
        << QStringLiteral("not a valid phone number for region NO");
    QTest::newRow("unknown calling code")
        << QStringLiteral("+999 1234 5678") << QString() << QStringLiteral("country calling code");
    QTest::newRow("US invalid area code")
        << QStringLiteral("+1 123 456 7890") << QString() << QStringLiteral("calling code +1");
    QTest::newRow("letters") << QStringLiteral("+47 912 BANK") << QString()
                             << QStringLiteral("letters");
    QTest::newRow("vanity number")
        << QStringLiteral("1-800-FLOWERS") << QStringLiteral("US") << QStringLiteral("letters");
    QTest::newRow("extension") << QStringLiteral("+47 22 12 34 56 ext 12") << QString()
                               << QStringLiteral("letters");
    QTest::newRow("plus in the middle")
        << QStringLiteral("47+91234567") << QString() << QStringLiteral("+");
    QTest::newRow("two pluses") << QStringLiteral("++4791234567") << QString()
                                << QStringLiteral("+");
    QTest::newRow("odd characters")
        << QStringLiteral("+47*912#34567") << QString() << QStringLiteral("only digits");
    QTest::newRow("e-mail address")
        << QStringLiteral("kari@example.no") << QString() << QStringLiteral("letters");
    QTest::newRow("longer than 64")
        << (QStringLiteral("+47 912 34 567") + QString(60, u' ') + QStringLiteral("1")) << QString()
        << QStringLiteral("too long");
    QTest::newRow("too many digits")
        << QStringLiteral("+47 9123456789012345678") << QString() << QStringLiteral("too long");
    // A German number libphonenumber calls valid, with 17 digits (found by fuzz_recipient).
    QTest::newRow("beyond E.164's 15 digits") << QStringLiteral("+49 479 1212 4127 4739")
                                              << QString() << QStringLiteral("more than 15 digits");
}

void TestRecipient::invalidPhoneRefused()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, reason);

    const Result<Recipient> r = Recipients::parsePhone(input, region);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    verifyMessageHidesInput(r.error(), input);
}

void TestRecipient::phoneMask()
{
    QCOMPARE(Recipients::maskPhone(QStringLiteral("+4791234567"), 47),
             QStringLiteral("+47****4567"));
    QCOMPARE(Recipients::maskPhone(QStringLiteral("+358501234567"), 358),
             QStringLiteral("+358****4567"));
    // A four-digit national number (Niue) is not shown whole.
    QCOMPARE(Recipients::maskPhone(QStringLiteral("+6837290"), 683), QStringLiteral("+683****90"));
    // A mismatch between number and calling code reveals nothing.
    QCOMPARE(Recipients::maskPhone(QStringLiteral("+4691234567"), 47), QStringLiteral("+****"));
    QCOMPARE(Recipients::maskPhone(QString(), 0), QStringLiteral("+****"));
}

// The number range the SMS-pumping signals count by: three digits of the national number, fewer
// for short numbers, and never so many that the prefix and the masked number together give away
// all but one digit.
void TestRecipient::phonePrefix()
{
    QCOMPARE(Recipients::numberPrefix(QStringLiteral("+447400123456"), 44),
             QStringLiteral("+44 740"));
    QCOMPARE(Recipients::numberPrefix(QStringLiteral("+14155550123"), 1), QStringLiteral("+1 415"));
    // Eight digits (Norway): 2 in the prefix, 4 masked, 2 unknown.
    QCOMPARE(Recipients::numberPrefix(QStringLiteral("+4791234567"), 47), QStringLiteral("+47 91"));
    QCOMPARE(Recipients::numberPrefixOf(QStringLiteral("+4791234567")), QStringLiteral("+47 91"));
    // A non-geographic number (international freephone) has no region but a calling code.
    QCOMPARE(Recipients::numberPrefixOf(QStringLiteral("+80012345678")), QStringLiteral("+800 12"));
    // Four digits (Niue): the calling code alone.
    QCOMPARE(Recipients::numberPrefix(QStringLiteral("+6837290"), 683), QStringLiteral("+683"));
    QCOMPARE(Recipients::numberPrefix(QStringLiteral("+4691234567"), 47), QString());
    QCOMPARE(Recipients::numberPrefixOf(QStringLiteral("4791234567")), QString());

    // Parsing sets it, and for every length the prefix and the mask leave two digits unknown.
    for (const QString &number : {QStringLiteral("+4791234567"), QStringLiteral("+358501234567"),
                                  QStringLiteral("+447400123456"), QStringLiteral("+3547701234"),
                                  QStringLiteral("+4915112345678"), QStringLiteral("+6837290")}) {
        const Result<Recipient> r = Recipients::parsePhone(number);
        QVERIFY2(r.ok(), qPrintable(number));
        QCOMPARE(r->prefix, Recipients::numberPrefix(r->normalised, r->callingCode));
        const qsizetype national =
            r->normalised.size() - 1 - QString::number(r->callingCode).size();
        const qsizetype inPrefix = r->prefix.section(u' ', 1).size();
        const qsizetype masked = r->masked.size() - r->masked.lastIndexOf(u'*') - 1;
        QVERIFY2(national - inPrefix - masked >= 2, qPrintable(r->prefix + u' ' + r->masked));
    }
    QVERIFY(Recipients::parseEmail(QStringLiteral("kari@example.no"))->prefix.isEmpty());
}

// libphonenumber logs through a process-wide logger, and a library version may quote the input.
// The parser installs a null logger; with the library's verbosity turned all the way up, nothing
// reaches stdout or stderr while bad numbers are parsed.
void TestRecipient::libphonenumberNeverWritesTheNumber()
{
    (void)Recipients::parsePhone(QStringLiteral("+4791234567"));
    i18n::phonenumbers::Logger *logger = i18n::phonenumbers::Logger::mutable_logger_impl();
    QVERIFY(logger);
    QVERIFY(dynamic_cast<i18n::phonenumbers::NullLogger *>(logger));
    const int savedLevel = logger->level();
    logger->set_verbosity_level(10);

    const QStringList inputs{QStringLiteral("+999 8765 4321"),
                             QStringLiteral("+47 8765 43"),
                             QStringLiteral("+47 876543219876543"),
                             QStringLiteral("+1 876 543 2198"),
                             QStringLiteral("+800 8765 4321"),
                             QStringLiteral("+47 87654321"),
                             QStringLiteral("8765 4321")};
    QTemporaryFile capture;
    QVERIFY(capture.open());
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = ::dup(STDOUT_FILENO);
    const int savedErr = ::dup(STDERR_FILENO);
    QVERIFY(savedOut >= 0 && savedErr >= 0);
    ::dup2(capture.handle(), STDOUT_FILENO);
    ::dup2(capture.handle(), STDERR_FILENO);
    for (const QString &input : inputs) {
        (void)Recipients::parsePhone(input);
        (void)Recipients::parsePhone(input, QStringLiteral("NO"));
        (void)Recipients::indexFormForSearch(input);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, STDOUT_FILENO);
    ::dup2(savedErr, STDERR_FILENO);
    ::close(savedOut);
    ::close(savedErr);
    logger->set_level(savedLevel);

    capture.seek(0);
    const QByteArray written = capture.readAll();
    QVERIFY2(written.isEmpty(), written.constData());
}

void TestRecipient::emailAccepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("indexForm");
    QTest::addColumn<QString>("masked");

    QTest::newRow("plain") << QStringLiteral("kari.nordmann@example.no")
                           << QStringLiteral("kari.nordmann@example.no")
                           << QStringLiteral("kari.nordmann@example.no")
                           << QStringLiteral("k***@example.no");
    QTest::newRow("mixed case") << QStringLiteral("Kari.Nordmann@Example.NO")
                                << QStringLiteral("Kari.Nordmann@example.no")
                                << QStringLiteral("kari.nordmann@example.no")
                                << QStringLiteral("K***@example.no");
    QTest::newRow("trimmed") << QStringLiteral("  ola+otp@mail.example.com\n")
                             << QStringLiteral("ola+otp@mail.example.com")
                             << QStringLiteral("ola+otp@mail.example.com")
                             << QStringLiteral("o***@mail.example.com");
    QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie")
                                << QStringLiteral("o'brien@example.ie")
                                << QStringLiteral("o'brien@example.ie")
                                << QStringLiteral("o***@example.ie");
    QTest::newRow("all atext") << QStringLiteral("a!#$%&'*+-/=?^_`{|}~z@example.com")
                               << QStringLiteral("a!#$%&'*+-/=?^_`{|}~z@example.com")
                               << QStringLiteral("a!#$%&'*+-/=?^_`{|}~z@example.com")
                               << QStringLiteral("a***@example.com");
    QTest::newRow("hyphens and deep domain") << QStringLiteral("user@sub-domain.example.co.uk")
                                             << QStringLiteral("user@sub-domain.example.co.uk")
                                             << QStringLiteral("user@sub-domain.example.co.uk")
                                             << QStringLiteral("u***@sub-domain.example.co.uk");
    QTest::newRow("one-letter local part")
        << QStringLiteral("a@b.io") << QStringLiteral("a@b.io") << QStringLiteral("a@b.io")
        << QStringLiteral("a***@b.io");
    QTest::newRow("digits in domain")
        << QStringLiteral("x@123.example.com") << QStringLiteral("x@123.example.com")
        << QStringLiteral("x@123.example.com") << QStringLiteral("x***@123.example.com");
    QTest::newRow("internationalised domain")
        << QStringLiteral("kari@Blåbær.no") << QStringLiteral("kari@xn--blbr-roah.no")
        << QStringLiteral("kari@xn--blbr-roah.no") << QStringLiteral("k***@blåbær.no");
    QTest::newRow("64-character local part") << (QString(64, u'a') + QStringLiteral("@example.com"))
                                             << (QString(64, u'a') + QStringLiteral("@example.com"))
                                             << (QString(64, u'a') + QStringLiteral("@example.com"))
                                             << QStringLiteral("a***@example.com");
}

void TestRecipient::emailAccepted()
{
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    QFETCH(QString, indexForm);
    QFETCH(QString, masked);

    const Result<Recipient> r = Recipients::parseEmail(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->kind, Recipient::Kind::Email);
    QCOMPARE(r->normalised, normalised);
    QCOMPARE(r->indexForm, indexForm);
    QCOMPARE(r->masked, masked);
    QVERIFY(r->region.isEmpty());
    QVERIFY(r->numberType.isEmpty());
    QCOMPARE(r->callingCode, 0);
}

void TestRecipient::emailRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason"); // a fragment of the expected message

    const QString label63 = QString(63, u'd');
    QTest::newRow("empty") << QString() << QStringLiteral("required");
    QTest::newRow("no @") << QStringLiteral("kari.example.no") << QStringLiteral("@");
    QTest::newRow("two @") << QStringLiteral("kari@nordmann@example.no")
                           << QStringLiteral("exactly one @");
    QTest::newRow("quoted local part")
        << QStringLiteral("\"kari nordmann\"@example.no") << QStringLiteral("quoted");
    QTest::newRow("quoted with @")
        << QStringLiteral("\"kari@home\"@example.no") << QStringLiteral("quoted");
    QTest::newRow("space") << QStringLiteral("kari nordmann@example.no")
                           << QStringLiteral("spaces");
    QTest::newRow("tab") << QStringLiteral("kari\tnordmann@example.no") << QStringLiteral("spaces");
    QTest::newRow("control character")
        << QStringLiteral("kari\x01@example.no") << QStringLiteral("control");
    QTest::newRow("zero-width space")
        << QStringLiteral("kari\u200b@example.no") << QStringLiteral("control");
    QTest::newRow("empty local part") << QStringLiteral("@example.no") << QStringLiteral("empty");
    QTest::newRow("empty domain") << QStringLiteral("kari@") << QStringLiteral("empty");
    QTest::newRow("leading dot") << QStringLiteral(".kari@example.no") << QStringLiteral("dot");
    QTest::newRow("trailing dot") << QStringLiteral("kari.@example.no") << QStringLiteral("dot");
    QTest::newRow("double dot") << QStringLiteral("ka..ri@example.no") << QStringLiteral("dot");
    QTest::newRow("comment") << QStringLiteral("kari(home)@example.no")
                             << QStringLiteral("not allowed");
    QTest::newRow("non-ASCII local part")
        << QStringLiteral("kåre@example.no") << QStringLiteral("not allowed");
    QTest::newRow("local part of 65")
        << (QString(65, u'a') + QStringLiteral("@example.no")) << QStringLiteral("64");
    QTest::newRow("single-label domain")
        << QStringLiteral("kari@localhost") << QStringLiteral("dot");
    QTest::newRow("numeric TLD") << QStringLiteral("kari@example.123")
                                 << QStringLiteral("top-level");
    QTest::newRow("IP address") << QStringLiteral("kari@192.168.0.1")
                                << QStringLiteral("top-level");
    QTest::newRow("IP literal") << QStringLiteral("kari@[192.168.0.1]") << QStringLiteral("IP");
    QTest::newRow("label starts with hyphen")
        << QStringLiteral("kari@-example.no") << QStringLiteral("hyphen");
    QTest::newRow("label ends with hyphen")
        << QStringLiteral("kari@example-.no") << QStringLiteral("hyphen");
    QTest::newRow("underscore in domain")
        << QStringLiteral("kari@exa_mple.no") << QStringLiteral("only letters");
    QTest::newRow("empty label") << QStringLiteral("kari@example..no") << QStringLiteral("empty");
    QTest::newRow("trailing dot in domain")
        << QStringLiteral("kari@example.no.") << QStringLiteral("empty");
    QTest::newRow("label of 64") << (QStringLiteral("kari@") + QString(64, u'd') +
                                     QStringLiteral(".no"))
                                 << QStringLiteral("63");
    QTest::newRow("address of 255") << (QString(64, u'a') + u'@' + label63 + u'.' + label63 + u'.' +
                                        label63 + u'.' + QString(255 - 65 - 3 * 64, u'e'))
                                    << QStringLiteral("254");
}

void TestRecipient::emailRefused()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);

    const Result<Recipient> r = Recipients::parseEmail(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(r.error().field, QStringLiteral("recipient"));
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    const qsizetype at = input.indexOf(u'@');
    const QString local = at > 0 ? input.left(at) : QString();
    const QString domain = at >= 0 ? input.mid(at + 1) : QString();
    if (local.size() > 1)
        QVERIFY2(!r.error().message.contains(local), qPrintable(r.error().message));
    if (domain.size() > 3)
        QVERIFY2(!r.error().message.contains(domain), qPrintable(r.error().message));
}

void TestRecipient::emailMask()
{
    QCOMPARE(Recipients::maskEmail(QStringLiteral("kari.nordmann@example.no")),
             QStringLiteral("k***@example.no"));
    QCOMPARE(Recipients::maskEmail(QStringLiteral("j@example.com")),
             QStringLiteral("j***@example.com"));
    QCOMPARE(Recipients::maskEmail(QStringLiteral("not an address")), QStringLiteral("***"));
    QCOMPARE(Recipients::maskEmail(QStringLiteral("@example.com")), QStringLiteral("***"));
}

void TestRecipient::parseForPicksTheRightParser()
{
    const QString phone = QStringLiteral("+47 912 34 567");
    const QString email = QStringLiteral("kari@example.no");

    for (Channel c : {Channel::Sms, Channel::Voice}) {
        const Result<Recipient> r = Recipients::parseFor(c, phone);
        QVERIFY(r.ok());
        QCOMPARE(r->kind, Recipient::Kind::Phone);
        QVERIFY(!Recipients::parseFor(c, email).ok());
    }
    const Result<Recipient> national =
        Recipients::parseFor(Channel::Sms, QStringLiteral("91234567"), QStringLiteral("NO"));
    QVERIFY(national.ok());
    QCOMPARE(national->normalised, QStringLiteral("+4791234567"));

    const Result<Recipient> r = Recipients::parseFor(Channel::Email, email);
    QVERIFY(r.ok());
    QCOMPARE(r->kind, Recipient::Kind::Email);
    QVERIFY(!Recipients::parseFor(Channel::Email, phone).ok());
}

void TestRecipient::indexFormForSearch()
{
    using Recipients::indexFormForSearch;
    QCOMPARE(indexFormForSearch(QStringLiteral("+47 912 34 567")),
             std::optional<QString>(QStringLiteral("+4791234567")));
    QCOMPARE(indexFormForSearch(QStringLiteral("0047 91234567")),
             std::optional<QString>(QStringLiteral("+4791234567")));
    QCOMPARE(indexFormForSearch(QStringLiteral("912 34 567"), QStringLiteral("NO")),
             std::optional<QString>(QStringLiteral("+4791234567")));
    QCOMPARE(indexFormForSearch(QStringLiteral(" Kari.Nordmann@Example.NO ")),
             std::optional<QString>(QStringLiteral("kari.nordmann@example.no")));

    // Searching finds the same index form as parsing stored.
    const Result<Recipient> stored = Recipients::parseEmail(QStringLiteral("KARI@example.no"));
    QVERIFY(stored.ok());
    QCOMPARE(indexFormForSearch(QStringLiteral("kari@EXAMPLE.no")),
             std::optional<QString>(stored->indexForm));

    QCOMPARE(indexFormForSearch(QStringLiteral("912 34 567")), std::nullopt);
    QCOMPARE(indexFormForSearch(QStringLiteral("+47 1234")), std::nullopt);
    QCOMPARE(indexFormForSearch(QStringLiteral("kari")), std::nullopt);
    QCOMPARE(indexFormForSearch(QStringLiteral("kari@localhost")), std::nullopt);
    QCOMPARE(indexFormForSearch(QString()), std::nullopt);
}

QTEST_GUILESS_MAIN(TestRecipient)
#include "tst_recipient.moc"
