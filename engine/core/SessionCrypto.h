#pragma once

#include "core/Result.h"
#include "crypto/BlindIndex.h"
#include "crypto/CodeHasher.h"
#include "crypto/KeyRing.h"
#include "crypto/SealedBox.h"
#include "delivery/MessageTemplates.h"

namespace vc {

// The keyed operations on session data, each bound to its place by associated data: a sealed
// recipient, queued message or outbox message only opens as what it was sealed for, in the
// session it was sealed for.
class SessionCrypto
{
public:
    explicit SessionCrypto(const KeyRing &keys);

    const CodeHasher &codes() const { return m_codes; }
    const HmacKey &apiKeys() const { return m_apiKeys; }
    QByteArray recipientIndex(const QString &indexForm) const { return m_index.of(indexForm); }
    // An end user's IP address as the start counters keep it (keyed, not reversible).
    QByteArray ipIndex(const QString &ip) const
    {
        return m_index.labelled(QByteArrayLiteral("vc-ip-v1"), ip);
    }

    // A test recipient's fixed code, bound to the service and the recipient's blind index.
    Result<QByteArray> sealTestCode(const QString &serviceId, const QByteArray &recipientIndex,
                                    const SecureBytes &code) const;
    Result<SecureBytes> openTestCode(const QString &serviceId, const QByteArray &recipientIndex,
                                     const QByteArray &sealed) const;

    Result<QByteArray> sealRecipient(const QString &sessionId, const QString &recipient) const;
    Result<SecureBytes> openRecipient(const QString &sessionId, const QByteArray &sealed) const;

    // A rendered message waiting in the delivery queue; the local outbox keeps the same sealed
    // bytes once delivered.
    Result<QByteArray> sealQueuedMessage(const QString &sessionId, const RenderedMessage &m) const;
    Result<RenderedMessage> openQueuedMessage(const QString &sessionId,
                                              const QByteArray &sealed) const;

    // A delivery provider's secrets (passwords, tokens), bound to the provider's name.
    Result<QByteArray> sealProviderSecrets(const QString &provider, const QByteArray &json) const;
    Result<SecureBytes> openProviderSecrets(const QString &provider,
                                            const QByteArray &sealed) const;

    // A service's webhook secret, bound to the service's id.
    Result<QByteArray> sealWebhookSecret(const QString &serviceId, const SecureBytes &secret) const;
    Result<SecureBytes> openWebhookSecret(const QString &serviceId, const QByteArray &sealed) const;

    // A value stored in the database at first start that proves later starts use the same
    // master secret (it reveals nothing about the secret).
    QString keyCheck() const;

private:
    Result<QByteArray> sealMessage(const QByteArray &aad, const RenderedMessage &m) const;
    Result<RenderedMessage> openMessage(const QByteArray &aad, const QByteArray &sealed) const;

    CodeHasher m_codes;
    BlindIndex m_index;
    SealedBox m_box;
    HmacKey m_apiKeys;
    SecureBytes m_checkKey;
};

} // namespace vc
