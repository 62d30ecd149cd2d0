#include "MasterSecret.h"

#include "core/UniqueFd.h"
#include "crypto/KeyRing.h"
#include "crypto/Random.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/crypto.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace vc::MasterSecret {

namespace {

constexpr int SecretSize = KeyRing::MasterSecretSize;

// std::strerror may share one buffer between threads; the error category does not.
QString errnoText(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

QString octalMode(mode_t mode)
{
    return QStringLiteral("0%1").arg(uint(mode & 07777), 3, 8, QLatin1Char('0'));
}

Error cannotRead(const QString &path, const QString &why)
{
    return Error::unavailable(
        QStringLiteral("cannot read master secret file %1: %2").arg(path, why));
}

// Reads an existing secret file and checks it is one a deployment can trust. Never writes.
Result<SecureBytes> readExisting(const QString &path, const QByteArray &nativePath)
{
    // O_NONBLOCK: a FIFO planted at the path is refused below instead of hanging the start.
    UniqueFd file(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!file.valid())
        return cannotRead(path, errnoText(errno));

    // fstat on the open descriptor: what is checked is what is read.
    struct stat st = {};
    if (::fstat(file.get(), &st) != 0)
        return cannotRead(path, errnoText(errno));
    if (!S_ISREG(st.st_mode))
        return cannotRead(path, QStringLiteral("it is not a regular file"));
    if ((st.st_mode & 077) != 0) {
        return Error::unavailable(
            QStringLiteral("master secret file %1 is readable or writable by group or others "
                           "(mode %2); run: chmod 600 %1")
                .arg(path, octalMode(st.st_mode)));
    }
    if (st.st_size != SecretSize) {
        return Error::unavailable(
            QStringLiteral("master secret file %1 must hold exactly %2 bytes, found %3; restore "
                           "this deployment's secret (a new one would make stored data "
                           "unreadable)")
                .arg(path)
                .arg(SecretSize)
                .arg(qint64(st.st_size)));
    }

    // One byte of room beyond the secret catches a file that grew after fstat.
    QByteArray buffer(SecretSize + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < buffer.size()) {
        const ssize_t n = ::read(file.get(), buffer.data() + total, size_t(buffer.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            OPENSSL_cleanse(buffer.data(), size_t(buffer.size()));
            return cannotRead(path, errnoText(error));
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total != SecretSize) {
        OPENSSL_cleanse(buffer.data(), size_t(buffer.size()));
        return Error::unavailable(
            QStringLiteral("master secret file %1 must hold exactly %2 bytes, found %3")
                .arg(path)
                .arg(SecretSize)
                .arg(total));
    }
    SecureBytes secret(buffer.constData(), SecretSize);
    OPENSSL_cleanse(buffer.data(), size_t(buffer.size()));
    return secret;
}

// mkdir -p, creating each missing directory with mode 0700.
Status ensureDirectory(const QString &dir)
{
    const QByteArray native = QFile::encodeName(dir);
    struct stat st = {};
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return {};
        return Error::unavailable(
            QStringLiteral("cannot create master secret file: %1 is not a directory").arg(dir));
    }
    const QString parent = QFileInfo(dir).absolutePath();
    if (parent != dir) {
        if (Status made = ensureDirectory(parent); !made)
            return made;
    }
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        return Error::unavailable(
            QStringLiteral("cannot create directory %1 for the master secret: %2")
                .arg(dir, errnoText(errno)));
    }
    return {};
}

Status writeAll(int fd, const SecureBytes &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::unavailable(errnoText(n < 0 ? errno : EIO));
        done += n;
    }
    return {};
}

// Writes `secret` to a private temporary file next to `path` and publishes it with link(),
// which fails with EEXIST instead of replacing a file another process published first.
// Returns true when this secret was published, false when another one already exists.
Result<bool> publish(const QString &path, const QByteArray &nativePath, const SecureBytes &secret)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    Result<SecureBytes> suffix = randomBytes(8);
    if (!suffix)
        return suffix.error();
    const QString tmpPath = dir + QLatin1Char('/') + QLatin1Char('.') + info.fileName() +
                            QStringLiteral(".tmp-") + QString::fromLatin1(suffix->bytes().toHex());
    const QByteArray nativeTmp = QFile::encodeName(tmpPath);

