#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace vc {

// Known-answer tests of the primitives the engine relies on, run through the engine's own code
// (crypto/KeyRing, crypto/SealedBox) rather than bare OpenSSL: a broken OpenSSL build, a wrong
// provider or a regression in our wrappers stops the engine from opening instead of silently
// producing unverifiable hashes or unreadable data.

// HMAC-SHA256: hmacSha256() and HmacKey::mac() must both give `mac`.
struct HmacVector
{
    const char *name;
    QByteArray key;
    QByteArray data;
    QByteArray mac;
};

// HKDF-SHA256 (extract and expand): hkdfSha256() must give `okm`.
struct HkdfVector
{
    const char *name;
    QByteArray ikm;
    QByteArray salt;
    QByteArray info;
    QByteArray okm;
};

// AES-256-GCM with a 12-byte nonce and a 16-byte tag: SealedBox must seal `plaintext` to
// `ciphertext` and `tag`, open that back to `plaintext`, and refuse it with the tag altered.
struct AesGcmVector
{
    const char *name;
    QByteArray key;
    QByteArray nonce;
    QByteArray plaintext;
    QByteArray associatedData;
    QByteArray ciphertext;
    QByteArray tag;
};

namespace SelfTest {

// The published vectors: RFC 4231 test cases 1 and 2; RFC 5869 test cases 1 and 3 (case 3 has
// the empty salt KeyRing uses); McGrew and Viega's GCM test case 16 (AES-256 with associated
// data, as in NIST's GCM validation suite).
QList<HmacVector> hmacVectors();
QList<HkdfVector> hkdfVectors();
QList<AesGcmVector> aesGcmVectors();

// Each fails with an Internal error naming the algorithm and the vector; never a key or a value.
Status checkHmac(const HmacVector &vector);
Status checkHkdf(const HkdfVector &vector);
Status checkAesGcm(const AesGcmVector &vector);

} // namespace SelfTest

// Runs every vector (well under a millisecond). Engine::open refuses to open when this fails.
Status cryptoSelfTest();

} // namespace vc
