// Reads answered from memory (ReadCache and ChangeTracker): a session's status and the key
// configuration are read from the database once and then served from memory — but never stale:
// a change by this process, by another engine on the same file, or by anyone with the sqlite3
// shell shows on the next read.

#include "core/ConfigCache.h"
#include "store/Database.h"
#include "store/KeyStore.h"
#include "support/TestEngine.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace vc;
using namespace vc::test;

class TestReadCache : public QObject
{
    Q_OBJECT

private:
    // A new session, each to a number of its own.
    static QString started(Engine &engine)
    {
        static int next = 0;
        const QString number = QStringLiteral("+4670123%1").arg(4000 + next++);
        auto s = engine.start(startRequest(QStringLiteral("sms"), number));
        if (!s)
            qFatal("start: %s", qPrintable(s.error().toString()));
        return s->sessionId;
    }

private slots:
    void repeatedStatusReadsComeFromMemory()
    {
        TestEngine t;
        const QString id = started(*t.engine);
        const ReadCacheCounts before = t->statusCacheCounts();
        auto first = t->status(id);
        QVERIFY2(first, errorText(first).constData());
        auto second = t->status(id);
        QVERIFY2(second, errorText(second).constData());
        const ReadCacheCounts after = t->statusCacheCounts();
        QCOMPARE(after.misses, before.misses + 1);
        QCOMPARE(after.hits, before.hits + 1);
        QCOMPARE(second->status, first->status);
        QCOMPARE(second->recipientMasked, first->recipientMasked);
        // An unknown session is not cached as anything.
        QCOMPARE(t->status(QStringLiteral("01a22ad5-3c5b-70a2-bbc6-604a5668a99e")).error().code,
                 ErrorCode::NotFound);
    }

    void ownChangesShowOnTheNextRead()
    {
        TestEngine t;
        const QString id = started(*t.engine);
        const QString other = started(*t.engine);
        QCOMPARE(t->status(id)->attempts, 0);
        QCOMPARE(t->status(other)->attempts, 0); // both cached

        // A wrong code on one session: that one is read again, the other still comes from memory.
        auto wrong = t->check({id, QStringLiteral("000000"), {QStringLiteral("t"), {}}});
        QVERIFY2(wrong, errorText(wrong).constData());
        const ReadCacheCounts before = t->statusCacheCounts();
        QCOMPARE(t->status(id)->attempts, 1);
        QCOMPARE(t->status(other)->attempts, 0);
        const ReadCacheCounts after = t->statusCacheCounts();
        QCOMPARE(after.misses, before.misses + 1);
        QCOMPARE(after.hits, before.hits + 1);

        QVERIFY(t->cancel(id, kAdmin));
        QCOMPARE(t->status(id)->status, SessionStatus::Cancelled);
    }

    void anotherEnginesChangesShowOnTheNextRead()
    {
        TestEngine t;
        const QString id = started(*t.engine);
        QCOMPARE(t->status(id)->status, SessionStatus::Pending);
        QCOMPARE(t->status(id)->status, SessionStatus::Pending); // from memory now

        // Another engine on the same file, as another verifyd or verifyctl would be.
        auto other = t.another();
        QVERIFY(other->cancel(id, kAdmin));
        QCOMPARE(t->status(id)->status, SessionStatus::Cancelled);

        // The same after this engine's own writes came in between.
        const QString next = started(*t.engine);
        QCOMPARE(t->status(next)->attempts, 0);
        (void)started(*t.engine);
        auto wrong = other->check({next, QStringLiteral("000000"), {QStringLiteral("t"), {}}});
        QVERIFY2(wrong, errorText(wrong).constData());
        (void)started(*t.engine); // this engine commits after the other one did
        QCOMPARE(t->status(next)->attempts, 1);
    }

    void changesMadeOutsideTheEngineShowOnTheNextRead()
    {
        TestEngine t;
        const QString id = started(*t.engine);
        QCOMPARE(t->status(id)->attempts, 0);
        QCOMPARE(t->status(id)->attempts, 0);
        {
            // As an operator with the sqlite3 shell would.
            RawDb raw(t.dbPath());
            raw.rows(QStringLiteral("UPDATE sessions SET attempts = 2 WHERE id = ?"), {id});
        }
        QCOMPARE(t->status(id)->attempts, 2);
    }

