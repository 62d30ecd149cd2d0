#pragma once

#include "crypto/KeyRing.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace vc {

// A keyed, deterministic index of a normalised recipient (E.164 number or lower-cased e-mail
// address) so support staff can find sessions by exact value without the database holding it.
class BlindIndex
{
public:
    explicit BlindIndex(const SecureBytes &key)
        : m_key(key)
    {}
    // 32 bytes: HMAC(indexKey, "vc-recipient-v1" 0x00 normalised).
    QByteArray of(const QString &normalisedRecipient) const;
    // 32 bytes: HMAC(indexKey, label 0x00 value), for other personal values kept only as an
    // index (an end user's IP address in the start counters: label "vc-ip-v1").
    QByteArray labelled(const QByteArray &label, const QString &value) const;

private:
    HmacKey m_key;
};

} // namespace vc
