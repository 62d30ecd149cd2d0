// The HTTP gateway provider against a real HTTP receiver on 127.0.0.1 (the project's own
// transport on an ephemeral port) that records every request and answers as each case needs:
// the request as a cloud API sees it (URL, method, auth, content type, idempotency key, JSON and
// form bodies), success rules and message ids from the reply, the mapping of statuses and
// network faults to temporary and permanent failures, error texts that never hold a secret,
// settings refused with the field named, audio for voice gateways, and a whole session through
// an engine.

#include "crypto/SecureBytes.h"
#include "delivery/HttpGatewayProvider.h"
#include "delivery/MessageTemplates.h"
#include "http/transport/HttpServer.h"
#include "support/TestEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>

#include <condition_variable>
#include <mutex>

using namespace vc;
using namespace vc::http;
using namespace vc::test;

namespace {

const QString kNumber = QStringLiteral("+4791234567");
const QString kCode = QStringLiteral("123456");
const QString kToken = QStringLiteral("tok-SECRET-7f3a9c");
const QString kPassword = QStringLiteral("pw-SECRET-b81e");

// A cloud API stand-in: records each request and answers with the scripted replies in turn
// (the last one repeats). A reply with `hang` waits until release() before answering.
class Receiver : public RequestHandler
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        bool hang = false;
    };

    HttpResponse handle(const HttpRequest &request) override
    {
        Reply reply;
        {
            std::unique_lock lock(m_mutex);
            m_requests.append(request);
            reply = m_replies.isEmpty()
                        ? Reply{}
                        : (m_replies.size() > 1 ? m_replies.takeFirst() : m_replies.first());
            if (reply.hang)
                m_released.wait_for(lock, std::chrono::seconds(60), [this] { return m_release; });
        }
        return HttpResponse::json(reply.status, reply.body);
    }
    // Everything runs on the dispatch pool, so a hanging reply never stalls the event threads.
    bool isQuick(const HttpRequest &) const override { return false; }

    void script(QList<Reply> replies)
    {
        std::lock_guard lock(m_mutex);
        m_replies = std::move(replies);
    }
    QList<HttpRequest> requests()
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_release = true;
        m_released.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_release = false;
    QList<Reply> m_replies;
    QList<HttpRequest> m_requests;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

OutgoingMessage smsMessage(const QString &text = QStringLiteral(
                               "Your Acme code is 123456.\nDon't share \"it\" with anyone."))
{
    OutgoingMessage m;
    m.deliveryId = 42;
    m.sessionId = QStringLiteral("0193a5c4-7b2e-7000-8000-00000000abcd");
    m.serviceId = QStringLiteral("default");
    m.channel = Channel::Sms;
    m.recipient = kNumber;
    m.recipientMasked = QStringLiteral("+47*****567");
    m.locale = QStringLiteral("nb");
    m.message.text = text;
    m.attempt = 1;
    m.idempotencyKey = QStringLiteral("0193a5c4-7b2e-7000-8000-00000000abcd-42");
    return m;
}

// What an event log line could leak. Each of these must be absent from every error text.
void verifyHoldsNoSecret(const QString &error)
{
    for (const QString &secret : {kCode, kNumber, kNumber.mid(1), kNumber.right(8), kToken,
                                  kPassword, QStringLiteral("SECRET"), QStringLiteral("1, 2, 3")})
        QVERIFY2(
            !error.contains(secret),
            qPrintable(
                QStringLiteral("the error text holds a secret (%1 characters)").arg(error.size())));
}

} // namespace

class TestHttpGatewayProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void jsonBodyWithBearerAuth();
    void formBodyWithBasicAuth();
    void getRequestCarriesTheValuesInTheQuery();
    void putAndSecretHeaders();
    void messageIdFromANestedPath();
    void successJsonRule();
    void statusesMapToOutcomes_data();
    void statusesMapToOutcomes();
    void connectionRefusedIsTemporary();
    void timeoutIsTemporary();
    void codePlaceholderNeedsTheCode();
    void fromJsonRefusesBadSettings_data();
    void fromJsonRefusesBadSettings();
    void fromJsonAppliesDefaults();
    void voiceAsWavBase64();
    void endToEndThroughAnEngine();

