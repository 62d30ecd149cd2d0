#pragma once

#include <QByteArray>
#include <QString>

namespace vc {

// Bytes that hold a secret (a code, a key, a decrypted recipient). The buffer is wiped with
// OPENSSL_cleanse when the object dies or is reassigned. Copying is explicit (clone()) so a
// secret is not duplicated by accident; QByteArray's implicit sharing is broken on construction
// so the wipe reaches the only copy.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArray bytes);
    SecureBytes(const char *data, qsizetype size);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    SecureBytes clone() const { return SecureBytes(m_bytes.constData(), m_bytes.size()); }

    const QByteArray &bytes() const { return m_bytes; }
    const char *constData() const { return m_bytes.constData(); }
    const unsigned char *udata() const
    {
        return reinterpret_cast<const unsigned char *>(m_bytes.constData());
    }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    // Interprets the bytes as UTF-8. The returned QString is not wiped: use only where the
    // plaintext must leave as text (a rendered message handed to a provider).
    QString toUtf8String() const { return QString::fromUtf8(m_bytes); }

    void clear();

private:
    QByteArray m_bytes;
};

// Wipes a QString's UTF-16 buffer in place (for codes held briefly as text).
void cleanseString(QString &s);

} // namespace vc
