#include "crypto/CodeGenerator.h"
#include "crypto/Random.h"

#include <QSet>
#include <QTest>

#include <vector>

using namespace vc;

namespace {

// Pearson's chi-square statistic of observed counts against a uniform expectation.
double chiSquare(const std::vector<qint64> &counts)
{
    qint64 total = 0;
    for (qint64 c : counts)
        total += c;
    const double expected = double(total) / double(counts.size());
    double sum = 0;
    for (qint64 c : counts)
        sum += (double(c) - expected) * (double(c) - expected) / expected;
    return sum;
}

} // namespace

class TestCodeGenerator : public QObject
{
    Q_OBJECT

private slots:
    void alphabets();
    void everyLengthInRangeWorks_data();
    void everyLengthInRangeWorks();
    void lengthOutOfRangeRefused_data();
    void lengthOutOfRangeRefused();
    void codesDiffer();
    void numericDigitsAreUniform();
    void alphanumericCharactersAreUniform();
    void normalize_data();
    void normalize();
    void normalizeRefuses_data();
    void normalizeRefuses();
    void isWellFormed();
    void randomBelow();
};

void TestCodeGenerator::alphabets()
{
    QCOMPARE(CodeGenerator::alphabet(CodeType::Numeric), QByteArrayLiteral("0123456789"));

    const QByteArray alnum = CodeGenerator::alphabet(CodeType::Alphanumeric);
    QCOMPARE(alnum.size(), 31);
    for (char lookAlike : {'0', 'O', '1', 'I', 'L'})
        QVERIFY2(!alnum.contains(lookAlike), QByteArray(1, lookAlike).constData());
    QSet<char> seen;
    for (char c : alnum) {
        QVERIFY((c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z'));
        QVERIFY2(!seen.contains(c), "duplicate character in the alphabet");
        seen.insert(c);
    }
}

void TestCodeGenerator::everyLengthInRangeWorks_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<CodeType>("type");
    for (int length = CodeGenerator::MinLength; length <= CodeGenerator::MaxLength; ++length) {
        QTest::addRow("numeric-%d", length) << length << CodeType::Numeric;
        QTest::addRow("alphanumeric-%d", length) << length << CodeType::Alphanumeric;
    }
}

void TestCodeGenerator::everyLengthInRangeWorks()
{
    QFETCH(int, length);
    QFETCH(CodeType, type);
    const QByteArray chars = CodeGenerator::alphabet(type);
    for (int i = 0; i < 200; ++i) {
        Result<SecureBytes> code = CodeGenerator::generate(length, type);
        QVERIFY(code.ok());
        QCOMPARE(code->size(), length);
        for (char c : code->bytes())
            QVERIFY2(chars.contains(c), "character outside the alphabet");
        QVERIFY(CodeGenerator::isWellFormed(code->bytes(), length, type));
    }
}

void TestCodeGenerator::lengthOutOfRangeRefused_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("3") << 3;
    QTest::newRow("11") << 11;
    QTest::newRow("0") << 0;
    QTest::newRow("negative") << -6;
}

void TestCodeGenerator::lengthOutOfRangeRefused()
{
    QFETCH(int, length);
    for (CodeType type : {CodeType::Numeric, CodeType::Alphanumeric}) {
        Result<SecureBytes> code = CodeGenerator::generate(length, type);
        QVERIFY(!code.ok());
        QCOMPARE(code.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(code.error().field, QStringLiteral("code_length"));
        QVERIFY(!code.error().message.isEmpty());
    }
}

void TestCodeGenerator::codesDiffer()
{
    // 10^10 possible codes: 1,000 draws repeating one would mean the generator is broken.
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        Result<SecureBytes> code = CodeGenerator::generate(10, CodeType::Numeric);
        QVERIFY(code.ok());
        seen.insert(code->bytes());
    }
    QCOMPARE(seen.size(), 1000);
}

void TestCodeGenerator::numericDigitsAreUniform()
{
    // 400,000 digits. A generator taking byte % 10 without rejection favours 0-5 (26/256 vs
    // 25/256) and scores about 146 here; a fair one stays below the p = 10^-6 critical value for
    // 9 degrees of freedom (44.81) in all but one run in a million.
    std::vector<qint64> counts(10, 0);
    for (int i = 0; i < 40000; ++i) {
        Result<SecureBytes> code = CodeGenerator::generate(10, CodeType::Numeric);
        QVERIFY(code.ok());
        for (char c : code->bytes())
            ++counts[size_t(c - '0')];
    }
    const double chi2 = chiSquare(counts);
    QVERIFY2(chi2 < 44.81, qPrintable(QStringLiteral("chi-square %1").arg(chi2)));
}

void TestCodeGenerator::alphanumericCharactersAreUniform()
{
    // 31 characters: byte % 31 without rejection would make the first 8 characters 12.5% more
    // likely (a score near 850 here). Critical value for 30 degrees of freedom at p = 10^-6:
    // 82.04.
    const QByteArray chars = CodeGenerator::alphabet(CodeType::Alphanumeric);
    std::vector<qint64> counts(size_t(chars.size()), 0);
    for (int i = 0; i < 31000; ++i) {
        Result<SecureBytes> code = CodeGenerator::generate(10, CodeType::Alphanumeric);
        QVERIFY(code.ok());
        for (char c : code->bytes())
            ++counts[size_t(chars.indexOf(c))];
    }
    const double chi2 = chiSquare(counts);
    QVERIFY2(chi2 < 82.04, qPrintable(QStringLiteral("chi-square %1").arg(chi2)));
}