    const auto failed = [&](const QString &what, int error) {
        ::unlink(nativeTmp.constData());
        return Error::unavailable(QStringLiteral("cannot create master secret file %1: %2: %3")
                                      .arg(path, what, errnoText(error)));
    };

    UniqueFd tmp(
        ::open(nativeTmp.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOCTTY, 0600));
    if (!tmp.valid()) {
        const int error = errno;
        return Error::unavailable(
            QStringLiteral("cannot create master secret file %1: temporary file %2: %3")
                .arg(path, tmpPath, errnoText(error)));
    }
    // The umask may only remove bits, but say what is meant rather than rely on it.
    if (::fchmod(tmp.get(), 0600) != 0)
        return failed(QStringLiteral("chmod"), errno);
    if (Status written = writeAll(tmp.get(), secret); !written) {
        ::unlink(nativeTmp.constData());
        return Error::unavailable(QStringLiteral("cannot create master secret file %1: write: %2")
                                      .arg(path, written.error().message));
    }
    if (::fsync(tmp.get()) != 0)
        return failed(QStringLiteral("fsync"), errno);
    if (!tmp.reset())
        return failed(QStringLiteral("close"), errno);

    const bool linked = ::link(nativeTmp.constData(), nativePath.constData()) == 0;
    const int linkError = errno;
    ::unlink(nativeTmp.constData());
    if (!linked) {
        if (linkError == EEXIST)
            return false;
        return Error::unavailable(QStringLiteral("cannot create master secret file %1: %2")
                                      .arg(path, errnoText(linkError)));
    }

    // Without this the new name may not survive a crash, and the next start would make a
    // different secret after data was already stored under this one.
    UniqueFd dirFd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dirFd.valid() || (::fsync(dirFd.get()) != 0 && errno != EINVAL)) {
        return Error::unavailable(
            QStringLiteral("cannot flush directory %1 after creating the master secret: %2")
                .arg(dir, errnoText(errno)));
    }
    return true;
}

bool isHex(QStringView text)
{
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

bool isPrintableAscii(QStringView text)
{
    for (QChar ch : text) {
        if (ch.unicode() <= 0x20 || ch.unicode() >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

Result<SecureBytes> loadOrCreate(const QString &path)
{
    if (path.isEmpty())
        return Error::invalid(QStringLiteral("master_secret_file"),
                              QStringLiteral("no master secret file path given"));
    const QByteArray nativePath = QFile::encodeName(path);

    struct stat st = {};
    if (::lstat(nativePath.constData(), &st) == 0)
        return readExisting(path, nativePath);
    if (errno != ENOENT)
        return cannotRead(path, errnoText(errno));

    if (Status made = ensureDirectory(QFileInfo(path).absolutePath()); !made)
        return made.error();
    Result<SecureBytes> secret = randomBytes(SecretSize);
    if (!secret)
        return secret.error();
    Result<bool> published = publish(path, nativePath, *secret);
    if (!published)
        return published.error();
    if (!*published) {
        // Another process (or thread) created the file first: use its secret, never ours.
        return readExisting(path, nativePath);
    }
    return std::move(secret).value();
}

Result<SecureBytes> fromText(const QString &configured)
{
    // A view: trimming makes no copy of the secret outside SecureBytes.
    const QStringView text = QStringView(configured).trimmed();
    const Error invalid =
        Error::invalid(QStringLiteral("master_secret"),
                       QStringLiteral("the master secret must be 64 hex digits or the base64 "
                                      "encoding of %1 bytes")
                           .arg(SecretSize));
    if (!isPrintableAscii(text))
        return invalid;

    const SecureBytes latin1(text.toLatin1());
    if (text.size() == 2 * SecretSize && isHex(text)) {
        SecureBytes secret(QByteArray::fromHex(latin1.bytes()));
        if (secret.size() == SecretSize)
            return secret;
        return invalid;
    }
    for (auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        auto decoded = QByteArray::fromBase64Encoding(
            latin1.bytes(), options | QByteArray::AbortOnBase64DecodingErrors);
        SecureBytes secret(std::move(decoded.decoded));
        if (decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
            secret.size() == SecretSize) {
            return secret;
        }
    }
    return invalid;
}

} // namespace vc::MasterSecret
