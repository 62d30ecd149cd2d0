// Status webhooks against a real HTTP receiver on 127.0.0.1 (a QTcpServer on its own thread):
// each status change is queued in its own transaction, signed with the service's secret (checked
// here with an independent HMAC), retried with backoff after failures until one attempt
// succeeds, recorded as session events, and survives closing the engine before it was sent.

#include "delivery/WebhookDispatcher.h"
#include "support/ClosedPort.h"
#include "support/TestEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace vc;
using namespace vc::test;

namespace {

// A webhook receiver: answers each POST with the next status of its script (200 once the script
// is used up) and keeps what it received.
class Receiver
{
public:
    struct Request
    {
        QByteArray signature;
        QByteArray eventId;
        QByteArray body;
    };

    // `delayMs`: how long it takes to answer each request.
    explicit Receiver(QList<int> script = {}, int delayMs = 0)
        : m_script(std::move(script))
        , m_delayMs(delayMs)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new QTcpServer(&m_context);
                QObject::connect(m_server, &QTcpServer::newConnection, &m_context,
                                 [this] { accept(); });
                if (!m_server->listen(QHostAddress::LocalHost))
                    qFatal("receiver cannot listen");
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~Receiver()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    QString url(const QString &path = QStringLiteral("/hooks/verify?token=app-own-token")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    qsizetype count() const { return requests().size(); }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request r;
                qsizetype length = 0;
                for (const QByteArray &line : buffer->left(end).split('\n')) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon < 0)
                        continue;
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    if (name == "content-length")
                        length = value.toLongLong();
                    else if (name == "x-verify-signature")
                        r.signature = value;
                    else if (name == "x-verify-event-id")
                        r.eventId = value;
                }
                if (buffer->size() < end + 4 + length)
                    return;
                r.body = buffer->mid(end + 4, length);
                int status = 200;
                {
                    QMutexLocker lock(&m_mutex);
                    if (m_requests.size() < m_script.size())
                        status = m_script.at(m_requests.size());
                    m_requests.append(r);
                }
                QTimer::singleShot(m_delayMs, socket, [socket, status] {
                    socket->write("HTTP/1.1 " + QByteArray::number(status) +
                                  " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                    socket->disconnectFromHost();
                });
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    QThread m_thread;
    QObject m_context;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<int> m_script;
    int m_delayMs = 0;
    QList<Request> m_requests;
};

// Checks a received webhook as a receiver would: the signature is an HMAC-SHA256 of "t.body"
// under the secret, computed here with Qt's own HMAC, not the engine's.
bool signatureValid(const Receiver::Request &r, const QString &secret, qint64 *t = nullptr)
{
    const QList<QByteArray> parts = r.signature.split(',');
    if (parts.size() != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1="))
        return false;
    const QByteArray ts = parts[0].mid(2);
    const QByteArray expected = QMessageAuthenticationCode::hash(ts + '.' + r.body, secret.toUtf8(),
                                                                 QCryptographicHash::Sha256)
                                    .toHex();
    if (t)
        *t = ts.toLongLong();
    return expected == parts[1].mid(3);
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QList<SessionEvent> eventsOf(Engine &engine, const QString &sessionId, const QString &type)
{
    QList<SessionEvent> out;
    auto all = engine.events(sessionId);
    if (all)
        for (const SessionEvent &e : *all)
            if (e.type == type)
                out.append(e);
    return out;
}

// The queued webhooks of a session: (event, body) in order.
QList<QVariantList> queued(const TestEngine &t, const QString &sessionId)
{
    return RawDb(t.dbPath())
        .rows(QStringLiteral("SELECT event, body, state, attempts FROM webhooks WHERE "
                             "session_id = ? ORDER BY id"),
              {sessionId});
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void retriedUntilTheReceiverAccepts();
    void queuedWebhookSurvivesClosingTheEngine();
    void givesUpAfterTheMaximumAttempts();
    void everyStatusChangeIsQueued();
    void serviceWebhookUrlAndSecret();
    void badUrlsAreRefusedNamingTheField();
    void slowReceiversDoNotHoldBackCodes();
    void failedWebhooksAreSentAgainByHand();
    void everyFailedWebhookIsSentAgainAfterAnOutage();
};

void TestWebhooks::retriedUntilTheReceiverAccepts()
{
    TestEngine t;
    Receiver receiver({500, 500});
    auto secret = t->webhookSecret(QStringLiteral("default"), kAdmin);
    QVERIFY2(secret, errorText(secret).constData());

    StartRequest r = startRequest(QStringLiteral("email"), QStringLiteral("ada@example.com"));
    r.callbackUrl = receiver.url();
    r.reference = QStringLiteral("order-42");
    auto started = t->start(r);
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    QCOMPARE(queued(t, id).size(), 0); // pending is where a session starts: no webhook
    QVERIFY(t->deliverDue());          // the local outbox delivers: pending -> delivered
    QCOMPARE(queued(t, id).size(), 1);
    const QString code = receivedCode(*t.engine, id);
    QVERIFY(!code.isEmpty());

    // Attempt 1: 500. Not due again until the backoff has passed.
    QCOMPARE(*t->deliverWebhooks(), 1);
    QCOMPARE(receiver.count(), 1);
    QCOMPARE(*t->deliverWebhooks(), 0);
    // Attempt 2: 500; attempt 3: 200.
    for (int attempt = 2; attempt <= 3; ++attempt) {
        t.clock->setMs(RawDb(t.dbPath())
                           .scalar(QStringLiteral("SELECT next_attempt_at FROM webhooks"))
                           .toLongLong());
        QCOMPARE(*t->deliverWebhooks(), 1);
        QCOMPARE(receiver.count(), attempt);
    }
    QCOMPARE(*t->deliverWebhooks(), 0); // accepted: nothing more to send

    const auto got = receiver.requests();
    QCOMPARE(got.size(), 3);
    for (const Receiver::Request &req : got) {
        qint64 ts = 0;
        QVERIFY2(signatureValid(req, *secret, &ts), req.signature.constData());
        QVERIFY(ts >= kT0 / 1000 && ts <= t.clock->nowMs() / 1000); // signed at the attempt
        QCOMPARE(req.eventId, got.first().eventId);                 // the same event each time
        QCOMPARE(req.body, got.first().body);
        QVERIFY(!req.body.contains(code.toUtf8()));
        QVERIFY(!req.body.contains("ada@example.com"));
    }
    // A wrong secret does not verify.
    QVERIFY(!signatureValid(got.first(), *secret + QStringLiteral("x")));
    const QJsonObject body = json(got.first().body);
    QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("session.delivered"));
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(body.value(QStringLiteral("session_id")).toString(), id);
    QCOMPARE(body.value(QStringLiteral("service_id")).toString(), QStringLiteral("default"));
    QCOMPARE(body.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(body.value(QStringLiteral("reference")).toString(), QStringLiteral("order-42"));
    QCOMPARE(body.value(QStringLiteral("time_ms")).toInteger(), kT0);
    QCOMPARE(body.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-03-02T10:00:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("event_id")).toString(), QString::fromUtf8(got[0].eventId));

    // Each attempt is an event: two failures (500, will retry), then one success.
    const auto failed = eventsOf(*t.engine, id, QStringLiteral("webhook_failed"));
    const auto sent = eventsOf(*t.engine, id, QStringLiteral("webhook_sent"));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(sent.size(), 1);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(failed[i].detail.value(QStringLiteral("http_status")).toInt(), 500);
        QCOMPARE(failed[i].detail.value(QStringLiteral("attempt")).toInt(), i + 1);
        QCOMPARE(failed[i].detail.value(QStringLiteral("will_retry")).toBool(), true);
    }
    QCOMPARE(sent[0].detail.value(QStringLiteral("http_status")).toInt(), 200);
    QCOMPARE(sent[0].detail.value(QStringLiteral("attempt")).toInt(), 3);
    QCOMPARE(sent[0].detail.value(QStringLiteral("event")).toString(),
             QStringLiteral("session.delivered"));
    // The callback URL's query (the application's own token) is not on the log.
    auto all = t->events(id);
    QVERIFY(!QJsonDocument(all->last().detail).toJson().contains("app-own-token"));

    // Verifying sends the next webhook, accepted at once.
    CheckRequest check{id, code, {}};
    QVERIFY(t->check(check)->verified());
    QCOMPARE(*t->deliverWebhooks(), 1);
    QCOMPARE(receiver.count(), 4);
    QVERIFY(signatureValid(receiver.requests().last(), *secret));
    QCOMPARE(json(receiver.requests().last().body).value(QStringLiteral("type")).toString(),
             QStringLiteral("session.verified"));
    QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("webhook_sent")).size(), 2);

    // Done: nothing more is sent, however long we wait.
    t.clock->advanceSeconds(48 * 3600);
    QCOMPARE(*t->deliverWebhooks(), 0);
    QCOMPARE(receiver.count(), 4);
}

