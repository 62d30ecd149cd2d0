// Delivery providers configured in the database: secrets sealed, routes per service and
// channel, every process on the database following a change, a test send — through a real HTTP
// gateway (the project's own HTTP server on 127.0.0.1) standing in for a cloud SMS API.

#include "core/Engine.h"
#include "delivery/ProviderFactory.h"
#include "http/transport/HttpServer.h"
#include "support/TestEngine.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <mutex>

using namespace vc;
using namespace vc::http;
using namespace vc::test;

namespace {

const QString kToken = QStringLiteral("tok-SECRET-7f3a9c");

// Records every request and answers 200 with a message id.
class Gateway : public RequestHandler
{
public:
    HttpResponse handle(const HttpRequest &request) override
    {
        std::lock_guard lock(m_mutex);
        m_requests.append(request);
        return HttpResponse::json(200, QByteArrayLiteral("{\"id\":\"gw-") +
                                           QByteArray::number(m_requests.size()) + "\"}");
    }
    bool isQuick(const HttpRequest &) const override { return false; }
    QList<HttpRequest> requests()
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    std::mutex m_mutex;
    QList<HttpRequest> m_requests;
};

Actor admin()
{
    return {QStringLiteral("operator"), QStringLiteral("kari"), true};
}

QJsonObject gatewaySettings(quint16 port, const QString &path = QStringLiteral("/sms"))
{
    return QJsonObject{
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)},
        {QStringLiteral("auth"), QStringLiteral("bearer")},
        {QStringLiteral("body_template"),
         QStringLiteral("{\"to\": \"{to}\", \"text\": \"{message}\"}")},
        {QStringLiteral("message_id_json_field"), QStringLiteral("id")},
    };
}

QString bodyText(const HttpRequest &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("text")).toString();
}

} // namespace

class TestEngineProviders : public QObject
{
    Q_OBJECT

private:
    Gateway m_gateway;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

private slots:
    void initTestCase()
    {
        ServerOptions options;
        options.port = 0;
        options.eventThreads = 1;
        m_server = std::make_unique<HttpServer>(options, m_gateway);
        QVERIFY2(m_server->start(), "the gateway did not start");
        m_port = m_server->port();
    }

    void cleanupTestCase() { m_server.reset(); }

    void secretsAreSealedAndNeverReturned()
    {
        TestEngine t;
        QVERIFY2(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                 gatewaySettings(m_port),
                                 QJsonObject{{QStringLiteral("token"), kToken}}, admin()),
                 "saved");
        auto configs = t->providerConfigs();
        QVERIFY(configs);
        QCOMPARE(configs->size(), 1);
        QCOMPARE(configs->first().kind, QStringLiteral("http"));
        QCOMPARE(configs->first().secretKeys, QStringList{QStringLiteral("token")});
        QVERIFY(configs->first().secretsSealed.isEmpty());