private:
    QString url(const QString &pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(pathAndQuery);
    }
    HttpGatewaySettings settings(QJsonObject s, const QJsonObject &secrets = {})
    {
        if (!s.contains(QStringLiteral("url")))
            s.insert(QStringLiteral("url"), url(QStringLiteral("/v1/messages")));
        auto parsed = HttpGatewaySettings::fromJson(s, secrets);
        if (!parsed)
            qFatal("settings refused: %s", qPrintable(parsed.error().toString()));
        return *parsed;
    }
    HttpRequest onlyRequest()
    {
        const QList<HttpRequest> r = m_receiver->requests();
        if (r.size() != 1)
            qWarning("the receiver got %lld requests", qlonglong(r.size()));
        return r.isEmpty() ? HttpRequest{} : r.last();
    }

    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<HttpServer> m_server;
};

void TestHttpGatewayProvider::init()
{
    m_receiver = std::make_unique<Receiver>();
    ServerOptions options;
    options.port = 0;
    options.eventThreads = 1;
    options.dispatchThreads = 4;
    options.maxBodyBytes = 16 * 1024 * 1024; // base64 audio
    m_server = std::make_unique<HttpServer>(options, *m_receiver);
    const Status started = m_server->start();
    QVERIFY2(started.ok(), started ? "" : qPrintable(started.error().toString()));
}

void TestHttpGatewayProvider::cleanup()
{
    m_receiver->release();
    m_server->stop(5000);
    m_server.reset();
    m_receiver.reset();
}

void TestHttpGatewayProvider::jsonBodyWithBearerAuth()
{
    m_receiver->script({{201, json({{QStringLiteral("sid"), QStringLiteral("SM-7781")}})}});
    HttpGatewayProvider provider(
        QStringLiteral("cloud"),
        settings(
            {{QStringLiteral("url"), url(QStringLiteral("/2010/Messages.json?channel={channel}"))},
             {QStringLiteral("auth"), QStringLiteral("bearer")},
             {QStringLiteral("headers"),
              QJsonObject{{QStringLiteral("X-Session"), QStringLiteral("{session_id}")}}},
             {QStringLiteral("body_template"),
              QStringLiteral(R"({"to": "{to}", "text": "{message}", "lang": "{locale}",
                                     "options": {"priority": "high"}})")},
             {QStringLiteral("message_id_json_field"), QStringLiteral("sid")}},
            {{QStringLiteral("token"), kToken}}));
    const OutgoingMessage message = smsMessage();

    const SendOutcome outcome = provider.send(message);
    QCOMPARE(outcome.kind, SendOutcome::Kind::Accepted);
    QCOMPARE(outcome.providerMessageId, QStringLiteral("SM-7781"));

    const HttpRequest r = onlyRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/2010/Messages.json"));
    QCOMPARE(r.query, QByteArray("channel=sms"));
    QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + kToken.toUtf8());
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(r.header("idempotency-key"), message.idempotencyKey.toUtf8());
    QCOMPARE(r.header("x-session"), message.sessionId.toUtf8());
    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(r.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(body.value(QStringLiteral("to")).toString(), kNumber);
    // Quotes and the line break survive as JSON string content; the code arrives in the text.
    QCOMPARE(body.value(QStringLiteral("text")).toString(), message.message.text);
    QVERIFY(body.value(QStringLiteral("text")).toString().contains(kCode));
    QCOMPARE(body.value(QStringLiteral("lang")).toString(), QStringLiteral("nb"));
    QCOMPARE(body.value(QStringLiteral("options"))
                 .toObject()
                 .value(QStringLiteral("priority"))
                 .toString(),
             QStringLiteral("high"));
}

void TestHttpGatewayProvider::formBodyWithBasicAuth()
{
    m_receiver->script({{200, json({{QStringLiteral("id"), 90017}})}});
    HttpGatewayProvider provider(
        QStringLiteral("form"),
        settings({{QStringLiteral("auth"), QStringLiteral("basic")},
                  {QStringLiteral("username"), QStringLiteral("AC77")},
                  {QStringLiteral("body_format"), QStringLiteral("form")},
                  {QStringLiteral("body_template"),
                   QStringLiteral("To={to}&Body={message}&From=Acme%20Inc&Ref={idempotency_key}")},
                  {QStringLiteral("message_id_json_field"), QStringLiteral("id")}},
                 {{QStringLiteral("password"), kPassword}}));
    const OutgoingMessage message = smsMessage(QStringLiteral("Kode 123456 & mer = 100% trygt"));

    const SendOutcome outcome = provider.send(message);
    QCOMPARE(outcome.kind, SendOutcome::Kind::Accepted);
    QCOMPARE(outcome.providerMessageId, QStringLiteral("90017"));

    const HttpRequest r = onlyRequest();
    QCOMPARE(r.header("authorization"),
             QByteArray("Basic ") + QByteArray("AC77:" + kPassword.toUtf8()).toBase64());
    QCOMPARE(r.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.header("idempotency-key"), message.idempotencyKey.toUtf8());
    // Every value is percent-encoded: '+', '&', '=' and '%' cannot split or change a field.
    QVERIFY2(!r.body.contains('+') && !r.body.contains(' '), r.body.constData());
    const QUrlQuery form(QString::fromUtf8(r.body));
    QCOMPARE(form.queryItems().size(), 4);
    QCOMPARE(form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), kNumber);
    QCOMPARE(form.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded), message.message.text);
    QCOMPARE(form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded),
             QStringLiteral("Acme Inc"));
    QCOMPARE(form.queryItemValue(QStringLiteral("Ref"), QUrl::FullyDecoded),
             message.idempotencyKey);
}

