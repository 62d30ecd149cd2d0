// Abuse protection through the v1 API: an Engine on a real SQLite file and the Listener on an
// ephemeral port of 127.0.0.1, driven by raw HTTP/1.1 clients. Start limits answer 429 with
// Retry-After and name the limit; a reused session is 200; a refused country is 403 and an SMS to
// a landline 400; a test recipient's session says so. And the proof that attempt counting holds:
// 1,000 wrong checks on one session from 50 parallel connections count exactly max_attempts.

#include "core/JsonViews.h"
#include "http/api/Listener.h"
#include "support/RawHttpClient.h"
#include "support/TestEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace vc;
using namespace vc::http;
using namespace vc::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000; // generous: the suite must pass on a loaded 2-core machine
using Client = RawHttpClient<kWaitMs>;

QByteArray post(const QString &path, const QString &key, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST " + path.toUtf8() +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key.toLatin1() +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

QByteArray get(const QString &path, const QString &key)
{
    return rawGet(path.toUtf8(), "X-API-Key: " + key.toLatin1() + "\r\n");
}

} // namespace

class TestHttpAbuse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void startLimitIs429WithRetryAfterAndTheLimitNamed();
    void reusedSessionIs200();
    void refusedCountryIs403AndLandlineSmsIs400();
    void testRecipientSessionSaysSo();
    void thousandConcurrentWrongChecksCountExactlyMaxAttempts();

private:
    Engine &engine() { return *m_te->engine; }
    std::optional<RawResponse> call(const QByteArray &request)
    {
        Client c;
        if (!c.connectTo(m_listener->port()))
            return std::nullopt;
        return c.request(request);
    }
    std::optional<RawResponse> start(const QJsonObject &body)
    {
        return call(post(u"/v1/verify/start"_s, m_key, body));
    }

    std::unique_ptr<TestEngine> m_te;
    std::unique_ptr<Listener> m_listener;
    QString m_key;
};

void TestHttpAbuse::initTestCase()
{
    m_te = std::make_unique<TestEngine>();
    ListenerConfig config;
    config.listen = u"127.0.0.1:0"_s;
    config.idleTimeoutSeconds = 600;
    config.eventThreads = 2;
    config.dispatchThreads = 16;
    m_listener = std::make_unique<Listener>(engine(), config);
    const Status started = m_listener->start();
    const QByteArray why = started ? QByteArray() : started.error().toString().toUtf8();
    QVERIFY2(started, why.constData());
    auto key = engine().createKey({u"abuse"_s, u"verify"_s, {}, {}}, kAdmin);
    QVERIFY2(key, errorText(key).constData());
    m_key = key->key;
}

void TestHttpAbuse::cleanupTestCase()
{
    if (m_listener)
        m_listener->stop(2000);
    m_listener.reset();
    m_te.reset();
}