    void keyChecksComeFromMemoryUntilKeysChange()
    {
        TestEngine t;
        auto issued =
            t->createKey({QStringLiteral("shop"), QStringLiteral("verify"), {}, {}}, kAdmin);
        QVERIFY2(issued, errorText(issued).constData());
        QVERIFY(t->authenticate(issued->key));
        const ReadCacheCounts before = t->configCacheCounts();
        QVERIFY(t->authenticate(issued->key));
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(t->configCacheCounts().hits, before.hits + 2);
        // A key that matched once spares later checks the keyed hash, not the comparison: the
        // same prefix with another secret is still refused, and the right one still accepted.
        QString wrongSecret = issued->key;
        wrongSecret.back() = wrongSecret.back() == u'a' ? u'b' : u'a';
        QCOMPARE(t->authenticate(wrongSecret).error().code, ErrorCode::Unauthorized);
        QVERIFY(t->authenticate(issued->key));

        // Sessions started in between do not touch the configuration: still from memory.
        (void)started(*t.engine);
        const ReadCacheCounts during = t->configCacheCounts();
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(t->configCacheCounts().hits, during.hits + 1);

        // Revoked by another engine: refused on the very next request.
        auto other = t.another();
        QVERIFY(other->revokeKey(issued->info.prefix, kAdmin));
        QCOMPARE(t->authenticate(issued->key).error().code, ErrorCode::Unauthorized);

        // Revoked here: the same.
        auto again =
            t->createKey({QStringLiteral("shop 2"), QStringLiteral("verify"), {}, {}}, kAdmin);
        QVERIFY2(again, errorText(again).constData());
        QVERIFY(t->authenticate(again->key));
        QVERIFY(t->authenticate(again->key));
        QVERIFY(t->revokeKey(again->info.id, kAdmin));
        QCOMPARE(t->authenticate(again->key).error().code, ErrorCode::Unauthorized);
    }

    // The writer thread (a delivery's unit looks the providers up) reads the configuration from
    // memory too, until its own transaction changes it: from then on it sees that change.
    void theWriterReadsTheConfigurationFromMemoryUntilItChangesIt()
    {
        TestEngine t; // a database with the schema and a default service
        auto opened = Database::open({t.dbPath()});
        QVERIFY2(opened, errorText(opened).constData());
        const std::shared_ptr<Database> db = *opened;
        ConfigCache cache(db);
        auto first = cache.current(); // read on this thread, and kept
        QVERIFY2(first, errorText(first).constData());
        const qint64 version = (*first)->version;

        struct Seen
        {
            quint64 hits = 0;    // cache hits of the first look in the unit
            qint64 before = 0;   // the version the unit saw first
            qint64 afterOwn = 0; // and after changing the configuration itself
        };
        auto seen = db->write<Seen>([&](Connection &c) -> Result<Seen> {
            Seen s;
            const quint64 hits = cache.counts().hits;
            auto same = cache.current();
            if (!same)
                return same.error();
            s.hits = cache.counts().hits - hits;
            s.before = (*same)->version;
            if (Status bumped = ConfigStore(c).bump(); !bumped)
                return bumped.error();
            auto own = cache.current();
            if (!own)
                return own.error();
            s.afterOwn = (*own)->version;
            return s;
        });
        QVERIFY2(seen, errorText(seen).constData());
        QCOMPARE(seen->hits, quint64(1));
        QCOMPARE(seen->before, version);
        QCOMPARE(seen->afterOwn, version + 1);
        // Committed: every thread sees it.
        auto after = cache.current();
        QVERIFY2(after, errorText(after).constData());
        QCOMPARE((*after)->version, version + 1);
    }

    void readersNeverSeeLessThanWhatWasAcknowledged_data()
    {
        QTest::addColumn<bool>("otherEngine");
        QTest::newRow("this engine writes") << false;
        QTest::newRow("another engine writes") << true;
    }

