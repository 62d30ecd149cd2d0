#include "SealedBox.h"

#include "crypto/Random.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace vc {

namespace {

constexpr char FormatVersion = 0x01;
constexpr int VersionSize = 1;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
constexpr int KeySize = 32;
constexpr int Overhead = VersionSize + NonceSize + TagSize;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *bytesOf(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

Error keySizeError()
{
    return Error::internal(
        QStringLiteral("the at-rest encryption key must be %1 bytes").arg(KeySize));
}

// One message for every reason a stored value cannot be opened: which byte was wrong is of no
// use to a caller, and the message must never carry the content.
Error authenticationError()
{
    return Error::internal(QStringLiteral("stored data failed authentication"));
}

} // namespace

Result<QByteArray> SealedBox::seal(const QByteArray &plaintext,
                                   const QByteArray &associatedData) const
{
    Result<SecureBytes> nonce = randomBytes(NonceSize);
    if (!nonce)
        return nonce.error();
    return sealWithNonce(plaintext, associatedData, nonce->bytes());
}

Result<QByteArray> SealedBox::sealWithNonce(const QByteArray &plaintext,
                                            const QByteArray &associatedData,
                                            const QByteArray &nonce) const
{
    if (m_key.size() != KeySize)
        return keySizeError();
    if (nonce.size() != NonceSize)
        return Error::internal(QStringLiteral("the AES-GCM nonce must be %1 bytes").arg(NonceSize));
    if (plaintext.size() > std::numeric_limits<int>::max() - Overhead ||
        associatedData.size() > std::numeric_limits<int>::max()) {
        return Error::internal(QStringLiteral("data too large to encrypt"));
    }

    const int plainSize = int(plaintext.size());
    QByteArray out(Overhead + plainSize, Qt::Uninitialized);
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data());
    outBytes[0] = FormatVersion;
    std::copy_n(bytesOf(nonce), NonceSize, outBytes + VersionSize);
    unsigned char *cipherText = outBytes + VersionSize + NonceSize;

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool ok =
        ctx &&
        EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_key.udata(), bytesOf(nonce), nullptr) ==
            1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &written, bytesOf(associatedData),
                          int(associatedData.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), cipherText, &written, bytesOf(plaintext), plainSize) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), cipherText + written, &finalWritten) == 1 &&
        written + finalWritten == plainSize &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, TagSize, cipherText + plainSize) == 1;
    if (!ok)
        return Error::internal(QStringLiteral("encryption failed"));
    return out;
}

Result<SecureBytes> SealedBox::open(const QByteArray &sealed,
                                    const QByteArray &associatedData) const
{
    if (m_key.size() != KeySize)
        return keySizeError();
    if (sealed.size() < Overhead || sealed.constData()[0] != FormatVersion ||
        sealed.size() > std::numeric_limits<int>::max() ||
        associatedData.size() > std::numeric_limits<int>::max()) {
        return authenticationError();
    }
    const unsigned char *in = bytesOf(sealed);
    const unsigned char *nonce = in + VersionSize;
    const unsigned char *cipherText = nonce + NonceSize;
    const int cipherSize = int(sealed.size()) - Overhead;
    // EVP_CIPHER_CTX_ctrl takes a non-const pointer for the expected tag; it only reads it.
    QByteArray tag = sealed.right(TagSize);

    QByteArray plain(cipherSize, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool ok =
        ctx &&
        EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_key.udata(), nonce, nullptr) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &written, bytesOf(associatedData),
                          int(associatedData.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &written,
                          cipherText, cipherSize) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, TagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + written,
                            &finalWritten) == 1 &&
        written + finalWritten == cipherSize;
    // Wrapped at once: on failure the unauthenticated plaintext is wiped with it.
    SecureBytes result(std::move(plain));
    if (!ok)
        return authenticationError();
    return result;
}

} // namespace vc
