#include "SecureBytes.h"

#include <QString>

#include <openssl/crypto.h>

#include <utility>

namespace vc {

namespace {

// Wipes a buffer only this array refers to. A shared buffer is left alone: writing through
// data() would detach and wipe a fresh copy while the other owner keeps the original.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

} // namespace

SecureBytes::SecureBytes(QByteArray bytes)
    : m_bytes(bytes.constData(), bytes.size())
{
    // The copy above is a fresh, exactly sized buffer nobody else shares. When the argument was
    // moved in (or was a temporary), its buffer is ours alone and is wiped before it is freed.
    wipe(bytes);
}

SecureBytes::SecureBytes(const char *data, qsizetype size)
    : m_bytes(data, size)
{}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

void SecureBytes::clear()
{
    wipe(m_bytes);
    m_bytes = QByteArray();
}

void cleanseString(QString &s)
{
    if (!s.isEmpty()) {
        QChar *chars = s.data(); // detaches, so the wipe cannot reach another string's buffer
        OPENSSL_cleanse(chars, size_t(s.size()) * sizeof(QChar));
    }
    s = QString();
}

} // namespace vc