void TestHttpGatewayProvider::getRequestCarriesTheValuesInTheQuery()
{
    m_receiver->script({{200, "{}"}});
    HttpGatewayProvider provider(
        QStringLiteral("get"),
        settings({{QStringLiteral("url"),
                   url(QStringLiteral("/send/{session_id}?to={to}&text={message}&v=1"))},
                  {QStringLiteral("method"), QStringLiteral("get")}}));
    const OutgoingMessage message = smsMessage(QStringLiteral("Kode: 123456?&#x"));

    QCOMPARE(provider.send(message).kind, SendOutcome::Kind::Accepted);
    const HttpRequest r = onlyRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.path, QByteArray("/send/") + message.sessionId.toUtf8());
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.queryValue(QStringLiteral("to")).value_or(QString()), kNumber);
    QCOMPARE(r.queryValue(QStringLiteral("text")).value_or(QString()), message.message.text);
    QCOMPARE(r.queryValue(QStringLiteral("v")).value_or(QString()), QStringLiteral("1"));
}

void TestHttpGatewayProvider::putAndSecretHeaders()
{
    m_receiver->script({{202, {}}});
    HttpGatewayProvider provider(
        QStringLiteral("put"),
        settings(
            {{QStringLiteral("method"), QStringLiteral("PUT")},
             {QStringLiteral("headers"),
              QJsonObject{
                  {QStringLiteral("Content-Type"), QStringLiteral("application/vnd.gateway+json")},
                  {QStringLiteral("X-Text"), QStringLiteral("{message}")}}},
             {QStringLiteral("body_template"), QStringLiteral(R"({"msisdn":"{to}"})")}},
            {{QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Api-Key"), kToken}}}}));
    QCOMPARE(provider.send(smsMessage(QStringLiteral("Line 1\r\nInjected: yes"))).kind,
             SendOutcome::Kind::Accepted);
    const HttpRequest r = onlyRequest();
    QCOMPARE(r.method, QByteArray("PUT"));
    QCOMPARE(r.header("x-api-key"), kToken.toUtf8());
    QCOMPARE(r.header("content-type"), QByteArray("application/vnd.gateway+json"));
    // A line break in a value cannot start a header of its own.
    QCOMPARE(r.header("x-text"), QByteArray("Line 1  Injected: yes"));
    QVERIFY(r.header("injected").isEmpty());
    QVERIFY(r.header("authorization").isEmpty());
}

void TestHttpGatewayProvider::messageIdFromANestedPath()
{
    const QJsonObject reply{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("wamid.HBgLNDc5MTIz")}}}}};
    m_receiver->script({{200, json(reply)}});
    HttpGatewayProvider provider(
        QStringLiteral("whatsapp"),
        settings({{QStringLiteral("body_template"),
                   QStringLiteral(R"({"messaging_product": "whatsapp", "to": "{to}",
                                     "type": "text", "text": {"body": "{message}"}})")},
                  {QStringLiteral("message_id_json_field"), QStringLiteral("messages.0.id")}}));
    const SendOutcome outcome = provider.send(smsMessage());
    QCOMPARE(outcome.kind, SendOutcome::Kind::Accepted);
    QCOMPARE(outcome.providerMessageId, QStringLiteral("wamid.HBgLNDc5MTIz"));

    // A reply without the id still means the gateway took the message.
    m_receiver->script({{200, "[]"}});
    const SendOutcome noId = provider.send(smsMessage());
    QCOMPARE(noId.kind, SendOutcome::Kind::Accepted);
    QVERIFY(noId.providerMessageId.isEmpty());
}

