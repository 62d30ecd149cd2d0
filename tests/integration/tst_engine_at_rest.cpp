// What a copy of the database gives away: after a full flow, the bytes of the SQLite file and
// its WAL hold neither a code nor a recipient in clear, and the stored hash is keyed (not a
// plain SHA-256 that a copy could brute-force).

#include "delivery/DeliveryProvider.h"
#include "support/TestEngine.h"

#include <QCryptographicHash>
#include <QFile>

using namespace vc;
using namespace vc::test;

// Counts what it is asked to send; never sends anything.
class CapturingProvider final : public DeliveryProvider
{
public:
    QString name() const override { return QStringLiteral("capturing"); }
    SendOutcome send(const OutgoingMessage &) override
    {
        ++sent;
        return {SendOutcome::Kind::Accepted, QStringLiteral("captured"), {}};
    }
    std::atomic<int> sent{0};
};

class TestEngineAtRest : public QObject
{
    Q_OBJECT

private:
    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Every way a value could sit in a file: UTF-8 and UTF-16 (either byte order).
    static QList<QByteArray> encodings(const QString &value)
    {
        QByteArray le, be;
        for (QChar c : value) {
            le.append(static_cast<char>(c.unicode() & 0xff))
                .append(static_cast<char>(c.unicode() >> 8));
            be.append(static_cast<char>(c.unicode() >> 8))
                .append(static_cast<char>(c.unicode() & 0xff));
        }
        return {value.toUtf8(), le, be};
    }

    static void expectAbsent(const QByteArray &haystack, const QString &what, const QString &value)
    {
        for (const QByteArray &needle : encodings(value))
            QVERIFY2(!haystack.contains(needle),
                     qPrintable(QStringLiteral("found %1 in clear").arg(what)));
    }

private slots:
    void databaseFilesHoldNoCodeAndNoRecipient()
    {
        TestEngine t(SyncMode::Full);
        // Eight characters make an accidental match in random bytes or hex text practically
        // impossible; the code path is the same for every length.
        QVERIFY(t->updateService(QStringLiteral("default"), {{QStringLiteral("code_length"), 8}},
                                 kAdmin));
        const QString phone = QStringLiteral("+4791234567");
        const QString email = QStringLiteral("kari.nordmann@example.no");

        QStringList codes;
        auto sms = t->start(startRequest(QStringLiteral("sms"), phone));
        auto mail = t->start(startRequest(QStringLiteral("email"), email));
        QVERIFY(sms && mail);
        QVERIFY(t->deliverDue());
        codes << receivedCode(*t.engine, sms->sessionId)
              << receivedCode(*t.engine, mail->sessionId);
        QVERIFY(t->check({sms->sessionId, QStringLiteral("00000000"), {}}));
        t.clock->advanceSeconds(30);
        QVERIFY(t->resend({sms->sessionId, QStringLiteral("voice"), {}}));
        QVERIFY(t->deliverDue());
        codes << receivedCode(*t.engine, sms->sessionId);
        QVERIFY(t->check({sms->sessionId, codes.last(), {}})->verified());
        // One delivery still waiting in the queue: its message (with the code) must be sealed.
        auto queued = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+46701234567")));
        QVERIFY(queued);
        for (const QString &c : codes)
            QCOMPARE(c.size(), 8);

        const QByteArray db = fileBytes(t.dbPath());
        const QByteArray wal = fileBytes(t.dbPath() + QStringLiteral("-wal"));
        QVERIFY(db.size() > 0);
        QVERIFY2(wal.size() > 0, "the WAL should hold recent commits while the engine is open");
        const QByteArray all = db + wal;
        for (const QString &c : codes)
            expectAbsent(all, QStringLiteral("a code"), c);
        for (const QString &r :
             {phone, phone.mid(1), phone.mid(3), email, QStringLiteral("kari.nordmann"),
              QStringLiteral("+46701234567"), QStringLiteral("701234567")})
            expectAbsent(all, QStringLiteral("a recipient"), r);
        // The master secret is not in the database either.
        const QByteArray key = fileBytes(t.dir.filePath(QStringLiteral("master.key")));
        QCOMPARE(key.size(), 32);
        QVERIFY(!all.contains(key));

        // After the engine closes and SQLite checkpoints, the same holds for the main file.
        t.engine.reset();
        const QByteArray closed =
            fileBytes(t.dbPath()) + fileBytes(t.dbPath() + QStringLiteral("-wal"));
        for (const QString &c : codes)
            expectAbsent(closed, QStringLiteral("a code"), c);
        expectAbsent(closed, QStringLiteral("a recipient"), phone);
        expectAbsent(closed, QStringLiteral("a recipient"), email);
    }

