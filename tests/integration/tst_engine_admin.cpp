// The admin side of the engine: API keys (issue, authenticate, revoke — seen at once by another
// engine on the same database), the audit log, session search and paging, backup.

#include "crypto/Uuid.h"
#include "delivery/DeliveryProvider.h"
#include "support/TestEngine.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace vc;
using namespace vc::test;

// A provider that refuses every message for good (a bad number at the gateway).
class FailingProvider final : public DeliveryProvider
{
public:
    QString name() const override { return QStringLiteral("failing"); }
    SendOutcome send(const OutgoingMessage &) override
    {
        return {SendOutcome::Kind::PermanentFailure,
                {},
                QStringLiteral("rejected by the test provider")};
    }
};

class TestEngineAdmin : public QObject
{
    Q_OBJECT

private slots:
    void keysAreIssuedOnceAndStoredHashed()
    {
        TestEngine t;
        auto issued =
            t->createKey({QStringLiteral("web shop"), QStringLiteral("verify"), {}, {}}, kAdmin);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
        QVERIFY(issued->key.startsWith(QStringLiteral("vk_") + issued->info.prefix + u'_'));
        QCOMPARE(issued->key.size(), 3 + 8 + 1 + 32);
        auto who = t->authenticate(issued->key);
        QVERIFY(who);
        QCOMPARE(who->id, issued->info.id);
        QCOMPARE(who->scope, KeyScope::Verify);

        // Listing never shows the secret; the database holds only a keyed hash of it.
        const QString secret = issued->key.mid(12);
        for (const ApiKeyInfo &k : *t->keys())
            QVERIFY(!k.prefix.contains(secret));
        RawDb raw(t.dbPath());
        const QByteArray hash =
            raw.scalar(QStringLiteral("SELECT secret_hash FROM api_keys")).toByteArray();
        QCOMPARE(hash.size(), 32);
        QVERIFY(!hash.contains(secret.toLatin1()));
        QFile db(t.dbPath());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(secret.toLatin1()));
    }

    void everyBadKeyGetsTheSameAnswer()
    {
        TestEngine t;
        auto good = t->createKey({QStringLiteral("a"), QStringLiteral("admin"), {}, 1}, kAdmin);
        auto revoked = t->createKey({QStringLiteral("b"), QStringLiteral("admin"), {}, {}}, kAdmin);
        QVERIFY(t->revokeKey(revoked->info.prefix, kAdmin));
        QString wrongSecret = good->key;
        wrongSecret[wrongSecret.size() - 1] = wrongSecret.back() == u'a' ? u'b' : u'a';
        QString unknownPrefix = good->key;
        unknownPrefix[3] = unknownPrefix[3] == u'a' ? u'b' : u'a';

        QList<Error> errors;
        for (const QString &k :
             {QString(), QStringLiteral("nonsense"), wrongSecret, unknownPrefix, revoked->key})
            errors.append(t->authenticate(k).error());
        t.clock->advanceSeconds(86400); // the one-day key expires
        errors.append(t->authenticate(good->key).error());
        for (const Error &e : errors) {
            QCOMPARE(e.code, ErrorCode::Unauthorized);
            QCOMPARE(e.message, errors.first().message);
        }
        for (const ApiKeyInfo &k : *t->keys())
            QCOMPARE(k.state(t.clock->nowMs()),
                     k.id == good->info.id ? QStringLiteral("expired") : QStringLiteral("revoked"));
    }

    void revocationReachesAnotherProcessAtOnce()
    {
        TestEngine t;
        auto other = t.another();
        auto issued =
            t->createKey({QStringLiteral("app"), QStringLiteral("verify"), {}, {}}, kAdmin);
        QVERIFY(other->authenticate(issued->key)); // the other engine sees the new key
        QVERIFY(t->revokeKey(issued->info.id, kAdmin));
        QCOMPARE(other->authenticate(issued->key).error().code, ErrorCode::Unauthorized);
        auto again = t->revokeKey(issued->info.prefix, kAdmin);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(t->revokeKey(QStringLiteral("nosuchkey"), kAdmin).error().code,
                 ErrorCode::NotFound);
    }

    void serviceChangesReachAnotherProcessAtOnce()
    {
        TestEngine t;
        auto other = t.another();
        QCOMPARE(other->service(QStringLiteral("default"))->ttlSeconds, 300); // cached now
        QVERIFY(t->updateService(QStringLiteral("default"), {{QStringLiteral("ttl_seconds"), 900}},
                                 kAdmin));
        QCOMPARE(other->service(QStringLiteral("default"))->ttlSeconds, 900);
        auto started =
            other->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QCOMPARE(started->expiresAt - started->createdAt, 900'000);
        QVERIFY(t->setMessageTemplate(QStringLiteral("default"), QStringLiteral("en"),
                                      QStringLiteral("sms"), QStringLiteral("{app_name}: {code}"),
                                      kAdmin));
        QCOMPARE(*other->messageTemplate(QStringLiteral("default"), QStringLiteral("en"),
                                         QStringLiteral("sms")),
                 QStringLiteral("{app_name}: {code}"));
    }

    void keyRequestsAreValidated()
    {
        TestEngine t;
        QCOMPARE(t->createKey({QString(), QStringLiteral("verify"), {}, {}}, kAdmin).error().field,
                 QStringLiteral("name"));
        QCOMPARE(t->createKey({QStringLiteral("x"), QStringLiteral("root"), {}, {}}, kAdmin)
                     .error()
                     .field,
                 QStringLiteral("scope"));
        QCOMPARE(t->createKey(
                      {QStringLiteral("x"), QStringLiteral("verify"), QStringLiteral("nosuch"), {}},
                      kAdmin)
                     .error()
                     .field,
                 QStringLiteral("service_id"));
        QCOMPARE(t->createKey({QStringLiteral("x"), QStringLiteral("verify"), {}, 0}, kAdmin)
                     .error()
                     .field,
                 QStringLiteral("expires_in_days"));
        QCOMPARE(t->keys()->size(), 0);
    }

    void lastUseIsRecordedWithoutAWritePerRequest()
    {
        TestEngine t;
        auto issued =
            t->createKey({QStringLiteral("app"), QStringLiteral("verify"), {}, {}}, kAdmin);
        t.clock->advanceSeconds(10);
        for (int i = 0; i < 20; ++i)
            QVERIFY(t->authenticate(issued->key));
        RawDb raw(t.dbPath());
        QVERIFY(raw.scalar(QStringLiteral("SELECT last_used_at FROM api_keys")).isNull());
        QCOMPARE(t->keys()->first().lastUsedAt, std::optional<qint64>(kT0 + 10'000));
        QVERIFY(t->flushKeyUsage());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT last_used_at FROM api_keys")).toLongLong(),
                 kT0 + 10'000);
    }

    // A thread remembers the key it last let in (a kept-alive connection presents the same key
    // on every request); what it remembers must never let a different key, an expired key or a
    // revoked one in.
    void aRememberedKeyIsStillCheckedEveryTime()
    {
        TestEngine t;
        auto issued = t->createKey({QStringLiteral("a"), QStringLiteral("verify"), {}, 1}, kAdmin);
        auto other = t->createKey({QStringLiteral("b"), QStringLiteral("admin"), {}, {}}, kAdmin);
        const auto denied = [&](const QString &key) {
            const auto r = t->authenticate(key);
            return !r && r.error().code == ErrorCode::Unauthorized;
        };
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(t->authenticate(issued->key)->id, issued->info.id);

        // Each character of the secret and the prefix changed in turn: none is let in.
        for (qsizetype i = 3; i < issued->key.size(); ++i) {
            if (i == 11)
                continue; // the '_' between prefix and secret
            QString changed = issued->key;
            changed[i] = changed[i] == u'a' ? u'b' : u'a';
            QVERIFY2(denied(changed), qPrintable(QStringLiteral("character %1").arg(i)));
            QVERIFY(t->authenticate(issued->key)); // and the key itself again, remembered
        }
        QVERIFY(t->authenticate(issued->key + u' ')); // trimmed, as before
        QCOMPARE(t->authenticate(other->key)->scope, KeyScope::Admin);
        QCOMPARE(t->authenticate(issued->key)->scope, KeyScope::Verify);

        // Expiry is a matter of time: the remembered key expires without any write.
        t.clock->advanceSeconds(86400);
        QVERIFY(denied(issued->key));

        // Revoked by another process while this thread remembers it.
        QVERIFY(t->authenticate(other->key));
        auto elsewhere = t.another();
        QVERIFY(elsewhere->revokeKey(other->info.id, kAdmin));
        QVERIFY(denied(other->key));
    }

    void lastUseIsKeptToTheSecond()
    {
        TestEngine t;
        auto issued =
            t->createKey({QStringLiteral("app"), QStringLiteral("verify"), {}, {}}, kAdmin);
        const auto lastUse = [&] { return t->keys()->first().lastUsedAt; };
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(lastUse(), std::optional<qint64>(kT0));
        t.clock->advanceMs(400); // within the second: not noted again
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(lastUse(), std::optional<qint64>(kT0));
        t.clock->advanceMs(700); // 1.1 s after the noted use
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(lastUse(), std::optional<qint64>(kT0 + 1100));
        QVERIFY(t->flushKeyUsage());
        t.clock->advanceSeconds(5);
        QVERIFY(t->authenticate(issued->key));
        QCOMPARE(lastUse(), std::optional<qint64>(kT0 + 6100));
    }

    void adminActionsAreAudited()
    {
        TestEngine t;
        auto issued =
            t->createKey({QStringLiteral("app"), QStringLiteral("verify"), {}, {}}, kAdmin);
        QVERIFY(t->revokeKey(issued->info.id, kAdmin));
        QVERIFY(t->updateService(QStringLiteral("default"), {{QStringLiteral("max_attempts"), 3}},
                                 kAdmin));
        auto s = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        t.clock->advanceSeconds(30);
        QVERIFY(t->resend({s->sessionId, {}, kAdmin}));
        QVERIFY(t->cancel(s->sessionId, kAdmin));
        // An application's own cancel is not a staff action.
        auto app = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568")));
        QVERIFY(t->cancel(app->sessionId, {QStringLiteral("api_key"), QStringLiteral("x"), false}));

        auto log = t->audit({});
        QVERIFY(log);
        QStringList actions;
        for (const AuditEntry &e : *log)
            actions.prepend(e.action);
        QCOMPARE(actions,
                 (QStringList{QStringLiteral("key.create"), QStringLiteral("key.revoke"),
                              QStringLiteral("service.update"), QStringLiteral("session.resend"),
                              QStringLiteral("session.cancel")}));
        for (const AuditEntry &e : *log)
            QCOMPARE(e.actor, QStringLiteral("test:admin"));
        const AuditEntry update = log->at(2);
        QCOMPARE(update.targetId, QStringLiteral("default"));
        QCOMPARE(update.detail.value(QStringLiteral("max_attempts")).toObject(),
                 (QJsonObject{{QStringLiteral("from"), 5}, {QStringLiteral("to"), 3}}));
        // Nothing secret in the log: no key secret, no full number.
        for (const AuditEntry &e : *log) {
            const QString text = e.detail.isEmpty()
                                     ? QString()
                                     : QString::fromUtf8(QJsonDocument(e.detail).toJson());
            QVERIFY(!text.contains(issued->key.mid(12)));
            QVERIFY(!text.contains(QStringLiteral("91234567")));
        }
        QCOMPARE(t->audit({QStringLiteral("KEY."), 0, 50})->size(), 2);
        QCOMPARE(t->audit({{}, log->at(1).id, 50})->size(), 3); // paging below an id
        QCOMPARE(t->audit({{}, 0, 0}).error().field, QStringLiteral("limit"));
    }

    void sessionSearchFiltersAndPages()
    {
        TestEngine t;
        QVERIFY(t->createService(QStringLiteral("shop"), {}, kAdmin));
        QStringList ids;
        for (int i = 0; i < 7; ++i) {
            StartRequest r = startRequest(i % 2 ? QStringLiteral("voice") : QStringLiteral("sms"),
                                          QStringLiteral("+479123450%1").arg(i % 3));
            r.serviceId = i < 5 ? QString() : QStringLiteral("shop");
            ids.prepend(t->start(r)->sessionId);
            t.clock->advanceSeconds(60);
        }
        QVERIFY(t->cancel(ids.first(), kAdmin));

        auto all = t->findSessions({});
        QCOMPARE(all->sessions.size(), 7);
        QCOMPARE(all->sessions.first().id, ids.first()); // newest first
        QVERIFY(all->nextCursor.isEmpty());

        SessionQuery page;
        page.limit = 3;
        QStringList seen;
        for (int n = 0; n < 5; ++n) {
            auto p = t->findSessions(page);
            for (const SessionView &v : p->sessions)
                seen.append(v.id);
            if (p->nextCursor.isEmpty())
                break;
            page.cursor = p->nextCursor;
        }
        QCOMPARE(seen, ids);

        SessionQuery q;
        q.serviceId = QStringLiteral("shop");
        QCOMPARE(t->findSessions(q)->sessions.size(), 2);
        q = {};
        q.channel = Channel::Voice;
        QCOMPARE(t->findSessions(q)->sessions.size(), 3);
        q = {};
        q.status = SessionStatus::Cancelled;
        QCOMPARE(t->findSessions(q)->sessions.size(), 1);
        q = {};
        q.recipient = QStringLiteral("+47 91 23 45 00"); // any spelling of the same number
        QCOMPARE(t->findSessions(q)->sessions.size(), 3);
        q = {};
        q.fromMs = kT0 + 120'000;
        q.toMs = kT0 + 300'000;
        QCOMPARE(t->findSessions(q)->sessions.size(), 3);

        q = {};
        q.recipient = QStringLiteral("not a recipient");
        QCOMPARE(t->findSessions(q).error().field, QStringLiteral("recipient"));
        q = {};
        q.cursor = QStringLiteral("'; DROP TABLE sessions; --");
        QCOMPARE(t->findSessions(q).error().field, QStringLiteral("cursor"));
        q = {};
        q.limit = 501;
        QCOMPARE(t->findSessions(q).error().field, QStringLiteral("limit"));
    }

    void deliveryQueueAndRetry()
    {
        TestEngine t;
        auto failing = std::make_shared<FailingProvider>();
        t->addProvider(failing, {Channel::Voice});
        auto s = t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+4791234567")));
        QVERIFY(t->deliverDue());
        auto queue = t->deliveries({});
        QVERIFY(queue);
        QCOMPARE(queue->size(), 1);
        QCOMPARE(queue->first().state, QStringLiteral("failed"));
        QCOMPARE(queue->first().recipientMasked, QStringLiteral("+47****4567"));
        QCOMPARE(queue->first().lastError, QStringLiteral("rejected by the test provider"));
        // A failed delivery leaves the session open, so it can be retried — under the resend
        // rules: not within the cooldown...
        QCOMPARE(t->status(s->sessionId)->status, SessionStatus::Pending);
        auto early = t->retryDelivery(queue->first().id, kAdmin);
        QCOMPARE(early.error().reason, QStringLiteral("resend_cooldown"));
        // ...then with a new code by the same channel, audited.
        t.clock->advanceSeconds(30);
        auto retried = t->retryDelivery(queue->first().id, kAdmin);
        QVERIFY2(retried, qPrintable(retried ? QString() : retried.error().toString()));
        QCOMPARE(retried->resends, 1);
        QCOMPARE(retried->channel, Channel::Voice);
        QCOMPARE(t->deliveries({{QStringLiteral("queued")}, 0, 10})->size(), 1);
        QCOMPARE(t->audit({QStringLiteral("session.resend"), 0, 10})->size(), 1);
        // Only failed deliveries are retried.
        const qint64 queuedId = t->deliveries({{QStringLiteral("queued")}, 0, 10})->first().id;
        QCOMPARE(t->retryDelivery(queuedId, kAdmin).error().reason,
                 QStringLiteral("delivery_not_failed"));
        QCOMPARE(t->retryDelivery(424242, kAdmin).error().code, ErrorCode::NotFound);
        QCOMPARE(t->deliveries({{QStringLiteral("lost")}, 0, 10}).error().field,
                 QStringLiteral("state"));

        // When its time runs out with no message out, the session ends failed, not expired.
        QVERIFY(t->deliverDue());
        t.clock->advanceSeconds(300);
        QCOMPARE(t->status(s->sessionId)->status, SessionStatus::Failed);
        const SessionEvent last = t->events(s->sessionId)->last();
        QCOMPARE(last.type, QStringLiteral("failed"));
        QCOMPARE(last.detail.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("delivery_failed"));
    }

    void retentionPurgesOldSessionsAndKeepsStatistics()
    {
        TestEngine t;
        QCOMPARE(*t->retentionDays(), Engine::DefaultRetentionDays);
        QCOMPARE(t->setRetentionDays(0, kAdmin).error().field, QStringLiteral("retention_days"));
        QVERIFY(t->setRetentionDays(7, kAdmin));
        QCOMPARE(*t->retentionDays(), 7);
        auto old = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(t->deliverDue());
        QVERIFY(t->cancel(old->sessionId, kAdmin));
        auto open = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568")));
        t.clock->advanceSeconds(3 * 86400);
        auto recent = t->start(startRequest(QStringLiteral("email"), QStringLiteral("a@b.no")));
        QVERIFY(t->cancel(recent->sessionId, kAdmin));
        t.clock->advanceSeconds(5 * 86400); // the first is 8 days old, the last 5
        QVERIFY(t->sweepExpired());

        auto purged = t->purgeOldSessions();
        QVERIFY(purged);
        QCOMPARE(*purged, 2); // the cancelled one and the one that expired 8 days ago
        QCOMPARE(t->status(old->sessionId).error().code, ErrorCode::NotFound);
        QCOMPARE(t->status(open->sessionId).error().code, ErrorCode::NotFound);
        QVERIFY(t->status(recent->sessionId));
        RawDb raw(t.dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM session_events WHERE session_id "
                                           "= ?"),
                            {old->sessionId})
                     .toInt(),
                 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages")).toInt(), 0);
        QCOMPARE(t->stats({0, 0, {}})->total, 3); // statistics stay
        QCOMPARE(t->audit({QStringLiteral("retention"), 0, 10})->size(), 1);
    }

    void anotherProcessesCommitIsNoticed()
    {
        TestEngine t;
        auto other = t.another();
        t->startBackgroundWork(50, 60'000);
        QSignalSpy changed(t.engine.get(), &Engine::databaseChanged);
        QTest::qWait(1500); // the watch has seen the current version
        changed.clear();
        QVERIFY(other->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"))));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
        t->stopBackgroundWork();
    }

    void backupIsAWorkingCopy()
    {
        TestEngine t;
        auto s = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(t->deliverDue());
        const QString code = receivedCode(*t.engine, s->sessionId);
        const QString file = t.dir.filePath(QStringLiteral("copy.db"));
        QVERIFY(t->backup(file));
        QCOMPARE(t->backup(file).error().code, ErrorCode::Conflict); // never overwrites

        // The copy opens with the same master secret and holds the session.
        QTemporaryDir restored;
        QVERIFY(QFile::copy(file, restored.filePath(QStringLiteral("verify.db"))));
        QVERIFY(QFile::copy(t.dir.filePath(QStringLiteral("master.key")),
                            restored.filePath(QStringLiteral("master.key"))));
        QFile::setPermissions(restored.filePath(QStringLiteral("master.key")),
                              QFile::ReadOwner | QFile::WriteOwner);
        EngineConfig c;
        c.dataDir = restored.path();
        auto copy = Engine::open(c, t.clock);
        QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().toString()));
        QVERIFY((*copy)->check({s->sessionId, code, {}})->verified());
    }
};

QTEST_GUILESS_MAIN(TestEngineAdmin)
#include "tst_engine_admin.moc"