void TestWebhooks::queuedWebhookSurvivesClosingTheEngine()
{
    TestEngine t;
    Receiver receiver;
    QVERIFY(t->updateService(QStringLiteral("default"),
                             {{QStringLiteral("webhook_url"), receiver.url()}}, kAdmin));
    auto started = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY(started);
    QVERIFY(t->cancel(started->sessionId, kAdmin));
    QCOMPARE(*t->webhookQueueDepth(), 1);
    QCOMPARE(receiver.count(), 0);

    t.reopen(); // closed before anything was sent
    const QString secret = *t->webhookSecret(QStringLiteral("default"), kAdmin);
    t->startBackgroundWork(50, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        eventsOf(*t.engine, started->sessionId, QStringLiteral("webhook_sent")).size(), 1, 5000);
    t->stopBackgroundWork();
    const auto got = receiver.requests();
    QVERIFY(signatureValid(got.first(), secret));
    QCOMPARE(json(got.first().body).value(QStringLiteral("type")).toString(),
             QStringLiteral("session.cancelled"));
    QCOMPARE(*t->webhookQueueDepth(), 0);
    QCOMPARE(receiver.count(), 1);
}

void TestWebhooks::givesUpAfterTheMaximumAttempts()
{
    TestEngine t;
    Receiver receiver(QList<int>(20, 503));
    StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
    r.callbackUrl = receiver.url();
    auto started = t->start(r);
    QVERIFY(started);
    QVERIFY(t->cancel(started->sessionId, kAdmin));
    for (int i = 0; i < 15; ++i) {
        (void)t->deliverWebhooks();
        t.clock->setMs(qMax(t.clock->nowMs(),
                            RawDb(t.dbPath())
                                .scalar(QStringLiteral("SELECT next_attempt_at FROM webhooks"))
                                .toLongLong()));
    }
    QCOMPARE(receiver.count(), WebhookDispatcher::MaxAttempts);
    const auto rows = queued(t, started->sessionId);
    QCOMPARE(rows.first().at(2).toString(), QStringLiteral("failed"));
    const auto failed = eventsOf(*t.engine, started->sessionId, QStringLiteral("webhook_failed"));
    QCOMPARE(failed.size(), WebhookDispatcher::MaxAttempts);
    QCOMPARE(failed.last().detail.value(QStringLiteral("will_retry")).toBool(), false);
    QCOMPARE(failed.last().detail.value(QStringLiteral("http_status")).toInt(), 503);
    QVERIFY(t.clock->nowMs() - kT0 < WebhookDispatcher::MaxAgeMs);
}

