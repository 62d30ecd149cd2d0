#include "KeyRing.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace vc {

namespace {

struct KdfDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

constexpr int Sha256Size = 32;

// Each label names one purpose; changing a label changes that key, so they carry a version.
const char CodeKeyLabel[] = "verify-console/code-pepper/v1";
const char IndexKeyLabel[] = "verify-console/recipient-index/v1";
const char EncryptionKeyLabel[] = "verify-console/at-rest-encryption/v1";
const char ApiKeyHashLabel[] = "verify-console/api-key-hash/v1";

void *paramData(const QByteArray &bytes)
{
    // OSSL_PARAM takes non-const pointers even for inputs; OpenSSL only reads them.
    return const_cast<char *>(bytes.constData());
}

} // namespace

Result<SecureBytes> hkdfSha256(const SecureBytes &ikm, const QByteArray &salt,
                               const QByteArray &info, int length)
{
    if (length <= 0 || length > 255 * Sha256Size)
        return Error::internal(QStringLiteral("HKDF output length out of range"));

    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return Error::internal(QStringLiteral("HKDF is not available in this OpenSSL"));
    std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return Error::internal(QStringLiteral("cannot create an HKDF context"));

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, paramData(ikm.bytes()),
                                                    size_t(ikm.size()));
    // An absent salt means HashLen zero bytes (RFC 5869 section 2.2).
    if (!salt.isEmpty()) {
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, paramData(salt),
                                                        size_t(salt.size()));
    }
    if (!info.isEmpty()) {
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, paramData(info),
                                                        size_t(info.size()));
    }
    params[n] = OSSL_PARAM_construct_end();

    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(length),
                       params) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return Error::internal(QStringLiteral("HKDF key derivation failed"));
    }
    return SecureBytes(std::move(out));
}

QByteArray hmacSha256(const SecureBytes &key, const QByteArray &data)
{
    QByteArray mac(Sha256Size, Qt::Uninitialized);
    unsigned int macLength = 0;
    // constData() is never null for a QByteArray, so an empty key is a zero-length key rather
    // than "reuse the previous key".
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
              reinterpret_cast<unsigned char *>(mac.data()), &macLength) ||
        macLength != Sha256Size) {
        return {};
    }
    return mac;
}

namespace {

EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

} // namespace

HmacKey::HmacKey(const SecureBytes &key)
{
    EVP_MAC *algorithm = hmacAlgorithm();
    if (!algorithm)
        return;
    m_ctx = EVP_MAC_CTX_new(algorithm);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (m_ctx && EVP_MAC_init(m_ctx, key.udata(), size_t(key.size()), params) != 1) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

HmacKey::~HmacKey()
{
    EVP_MAC_CTX_free(m_ctx); // frees and cleanses the key schedule
}

QByteArray HmacKey::mac(const QByteArray &data) const
{
    if (!m_ctx)
        return {};
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(m_ctx);
    if (!ctx)
        return {};
    QByteArray out(Sha256Size, Qt::Uninitialized);
    size_t length = 0;
    const bool ok = EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(data.constData()),
                                   size_t(data.size())) == 1 &&
                    EVP_MAC_final(ctx, reinterpret_cast<unsigned char *>(out.data()), &length,
                                  size_t(out.size())) == 1 &&
                    length == size_t(Sha256Size);
    EVP_MAC_CTX_free(ctx);
    return ok ? out : QByteArray();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

Result<KeyRing> KeyRing::derive(const SecureBytes &masterSecret)
{
    if (masterSecret.size() != MasterSecretSize) {
        return Error::invalid(QStringLiteral("master_secret"),
                              QStringLiteral("the master secret must be exactly %1 bytes, got %2")
                                  .arg(MasterSecretSize)
                                  .arg(masterSecret.size()));
    }
    const auto deriveKey = [&](const char *label) {
        return hkdfSha256(masterSecret, {}, QByteArray(label), Sha256Size);
    };

    Result<SecureBytes> codeKey = deriveKey(CodeKeyLabel);
    Result<SecureBytes> indexKey = deriveKey(IndexKeyLabel);
    Result<SecureBytes> encKey = deriveKey(EncryptionKeyLabel);
    Result<SecureBytes> apiKeyHash = deriveKey(ApiKeyHashLabel);
    for (const Result<SecureBytes> *key : {&codeKey, &indexKey, &encKey, &apiKeyHash}) {
        if (!*key)
            return key->error();
    }

    KeyRing ring;
    ring.m_codeKey = std::move(codeKey).value();
    ring.m_indexKey = std::move(indexKey).value();
    ring.m_encKey = std::move(encKey).value();
    ring.m_apiKeyHash = std::move(apiKeyHash).value();
    return ring;
}

} // namespace vc
