#include "crypto/SelfTest.h"

#include <QTest>

using namespace vc;

namespace {

// Flips one bit of a byte array at `index` (negative counts from the end).
QByteArray flipped(QByteArray bytes, int index)
{
    const int i = index < 0 ? int(bytes.size()) + index : index;
    bytes[i] = char(bytes.at(i) ^ 0x01);
    return bytes;
}

void verifyFailure(const Status &s, const QString &algorithm)
{
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Internal);
    QVERIFY2(s.error().message.contains(algorithm), qPrintable(s.error().message));
    QVERIFY(s.error().message.contains(QStringLiteral("self-test failed")));
}

} // namespace

class TestSelfTest : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswersPass()
    {
        const Status s = cryptoSelfTest();
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    }

    void everyPublishedVectorPasses()
    {
        QCOMPARE(SelfTest::hmacVectors().size(), 2);
        QCOMPARE(SelfTest::hkdfVectors().size(), 2);
        QCOMPARE(SelfTest::aesGcmVectors().size(), 1);
        for (const auto &v : SelfTest::hmacVectors())
            QVERIFY2(SelfTest::checkHmac(v).ok(), v.name);
        for (const auto &v : SelfTest::hkdfVectors())
            QVERIFY2(SelfTest::checkHkdf(v).ok(), v.name);
        for (const auto &v : SelfTest::aesGcmVectors())
            QVERIFY2(SelfTest::checkAesGcm(v).ok(), v.name);
    }

    // The vectors are the published ones, not whatever our code happens to compute.
    void vectorsAreTheRfcOnes()
    {
        QCOMPARE(
            SelfTest::hmacVectors().at(1).mac.toHex(),
            QByteArrayLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(SelfTest::hkdfVectors().at(0).okm.toHex(),
                 QByteArrayLiteral("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5b"
                                   "f34007208d5b887185865"));
        QCOMPARE(SelfTest::aesGcmVectors().at(0).tag.toHex(),
                 QByteArrayLiteral("76fc6ece0f4e1768cddf8853bb2d551b"));
    }

    void corruptedHmacVectorIsDetected()
    {
        auto v = SelfTest::hmacVectors().at(0);
        v.mac = flipped(v.mac, 0);
        verifyFailure(SelfTest::checkHmac(v), QStringLiteral("HMAC-SHA256"));
        v = SelfTest::hmacVectors().at(1);
        v.data += 'x';
        verifyFailure(SelfTest::checkHmac(v), QStringLiteral("HMAC-SHA256"));
    }

    void corruptedHkdfVectorIsDetected()
    {
        auto v = SelfTest::hkdfVectors().at(0);
        v.okm = flipped(v.okm, -1);
        verifyFailure(SelfTest::checkHkdf(v), QStringLiteral("HKDF-SHA256"));
        v = SelfTest::hkdfVectors().at(0);
        v.salt = flipped(v.salt, 3);
        verifyFailure(SelfTest::checkHkdf(v), QStringLiteral("HKDF-SHA256"));
    }

    void corruptedAesGcmVectorIsDetected_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("key") << 0;
        QTest::newRow("nonce") << 1;
        QTest::newRow("plaintext") << 2;
        QTest::newRow("associated data") << 3;
        QTest::newRow("ciphertext") << 4;
        QTest::newRow("tag") << 5;
    }

    void corruptedAesGcmVectorIsDetected()
    {
        QFETCH(int, field);
        auto v = SelfTest::aesGcmVectors().at(0);
        QByteArray *fields[] = {&v.key,        &v.nonce, &v.plaintext, &v.associatedData,
                                &v.ciphertext, &v.tag};
        *fields[field] = flipped(*fields[field], 5);
        verifyFailure(SelfTest::checkAesGcm(v), QStringLiteral("AES-256-GCM"));
    }

    void failureNamesNoSecret()
    {
        auto v = SelfTest::aesGcmVectors().at(0);
        v.tag = flipped(v.tag, 0);
        const Status s = SelfTest::checkAesGcm(v);
        QVERIFY(!s.ok());
        const QString text = s.error().toString();
        QVERIFY(!text.contains(QString::fromLatin1(v.key.toHex().left(8))));
        QVERIFY(!text.contains(QString::fromLatin1(v.plaintext.toHex().left(8))));
    }
};

QTEST_GUILESS_MAIN(TestSelfTest)
#include "tst_self_test.moc"