void TestWebhooks::everyStatusChangeIsQueued()
{
    TestEngine t;
    const QString url = QStringLiteral("https://receiver.example/hook");
    const auto start = [&] {
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        r.callbackUrl = url;
        auto s = t->start(r);
        if (!s)
            qFatal("start failed");
        return s->sessionId;
    };
    const auto typesOf = [&](const QString &id) {
        QStringList types;
        for (const QVariantList &row : queued(t, id)) {
            const QJsonObject body = json(row.at(1).toByteArray());
            QString type = body.value(QStringLiteral("type")).toString();
            if (body.contains(QStringLiteral("reason")))
                type += u'/' + body.value(QStringLiteral("reason")).toString();
            types.append(type);
        }
        return types;
    };

    const QString cancelled = start();
    QVERIFY(t->cancel(cancelled, kAdmin));
    QCOMPARE(typesOf(cancelled), QStringList{QStringLiteral("session.cancelled")});

    const QString locked = start();
    for (int i = 0; i < 5; ++i)
        (void)t->check({locked, QStringLiteral("000000"), {}});
    QCOMPARE(typesOf(locked), QStringList{QStringLiteral("session.failed/max_attempts_reached")});

    const QString expired = start();
    t.clock->advanceSeconds(301);
    QVERIFY(t->sweepExpired());
    QCOMPARE(typesOf(expired), QStringList{QStringLiteral("session.expired")});

    // No callback URL and no service webhook URL: nothing is queued.
    auto plain = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234568")));
    QVERIFY(t->cancel(plain->sessionId, kAdmin));
    QCOMPARE(queued(t, plain->sessionId).size(), 0);
}