        // Not in the file in the clear, not in the audit log.
        RawDb raw(t.dbPath());
        const auto rows =
            raw.rows(QStringLiteral("SELECT settings, secrets FROM providers WHERE name = 'gw'"));
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.first().at(0).toString().contains(kToken));
        QVERIFY(!rows.first().at(1).toByteArray().contains(kToken.toUtf8()));
        QVERIFY(!rows.first().at(1).toByteArray().isEmpty());
        auto audit = t->audit(AuditQuery{});
        QVERIFY(audit);
        QCOMPARE(audit->first().action, QStringLiteral("provider.update"));
        QCOMPARE(audit->first().actor, QStringLiteral("operator:kari"));
        QVERIFY(!QJsonDocument(audit->first().detail).toJson().contains(kToken.toUtf8()));
    }

    void badSettingsNameTheFieldAndStoreNothing()
    {
        TestEngine t;
        QJsonObject settings = gatewaySettings(m_port);
        settings.insert(QStringLiteral("url"), QStringLiteral("ftp://example"));
        Status s = t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"), settings,
                                   QJsonObject{{QStringLiteral("token"), kToken}}, admin());
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("url"));
        s = t->saveProvider(QStringLiteral("Bad Name"), QStringLiteral("http"),
                            gatewaySettings(m_port), {}, admin());
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("name"));
        s = t->saveProvider(QStringLiteral("gw"), QStringLiteral("pigeon"), {}, {}, admin());
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("kind"));
        QVERIFY(t->providerConfigs()->isEmpty());
    }

    void routedChannelGoesThroughTheGatewayInEveryProcess()
    {
        TestEngine t;
        QVERIFY(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                gatewaySettings(m_port),
                                QJsonObject{{QStringLiteral("token"), kToken}}, admin()));
        // E-mail cannot go through an SMS gateway.
        Status wrong = t->setProviderRoute({}, Channel::Email, QStringLiteral("gw"), admin());
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().field, QStringLiteral("channel"));
        QVERIFY(t->setProviderRoute({}, Channel::Sms, QStringLiteral("gw"), admin()));

        // A second process on the same database (another engine) follows the route.
        auto other = Engine::open(t.config(), t.clock);
        QVERIFY2(other, "second engine");
        const qsizetype before = m_gateway.requests().size();
        auto started =
            (*other)->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
        QVERIFY(started);
        QVERIFY((*other)->deliverDue());
        const QList<HttpRequest> requests = m_gateway.requests();
        QCOMPARE(requests.size(), before + 1);
        const HttpRequest &sent = requests.last();
        QCOMPARE(sent.header("authorization"), "Bearer " + kToken.toUtf8());
        QVERIFY(sent.body.contains("+4791234567"));
        const QRegularExpression code(QStringLiteral("\\b(\\d{6})\\b"));
        const QString received = code.match(bodyText(sent)).captured(1);
        QVERIFY(!received.isEmpty());
        auto checked = t->check(CheckRequest{started->sessionId, received, Actor::system()});
        QVERIFY(checked);
        QCOMPARE(checked->status, SessionStatus::Verified);
        // Nothing went to the local outbox.
        QVERIFY(t->outbox(started->sessionId, 5)->isEmpty());
    }

    void serviceRouteOverridesAndSecretsKeepOrChange()
    {
        TestEngine t;
        QVERIFY(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                gatewaySettings(m_port),
                                QJsonObject{{QStringLiteral("token"), kToken}}, admin()));
        QVERIFY(t->setProviderRoute(QStringLiteral("default"), Channel::Sms, QStringLiteral("gw"),
                                    admin()));
        // A change without secrets keeps the stored token.
        QVERIFY(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                gatewaySettings(m_port, QStringLiteral("/v2/sms")), {}, admin()));
        auto a = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234001")));
        QVERIFY(a);
        QVERIFY(t->deliverDue());
        QCOMPARE(m_gateway.requests().last().path, QByteArray("/v2/sms"));
        QCOMPARE(m_gateway.requests().last().header("authorization"), "Bearer " + kToken.toUtf8());
        // A new token is used from the next message on.
        QVERIFY(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                gatewaySettings(m_port, QStringLiteral("/v2/sms")),
                                QJsonObject{{QStringLiteral("token"), QStringLiteral("tok-NEW-1")}},
                                admin()));
        auto b = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234002")));
        QVERIFY(b);
        QVERIFY(t->deliverDue());
        QCOMPARE(m_gateway.requests().last().header("authorization"),
                 QByteArray("Bearer tok-NEW-1"));

        // Voice has no route: the local outbox keeps it.
        auto voice = t->start(startRequest(QStringLiteral("voice"), QStringLiteral("+4791234003")));
        QVERIFY(voice);
        QVERIFY(t->deliverDue());
        QCOMPARE(t->outbox(voice->sessionId, 5)->size(), 1);

        // A provider in use cannot be removed; once unrouted it can.
        Status inUse = t->removeProvider(QStringLiteral("gw"), admin());
        QVERIFY(!inUse);
        QCOMPARE(inUse.error().reason, QStringLiteral("provider_in_use"));
        QVERIFY(t->setProviderRoute(QStringLiteral("default"), Channel::Sms, {}, admin()));
        QVERIFY(t->removeProvider(QStringLiteral("gw"), admin()));
        QVERIFY(t->providerConfigs()->isEmpty());
        auto c = t->start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234004")));
        QVERIFY(c);
        QVERIFY(t->deliverDue());
        QCOMPARE(t->outbox(c->sessionId, 5)->size(), 1); // back to the built-in default
    }

    void sendTestReachesTheGatewayAndIsAudited()
    {
        TestEngine t;
        QVERIFY(t->saveProvider(QStringLiteral("gw"), QStringLiteral("http"),
                                gatewaySettings(m_port),
                                QJsonObject{{QStringLiteral("token"), kToken}}, admin()));
        auto outcome = t->sendTestMessage(QStringLiteral("gw"), Channel::Sms,
                                          QStringLiteral("+4791234567"), admin());
        QVERIFY(outcome);
        QVERIFY(outcome->succeeded());
        QVERIFY(bodyText(m_gateway.requests().last()).contains(QStringLiteral("test message")));
        auto audit = t->audit(AuditQuery{});
        QCOMPARE(audit->first().action, QStringLiteral("provider.test"));
        const QByteArray detail = QJsonDocument(audit->first().detail).toJson();
        QVERIFY(detail.contains("+47****4567"));
        QVERIFY(!detail.contains("+4791234567"));

        auto unknown = t->sendTestMessage(QStringLiteral("nope"), Channel::Sms,
                                          QStringLiteral("+4791234567"), admin());
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEngineProviders)
#include "tst_engine_providers.moc"