void TestHttpAbuse::startLimitIs429WithRetryAfterAndTheLimitNamed()
{
    QVERIFY(engine().updateService(u"default"_s, {{u"starts_per_ip_per_hour"_s, 2}}, kAdmin));
    const QString ip = u"198.51.100.23"_s;
    for (int i = 0; i < 2; ++i) {
        auto r = start({{u"channel"_s, u"sms"_s},
                        {u"recipient"_s, u"+479310%1"_s.arg(1000 + i)},
                        {u"ip_address"_s, ip}});
        QVERIFY(r);
        QCOMPARE(r->status, 201);
    }
    auto refused = start(
        {{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+4793109999"_s}, {u"ip_address"_s, ip}});
    QVERIFY(refused);
    QCOMPARE(refused->status, 429);
    const QJsonObject body = refused->json();
    QCOMPARE(body.value(u"error"_s).toString(), u"too_many_starts_from_ip"_s);
    QVERIFY(body.value(u"message"_s).toString().contains(u"starts_per_ip_per_hour"_s));
    QVERIFY(!refused->body.contains(ip.toUtf8()));
    QVERIFY(!refused->body.contains("93109999"));
    const int retryAfter = refused->header("Retry-After").toInt();
    QVERIFY(retryAfter > 0 && retryAfter <= 3660);
    QCOMPARE(body.value(u"retry_after"_s).toInt(), retryAfter);
    QVERIFY(engine().updateService(u"default"_s, {{u"starts_per_ip_per_hour"_s, 20}}, kAdmin));
}

void TestHttpAbuse::reusedSessionIs200()
{
    QVERIFY(engine().updateService(u"default"_s, {{u"reuse_pending_session"_s, true}}, kAdmin));
    const QJsonObject body{{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+4793200001"_s}};
    auto first = start(body);
    QVERIFY(first);
    QCOMPARE(first->status, 201);
    QVERIFY(!first->json().contains(u"reused"_s));
    auto second = start(body);
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE(second->json().value(u"session_id"_s), first->json().value(u"session_id"_s));
    QCOMPARE(second->json().value(u"reused"_s).toBool(), true);
    QVERIFY(engine().updateService(u"default"_s, {{u"reuse_pending_session"_s, false}}, kAdmin));
}

void TestHttpAbuse::refusedCountryIs403AndLandlineSmsIs400()
{
    QVERIFY(engine().updateService(u"default"_s, {{u"allowed_countries"_s, QJsonArray{u"NO"_s}}},
                                   kAdmin));
    auto se = start({{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+46701234567"_s}});
    QVERIFY(se);
    QCOMPARE(se->status, 403);
    QCOMPARE(se->json().value(u"error"_s).toString(), u"country_not_allowed"_s);
    QCOMPARE(se->json().value(u"field"_s).toString(), u"recipient"_s);
    QVERIFY(se->json()
                .value(u"message"_s)
                .toString()
                .contains(u"sending to +46 numbers (SE) is not allowed for service default"_s));
    QVERIFY(!se->body.contains("701234567"));

    auto landline = start({{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+4722123456"_s}});
    QVERIFY(landline);
    QCOMPARE(landline->status, 400);
    QCOMPARE(landline->json().value(u"field"_s).toString(), u"recipient"_s);
    QVERIFY(landline->json().value(u"message"_s).toString().contains(u"voice"_s));
    auto voice = start({{u"channel"_s, u"voice"_s}, {u"recipient"_s, u"+4722123456"_s}});
    QVERIFY(voice);
    QCOMPARE(voice->status, 201);
    QVERIFY(engine().updateService(u"default"_s, {{u"allowed_countries"_s, QJsonArray{}}}, kAdmin));
}

void TestHttpAbuse::testRecipientSessionSaysSo()
{
    QVERIFY(engine().updateService(
        u"default"_s, {{u"test_recipients"_s, QJsonArray{u"+4793300003:975310"_s}}}, kAdmin));
    auto r = start({{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+4793300003"_s}});
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QCOMPARE(r->json().value(u"test"_s).toBool(), true);
    const QString id = r->json().value(u"session_id"_s).toString();
    auto status = call(get(u"/v1/verify/"_s + id, m_key));
    QVERIFY(status);
    QCOMPARE(status->status, 200);
    QCOMPARE(status->json().value(u"test"_s).toBool(), true);
    auto checked =
        call(post(u"/v1/verify/check"_s, m_key, {{u"session_id"_s, id}, {u"code"_s, u"975310"_s}}));
    QVERIFY(checked);
    QCOMPARE(checked->status, 200);
    QCOMPARE(checked->json().value(u"status"_s).toString(), u"verified"_s);
    QVERIFY(engine().updateService(u"default"_s, {{u"test_recipients"_s, QJsonArray{}}}, kAdmin));
}

void TestHttpAbuse::thousandConcurrentWrongChecksCountExactlyMaxAttempts()
{
    constexpr int kClients = 50;
    constexpr int kPerClient = 20; // 1,000 checks
    auto started = start({{u"channel"_s, u"sms"_s}, {u"recipient"_s, u"+4793400004"_s}});
    QVERIFY(started);
    QCOMPARE(started->status, 201);
    const QString id = started->json().value(u"session_id"_s).toString();
    QVERIFY(engine().deliverDue(id));
    const QString code = receivedCode(engine(), id);
    QCOMPARE(code.size(), 6);
    // A wrong code of the right form: every digit moved by one.
    QString wrong;
    for (QChar c : code)
        wrong += QChar(u'0' + (c.digitValue() + 1) % 10);
    const int maxAttempts = engine().status(id)->maxAttempts;
    QCOMPARE(maxAttempts, 5);

    const QByteArray request =
        post(u"/v1/verify/check"_s, m_key, {{u"session_id"_s, id}, {u"code"_s, wrong}});
    const quint16 port = m_listener->port();
    std::atomic<int> invalidCode{0}, failed{0}, verified{0}, other{0}, noAnswer{0};
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kClients; ++t)
        threads.emplace_back([&] {
            Client c;
            const bool connected = c.connectTo(port);
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < kPerClient; ++i) {
                if (!connected || c.socket.state() != QAbstractSocket::ConnectedState) {
                    // The server may close a kept-alive connection: open another.
                    c.socket.abort();
                    c.buffer.clear();
                    if (!c.connectTo(port)) {
                        ++noAnswer;
                        continue;
                    }
                }
                auto r = c.request(request);
                if (!r) {
                    ++noAnswer;
                    c.socket.abort();
                    continue;
                }
                const QJsonObject o = r->json();
                const QString status = o.value(u"status"_s).toString();
                const QString error = o.value(u"error"_s).toString();
                if (r->status == 200 && status == u"pending"_s && error == u"invalid_code"_s)
                    ++invalidCode;
                else if (r->status == 200 && status == u"failed"_s &&
                         error == u"max_attempts_reached"_s)
                    ++failed;
                else if (status == u"verified"_s)
                    ++verified;
                else
                    ++other;
            }
        });
    while (ready.load() < kClients)
        std::this_thread::yield();
    go = true;
    for (std::thread &t : threads)
        t.join();

    QCOMPARE(noAnswer.load(), 0);
    QCOMPARE(other.load(), 0);
    QCOMPARE(verified.load(), 0);
    // Each wrong code before the last allowed one says how many remain; the last locks the
    // session, and every later one finds it failed.
    QCOMPARE(invalidCode.load(), maxAttempts - 1);
    QCOMPARE(failed.load(), kClients * kPerClient - (maxAttempts - 1));

    const SessionView after = *engine().status(id);
    QCOMPARE(after.status, SessionStatus::Failed);
    QCOMPARE(after.attempts, maxAttempts);
    int checkFailed = 0, locked = 0;
    for (const SessionEvent &e : *engine().events(id)) {
        checkFailed += e.type == u"check_failed"_s;
        locked += e.type == u"locked"_s;
        QVERIFY(e.type != u"verified"_s);
    }
    QCOMPARE(checkFailed, maxAttempts);
    QCOMPARE(locked, 1);

    // The right code afterwards is refused: the session is locked for good.
    auto right =
        call(post(u"/v1/verify/check"_s, m_key, {{u"session_id"_s, id}, {u"code"_s, code}}));
    QVERIFY(right);
    QCOMPARE(right->status, 200);
    QCOMPARE(right->json().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(right->json().value(u"error"_s).toString(), u"max_attempts_reached"_s);
    QCOMPARE(engine().status(id)->status, SessionStatus::Failed);
}

QTEST_GUILESS_MAIN(TestHttpAbuse)
#include "tst_http_abuse.moc"