void TestWebhooks::serviceWebhookUrlAndSecret()
{
    TestEngine t;
    auto first = t->webhookSecret(QStringLiteral("default"), kAdmin);
    QVERIFY(first);
    QVERIFY(first->startsWith(QStringLiteral("whsec_")));
    QCOMPARE(*t->webhookSecret(QStringLiteral("default"), kAdmin), *first);
    auto rotated = t->rotateWebhookSecret(QStringLiteral("default"), kAdmin);
    QVERIFY(rotated);
    QVERIFY(*rotated != *first);
    t.reopen();
    QCOMPARE(*t->webhookSecret(QStringLiteral("default"), kAdmin), *rotated);
    // Sealed at rest, and never in the audit log.
    RawDb raw(t.dbPath());
    const QByteArray sealed =
        raw.scalar(QStringLiteral("SELECT secret_sealed FROM webhook_secrets")).toByteArray();
    QVERIFY(!sealed.isEmpty());
    QVERIFY(!sealed.contains(rotated->toUtf8()));
    QVERIFY(!sealed.contains(rotated->mid(6).toUtf8()));
    const auto audit = raw.rows(QStringLiteral("SELECT action, detail FROM audit_log WHERE "
                                               "action LIKE 'service.webhook_secret%'"));
    QCOMPARE(audit.size(), 4);
    for (const auto &row : audit)
        QVERIFY(!row.at(1).toString().contains(rotated->mid(6)));
    QCOMPARE(t->webhookSecret(QStringLiteral("nope"), kAdmin).error().code, ErrorCode::NotFound);

    auto updated = t->updateService(
        QStringLiteral("default"),
        {{QStringLiteral("webhook_url"), QStringLiteral("https://hooks.example/verify")}}, kAdmin);
    QVERIFY(updated);
    QCOMPARE(updated->webhookUrl, QStringLiteral("https://hooks.example/verify"));
    t.reopen();
    QCOMPARE(t->service(QStringLiteral("default"))->webhookUrl,
             QStringLiteral("https://hooks.example/verify"));
}

