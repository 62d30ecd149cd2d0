#pragma once

#include "core/Result.h"
#include "crypto/SecureBytes.h"

struct evp_mac_ctx_st;

namespace vc {

// The keys the engine uses, each derived with HKDF-SHA256 from the one master secret (32 bytes)
// under its own label, so a deployment manages a single secret and no key doubles for another.
class KeyRing
{
public:
    static constexpr int MasterSecretSize = 32;

    // Fails when the master secret is not exactly 32 bytes or HKDF fails.
    static Result<KeyRing> derive(const SecureBytes &masterSecret);

    const SecureBytes &codeKey() const { return m_codeKey; }          // code HMAC pepper
    const SecureBytes &indexKey() const { return m_indexKey; }        // recipient blind index
    const SecureBytes &encryptionKey() const { return m_encKey; }     // AES-256-GCM at rest
    const SecureBytes &apiKeyHashKey() const { return m_apiKeyHash; } // API key secret hashing

    KeyRing(KeyRing &&) noexcept = default;
    KeyRing &operator=(KeyRing &&) noexcept = default;

private:
    KeyRing() = default;
    SecureBytes m_codeKey;
    SecureBytes m_indexKey;
    SecureBytes m_encKey;
    SecureBytes m_apiKeyHash;
};

// HKDF-SHA256 (RFC 5869) with an empty salt. Exposed for the known-answer self-test.
Result<SecureBytes> hkdfSha256(const SecureBytes &ikm, const QByteArray &salt,
                               const QByteArray &info, int length);

// HMAC-SHA256(key, data), 32 bytes (empty on failure).
QByteArray hmacSha256(const SecureBytes &key, const QByteArray &data);

// An HMAC-SHA256 key set up once: each mac() copies a keyed context instead of fetching the
// algorithm and scheduling the key again (a few microseconds on every start and check).
// Thread-safe: mac() only reads the prepared context.
class HmacKey
{
public:
    explicit HmacKey(const SecureBytes &key);
    ~HmacKey();
    HmacKey(const HmacKey &) = delete;
    HmacKey &operator=(const HmacKey &) = delete;

    // 32 bytes, or empty when OpenSSL fails.
    QByteArray mac(const QByteArray &data) const;

private:
    ::evp_mac_ctx_st *m_ctx = nullptr;
};

// Constant-time equality (CRYPTO_memcmp); false when sizes differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace vc
