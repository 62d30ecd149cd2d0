#include "crypto/KeyRing.h"

#include <QSet>
#include <QTest>

using namespace vc;

namespace {

SecureBytes hexSecret(const char *hex)
{
    return SecureBytes(QByteArray::fromHex(QByteArray(hex)));
}

SecureBytes sequentialSecret(int size, int first = 0)
{
    QByteArray bytes;
    for (int i = 0; i < size; ++i)
        bytes.append(char(first + i));
    return SecureBytes(bytes);
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private slots:
    void hkdfRfc5869Case1();
    void hkdfRfc5869Case3EmptySaltAndInfo();
    void hkdfRefusesBadLength();
    void hmacRfc4231();
    void constantTimeEquals();
    void deriveGivesFourDistinctKeys();
    void deriveIsDeterministic();
    void deriveDependsOnTheSecret();
    void derivedKeysArePinned();
    void deriveRefusesWrongSize_data();
    void deriveRefusesWrongSize();
};

void TestKeyRing::hkdfRfc5869Case1()
{
    Result<SecureBytes> okm = hkdfSha256(hexSecret("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                                         QByteArray::fromHex("000102030405060708090a0b0c"),
                                         QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9"), 42);
    QVERIFY(okm.ok());
    QCOMPARE(okm->bytes().toHex(),
             QByteArrayLiteral("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf3"
                               "4007208d5b887185865"));
}

void TestKeyRing::hkdfRfc5869Case3EmptySaltAndInfo()
{
    // The KeyRing derives with an empty salt; this is the RFC's case for exactly that.
    Result<SecureBytes> okm =
        hkdfSha256(hexSecret("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), {}, {}, 42);
    QVERIFY(okm.ok());
    QCOMPARE(okm->bytes().toHex(),
             QByteArrayLiteral("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9"
                               "d201395faa4b61a96c8"));
}

void TestKeyRing::hkdfRefusesBadLength()
{
    const SecureBytes ikm = sequentialSecret(32);
    QVERIFY(!hkdfSha256(ikm, {}, {}, 0).ok());
    QVERIFY(!hkdfSha256(ikm, {}, {}, -1).ok());
    QVERIFY(!hkdfSha256(ikm, {}, {}, 255 * 32 + 1).ok());
    QVERIFY(hkdfSha256(ikm, {}, {}, 255 * 32).ok());
}

void TestKeyRing::hmacRfc4231()
{
    // RFC 4231 test case 2.
    QCOMPARE(hmacSha256(SecureBytes(QByteArrayLiteral("Jefe")),
                        QByteArrayLiteral("what do ya want for nothing?"))
                 .toHex(),
             QByteArrayLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    // RFC 4231 test case 1.
    QCOMPARE(hmacSha256(hexSecret("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                        QByteArrayLiteral("Hi There"))
                 .toHex(),
             QByteArrayLiteral("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    // An empty key is a zero-length key, not an error.
    QCOMPARE(hmacSha256(SecureBytes(), QByteArrayLiteral("x")).size(), 32);
}

void TestKeyRing::constantTimeEquals()
{
    QVERIFY(vc::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("abc")));
    QVERIFY(!vc::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("abd")));
    QVERIFY(!vc::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("ab")));
    QVERIFY(!vc::constantTimeEquals(QByteArrayLiteral("ab"), QByteArrayLiteral("abc")));
    QVERIFY(!vc::constantTimeEquals(QByteArray(), QByteArrayLiteral("a")));
    QVERIFY(vc::constantTimeEquals(QByteArray(), QByteArray()));
}

void TestKeyRing::deriveGivesFourDistinctKeys()
{
    const SecureBytes secret = sequentialSecret(32);
    Result<KeyRing> ring = KeyRing::derive(secret);
    QVERIFY(ring.ok());
    const QList<QByteArray> keys = {ring->codeKey().bytes(), ring->indexKey().bytes(),
                                    ring->encryptionKey().bytes(), ring->apiKeyHashKey().bytes()};
    QSet<QByteArray> distinct;
    for (const QByteArray &key : keys) {
        QCOMPARE(key.size(), 32);
        QVERIFY(key != secret.bytes());
        distinct.insert(key);
    }
    QCOMPARE(distinct.size(), 4);
}

void TestKeyRing::deriveIsDeterministic()
{
    Result<KeyRing> a = KeyRing::derive(sequentialSecret(32));
    Result<KeyRing> b = KeyRing::derive(sequentialSecret(32));
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->codeKey().bytes(), b->codeKey().bytes());
    QCOMPARE(a->indexKey().bytes(), b->indexKey().bytes());
    QCOMPARE(a->encryptionKey().bytes(), b->encryptionKey().bytes());
    QCOMPARE(a->apiKeyHashKey().bytes(), b->apiKeyHashKey().bytes());
}

void TestKeyRing::deriveDependsOnTheSecret()
{
    Result<KeyRing> a = KeyRing::derive(sequentialSecret(32, 0));
    Result<KeyRing> b = KeyRing::derive(sequentialSecret(32, 1));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->codeKey().bytes() != b->codeKey().bytes());
    QVERIFY(a->indexKey().bytes() != b->indexKey().bytes());
    QVERIFY(a->encryptionKey().bytes() != b->encryptionKey().bytes());
    QVERIFY(a->apiKeyHashKey().bytes() != b->apiKeyHashKey().bytes());
}

void TestKeyRing::derivedKeysArePinned()
{
    // Stored hashes, indexes and ciphertexts depend on these exact keys: a changed label or
    // salt would silently orphan every deployment's data. Values from an independent HKDF.
    Result<KeyRing> ring = KeyRing::derive(sequentialSecret(32));
    QVERIFY(ring.ok());
    QCOMPARE(ring->codeKey().bytes().toHex(),
             QByteArrayLiteral("3c11393225e45cce2663aaa7e87a63ed9b30983072f219687ddc2f9279dcef5e"));
    QCOMPARE(ring->indexKey().bytes().toHex(),
             QByteArrayLiteral("d8011ecf7712d7f3fdc81f474dd96a0ac3741d2d7904bc1ed7ae8a6373ac3670"));
    QCOMPARE(ring->encryptionKey().bytes().toHex(),
             QByteArrayLiteral("4018902651c2ea804d04f2a01ccaf85d04c3286179ff069bea4fbca6441faf67"));
    QCOMPARE(ring->apiKeyHashKey().bytes().toHex(),
             QByteArrayLiteral("877e4da368cb89fe929134cc9c0e19daffd03e472721aeef032d2b949e03e77e"));
}

void TestKeyRing::deriveRefusesWrongSize_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("31") << 31;
    QTest::newRow("33") << 33;
    QTest::newRow("64") << 64;
}

void TestKeyRing::deriveRefusesWrongSize()
{
    QFETCH(int, size);
    Result<KeyRing> ring = KeyRing::derive(sequentialSecret(size));
    QVERIFY(!ring.ok());
    QCOMPARE(ring.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(ring.error().field, QStringLiteral("master_secret"));
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_key_ring.moc"