void TestHttpGatewayProvider::successJsonRule()
{
    HttpGatewayProvider provider(
        QStringLiteral("rule"),
        settings({{QStringLiteral("body_template"),
                   QStringLiteral(R"({"to": "{to}", "text": "{message}"})")},
                  {QStringLiteral("success_json_field"), QStringLiteral("result.state")},
                  {QStringLiteral("success_json_value"), QStringLiteral("queued")}},
                 {}));

    m_receiver->script(
        {{200, json({{QStringLiteral("result"),
                      QJsonObject{{QStringLiteral("state"), QStringLiteral("queued")}}}})}});
    QCOMPARE(provider.send(smsMessage()).kind, SendOutcome::Kind::Accepted);

    // 200, but the gateway says no, and echoes what it was sent.
    const QString echo = QStringLiteral("Number %1 is blocked; text was: %2")
                             .arg(kNumber, smsMessage().message.text);
    m_receiver->script(
        {{200, json({{QStringLiteral("result"),
                      QJsonObject{{QStringLiteral("state"), QStringLiteral("rejected")},
                                  {QStringLiteral("detail"), echo}}}})}});
    const SendOutcome rejected = provider.send(smsMessage());
    QCOMPARE(rejected.kind, SendOutcome::Kind::PermanentFailure);
    QVERIFY2(rejected.error.contains(QStringLiteral("result.state")), qPrintable(rejected.error));
    QVERIFY2(rejected.error.contains(QStringLiteral("rejected")), qPrintable(rejected.error));
    verifyHoldsNoSecret(rejected.error);

    m_receiver->script({{200, "<html>ok</html>"}});
    const SendOutcome notJson = provider.send(smsMessage());
    QCOMPARE(notJson.kind, SendOutcome::Kind::PermanentFailure);
    QVERIFY2(notJson.error.contains(QStringLiteral("not JSON")), qPrintable(notJson.error));
}

void TestHttpGatewayProvider::statusesMapToOutcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<SendOutcome::Kind>("kind");
    QTest::newRow("500") << 500 << SendOutcome::Kind::TemporaryFailure;
    QTest::newRow("503") << 503 << SendOutcome::Kind::TemporaryFailure;
    QTest::newRow("429") << 429 << SendOutcome::Kind::TemporaryFailure;
    QTest::newRow("408") << 408 << SendOutcome::Kind::TemporaryFailure;
    QTest::newRow("400") << 400 << SendOutcome::Kind::PermanentFailure;
    QTest::newRow("401") << 401 << SendOutcome::Kind::PermanentFailure;
    QTest::newRow("404") << 404 << SendOutcome::Kind::PermanentFailure;
    QTest::newRow("302") << 302 << SendOutcome::Kind::PermanentFailure;
}

void TestHttpGatewayProvider::statusesMapToOutcomes()
{
    QFETCH(int, status);
    QFETCH(SendOutcome::Kind, kind);
    // The reply echoes the number, the code, the token and the spelled code, as a careless
    // gateway might.
    const QString echo =
        QStringLiteral("invalid request for %1 (%2) with %3: \"%4\" / 1, 2, 3, 4, 5, 6")
            .arg(kNumber, kNumber.mid(1), kToken, smsMessage().message.text);
    m_receiver->script(
        {{status, json({{QStringLiteral("error"), echo}, {QStringLiteral("code"), 21211}})}});
    HttpGatewayProvider provider(
        QStringLiteral("cloud"),
        settings({{QStringLiteral("auth"), QStringLiteral("bearer")},
                  {QStringLiteral("body_template"),
                   QStringLiteral(R"({"to": "{to}", "text": "{message}"})")}},
                 {{QStringLiteral("token"), kToken}}));

    const SendOutcome outcome = provider.send(smsMessage());
    QCOMPARE(outcome.kind, kind);
    QVERIFY(outcome.providerMessageId.isEmpty());
    QVERIFY2(outcome.error.startsWith(QStringLiteral("HTTP gateway: HTTP %1: ").arg(status)),
             qPrintable(outcome.error.left(40)));
    QVERIFY2(outcome.error.contains(QStringLiteral("invalid request")), qPrintable(outcome.error));
    QVERIFY(outcome.error.size() < 260);
    verifyHoldsNoSecret(outcome.error);
}

void TestHttpGatewayProvider::connectionRefusedIsTemporary()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    HttpGatewayProvider provider(
        QStringLiteral("down"),
        settings({{QStringLiteral("url"),
                   QStringLiteral("http://127.0.0.1:%1/send?to={to}").arg(closedPort)},
                  {QStringLiteral("body_template"), QStringLiteral(R"({"text": "{message}"})")}}));
    const SendOutcome outcome = provider.send(smsMessage());
    QCOMPARE(outcome.kind, SendOutcome::Kind::TemporaryFailure);
    QVERIFY2(outcome.error.contains(QStringLiteral("cannot reach 127.0.0.1")),
             qPrintable(outcome.error));
    verifyHoldsNoSecret(outcome.error);
}

