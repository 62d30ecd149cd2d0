#include "crypto/Uuid.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace vc;

namespace {

// The 48-bit time field as 12 hex digits, from the canonical text.
QString timeHex(const QString &uuid)
{
    return uuid.left(8) + uuid.mid(9, 4);
}

} // namespace

class TestUuid : public QObject
{
    Q_OBJECT

private slots:
    void format();
    void versionAndVariant();
    void timePrefix_data();
    void timePrefix();
    void idsAtTheSameMillisecondDiffer();
    void laterMillisecondsSortAfter();
    void isUuidText_data();
    void isUuidText();
};

void TestUuid::format()
{
    const QString id = newUuid7(1718000000000);
    QCOMPARE(id.size(), 36);
    QVERIFY(vc::isUuidText(id));
    QCOMPARE(id, id.toLower());
}

void TestUuid::versionAndVariant()
{
    for (int i = 0; i < 500; ++i) {
        const QString id = newUuid7(1718000000000 + i);
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY2(QStringLiteral("89ab").contains(id.at(19)), qPrintable(id));
    }
}

void TestUuid::timePrefix_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("000000000000");
    QTest::newRow("2024") << qint64(1718000000000) << QStringLiteral("019000c79c00");
    QTest::newRow("max") << (qint64(1) << 48) - 1 << QStringLiteral("ffffffffffff");
    QTest::newRow("negative clamps to zero") << qint64(-5) << QStringLiteral("000000000000");
    QTest::newRow("too large clamps") << (qint64(1) << 50) << QStringLiteral("ffffffffffff");
}

void TestUuid::timePrefix()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(timeHex(newUuid7(ms)), expected);
}

void TestUuid::idsAtTheSameMillisecondDiffer()
{
    QSet<QString> seen;
    for (int i = 0; i < 10000; ++i)
        seen.insert(newUuid7(1718000000000));
    QCOMPARE(seen.size(), 10000);
}

void TestUuid::laterMillisecondsSortAfter()
{
    // Includes steps that carry across byte and dash boundaries of the text.
    const QList<qint64> times = {0,
                                 1,
                                 0xff,
                                 0x100,
                                 0xffff,
                                 0x10000,
                                 0xffffff,
                                 0x1000000,
                                 0xffffffff,
                                 0x100000000,
                                 1717999999999,
                                 1718000000000,
                                 0xfffffffffff,
                                 0x100000000000};
    QVERIFY(std::is_sorted(times.cbegin(), times.cend()));
    for (qsizetype i = 1; i < times.size(); ++i) {
        for (int round = 0; round < 50; ++round) {
            const QString earlier = newUuid7(times[i - 1]);
            const QString later = newUuid7(times[i]);
            QVERIFY2(earlier < later, qPrintable(earlier + QLatin1Char(' ') + later));
        }
    }
}

void TestUuid::isUuidText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("v7 lower") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") << true;
    QTest::newRow("v4 upper") << QStringLiteral("F47AC10B-58CC-4372-A567-0E02B2C3D479") << true;
    QTest::newRow("nil") << QStringLiteral("00000000-0000-0000-0000-000000000000") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("braces") << QStringLiteral("{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}") << false;
    QTest::newRow("no dashes") << QStringLiteral("0190a1b2c3d47e5f8a9b0c1d2e3f4a5b") << false;
    QTest::newRow("dash moved") << QStringLiteral("0190a1b-2c3d4-7e5f-8a9b-0c1d2e3f4a5b") << false;
    QTest::newRow("non-hex") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g") << false;
    QTest::newRow("short") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5") << false;
    QTest::newRow("long") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b0") << false;
    QTest::newRow("space") << QStringLiteral(" 190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") << false;
    QTest::newRow("dash for hex") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a-b")
                                  << false;
}

void TestUuid::isUuidText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(vc::isUuidText(text), valid);
}

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