    void storedHashIsKeyedAndBoundToTheSession()
    {
        TestEngine t;
        QVERIFY(t->updateService(QStringLiteral("default"),
                                 {{QStringLiteral("allow_custom_code"), true}}, kAdmin));
        const QString code = QStringLiteral("482913");
        QStringList ids;
        for (const QString &to : {QStringLiteral("+4791234567"), QStringLiteral("+4791234568")}) {
            StartRequest r = startRequest(QStringLiteral("sms"), to);
            r.customCode = code;
            ids.append(t->start(r)->sessionId);
        }
        RawDb raw(t.dbPath());
        QList<QByteArray> hashes;
        for (const QString &id : ids)
            hashes.append(
                raw.scalar(QStringLiteral("SELECT code_hash FROM sessions WHERE id = ?"), {id})
                    .toByteArray());
        QCOMPARE(hashes[0].size(), 32);
        QVERIFY2(hashes[0] != hashes[1], "the same code in two sessions must hash differently");
        for (int i = 0; i < 2; ++i) {
            const QByteArray id = ids[i].toUtf8();
            const QByteArray c = code.toUtf8();
            const QList<QByteArray> plains{c, QByteArray(id + c), QByteArray(c + id),
                                           QByteArray(id + ':' + c), QByteArray(id + '\0' + c)};
            for (const QByteArray &plain : plains) {
                for (auto algo : {QCryptographicHash::Sha256, QCryptographicHash::Sha3_256,
                                  QCryptographicHash::Blake2s_256}) {
                    QVERIFY2(hashes[i] != QCryptographicHash::hash(plain, algo),
                             "the stored hash is an unkeyed digest");
                }
            }
        }
        // Still, the code verifies: the hash is checked with the pepper.
        QVERIFY(t->check({ids[0], code, {}})->verified());
    }

    void recipientIsSealedAndBlindIndexed()
    {
        TestEngine t;
        auto a = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        auto b = t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+47 912 34 567")));
        RawDb raw(t.dbPath());
        const QString sql = QStringLiteral("SELECT recipient_index, recipient_sealed, "
                                           "recipient_masked FROM sessions WHERE id = ?");
        const QList<QVariantList> rows{raw.rows(sql, {a->sessionId}).value(0),
                                       raw.rows(sql, {b->sessionId}).value(0)};
        QCOMPARE(rows[0].size(), 3);
        QCOMPARE(rows[1].size(), 3);
        // One number, however typed: one blind index, so support staff find both sessions.
        QCOMPARE(rows[0][0].toByteArray(), rows[1][0].toByteArray());
        QCOMPARE(rows[0][0].toByteArray().size(), 32);
        // Sealed separately: the ciphertexts differ (random nonce, bound to each session).
        QVERIFY(rows[0][1].toByteArray() != rows[1][1].toByteArray());
        QCOMPARE(rows[0][2].toString(), QStringLiteral("+47****4567"));

        // A sealed recipient moved to another row does not open there: delivery of that row
        // fails rather than sending to someone else. (Voice goes through a provider that needs
        // the full number; it records what it was handed.)
        auto voice = std::make_shared<CapturingProvider>();
        t->addProvider(voice, {Channel::Voice});
        raw.rows(QStringLiteral("UPDATE sessions SET recipient_sealed = ? WHERE id = ?"),
                 {rows[0][1], b->sessionId});
        raw.rows(QStringLiteral("UPDATE deliveries SET provider = ? WHERE session_id = ?"),
                 {voice->name(), b->sessionId});
        QVERIFY(t->deliverDue());
        QCOMPARE(voice->sent.load(), 0);
        // Nothing went out; when its time is up the session ends failed.
        QCOMPARE(t->status(b->sessionId)->status, SessionStatus::Pending);
        t.clock->advanceSeconds(300);
        QCOMPARE(t->status(b->sessionId)->status, SessionStatus::Failed);
        QCOMPARE(t->outbox(a->sessionId)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineAtRest)
#include "tst_engine_at_rest.moc"