    void readersNeverSeeLessThanWhatWasAcknowledged()
    {
        // Readers poll the status while a writer counts wrong codes one by one. Once a check has
        // returned (its attempt is committed), every status read that starts afterwards must
        // show at least that many attempts.
        QFETCH(bool, otherEngine);
        TestEngine t;
        std::unique_ptr<Engine> writerEngine = otherEngine ? t.another() : nullptr;
        Engine &writer = otherEngine ? *writerEngine : *t.engine;
        const QString id = started(*t.engine);
        const int checks = t->status(id)->maxAttempts - 1; // the session stays open
        std::atomic<int> acknowledged{0};
        std::atomic<bool> done{false};
        std::atomic<int> stale{0};
        std::atomic<int> reads{0};
        auto poll = [&] {
            while (!done.load()) {
                const int before = acknowledged.load();
                auto v = t->status(id);
                if (!v || v->attempts < before)
                    ++stale;
                ++reads;
            }
        };
        std::thread a(poll);
        std::thread b(poll);
        for (int i = 1; i <= checks; ++i) {
            auto wrong = writer.check({id, QStringLiteral("000000"), {QStringLiteral("t"), {}}});
            QVERIFY2(wrong, errorText(wrong).constData());
            acknowledged.store(i);
            // Let the readers take some reads from memory between the commits.
            const int seen = reads.load();
            while (reads.load() < seen + 50)
                std::this_thread::yield();
        }
        done.store(true);
        a.join();
        b.join();
        QCOMPARE(stale.load(), 0);
        QCOMPARE(t->status(id)->attempts, checks);
        QVERIFY(t->statusCacheCounts().hits > 0);
    }

    void aReadThatRacedACommitIsNotKept()
    {
        // A reader looks up (miss), the writer then commits a change to that key, and only then
        // does the reader store what it read before: the older value must not be served.
        QTemporaryDir dir;
        auto db = Database::open({dir.filePath(QStringLiteral("cache.db"))});
        QVERIFY2(db, errorText(db).constData());
        auto cache = (*db)->makeCache<int>(ReadCache<int>::Topic::Sessions, 8);
        QVERIFY(cache); // SQLite in WAL mode: changes can be tracked

        auto touch = [&](const QString &key) {
            auto done = (*db)->write<void>([&](Connection &c) -> Status {
                if (auto q = c.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (v INTEGER)")); !q)
                    return q.error();
                if (auto q = c.exec(QStringLiteral("INSERT INTO t VALUES (1)")); !q)
                    return q.error();
                c.touched().sessions.push_back(key);
                return {};
            });
            QVERIFY2(done, errorText(done).constData());
        };

        auto miss = cache->lookup(QStringLiteral("a"));
        QVERIFY(!miss.value);
        QVERIFY(miss.ticket);
        touch(QStringLiteral("a"));
        cache->store(QStringLiteral("a"), 1, *miss.ticket);
        QVERIFY(!cache->lookup(QStringLiteral("a")).value);

        // Read after the commit: kept, and still good after a commit that touched another key.
        auto fresh = cache->lookup(QStringLiteral("a"));
        QVERIFY(fresh.ticket);
        cache->store(QStringLiteral("a"), 2, *fresh.ticket);
        QCOMPARE(cache->lookup(QStringLiteral("a")).value, std::optional<int>(2));
        touch(QStringLiteral("b"));
        QCOMPARE(cache->lookup(QStringLiteral("a")).value, std::optional<int>(2));
        touch(QStringLiteral("a"));
        QVERIFY(!cache->lookup(QStringLiteral("a")).value);

        // A thread's repeated hit (answered without the cache's lock) is its own cache's only,
        // and goes with any commit, even one nobody told the cache about.
        auto other = (*db)->makeCache<int>(ReadCache<int>::Topic::Sessions, 8);
        auto again = cache->lookup(QStringLiteral("a"));
        QVERIFY(again.ticket);
        cache->store(QStringLiteral("a"), 3, *again.ticket);
        QCOMPARE(cache->lookup(QStringLiteral("a")).value, std::optional<int>(3));
        QCOMPARE(cache->lookup(QStringLiteral("a")).value, std::optional<int>(3));
        QVERIFY(!other->lookup(QStringLiteral("a")).value);
        QCOMPARE(cache->lookup(QStringLiteral("a")).value, std::optional<int>(3));
        {
            RawDb raw(dir.filePath(QStringLiteral("cache.db")));
            raw.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
        }
        QVERIFY(!cache->lookup(QStringLiteral("a")).value);

        // A full cache starts over instead of growing.
        for (int i = 0; i < 20; ++i) {
            const QString key = QString::number(i);
            auto l = cache->lookup(key);
            QVERIFY(l.ticket);
            cache->store(key, i, *l.ticket);
            QVERIFY(cache->size() <= 8);
        }
    }
};

QTEST_GUILESS_MAIN(TestReadCache)
#include "tst_read_cache.moc"