void TestWebhooks::badUrlsAreRefusedNamingTheField()
{
    TestEngine t;
    const QStringList bad{QStringLiteral("ftp://example.com/hook"), QStringLiteral("/relative"),
                          QStringLiteral("javascript:alert(1)"),
                          QStringLiteral("https://example.com/a b"),
                          QStringLiteral("https://example.com/") + QString(2100, u'a')};
    for (const QString &url : bad) {
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
        r.callbackUrl = url;
        auto started = t->start(r);
        QVERIFY(!started);
        QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(started.error().field, QStringLiteral("callback_url"));
        auto updated = t->updateService(QStringLiteral("default"),
                                        {{QStringLiteral("webhook_url"), url}}, kAdmin);
        QVERIFY(!updated);
        QCOMPARE(updated.error().field, QStringLiteral("webhook_url"));
    }
    // Empty clears it.
    QVERIFY(t->updateService(QStringLiteral("default"),
                             {{QStringLiteral("webhook_url"), QString()}}, kAdmin));
}

// Webhooks share the thread that sends codes: one pass starts no new webhook after its time
// budget (2 s), so a slow receiver holds the next codes back for about that long, not for a
// whole batch of timeouts. The rest follow in later passes.
void TestWebhooks::slowReceiversDoNotHoldBackCodes()
{
    TestEngine t;
    Receiver receiver({}, 1200); // each answer takes 1.2 s
    QStringList ids;
    for (int i = 0; i < 4; ++i) {
        StartRequest r =
            startRequest(QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(i));
        r.callbackUrl = receiver.url();
        auto started = t->start(r);
        QVERIFY2(started, errorText(started).constData());
        ids.append(started->sessionId);
    }
    QVERIFY(t->deliverDue()); // delivered: one webhook queued per session
    // Two answers take 2.4 s, past the budget: the pass stops after the first or second.
    auto first = t->deliverWebhooks();
    QVERIFY2(first, errorText(first).constData());
    QVERIFY2(*first >= 1 && *first <= 2, qPrintable(QString::number(*first)));
    int sent = *first;
    for (int pass = 0; pass < 4 && sent < 4; ++pass) {
        auto n = t->deliverWebhooks();
        QVERIFY2(n, errorText(n).constData());
        QVERIFY(*n <= 2);
        sent += *n;
    }
    QCOMPARE(sent, 4);
    QCOMPARE(receiver.count(), 4);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(eventsOf(*t.engine, id, QStringLiteral("webhook_sent")).size(), 1);
}

