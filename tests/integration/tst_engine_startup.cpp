// Opening the engine: the data folder, the master secret (file or configuration), migrations,
// a database that does not belong to the secret, and the configuration file.

#include "store/Migrations.h"
#include "support/TestEngine.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

using namespace vc;
using namespace vc::test;

class TestEngineStartup : public QObject
{
    Q_OBJECT

private:
    static int modeOf(const QString &path)
    {
        struct stat st
        {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return -1;
        return static_cast<int>(st.st_mode & 07777);
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void write(const QString &path, const QByteArray &bytes, int mode)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)), 0);
    }

    static EngineConfig inDir(const QString &dir)
    {
        EngineConfig c;
        c.dataDir = dir;
        return c;
    }

private slots:
    void firstStartCreatesAPrivateDataFolder()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("nested/data"));
        auto engine = Engine::open(inDir(dir));
        QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().toString()));
        QCOMPARE(modeOf(dir), 0700);
        QCOMPARE(modeOf(dir + QStringLiteral("/master.key")), 0600);
        QCOMPARE(read(dir + QStringLiteral("/master.key")).size(), 32);
        QCOMPARE(modeOf(dir + QStringLiteral("/verify.db")), 0600);
        auto services = (*engine)->services();
        QCOMPARE(services->size(), 1);
        QCOMPARE(services->first().id, QStringLiteral("default"));
        QCOMPARE(services->first().ttlSeconds, 300);
        QCOMPARE(services->first().maxAttempts, 5);
        QCOMPARE(services->first().maxResends, 3);
        QCOMPARE(services->first().resendCooldownSeconds, 30);
        QCOMPARE(services->first().codeLength, 6);
    }

    void masterSecretReadableByOthersStopsStartup_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0660") << 0660;
    }
    void masterSecretReadableByOthersStopsStartup()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("master.key"));
        const QByteArray secret(32, 'k');
        write(key, secret, mode);
        auto engine = Engine::open(inDir(dir.path()));
        QVERIFY(!engine);
        QVERIFY2(engine.error().message.contains(QStringLiteral("chmod 600")),
                 qPrintable(engine.error().message));
        QVERIFY(engine.error().message.contains(key));
        // Nothing was touched: the secret is the same and no database was created.
        QCOMPARE(read(key), secret);
        QCOMPARE(modeOf(key), mode);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("verify.db"))));
    }

    void unreadableOrMalformedMasterSecretStopsStartup()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("master.key"));
        // A directory where the file should be cannot be read (root reads any file mode).
        QVERIFY(QDir().mkdir(key));
        auto engine = Engine::open(inDir(dir.path()));
        QVERIFY(!engine);
        QVERIFY2(engine.error().message.contains(QStringLiteral("cannot read")) ||
                     engine.error().message.contains(QStringLiteral("not a regular file")),
                 qPrintable(engine.error().message));
        QVERIFY(QDir().rmdir(key));

        write(key, QByteArray(31, 'k'), 0600);
        engine = Engine::open(inDir(dir.path()));
        QVERIFY(!engine);
        QVERIFY(engine.error().message.contains(QStringLiteral("32 bytes")));
        QCOMPARE(read(key).size(), 31); // never replaced by a new secret
    }

    void masterSecretFromConfiguration()
    {
        QTemporaryDir dir;
        EngineConfig c = inDir(dir.path());
        c.masterSecret = QString(64, u'a');
        auto engine = Engine::open(c);
        QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().toString()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("master.key"))));
        auto started =
            (*engine)->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(started);
        engine->reset();

        c.masterSecret = QStringLiteral("not a secret");
        auto bad = Engine::open(c);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("master_secret"));
    }

    void aDatabaseOfAnotherSecretIsRefused()
    {
        QTemporaryDir dir;
        EngineConfig c = inDir(dir.path());
        c.masterSecret = QString(64, u'a');
        QVERIFY(Engine::open(c));
        c.masterSecret = QString(64, u'b');
        auto other = Engine::open(c);
        QVERIFY(!other);
        QVERIFY2(other.error().message.contains(QStringLiteral("does not match")),
                 qPrintable(other.error().message));
        c.masterSecret = QString(64, u'a');
        QVERIFY(Engine::open(c));
    }

    void migrationsRunOnceAndRefuseANewerSchema()
    {
        QTemporaryDir dir;
        QVERIFY(Engine::open(inDir(dir.path())));
        QVERIFY(Engine::open(inDir(dir.path())));
        const QString db = dir.filePath(QStringLiteral("verify.db"));
        {
            RawDb raw(db);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(),
                     Migrations::knownVersions().size());
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
                Migrations::latestVersion());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                     QStringLiteral("wal"));
            raw.rows(QStringLiteral("INSERT INTO schema_migrations (version, description, "
                                    "applied_at) VALUES (999, 'from the future', 0)"));
        }
        auto newer = Engine::open(inDir(dir.path()));
        QVERIFY(!newer);
        QVERIFY(newer.error().message.contains(QStringLiteral("newer")));
    }

    void twoProcessesOpeningAFreshDatabaseAgree()
    {
        // Both "processes" are engines on their own connections; the migration and the default
        // service are each written once.
        QTemporaryDir dir;
        std::vector<std::unique_ptr<Engine>> engines;
        for (int i = 0; i < 2; ++i) {
            auto e = Engine::open(inDir(dir.path()));
            QVERIFY(e);
            engines.push_back(std::move(*e));
        }
        RawDb raw(dir.filePath(QStringLiteral("verify.db")));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM services")).toInt(), 1);
    }

    void configurationFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("verify.conf"));
        auto writeConf = [&](const QByteArray &text) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        writeConf("[engine]\ndata_dir = data\nsynchronous = normal\nbusy_timeout_ms = 2000\n");
        auto c = EngineConfig::load(file);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
        QCOMPARE(c->dataDir, dir.filePath(QStringLiteral("data"))); // relative to the file
        QCOMPARE(c->sync, SyncMode::Normal);
        QCOMPARE(c->busyTimeoutMs, 2000);
        QVERIFY(Engine::open(*c));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("data/verify.db"))));

        writeConf("[engine]\nsynchronus = full\n");
        auto typo = EngineConfig::load(file);
        QVERIFY(!typo);
        QCOMPARE(typo.error().field, QStringLiteral("engine.synchronus"));
        writeConf("[engine]\nsynchronous = sometimes\n");
        QCOMPARE(EngineConfig::load(file).error().field, QStringLiteral("engine.synchronous"));
        QVERIFY(!EngineConfig::load(dir.filePath(QStringLiteral("missing.conf"))));
    }
};

QTEST_GUILESS_MAIN(TestEngineStartup)
#include "tst_engine_startup.moc"
