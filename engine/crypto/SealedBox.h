#pragma once

#include "core/Result.h"
#include "crypto/SecureBytes.h"

namespace vc {

// AES-256-GCM for data at rest (recipients, queued messages). Output layout:
// version byte (1) | 12-byte random nonce | ciphertext | 16-byte tag. The associated data binds a
// ciphertext to its place (e.g. the session id), so it cannot be moved to another row.
class SealedBox
{
public:
    explicit SealedBox(const SecureBytes &key)
        : m_key(key.clone())
    {}

    Result<QByteArray> seal(const QByteArray &plaintext, const QByteArray &associatedData) const;
    // seal() with a given 12-byte nonce instead of a random one: for the known-answer self-test
    // (crypto/SelfTest) only. A nonce must never be used twice under one key.
    Result<QByteArray> sealWithNonce(const QByteArray &plaintext, const QByteArray &associatedData,
                                     const QByteArray &nonce) const;
    // Fails with an Internal error when the data was tampered with, moved, or sealed under
    // another key; the error message names no content.
    Result<SecureBytes> open(const QByteArray &sealed, const QByteArray &associatedData) const;

private:
    SecureBytes m_key;
};

} // namespace vc