void TestWebhooks::failedWebhooksAreSentAgainByHand()
{
    TestEngine t;
    // Down for all the automatic attempts and the first one by hand, then back.
    Receiver receiver(QList<int>(WebhookDispatcher::MaxAttempts + 1, 503));
    auto secret = t->webhookSecret(QStringLiteral("default"), kAdmin);
    QVERIFY(secret);
    StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567"));
    r.callbackUrl = receiver.url();
    auto started = t->start(r);
    QVERIFY(started);
    const QString id = started->sessionId;
    const auto nextAttemptAt = [&] {
        return RawDb(t.dbPath())
            .scalar(QStringLiteral("SELECT next_attempt_at FROM webhooks"))
            .toLongLong();
    };

    // Unknown and malformed sessions, and one with nothing failed, are refused.
    auto unknown = t->retryWebhooks(QStringLiteral("01a22b5f-0851-74c5-a6e6-03f8cf178881"), kAdmin);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    auto malformed = t->retryWebhooks(QStringLiteral("not-an-id"), kAdmin);
    QVERIFY(!malformed);
    QCOMPARE(malformed.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(t->webhooks(QStringLiteral("01a22b5f-0851-74c5-a6e6-03f8cf178881")).error().code,
             ErrorCode::NotFound);
    QCOMPARE(t->webhooks(QStringLiteral("not-an-id")).error().code, ErrorCode::InvalidArgument);
    auto nothing = t->retryWebhooks(id, kAdmin);
    QVERIFY(!nothing);
    QCOMPARE(nothing.error().code, ErrorCode::Conflict);
    QCOMPARE(nothing.error().reason, QStringLiteral("no_failed_webhooks"));

    QVERIFY(t->cancel(id, kAdmin));
    for (int i = 0; i < WebhookDispatcher::MaxAttempts; ++i) {
        QCOMPARE(*t->deliverWebhooks(), 1);
        t.clock->setMs(qMax(t.clock->nowMs(), nextAttemptAt()));
    }
    QCOMPARE(*t->deliverWebhooks(), 0);
    auto hooks = t->webhooks(id);
    QVERIFY2(hooks, errorText(hooks).constData());
    QCOMPARE(hooks->size(), 1);
    QCOMPARE(hooks->first().state, QStringLiteral("failed"));
    QCOMPARE(hooks->first().attempts, WebhookDispatcher::MaxAttempts);
    const auto eventsBefore = t->events(id)->size();

    // By hand: queued again for now, its attempts counted afresh, an event and an audit entry.
    auto again = t->retryWebhooks(id, kAdmin);
    QVERIFY2(again, errorText(again).constData());
    QCOMPARE(again->id, id);
    hooks = t->webhooks(id);
    QCOMPARE(hooks->first().state, QStringLiteral("queued"));
    QCOMPARE(hooks->first().attempts, 0);
    QCOMPARE(hooks->first().nextAttemptAt, t.clock->nowMs());
    QCOMPARE(*t->webhookQueueDepth(), 1);
    const auto requeued = eventsOf(*t.engine, id, QStringLiteral("webhook_requeued"));
    QCOMPARE(requeued.size(), 1);
    QCOMPARE(t->events(id)->size(), eventsBefore + 1);
    QCOMPARE(requeued.first().actor, kAdmin.toString());
    QCOMPARE(requeued.first().detail.value(QStringLiteral("event_id")).toString(),
             hooks->first().eventId);
    QCOMPARE(requeued.first().detail.value(QStringLiteral("attempts")).toInt(),
             WebhookDispatcher::MaxAttempts);
    QList<AuditEntry> audit;
    for (const AuditEntry &e : *t->audit(AuditQuery{}))
        if (e.action == QLatin1String("session.webhooks.retry"))
            audit << e;
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().targetId, id);
    QCOMPARE(audit.first().detail.value(QStringLiteral("webhooks")).toArray(),
             QJsonArray{QStringLiteral("session.cancelled")});
    // Queued, not failed: a second request finds nothing to do.
    QCOMPARE(t->retryWebhooks(id, kAdmin).error().code, ErrorCode::Conflict);

    // The attempt by hand fails too and is retried on the usual schedule (the change is hours
    // old, not a day); the next one is accepted.
    QCOMPARE(*t->deliverWebhooks(), 1);
    QCOMPARE(t->webhooks(id)->first().state, QStringLiteral("queued"));
    QVERIFY(eventsOf(*t.engine, id, QStringLiteral("webhook_failed"))
                .last()
                .detail.value(QStringLiteral("will_retry"))
                .toBool());
    t.clock->setMs(nextAttemptAt());
    QCOMPARE(*t->deliverWebhooks(), 1);
    QCOMPARE(t->webhooks(id)->first().state, QStringLiteral("sent"));
    const auto got = receiver.requests();
    QCOMPARE(got.size(), WebhookDispatcher::MaxAttempts + 2);
    QCOMPARE(got.last().eventId, got.first().eventId); // the same event, for de-duplication
    QCOMPARE(got.last().body, got.first().body);
    qint64 signedAt = 0;
    QVERIFY(signatureValid(got.last(), *secret, &signedAt));
    QCOMPARE(signedAt, t.clock->nowMs() / 1000); // signed at this attempt
    QCOMPARE(t->retryWebhooks(id, kAdmin).error().code, ErrorCode::Conflict); // sent: done
}

