#pragma once

#include "crypto/KeyRing.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace vc {

// Codes are stored only as HMAC-SHA256 under the pepper (a key derived from the master secret
// that is never in the database), bound to the session id: the same code in two sessions hashes
// differently, and a database copy alone gives nothing to brute-force.
class CodeHasher
{
public:
    explicit CodeHasher(const SecureBytes &pepper)
        : m_pepper(pepper)
    {}

    // 32 bytes: HMAC(pepper, "vc-code-v1" 0x00 sessionId 0x00 code).
    QByteArray hash(const QString &sessionId, const SecureBytes &code) const;
    // Recomputes and compares in constant time.
    bool matches(const QString &sessionId, const SecureBytes &code,
                 const QByteArray &storedHash) const;

private:
    HmacKey m_pepper;
};

} // namespace vc