void TestCodeGenerator::normalize_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("space") << QStringLiteral("123 456") << QByteArrayLiteral("123456");
    QTest::newRow("hyphens, lower case")
        << QStringLiteral("ab-cd-ef") << QByteArrayLiteral("ABCDEF");
    QTest::newRow("surrounding space") << QStringLiteral("  9876 ") << QByteArrayLiteral("9876");
    QTest::newRow("ten") << QStringLiteral("12345-67890") << QByteArrayLiteral("1234567890");
    QTest::newRow("mixed") << QStringLiteral("x7k 2P") << QByteArrayLiteral("X7K2P");
}

void TestCodeGenerator::normalize()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, expected);
    Result<SecureBytes> code = CodeGenerator::normalize(typed);
    QVERIFY(code.ok());
    QCOMPARE(code->bytes(), expected);
}

void TestCodeGenerator::normalizeRefuses_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << QString();
    QTest::newRow("too short") << QStringLiteral("123");
    QTest::newRow("too short after stripping") << QStringLiteral("1 2-3");
    QTest::newRow("too long") << QStringLiteral("12345678901");
    QTest::newRow("punctuation") << QStringLiteral("1234.56");
    QTest::newRow("non-ascii digit") << QStringLiteral("12345\u0664");
    QTest::newRow("non-ascii letter") << QStringLiteral("ABC\u00C6DE");
}

void TestCodeGenerator::normalizeRefuses()
{
    QFETCH(QString, typed);
    Result<SecureBytes> code = CodeGenerator::normalize(typed);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(code.error().field, QStringLiteral("code"));
    QVERIFY(!code.error().message.isEmpty());
    // The typed text may be a real code: it must not come back in the error.
    const QString stripped = QString(typed).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (stripped.size() >= 3) {
        QVERIFY(!code.error().toString().contains(typed));
        QVERIFY(!code.error().toString().contains(stripped, Qt::CaseInsensitive));
    }
}

void TestCodeGenerator::isWellFormed()
{
    using CodeGenerator::isWellFormed;
    QVERIFY(isWellFormed(QByteArrayLiteral("123456"), 6, CodeType::Numeric));
    QVERIFY(!isWellFormed(QByteArrayLiteral("123456"), 5, CodeType::Numeric));
    QVERIFY(!isWellFormed(QByteArrayLiteral("12345A"), 6, CodeType::Numeric));
    QVERIFY(!isWellFormed(QByteArrayLiteral("123"), 3, CodeType::Numeric));
    QVERIFY(!isWellFormed(QByteArrayLiteral("12345678901"), 11, CodeType::Numeric));
    QVERIFY(isWellFormed(QByteArrayLiteral("ABC234"), 6, CodeType::Alphanumeric));
    QVERIFY(!isWellFormed(QByteArrayLiteral("ABC230"), 6, CodeType::Alphanumeric)); // 0
    QVERIFY(!isWellFormed(QByteArrayLiteral("ABCO23"), 6, CodeType::Alphanumeric)); // O
    QVERIFY(!isWellFormed(QByteArrayLiteral("ABCL23"), 6, CodeType::Alphanumeric)); // L
    QVERIFY(!isWellFormed(QByteArrayLiteral("abc234"), 6, CodeType::Alphanumeric));
}

void TestCodeGenerator::randomBelow()
{
    QVERIFY(!vc::randomBelow(0).ok());
    for (int i = 0; i < 100; ++i) {
        Result<quint32> one = vc::randomBelow(1);
        QVERIFY(one.ok());
        QCOMPARE(*one, 0u);
    }
    // With bound 3 * 2^30, taking a 32-bit draw modulo the bound would put [0, 2^30) twice as
    // often as the rest: half of all results instead of a third. 3,000 draws expect 1,000 there
    // (standard deviation about 26); a biased generator lands near 1,500.
    const quint32 bound = 0xC0000000u;
    int lowQuarter = 0;
    for (int i = 0; i < 3000; ++i) {
        Result<quint32> r = vc::randomBelow(bound);
        QVERIFY(r.ok());
        QVERIFY(*r < bound);
        if (*r < 0x40000000u)
            ++lowQuarter;
    }
    QVERIFY2(lowQuarter > 850 && lowQuarter < 1150, qPrintable(QString::number(lowQuarter)));

    std::vector<qint64> counts(7, 0);
    for (int i = 0; i < 70000; ++i) {
        Result<quint32> r = vc::randomBelow(7);
        QVERIFY(r.ok());
        ++counts[*r];
    }
    QVERIFY(chiSquare(counts) < 38.26); // 6 degrees of freedom, p = 10^-6
}

QTEST_GUILESS_MAIN(TestCodeGenerator)
#include "tst_code_generator.moc"