void TestHttpGatewayProvider::timeoutIsTemporary()
{
    m_receiver->script({{200, "{}", true}}); // never answers in time
    HttpGatewayProvider provider(
        QStringLiteral("slow"),
        settings({{QStringLiteral("url"), url(QStringLiteral("/slow?to={to}"))},
                  {QStringLiteral("timeout_ms"), 300},
                  {QStringLiteral("body_template"), QStringLiteral(R"({"text": "{message}"})")}}));
    const SendOutcome outcome = provider.send(smsMessage());
    QCOMPARE(outcome.kind, SendOutcome::Kind::TemporaryFailure);
    QVERIFY2(outcome.error.contains(QStringLiteral("did not answer within 300 ms")),
             qPrintable(outcome.error));
    verifyHoldsNoSecret(outcome.error);
    QCOMPARE(m_receiver->requests().size(), 1); // the request did arrive
}

void TestHttpGatewayProvider::codePlaceholderNeedsTheCode()
{
    m_receiver->script({{200, "{}"}});
    HttpGatewayProvider provider(QStringLiteral("template"),
                                 settings({{QStringLiteral("body_template"),
                                            QStringLiteral(R"({"to": "{to}", "template": "otp",
                                     "params": ["{code}"]})")}}));
    // The code goes only where the template asks for it.
    SecureBytes code(kCode.toUtf8());
    QCOMPARE(provider.sendWithCode(smsMessage(), &code).kind, SendOutcome::Kind::Accepted);
    const QJsonObject body = QJsonDocument::fromJson(onlyRequest().body).object();
    QVERIFY(body.value(QStringLiteral("params")).toArray() == QJsonArray{kCode});
    QVERIFY(!QString::fromUtf8(onlyRequest().body).contains(QStringLiteral("Acme")));

    // Without a code of its own, nothing is sent with an empty one.
    const SendOutcome withoutCode = provider.send(smsMessage());
    QCOMPARE(withoutCode.kind, SendOutcome::Kind::PermanentFailure);
    QVERIFY2(withoutCode.error.contains(QStringLiteral("{code}")), qPrintable(withoutCode.error));
    QCOMPARE(m_receiver->requests().size(), 1);
}

void TestHttpGatewayProvider::fromJsonRefusesBadSettings_data()
{
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<QJsonObject>("secrets");
    QTest::addColumn<QString>("field");

    const QString body = QStringLiteral(R"({"to": "{to}", "text": "{message}"})");
    const auto with = [&body](std::initializer_list<std::pair<QString, QJsonValue>> values) {
        QJsonObject o{{QStringLiteral("url"), QStringLiteral("https://api.example.com/v1/sms")},
                      {QStringLiteral("body_template"), body}};
        for (const auto &[key, value] : values) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
        }
        return o;
    };
    const QJsonValue remove(QJsonValue::Undefined);
    const auto row = [](const char *name, const QJsonObject &s, const QString &field,
                        const QJsonObject &secrets = {}) {
        QTest::newRow(name) << s << secrets << field;
    };

    row("no url", with({{QStringLiteral("url"), remove}}), QStringLiteral("url"));
    row("not a url", with({{QStringLiteral("url"), QStringLiteral("api.example.com/sms")}}),
        QStringLiteral("url"));
    row("ftp", with({{QStringLiteral("url"), QStringLiteral("ftp://example.com/x")}}),
        QStringLiteral("url"));
    row("placeholder in host",
        with({{QStringLiteral("url"), QStringLiteral("https://{to}.example.com/")}}),
        QStringLiteral("url"));
    row("credentials in url",
        with({{QStringLiteral("url"), QStringLiteral("https://u:p@example.com/")}}),
        QStringLiteral("url"));
    row("bad port", with({{QStringLiteral("url"), QStringLiteral("https://example.com:99999/")}}),
        QStringLiteral("url"));
    row("unknown placeholder in url",
        with({{QStringLiteral("url"), QStringLiteral("https://example.com/{number}")}}),
        QStringLiteral("url"));
    row("method", with({{QStringLiteral("method"), QStringLiteral("DELETE")}}),
        QStringLiteral("method"));
    row("method type", with({{QStringLiteral("method"), 1}}), QStringLiteral("method"));
    row("unquoted placeholder",
        with({{QStringLiteral("body_template"),
               QStringLiteral(R"({"to": {to}, "text": "{message}"})")}}),
        QStringLiteral("body_template"));
    row("json does not parse",
        with({{QStringLiteral("body_template"),
               QStringLiteral(R"({"to": "{to}", "text": "{message}")")}}),
        QStringLiteral("body_template"));
    row("unknown placeholder in body",
        with({{QStringLiteral("body_template"),
               QStringLiteral(R"({"to": "{to}", "text": "{message}", "x": "{oops}"})")}}),
        QStringLiteral("body_template"));
    row("form with spaces",
        with({{QStringLiteral("body_format"), QStringLiteral("form")},
              {QStringLiteral("body_template"),
               QStringLiteral("to={to}&text=Your code {message}")}}),
        QStringLiteral("body_template"));
    row("form pair without key",
        with({{QStringLiteral("body_format"), QStringLiteral("form")},
              {QStringLiteral("body_template"), QStringLiteral("to={to}&={message}")}}),
        QStringLiteral("body_template"));
    row("no recipient",
        with({{QStringLiteral("body_template"), QStringLiteral(R"({"text": "{message}"})")}}),
        QStringLiteral("body_template"));
    row("no message",
        with({{QStringLiteral("body_template"), QStringLiteral(R"({"to": "{to}"})")}}),
        QStringLiteral("body_template"));
    row("no body", with({{QStringLiteral("body_template"), remove}}),
        QStringLiteral("body_template"));
    row("body format", with({{QStringLiteral("body_format"), QStringLiteral("xml")}}),
        QStringLiteral("body_format"));
    row("get with a body",
        with({{QStringLiteral("method"), QStringLiteral("GET")},
              {QStringLiteral("body_format"), QStringLiteral("json")}}),
        QStringLiteral("body_format"));
    row("auth", with({{QStringLiteral("auth"), QStringLiteral("digest")}}), QStringLiteral("auth"));
    row("bearer without token", with({{QStringLiteral("auth"), QStringLiteral("bearer")}}),
        QStringLiteral("token"));
    row("basic without username", with({{QStringLiteral("auth"), QStringLiteral("basic")}}),
        QStringLiteral("username"), {{QStringLiteral("password"), kPassword}});
    row("basic without password",
        with({{QStringLiteral("auth"), QStringLiteral("basic")},
              {QStringLiteral("username"), QStringLiteral("u")}}),
        QStringLiteral("password"));
    row("authorization in plain headers",
        with({{QStringLiteral("headers"),
               QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Token abc")}}}}),
        QStringLiteral("headers"));
    row("header line break",
        with({{QStringLiteral("headers"),
               QJsonObject{{QStringLiteral("X-A"), QStringLiteral("a\r\nX-B: b")}}}}),
        QStringLiteral("headers"));
    row("header name",
        with({{QStringLiteral("headers"),
               QJsonObject{{QStringLiteral("X A"), QStringLiteral("a")}}}}),
        QStringLiteral("headers"));
    row("reserved header",
        with({{QStringLiteral("headers"),
               QJsonObject{{QStringLiteral("Idempotency-Key"), QStringLiteral("{session_id}")}}}}),
        QStringLiteral("headers"));
    row("success range", with({{QStringLiteral("success_min"), 700}}),
        QStringLiteral("success_min"));
    row("success order",
        with({{QStringLiteral("success_min"), 250}, {QStringLiteral("success_max"), 201}}),
        QStringLiteral("success_max"));
    row("success value alone", with({{QStringLiteral("success_json_value"), QStringLiteral("ok")}}),
        QStringLiteral("success_json_value"));
    row("message id path",
        with({{QStringLiteral("message_id_json_field"), QStringLiteral("a..b")}}),
        QStringLiteral("message_id_json_field"));
    row("timeout type", with({{QStringLiteral("timeout_ms"), QStringLiteral("fast")}}),
        QStringLiteral("timeout_ms"));
    row("timeout fraction", with({{QStringLiteral("timeout_ms"), 1500.5}}),
        QStringLiteral("timeout_ms"));
    row("verify_peer type", with({{QStringLiteral("verify_peer"), QStringLiteral("no")}}),
        QStringLiteral("verify_peer"));
    row("audio mode", with({{QStringLiteral("audio"), QStringLiteral("mp3")}}),
        QStringLiteral("audio"));
    row("wav without audio placeholder",
        with({{QStringLiteral("audio"), QStringLiteral("wav_base64")}}),
        QStringLiteral("body_template"));
    row("audio placeholder without wav",
        with({{QStringLiteral("body_template"),
               QStringLiteral(R"({"to": "{to}", "audio": "{audio_base64}"})")}}),
        QStringLiteral("audio"));
    row("audio in the url",
        with({{QStringLiteral("url"), QStringLiteral("https://example.com/?a={audio_base64}")},
              {QStringLiteral("audio"), QStringLiteral("wav_base64")}}),
        QStringLiteral("url"));
    row("unknown setting", with({{QStringLiteral("urll"), QStringLiteral("x")}}),
        QStringLiteral("urll"));
    row("unknown secret", with({}), QStringLiteral("secrets.tokn"),
        {{QStringLiteral("tokn"), kToken}});
    row("secret header line break", with({}), QStringLiteral("secrets.headers"),
        {{QStringLiteral("headers"),
          QJsonObject{{QStringLiteral("X-Key"), QStringLiteral("a\nb")}}}});
}

void TestHttpGatewayProvider::fromJsonRefusesBadSettings()
{
    QFETCH(QJsonObject, settings);
    QFETCH(QJsonObject, secrets);
    QFETCH(QString, field);
    const auto parsed = HttpGatewaySettings::fromJson(settings, secrets);
    QVERIFY2(!parsed.ok(), "accepted");
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(parsed.error().field == field, qPrintable(parsed.error().toString()));
    QVERIFY(!parsed.error().message.isEmpty());
    QVERIFY(!parsed.error().toString().contains(kToken));
    QVERIFY(!parsed.error().toString().contains(kPassword));
}

void TestHttpGatewayProvider::fromJsonAppliesDefaults()
{
    auto parsed = HttpGatewaySettings::fromJson(
        {{QStringLiteral("url"), QStringLiteral("https://api.example.com/v1/sms")},
         {QStringLiteral("body_template"),
          QStringLiteral(R"({"to": "{to}", "text": "{message}"})")}},
        {{QStringLiteral("token"), QStringLiteral("unused while auth is none")}});
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->method, QByteArray("POST"));
    QCOMPARE(parsed->auth, HttpGatewaySettings::Auth::None);
    QCOMPARE(parsed->bodyFormat, HttpGatewaySettings::BodyFormat::Json);
    QCOMPARE(parsed->successMin, 200);
    QCOMPARE(parsed->successMax, 299);
    QCOMPARE(parsed->timeoutMs, 10000);
    QCOMPARE(parsed->verifyPeer, true);
    QCOMPARE(parsed->audioMode, HttpGatewaySettings::AudioMode::TextOnly);

    auto get = HttpGatewaySettings::fromJson(
        {{QStringLiteral("url"), QStringLiteral("https://api.example.com/sms?to={to}&m={message}")},
         {QStringLiteral("method"), QStringLiteral("GET")}},
        {});
    QVERIFY2(get.ok(), get ? "" : qPrintable(get.error().toString()));
    QCOMPARE(get->bodyFormat, HttpGatewaySettings::BodyFormat::None);
}

void TestHttpGatewayProvider::voiceAsWavBase64()
{
    m_receiver->script({{201, json({{QStringLiteral("call_id"), QStringLiteral("CA-1")}})}});
    HttpGatewayProvider provider(
        QStringLiteral("voice"),
        settings({{QStringLiteral("audio"), QStringLiteral("wav_base64")},
                  {QStringLiteral("body_template"),
                   QStringLiteral(R"({"to": "{to}", "audio": {"format": "wav",
                                     "content": "{audio_base64}"}, "lang": "{locale}"})")},
                  {QStringLiteral("message_id_json_field"), QStringLiteral("call_id")}}));

    auto catalog = TemplateCatalog::loadBuiltIn();
    QVERIFY(catalog.ok());
    SecureBytes code(kCode.toUtf8());
    auto script = catalog->render(Channel::Voice, QStringLiteral("nb"),
                                  MessageValues{&code, QStringLiteral("Acme"), 10});
    QVERIFY(script.ok());
    OutgoingMessage message = smsMessage(script->text);
    message.channel = Channel::Voice;

    const SendOutcome outcome = provider.send(message);
    QCOMPARE(outcome.kind, SendOutcome::Kind::Accepted);
    QCOMPARE(outcome.providerMessageId, QStringLiteral("CA-1"));

    const QJsonObject body = QJsonDocument::fromJson(onlyRequest().body).object();
    QCOMPARE(body.value(QStringLiteral("lang")).toString(), QStringLiteral("nb"));
    const QString content =
        body.value(QStringLiteral("audio")).toObject().value(QStringLiteral("content")).toString();
    const auto decoded =
        QByteArray::fromBase64Encoding(content.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    const QByteArray wav = *decoded;
    QVERIFY(wav.size() > 44);
    QVERIFY(wav.startsWith("RIFF"));
    QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
    QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 4), quint32(wav.size() - 8));
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), quint16(1)); // PCM
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 22), quint16(1)); // mono
    const quint32 rate = qFromLittleEndian<quint32>(wav.constData() + 24);
    QCOMPARE(wav.mid(36, 4), QByteArray("data"));
    const double seconds = qFromLittleEndian<quint32>(wav.constData() + 40) / 2.0 / rate;
    QVERIFY2(seconds > 3 && seconds < 60, qPrintable(QString::number(seconds)));
    // The spoken script, not its text, went out.
    QVERIFY(!onlyRequest().body.contains("Acme"));
    QVERIFY(!onlyRequest().body.contains("1, 2, 3"));
}

