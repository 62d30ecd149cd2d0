#include "SelfTest.h"

#include "crypto/KeyRing.h"
#include "crypto/SealedBox.h"

#include <QList>

namespace vc {

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Error failure(const char *algorithm, const char *vector, const char *what)
{
    return Error::internal(
        QStringLiteral("cryptographic self-test failed: %1 (%2): %3; this build of OpenSSL or of "
                       "Verify Console cannot be trusted with secrets")
            .arg(QLatin1String(algorithm), QLatin1String(vector), QLatin1String(what)));
}

// The SealedBox layout around a raw GCM result: version byte, nonce, ciphertext, tag.
QByteArray sealedLayout(const AesGcmVector &v)
{
    return QByteArray(1, '\x01') + v.nonce + v.ciphertext + v.tag;
}

} // namespace

QList<HmacVector> SelfTest::hmacVectors()
{
    return {
        {"RFC 4231 test case 1", QByteArray(20, '\x0b'), QByteArrayLiteral("Hi There"),
         hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")},
        {"RFC 4231 test case 2", QByteArrayLiteral("Jefe"),
         QByteArrayLiteral("what do ya want for nothing?"),
         hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")},
    };
}

QList<HkdfVector> SelfTest::hkdfVectors()
{
    return {
        {"RFC 5869 test case 1", QByteArray(22, '\x0b'), hex("000102030405060708090a0b0c"),
         hex("f0f1f2f3f4f5f6f7f8f9"),
         hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b88718586"
             "5")},
        {"RFC 5869 test case 3",
         QByteArray(22, '\x0b'),
         {},
         {},
         hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c"
             "8")},
    };
}

QList<AesGcmVector> SelfTest::aesGcmVectors()
{
    return {
        {"McGrew-Viega GCM test case 16",
         hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"),
         hex("cafebabefacedbaddecaf888"),
         hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf"
             "0e2449a6b525b16aedf5aa0de657ba637b39"),
         hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
         hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b0"
             "8b1056828838c5f61e6393ba7a0abcc9f662"),
         hex("76fc6ece0f4e1768cddf8853bb2d551b")},
    };
}

Status SelfTest::checkHmac(const HmacVector &v)
{
    const SecureBytes key(v.key);
    if (!constantTimeEquals(hmacSha256(key, v.data), v.mac))
        return failure("HMAC-SHA256", v.name, "hmacSha256 gave a wrong result");
    const HmacKey prepared(key);
    if (!constantTimeEquals(prepared.mac(v.data), v.mac))
        return failure("HMAC-SHA256", v.name, "HmacKey gave a wrong result");
    return {};
}

Status SelfTest::checkHkdf(const HkdfVector &v)
{
    auto okm = hkdfSha256(SecureBytes(v.ikm), v.salt, v.info, int(v.okm.size()));
    if (!okm)
        return failure("HKDF-SHA256", v.name, "the derivation failed");
    if (!constantTimeEquals(okm->bytes(), v.okm))
        return failure("HKDF-SHA256", v.name, "wrong output");
    return {};
}

Status SelfTest::checkAesGcm(const AesGcmVector &v)
{
    const SealedBox box{SecureBytes(v.key)};
    const QByteArray expected = sealedLayout(v);

    auto sealed = box.sealWithNonce(v.plaintext, v.associatedData, v.nonce);
    if (!sealed)
        return failure("AES-256-GCM", v.name, "sealing failed");
    if (!constantTimeEquals(*sealed, expected))
        return failure("AES-256-GCM", v.name, "sealing gave a wrong ciphertext or tag");

    auto opened = box.open(expected, v.associatedData);
    if (!opened)
        return failure("AES-256-GCM", v.name, "opening the expected ciphertext failed");
    if (!constantTimeEquals(opened->bytes(), v.plaintext))
        return failure("AES-256-GCM", v.name, "opening gave a wrong plaintext");

    QByteArray tampered = expected;
    tampered[tampered.size() - 1] = char(tampered.at(tampered.size() - 1) ^ 0x01);
    if (box.open(tampered, v.associatedData))
        return failure("AES-256-GCM", v.name, "a ciphertext with an altered tag was accepted");
    if (box.open(expected, v.associatedData + QByteArrayLiteral("x")))
        return failure("AES-256-GCM", v.name, "other associated data was accepted");
    return {};
}

Status cryptoSelfTest()
{
    for (const HmacVector &v : SelfTest::hmacVectors())
        if (Status s = SelfTest::checkHmac(v); !s)
            return s;
    for (const HkdfVector &v : SelfTest::hkdfVectors())
        if (Status s = SelfTest::checkHkdf(v); !s)
            return s;
    for (const AesGcmVector &v : SelfTest::aesGcmVectors())
        if (Status s = SelfTest::checkAesGcm(v); !s)
            return s;
    return {};
}

} // namespace vc
