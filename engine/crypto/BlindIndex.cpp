#include "BlindIndex.h"

#include "crypto/KeyRing.h"

namespace vc {

QByteArray BlindIndex::labelled(const QByteArray &label, const QString &value) const
{
    const SecureBytes plain(value.toUtf8());
    QByteArray message;
    message.reserve(label.size() + 1 + plain.size());
    message.append(label);
    message.append('\0');
    message.append(plain.bytes());
    const SecureBytes secretMessage(std::move(message));
    return m_key.mac(secretMessage.bytes());
}

QByteArray BlindIndex::of(const QString &normalisedRecipient) const
{
    const SecureBytes recipient(normalisedRecipient.toUtf8());
    QByteArray message;
    message.reserve(16 + recipient.size());
    message.append(QByteArrayLiteral("vc-recipient-v1"));
    message.append('\0');
    message.append(recipient.bytes());
    // The recipient is personal data: the message holding it is wiped on return.
    const SecureBytes secretMessage(std::move(message));
    return m_key.mac(secretMessage.bytes());
}

} // namespace vc
