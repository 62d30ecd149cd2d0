#include "crypto/MasterSecret.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace vc;

namespace {

// Permission bits as stat() reports them; -1 when the path does not exist.
int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool writeFile(const QString &path, const QByteArray &bytes, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QByteArray KnownSecret =
    QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

} // namespace

class TestMasterSecret : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFile();
    void createsPrivateFileUnderPermissiveUmask();
    void secondLoadReturnsSameBytes();
    void readsExistingFile();
    void refusesGroupOrOtherAccess_data();
    void refusesGroupOrOtherAccess();
    void refusesWrongSize_data();
    void refusesWrongSize();
    void refusesDirectory_data();
    void refusesDirectory();
    void refusesDanglingSymlink();
    void createsParentDirectories();
    void concurrentCreationAgrees();
    void fromTextAccepts_data();
    void fromTextAccepts();
    void fromTextRefuses_data();
    void fromTextRefuses();
};

void TestMasterSecret::createsPrivateFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));

    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error().message));
    QCOMPARE(secret->size(), 32);
    QVERIFY(secret->bytes() != QByteArray(32, '\0'));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(readFile(path), secret->bytes());
    // The temporary file used for the atomic publish is gone.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList{QStringLiteral("master.key")});
}

void TestMasterSecret::createsPrivateFileUnderPermissiveUmask()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/master.key"));
    const mode_t previous = ::umask(0);
    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    ::umask(previous);
    QVERIFY(secret.ok());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("sub"))), 0700);
}

void TestMasterSecret::secondLoadReturnsSameBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));
    Result<SecureBytes> first = MasterSecret::loadOrCreate(path);
    Result<SecureBytes> second = MasterSecret::loadOrCreate(path);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second->bytes(), first->bytes());

    // A different fresh path gets a different secret.
    Result<SecureBytes> other = MasterSecret::loadOrCreate(dir.filePath(QStringLiteral("b.key")));
    QVERIFY(other.ok());
    QVERIFY(other->bytes() != first->bytes());
}

void TestMasterSecret::readsExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));
    QVERIFY(writeFile(path, KnownSecret, 0600));
    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(secret.ok());
    QCOMPARE(secret->bytes(), KnownSecret);

    // Read-only for the owner is fine too.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0400) == 0);
    Result<SecureBytes> again = MasterSecret::loadOrCreate(path);
    QVERIFY(again.ok());
    QCOMPARE(again->bytes(), KnownSecret);
}

void TestMasterSecret::refusesGroupOrOtherAccess_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("modeText");
    QTest::newRow("0644") << 0644 << QStringLiteral("0644");
    QTest::newRow("0640") << 0640 << QStringLiteral("0640");
    QTest::newRow("0604") << 0604 << QStringLiteral("0604");
    QTest::newRow("0620 group-writable") << 0620 << QStringLiteral("0620");
    QTest::newRow("0666") << 0666 << QStringLiteral("0666");
}

void TestMasterSecret::refusesGroupOrOtherAccess()
{
    QFETCH(int, mode);
    QFETCH(QString, modeText);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));
    QVERIFY(writeFile(path, KnownSecret, mode_t(mode)));

    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    const QString message = secret.error().message;
    QVERIFY2(message.contains(QStringLiteral("chmod 600 ") + path), qPrintable(message));
    QVERIFY2(message.contains(modeText), qPrintable(message));
    QVERIFY(!message.contains(QString::fromLatin1(KnownSecret.toHex())));
    // Refused, not repaired or replaced.
    QCOMPARE(modeOf(path), mode);
    QCOMPARE(readFile(path), KnownSecret);
}

void TestMasterSecret::refusesWrongSize_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("31") << KnownSecret.left(31);
    QTest::newRow("33") << KnownSecret + "\n";
    QTest::newRow("hex text") << KnownSecret.toHex();
}

void TestMasterSecret::refusesWrongSize()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));
    QVERIFY(writeFile(path, content, 0600));

    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    const QString message = secret.error().message;
    QVERIFY2(message.contains(QStringLiteral("exactly 32 bytes")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("found %1").arg(content.size())), qPrintable(message));
    QVERIFY(message.contains(path));
    QCOMPARE(readFile(path), content);
    QCOMPARE(modeOf(path), 0600);
}

void TestMasterSecret::refusesDirectory_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0700") << 0700;
    QTest::newRow("0755") << 0755;
}

