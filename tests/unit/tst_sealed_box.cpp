#include "crypto/SealedBox.h"

#include <QTest>

using namespace vc;

namespace {

SecureBytes key(char fill)
{
    return SecureBytes(QByteArray(32, fill));
}

const QByteArray Plaintext = QByteArrayLiteral("+4791234567");
const QByteArray SessionAad = QByteArrayLiteral("session:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

constexpr int Overhead = 1 + 12 + 16;

void verifyOpaqueFailure(const Result<SecureBytes> &opened)
{
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Internal);
    QVERIFY(!opened.error().message.isEmpty());
    QVERIFY(!opened.error().toString().contains(QString::fromLatin1(Plaintext)));
    QVERIFY(!opened.error().toString().contains(QStringLiteral("91234567")));
}

} // namespace

class TestSealedBox : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void layout();
    void nonceIsRandom();
    void tamperedByteFails();
    void wrongAssociatedDataFails();
    void wrongKeyFails();
    void truncatedFails();
    void keyMustBe32Bytes();
};

void TestSealedBox::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::newRow("phone") << Plaintext << SessionAad;
    QTest::newRow("empty plaintext") << QByteArray() << SessionAad;
    QTest::newRow("empty aad") << Plaintext << QByteArray();
    QTest::newRow("binary, long") << QByteArray(10000, '\0') + QByteArray(77, '\xff')
                                  << QByteArray(3, '\0');
    QTest::newRow("utf-8") << QStringLiteral("jøran@eksempel.no").toUtf8() << SessionAad;
}

void TestSealedBox::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    const SealedBox box(key('k'));
    Result<QByteArray> sealed = box.seal(plaintext, aad);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed->size(), plaintext.size() + Overhead);
    if (plaintext.size() >= 8)
        QVERIFY(!sealed->contains(plaintext));
    Result<SecureBytes> opened = box.open(*sealed, aad);
    QVERIFY(opened.ok());
    QCOMPARE(opened->bytes(), plaintext);
    // A second box with the same key opens it too: nothing but the key is needed.
    Result<SecureBytes> again = SealedBox(key('k')).open(*sealed, aad);
    QVERIFY(again.ok());
    QCOMPARE(again->bytes(), plaintext);
}

void TestSealedBox::layout()
{
    Result<QByteArray> sealed = SealedBox(key('k')).seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed->at(0), '\x01');
}

void TestSealedBox::nonceIsRandom()
{
    const SealedBox box(key('k'));
    Result<QByteArray> a = box.seal(Plaintext, SessionAad);
    Result<QByteArray> b = box.seal(Plaintext, SessionAad);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(*a != *b);
    QVERIFY(a->mid(1, 12) != b->mid(1, 12));
}

void TestSealedBox::tamperedByteFails()
{
    const SealedBox box(key('k'));
    Result<QByteArray> sealed = box.seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    // Every byte: version, nonce, ciphertext and tag.
    for (qsizetype i = 0; i < sealed->size(); ++i) {
        for (char flip : {'\x01', '\x80'}) {
            QByteArray tampered = *sealed;
            tampered[i] = char(tampered[i] ^ flip);
            Result<SecureBytes> opened = box.open(tampered, SessionAad);
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1 accepted").arg(i)));
            verifyOpaqueFailure(opened);
        }
    }
    QVERIFY(box.open(*sealed, SessionAad).ok());
}

void TestSealedBox::wrongAssociatedDataFails()
{
    const SealedBox box(key('k'));
    Result<QByteArray> sealed = box.seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    verifyOpaqueFailure(box.open(*sealed, SessionAad + "x"));
    verifyOpaqueFailure(box.open(*sealed, QByteArray()));
    verifyOpaqueFailure(
        box.open(*sealed, QByteArrayLiteral("session:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c")));
}

void TestSealedBox::wrongKeyFails()
{
    Result<QByteArray> sealed = SealedBox(key('k')).seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    verifyOpaqueFailure(SealedBox(key('j')).open(*sealed, SessionAad));
}

void TestSealedBox::truncatedFails()
{
    const SealedBox box(key('k'));
    Result<QByteArray> sealed = box.seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    for (qsizetype keep = 0; keep < sealed->size(); ++keep)
        verifyOpaqueFailure(box.open(sealed->left(keep), SessionAad));
    verifyOpaqueFailure(box.open(sealed->mid(1), SessionAad));
    verifyOpaqueFailure(box.open(*sealed + "x", SessionAad));
}

void TestSealedBox::keyMustBe32Bytes()
{
    const SealedBox shortKey(SecureBytes(QByteArray(16, 'k')));
    QVERIFY(!shortKey.seal(Plaintext, SessionAad).ok());
    Result<QByteArray> sealed = SealedBox(key('k')).seal(Plaintext, SessionAad);
    QVERIFY(sealed.ok());
    QVERIFY(!shortKey.open(*sealed, SessionAad).ok());
    QVERIFY(!SealedBox(SecureBytes()).seal(Plaintext, SessionAad).ok());
}

QTEST_GUILESS_MAIN(TestSealedBox)
#include "tst_sealed_box.moc"
