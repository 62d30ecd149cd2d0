#include "CodeHasher.h"

#include "crypto/KeyRing.h"

namespace vc {

QByteArray CodeHasher::hash(const QString &sessionId, const SecureBytes &code) const
{
    const QByteArray id = sessionId.toUtf8();
    QByteArray message;
    message.reserve(16 + id.size() + code.size());
    message.append(QByteArrayLiteral("vc-code-v1"));
    message.append('\0');
    message.append(id);
    message.append('\0');
    message.append(code.bytes());
    // Wraps the message so the copy of the code in it is wiped on return.
    const SecureBytes secretMessage(std::move(message));
    return m_pepper.mac(secretMessage.bytes());
}

bool CodeHasher::matches(const QString &sessionId, const SecureBytes &code,
                         const QByteArray &storedHash) const
{
    const QByteArray computed = hash(sessionId, code);
    // An empty result means HMAC failed; it must never match an empty stored hash.
    return !computed.isEmpty() && constantTimeEquals(computed, storedHash);
}

} // namespace vc