void TestMasterSecret::refusesDirectory()
{
    // Tests run as root, which reads any file whatever its mode; a directory is the one thing
    // here that cannot be read as a secret.
    QFETCH(int, mode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("master.key"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("master.key")));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);

    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    const QString message = secret.error().message;
    QVERIFY2(message.contains(QStringLiteral("cannot read master secret file ") + path),
             qPrintable(message));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestMasterSecret::refusesDanglingSymlink()
{
    // A link to a missing file may mean a volume is not mounted: making a new secret there
    // would orphan every stored value, so it is refused rather than followed.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("missing/master.key"));
    const QString path = dir.filePath(QStringLiteral("master.key"));
    QVERIFY(QFile::link(target, path));

    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    QVERIFY(secret.error().message.contains(QStringLiteral("cannot read master secret file")));
    QVERIFY(!QFileInfo::exists(target));
}

void TestMasterSecret::createsParentDirectories()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a/b/c/master.key"));
    Result<SecureBytes> secret = MasterSecret::loadOrCreate(path);
    QVERIFY(secret.ok());
    QCOMPARE(modeOf(path), 0600);
    for (const char *sub : {"a", "a/b", "a/b/c"})
        QCOMPARE(modeOf(dir.filePath(QString::fromLatin1(sub))), 0700);
    QCOMPARE(readFile(path), secret->bytes());
}

void TestMasterSecret::concurrentCreationAgrees()
{
    constexpr int Threads = 8;
    for (int round = 0; round < 25; ++round) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("data/master.key"));

        std::vector<std::unique_ptr<Result<SecureBytes>>> results(Threads);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < Threads; ++i) {
            threads.emplace_back(QThread::create([&results, &path, i] {
                results[size_t(i)] =
                    std::make_unique<Result<SecureBytes>>(MasterSecret::loadOrCreate(path));
            }));
        }
        for (auto &thread : threads)
            thread->start();
        for (auto &thread : threads)
            QVERIFY(thread->wait(30000));

        const QByteArray onDisk = readFile(path);
        QCOMPARE(onDisk.size(), 32);
        for (const auto &result : results) {
            QVERIFY(result);
            QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
            QCOMPARE((*result)->bytes(), onDisk);
        }
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("data")))
                     .entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("master.key")});
    }
}

void TestMasterSecret::fromTextAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("hex") << QString::fromLatin1(KnownSecret.toHex()) << KnownSecret;
    QTest::newRow("hex upper case")
        << QString::fromLatin1(KnownSecret.toHex().toUpper()) << KnownSecret;
    QTest::newRow("hex, trailing newline")
        << QString::fromLatin1(KnownSecret.toHex() + "\n") << KnownSecret;
    QTest::newRow("base64") << QStringLiteral("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                            << KnownSecret;
    const QByteArray high = QByteArray::fromBase64("yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5uc=");
    QTest::newRow("base64 with + and /")
        << QStringLiteral("yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5uc=") << high;
    QTest::newRow("base64url") << QStringLiteral("yMnKy8zNzs_Q0dLT1NXW19jZ2tvc3d7f4OHi4-Tl5uc=")
                               << high;
}

void TestMasterSecret::fromTextAccepts()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(expected.size(), 32);
    Result<SecureBytes> secret = MasterSecret::fromText(text);
    QVERIFY(secret.ok());
    QCOMPARE(secret->bytes(), expected);
}

void TestMasterSecret::fromTextRefuses_data()
{
    QTest::addColumn<QString>("text");
    const QString hex = QString::fromLatin1(KnownSecret.toHex());
    QTest::newRow("empty") << QString();
    QTest::newRow("63 hex digits") << hex.left(63);
    QTest::newRow("65 hex digits") << hex + QLatin1Char('0');
    QTest::newRow("62 hex digits") << hex.left(62);
    QTest::newRow("non-hex in hex") << hex.left(63) + QLatin1Char('g');
    QTest::newRow("base64 of 31 bytes") << QString::fromLatin1(KnownSecret.left(31).toBase64());
    QTest::newRow("base64 of 33 bytes")
        << QString::fromLatin1(QByteArray(KnownSecret + "x").toBase64());
    QTest::newRow("base64 with junk")
        << QStringLiteral("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=!");
    QTest::newRow("inner space") << hex.left(32) + QLatin1Char(' ') + hex.mid(32);
    QTest::newRow("non-ascii") << QStringLiteral("\u00e6") + hex.mid(1);
}

void TestMasterSecret::fromTextRefuses()
{
    QFETCH(QString, text);
    Result<SecureBytes> secret = MasterSecret::fromText(text);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(secret.error().field, QStringLiteral("master_secret"));
    if (text.size() >= 8)
        QVERIFY(!secret.error().toString().contains(text.left(16)));
}

QTEST_GUILESS_MAIN(TestMasterSecret)
#include "tst_master_secret.moc"