// After a receiver's outage longer than the retries, every failed webhook can be queued again at
// once: of one service, then of all.
void TestWebhooks::everyFailedWebhookIsSentAgainAfterAnOutage()
{
    TestEngine t;
    const quint16 closedPort = closedLoopbackPort();
    const QJsonObject settings{{QStringLiteral("webhook_url"),
                                QStringLiteral("http://127.0.0.1:%1/hook").arg(closedPort)}};
    QVERIFY(t->updateService(QStringLiteral("default"), settings, kAdmin));
    QVERIFY(t->createService(QStringLiteral("shop"), settings, kAdmin));
    QStringList sessions;
    for (int i = 0; i < 3; ++i) {
        StartRequest r = startRequest(QStringLiteral("sms"), QStringLiteral("+479123456%1").arg(i));
        r.serviceId = i == 0 ? QStringLiteral("shop") : QStringLiteral("default");
        auto started = t->start(r);
        QVERIFY2(started, errorText(started).constData());
        QVERIFY(t->cancel(started->sessionId, kAdmin));
        sessions << started->sessionId;
    }
    auto none = t->retryFailedWebhooks({}, kAdmin);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::Conflict);
    for (int i = 0; i < WebhookDispatcher::MaxAttempts; ++i) {
        QCOMPARE(*t->deliverWebhooks(), 3);
        t.clock->setMs(qMax(t.clock->nowMs(),
                            RawDb(t.dbPath())
                                .scalar(QStringLiteral("SELECT MAX(next_attempt_at) FROM webhooks"))
                                .toLongLong()));
    }
    QCOMPARE(t->failedWebhooks()->size(), 3);
    QCOMPARE(t->failedWebhooks(QStringLiteral("shop"))->size(), 1);
    QCOMPARE(t->failedWebhooks(QStringLiteral("nope")).error().code, ErrorCode::NotFound);
    QCOMPARE(t->retryFailedWebhooks(QStringLiteral("nope"), kAdmin).error().code,
             ErrorCode::NotFound);

    // One service's first.
    auto shop = t->retryFailedWebhooks(QStringLiteral("shop"), kAdmin);
    QVERIFY2(shop, errorText(shop).constData());
    QCOMPARE(*shop, 1);
    QCOMPARE(t->webhooks(sessions[0])->first().state, QStringLiteral("queued"));
    QCOMPARE(t->webhooks(sessions[1])->first().state, QStringLiteral("failed"));
    QCOMPARE(t->retryFailedWebhooks(QStringLiteral("shop"), kAdmin).error().code,
             ErrorCode::Conflict);
    // Then the rest.
    auto rest = t->retryFailedWebhooks({}, kAdmin);
    QVERIFY2(rest, errorText(rest).constData());
    QCOMPARE(*rest, 2);
    QVERIFY(t->failedWebhooks()->isEmpty());
    QCOMPARE(*t->webhookQueueDepth(), 3);
    for (const QString &id : std::as_const(sessions)) {
        const auto requeued = eventsOf(*t.engine, id, QStringLiteral("webhook_requeued"));
        QCOMPARE(requeued.size(), 1);
        QCOMPARE(requeued.first().actor, kAdmin.toString());
        QCOMPARE(t->webhooks(id)->first().attempts, 0);
    }
    QList<AuditEntry> audit;
    for (const AuditEntry &e : *t->audit(AuditQuery{}))
        if (e.action == QLatin1String("webhooks.retry"))
            audit << e;
    QCOMPARE(audit.size(), 2); // newest first
    QCOMPARE(audit[0].targetId, QStringLiteral("*"));
    QCOMPARE(audit[0].detail.value(QStringLiteral("webhooks")).toInt(), 2);
    QCOMPARE(audit[1].targetId, QStringLiteral("shop"));
    QCOMPARE(audit[1].detail.value(QStringLiteral("webhooks")).toInt(), 1);
    QCOMPARE(*t->deliverWebhooks(), 3); // due now
}

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