void TestHttpGatewayProvider::endToEndThroughAnEngine()
{
    TestEngine te;
    m_receiver->script(
        {{503, json({{QStringLiteral("error"), QStringLiteral("busy")}})},
         {201, json({{QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("id"), QStringLiteral("msg-e2e")}}}})}});
    auto provider = std::make_shared<HttpGatewayProvider>(
        QStringLiteral("cloud_sms"),
        settings({{QStringLiteral("auth"), QStringLiteral("bearer")},
                  {QStringLiteral("body_template"),
                   QStringLiteral(R"({"to": "{to}", "text": "{message}", "ref": "{session_id}"})")},
                  {QStringLiteral("message_id_json_field"), QStringLiteral("data.id")}},
                 {{QStringLiteral("token"), kToken}}));
    te->addProvider(provider, {Channel::Sms});
    auto started = te->start(startRequest(QStringLiteral("sms"), kNumber));
    QVERIFY2(started, errorText(started).constData());
    const QString id = started->sessionId;
    RawDb raw(te.dbPath());

    // First attempt: the gateway is busy, so the delivery waits for a retry.
    auto n = te->deliverDue();
    QVERIFY2(n, errorText(n).constData());
    QCOMPARE(*n, 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT state FROM deliveries WHERE session_id = ?"), {id})
                 .toString(),
             QStringLiteral("queued"));
    const QString lastError =
        raw.scalar(QStringLiteral("SELECT last_error FROM deliveries WHERE session_id = ?"), {id})
            .toString();
    QVERIFY2(lastError.startsWith(QStringLiteral("HTTP gateway: HTTP 503")), qPrintable(lastError));

    // The retry goes out and is accepted.
    te.clock->setMs(kT0 + 60'000);
    n = te->deliverDue();
    QVERIFY2(n, errorText(n).constData());
    QCOMPARE(*n, 1);

    const QList<HttpRequest> requests = m_receiver->requests();
    QCOMPARE(requests.size(), 2);
    // The same idempotency key on both attempts, so the gateway can tell a retry.
    QCOMPARE(requests[0].header("idempotency-key"), requests[1].header("idempotency-key"));
    QVERIFY(requests[1].header("idempotency-key").startsWith(QByteArray(id.toUtf8() + '-')));
    QCOMPARE(requests[1].header("authorization"), QByteArray("Bearer ") + kToken.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(requests[1].body).object();
    QCOMPARE(body.value(QStringLiteral("to")).toString(), kNumber);
    QCOMPARE(body.value(QStringLiteral("ref")).toString(), id);

    QCOMPARE(raw.scalar(QStringLiteral("SELECT provider_message_id FROM deliveries WHERE "
                                       "session_id = ?"),
                        {id})
                 .toString(),
             QStringLiteral("msg-e2e"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT state FROM deliveries WHERE session_id = ?"), {id})
                 .toString(),
             QStringLiteral("sent"));

    // The recipient reads the code off the message the gateway got, and it verifies.
    const QRegularExpression sixDigits(QStringLiteral("(?<![0-9])([0-9]{6})(?![0-9])"));
    const QString code = sixDigits.match(body.value(QStringLiteral("text")).toString()).captured(1);
    QVERIFY(!code.isEmpty());
    auto checked = te->check({id, code, {QStringLiteral("test"), QStringLiteral("tester")}});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

QTEST_GUILESS_MAIN(TestHttpGatewayProvider)
#include "tst_http_gateway_provider.moc"
