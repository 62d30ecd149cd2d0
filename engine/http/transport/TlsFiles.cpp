#include "http/transport/TlsFiles.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace vc::http {

Result<QByteArray> readPem(const QString &field, const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(field, QStringLiteral("cannot read the TLS %1 %2: %3")
                                         .arg(QLatin1String(what), path, file.errorString()));
    QByteArray data = file.readAll();
    if (data.isEmpty())
        return Error::invalid(
            field, QStringLiteral("the TLS %1 %2 is empty").arg(QLatin1String(what), path));
    return data;
}

Status checkTlsPair(const ServerOptions &options, const QByteArray &cert, const QByteArray &key)
{
    BIO *certBio = BIO_new_mem_buf(cert.constData(), static_cast<int>(cert.size()));
    X509 *x509 = certBio ? PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(certBio);
    if (!x509)
        return Error::invalid(QStringLiteral("tlsCertificateFile"),
                              QStringLiteral("the TLS certificate %1 is not a PEM certificate")
                                  .arg(options.tlsCertificateFile));
    // A password callback that declines: an encrypted key fails instead of prompting on a tty.
    pem_password_cb *noPassword = [](char *, int, int, void *) { return 0; };
    BIO *keyBio = BIO_new_mem_buf(key.constData(), static_cast<int>(key.size()));
    EVP_PKEY *pkey =
        keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, noPassword, nullptr) : nullptr;
    BIO_free(keyBio);
    Status status;
    if (!pkey)
        status =
            Error::invalid(QStringLiteral("tlsKeyFile"),
                           QStringLiteral("the TLS key %1 is not an unencrypted PEM private key")
                               .arg(options.tlsKeyFile));
    else if (X509_check_private_key(x509, pkey) != 1)
        status = Error::invalid(QStringLiteral("tlsKeyFile"),
                                QStringLiteral("the TLS key %1 does not match the certificate %2")
                                    .arg(options.tlsKeyFile, options.tlsCertificateFile));
    EVP_PKEY_free(pkey);
    X509_free(x509);
    return status;
}
void scrub(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

} // namespace vc::http
