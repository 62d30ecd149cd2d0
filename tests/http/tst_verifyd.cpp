// verifyd as a process: where it listens, the first admin key shown once, a busy port as a clear
// error, and SIGTERM during load: it stops accepting, finishes what is in flight, exits 0, and
// every start it acknowledged with 201 is in the database afterwards.

#include "support/RawHttpClient.h"
#include "support/TestEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>
#include <csignal>
#include <thread>

using namespace vc;
using namespace vc::test;

namespace {

QString verifydPath()
{
    return qEnvironmentVariable("VC_TEST_BINARY_DIR") + QStringLiteral("/app/verifyd");
}

// Runs verifyctl on a data folder; returns exit code and stdout.
std::pair<int, QByteArray> verifyctl(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("VC_TEST_BINARY_DIR") + QStringLiteral("/app/verifyctl"),
            QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--json")} + args);
    if (!p.waitForFinished(30000))
        return {-1, {}};
    return {p.exitCode(), p.readAllStandardOutput()};
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// One blocking keep-alive HTTP/1.1 connection that reconnects when the server has closed it:
// enough of a client to load the server from many threads without an event loop.
class Client
{
public:
    explicit Client(quint16 port)
        : m_port(port)
    {}

    // Returns the status (0 when the connection failed) and the body.
    std::pair<int, QByteArray> post(const QByteArray &path, const QByteArray &key,
                                    const QByteArray &json)
    {
        if (m_raw.socket.state() != QAbstractSocket::ConnectedState) {
            m_raw.socket.abort();
            m_raw.buffer.clear();
            if (!m_raw.connectTo(m_port))
                return {0, {}};
        }
        const std::optional<RawResponse> response =
            m_raw.request("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key +
                          "\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(json.size()) + "\r\n\r\n" + json);
        if (!response)
            return {0, {}};
        if (response->header("Connection").toLower() == "close")
            m_raw.socket.disconnectFromHost();
        return {response->status, response->body};
    }

private:
    quint16 m_port;
    RawHttpClient<10000> m_raw;
};

struct Verifyd
{
    QProcess process;
    QString output;

    bool start(const QString &dataDir, quint16 port)
    {
        process.setProgram(verifydPath());
        process.setArguments({QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:%1").arg(port)});
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start();
        if (!process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100 && !output.contains(QStringLiteral("listening on")); ++i) {
            process.waitForReadyRead(100);
            output += QString::fromUtf8(process.readAllStandardOutput());
            if (process.state() != QProcess::Running)
                return false;
        }
        // The first-start key follows the address line.
        process.waitForReadyRead(300);
        output += QString::fromUtf8(process.readAllStandardOutput());
        return output.contains(QStringLiteral("listening on"));
    }

    QString adminKey() const
    {
        static const QRegularExpression re(QStringLiteral("vk_[a-z0-9]{8}_[A-Za-z0-9]{32}"));
        return re.match(output).captured(0);
    }

    int terminate()
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        if (!process.waitForFinished(30000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
};

} // namespace

class TestVerifyd : public QObject
{
    Q_OBJECT

private slots:
    void firstStartShowsOneAdminKeyOnce()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        Verifyd first;
        QVERIFY2(first.start(dir.path(), port), "verifyd did not start");
        QVERIFY(
            first.output.contains(QStringLiteral("listening on http://127.0.0.1:%1").arg(port)));
        const QString key = first.adminKey();
        QVERIFY2(!key.isEmpty(), "the first start prints an admin key");
        Client client(port);
        const auto [status, body] = client.post(
            "/v1/keys", key.toLatin1(), R"({"name": "from the first key", "scope": "verify"})");
        QCOMPARE(status, 201);
        QCOMPARE(first.terminate(), 0);

        Verifyd second;
        QVERIFY(second.start(dir.path(), port));
        QVERIFY2(second.adminKey().isEmpty(), "the admin key is shown on the first start only");
        QCOMPARE(second.terminate(), 0);
    }

    void anAdminKeyIsIssuedWhenNoneIsUsable()
    {
        // scripts/run.sh issues a verify key before verifyd's first start: an admin key must
        // still be created (and again once every admin key is revoked).
        QTemporaryDir dir;
        auto [rc, out] =
            verifyctl(dir.path(),
                      {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"),
                       QStringLiteral("app"), QStringLiteral("--scope"), QStringLiteral("verify")});
        QCOMPARE(rc, 0);
        const quint16 port = freePort();
        Verifyd first;
        QVERIFY(first.start(dir.path(), port));
        const QString admin = first.adminKey();
        QVERIFY2(!admin.isEmpty(), "a verify key alone does not stop the first admin key");
        QCOMPARE(first.terminate(), 0);

        std::tie(rc, out) = verifyctl(
            dir.path(), {QStringLiteral("keys"), QStringLiteral("revoke"), admin.mid(3, 8)});
        QCOMPARE(rc, 0);
        Verifyd second;
        QVERIFY(second.start(dir.path(), port));
        QVERIFY2(!second.adminKey().isEmpty(), "with every admin key revoked, a new one is issued");
        QVERIFY(second.adminKey() != admin);
        QCOMPARE(second.terminate(), 0);
    }

    void busyPortIsAClearError()
    {
        QTemporaryDir dir;
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QProcess p;
        p.start(verifydPath(),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
                 QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())});
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("in use")), qPrintable(err));
        QVERIFY(err.contains(QString::number(squatter.serverPort())));
    }

    void verifyctlWorksOnTheDatabaseOfARunningVerifyd()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        Verifyd d;
        QVERIFY(d.start(dir.path(), port));

        // A key issued by verifyctl works against the running server at once...
        auto [rc, out] =
            verifyctl(dir.path(),
                      {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"),
                       QStringLiteral("ops"), QStringLiteral("--scope"), QStringLiteral("admin")});
        QCOMPARE(rc, 0);
        const QJsonObject issued = QJsonDocument::fromJson(out).object();
        QCOMPARE(issued.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("key"),
                                             QStringLiteral("prefix")}));
        const QByteArray key = issued.value(QStringLiteral("key")).toString().toLatin1();
        Client client(port);
        QCOMPARE(client
                     .post("/v1/verify/start", key,
                           R"({"channel": "email", "recipient": "ops@example.com"})")
                     .first,
                 201);

        // ...a service changed by verifyctl applies to the next request...
        std::tie(rc, out) =
            verifyctl(dir.path(), {QStringLiteral("services"), QStringLiteral("update"),
                                   QStringLiteral("default"), QStringLiteral("ttl_seconds=900")});
        QCOMPARE(rc, 0);
        const auto [status, body] = client.post(
            "/v1/verify/start", key, R"({"channel": "sms", "recipient": "+4791234567"})");
        QCOMPARE(status, 201);
        const QJsonObject started = QJsonDocument::fromJson(body).object();
        const qint64 ttl =
            QDateTime::fromString(started.value(QStringLiteral("expires_at")).toString(),
                                  Qt::ISODateWithMs)
                .msecsTo(QDateTime::fromString(
                    started.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs));
        QCOMPARE(-ttl, 900'000);

        // ...a backup taken while it serves is a working copy...
        const QString backup = dir.filePath(QStringLiteral("backup.db"));
        std::tie(rc, out) = verifyctl(dir.path(), {QStringLiteral("backup"), backup});
        QCOMPARE(rc, 0);
        {
            RawDb copy(backup);
            QCOMPARE(copy.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt(), 2);
        }
        std::tie(rc, out) =
            verifyctl(dir.path(), {QStringLiteral("sessions"), QStringLiteral("list"),
                                   QStringLiteral("--channel"), QStringLiteral("email")});
        QCOMPARE(rc, 0);
        QCOMPARE(QJsonDocument::fromJson(out)
                     .object()
                     .value(QStringLiteral("sessions"))
                     .toArray()
                     .size(),
                 1);

        // ...and revoking it in verifyctl makes the very next request fail.
        std::tie(rc, out) =
            verifyctl(dir.path(), {QStringLiteral("keys"), QStringLiteral("revoke"),
                                   issued.value(QStringLiteral("prefix")).toString()});
        QCOMPARE(rc, 0);
        QCOMPARE(client
                     .post("/v1/verify/start", key,
                           R"({"channel": "email", "recipient": "ops@example.com"})")
                     .first,
                 401);
        std::tie(rc, out) = verifyctl(dir.path(), {QStringLiteral("audit")});
        QCOMPARE(rc, 0);
        QStringList actions;
        for (const QJsonValue &e : QJsonDocument::fromJson(out).array())
            actions.append(e.toObject().value(QStringLiteral("action")).toString());
        QVERIFY(actions.contains(QStringLiteral("key.revoke")));
        QVERIFY(actions.contains(QStringLiteral("service.update")));
        QCOMPARE(d.terminate(), 0);
    }

    void sigtermDuringLoadLosesNoAcknowledgedStart()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        Verifyd d;
        QVERIFY(d.start(dir.path(), port));
        const QByteArray key = d.adminKey().toLatin1();
        QVERIFY(!key.isEmpty());
        // Each client thread starts sessions for its own numbers until the server goes away.
        constexpr int Threads = 16;
        std::atomic<bool> stop{false};
        std::atomic<int> started{0};
        QMutex mutex;
        QStringList acknowledged;
        int otherStatuses = 0;
        std::vector<std::thread> clients;
        for (int t = 0; t < Threads; ++t) {
            clients.emplace_back([&, t] {
                Client client(port);
                for (int i = 0; !stop.load() && i < 100000; ++i) {
                    const QByteArray body =
                        QStringLiteral(R"({"channel": "sms", "recipient": "+4670%1%2"})")
                            .arg(t, 2, 10, QLatin1Char('0'))
                            .arg(i, 5, 10, QLatin1Char('0'))
                            .toLatin1();
                    const auto [status, reply] = client.post("/v1/verify/start", key, body);
                    if (status == 0)
                        return; // the server has stopped accepting
                    QMutexLocker lock(&mutex);
                    if (status == 201) {
                        static const QRegularExpression re(
                            QStringLiteral("\"session_id\":\"([0-9a-f-]{36})\""));
                        acknowledged.append(re.match(QString::fromLatin1(reply)).captured(1));
                        started.fetch_add(1);
                    } else {
                        ++otherStatuses;
                    }
                }
            });
        }
        // Let the load run, then stop verifyd in the middle of it.
        QTRY_VERIFY_WITH_TIMEOUT(started.load() >= 200, 30000);
        const int exitCode = d.terminate();
        stop = true;
        for (auto &c : clients)
            c.join();
        QCOMPARE(exitCode, 0);
        QCOMPARE(otherStatuses, 0);
        QVERIFY(!acknowledged.isEmpty());

        // Every acknowledged start is in the database, with its delivery job.
        RawDb raw(dir.filePath(QStringLiteral("verify.db")));
        int missing = 0;
        for (const QString &id : std::as_const(acknowledged)) {
            if (id.isEmpty() ||
                raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions s JOIN deliveries d ON "
                                          "d.session_id = s.id WHERE s.id = ?"),
                           {id})
                        .toInt() != 1)
                ++missing;
        }
        QCOMPARE(missing, 0);
        qInfo("%lld starts acknowledged before and during shutdown, all stored",
              static_cast<long long>(acknowledged.size()));
        QVERIFY(d.process.readAllStandardError().contains("stopping"));
    }
};

QTEST_GUILESS_MAIN(TestVerifyd)
#include "tst_verifyd.moc"
