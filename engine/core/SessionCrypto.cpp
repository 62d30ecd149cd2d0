#include "core/SessionCrypto.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vc {

namespace {

QByteArray aad(const char *kind, const QString &sessionId)
{
    return QByteArray(kind) + ':' + sessionId.toUtf8();
}

} // namespace

SessionCrypto::SessionCrypto(const KeyRing &keys)
    : m_codes(keys.codeKey())
    , m_index(keys.indexKey())
    , m_box(keys.encryptionKey())
    , m_apiKeys(keys.apiKeyHashKey())
    , m_checkKey(keys.indexKey().clone())
{}

Result<QByteArray> SessionCrypto::sealTestCode(const QString &serviceId,
                                               const QByteArray &recipientIndex,
                                               const SecureBytes &code) const
{
    return m_box.seal(code.bytes(), aad("test-code", serviceId) + ':' + recipientIndex.toHex());
}

Result<SecureBytes> SessionCrypto::openTestCode(const QString &serviceId,
                                                const QByteArray &recipientIndex,
                                                const QByteArray &sealed) const
{
    return m_box.open(sealed, aad("test-code", serviceId) + ':' + recipientIndex.toHex());
}

Result<QByteArray> SessionCrypto::sealRecipient(const QString &sessionId,
                                                const QString &recipient) const
{
    SecureBytes plain(recipient.toUtf8());
    return m_box.seal(plain.bytes(), aad("recipient", sessionId));
}

Result<SecureBytes> SessionCrypto::openRecipient(const QString &sessionId,
                                                 const QByteArray &sealed) const
{
    return m_box.open(sealed, aad("recipient", sessionId));
}

Result<QByteArray> SessionCrypto::sealQueuedMessage(const QString &sessionId,
                                                    const RenderedMessage &m) const
{
    return sealMessage(aad("queued-message", sessionId), m);
}

Result<RenderedMessage> SessionCrypto::openQueuedMessage(const QString &sessionId,
                                                         const QByteArray &sealed) const
{
    return openMessage(aad("queued-message", sessionId), sealed);
}

Result<QByteArray> SessionCrypto::sealProviderSecrets(const QString &provider,
                                                      const QByteArray &json) const
{
    return m_box.seal(json, aad("provider-secrets", provider));
}

Result<SecureBytes> SessionCrypto::openProviderSecrets(const QString &provider,
                                                       const QByteArray &sealed) const
{
    return m_box.open(sealed, aad("provider-secrets", provider));
}

Result<QByteArray> SessionCrypto::sealWebhookSecret(const QString &serviceId,
                                                    const SecureBytes &secret) const
{
    return m_box.seal(secret.bytes(), aad("webhook-secret", serviceId));
}

Result<SecureBytes> SessionCrypto::openWebhookSecret(const QString &serviceId,
                                                     const QByteArray &sealed) const
{
    return m_box.open(sealed, aad("webhook-secret", serviceId));
}

Result<QByteArray> SessionCrypto::sealMessage(const QByteArray &ad, const RenderedMessage &m) const
{
    QJsonObject o{{QStringLiteral("text"), m.text}};
    if (!m.subject.isEmpty())
        o.insert(QStringLiteral("subject"), m.subject);
    if (!m.html.isEmpty())
        o.insert(QStringLiteral("html"), m.html);
    SecureBytes plain(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return m_box.seal(plain.bytes(), ad);
}

Result<RenderedMessage> SessionCrypto::openMessage(const QByteArray &ad,
                                                   const QByteArray &sealed) const
{
    auto plain = m_box.open(sealed, ad);
    if (!plain)
        return plain.error();
    const QJsonObject o = QJsonDocument::fromJson(plain->bytes()).object();
    RenderedMessage m;
    m.subject = o.value(QStringLiteral("subject")).toString();
    m.text = o.value(QStringLiteral("text")).toString();
    m.html = o.value(QStringLiteral("html")).toString();
    return m;
}

QString SessionCrypto::keyCheck() const
{
    return QString::fromLatin1(
        hmacSha256(m_checkKey, QByteArrayLiteral("vc-key-check-v1")).toHex());
}

} // namespace vc
