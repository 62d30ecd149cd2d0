// SMS through a real Kannel: bearerbox, smsbox and Kannel's fake SMSC (kannel-extras) started in a
// temporary folder on free loopback ports, the engine on a real SQLite file, and the v1 listener
// on an ephemeral port receiving the delivery reports Kannel sends to the dlr-url. The fake SMSC
// prints what it receives: that is how the test reads the code, as the phone would.
//
// Nothing here prints a code, the password, the receipt token or a full number; every log line of
// the run is captured and checked for them at the end.

#include "delivery/KannelProvider.h"
#include "http/api/Listener.h"
#include "support/RawHttpClient.h"
#include "support/TestEngine.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace vc;
using namespace vc::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000; // generous: the suite must pass on a loaded 2-core machine

const QString kPassword = u"kannel-sendsms-pw-7f3a"_s;
const QString kToken = u"rcpt-token-0123456789abcdefXYZ"_s;

// --- every log line of the run ---------------------------------------------------------------

QMutex capturedMutex;
QStringList captured;
QtMessageHandler previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&capturedMutex);
        captured.append(message);
    }
    // Only warnings and worse reach the test's output; they are checked for secrets too.
    if (previousHandler && type != QtInfoMsg && type != QtDebugMsg)
        previousHandler(type, context, message);
}

QStringList capturedLines()
{
    QMutexLocker lock(&capturedMutex);
    return captured;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

bool portAccepts(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(500);
}

// Ports free on 127.0.0.1 right now (each bound once, then released).
QList<quint16> freePorts(int n)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < n; ++i) {
        auto s = std::make_unique<QTcpServer>();
        if (!s->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(s->serverPort());
        servers.push_back(std::move(s));
    }
    return ports;
}

std::optional<RawResponse> httpGet(quint16 port, const QByteArray &target)
{
    RawHttpClient<kWaitMs> client;
    if (!client.connectTo(port))
        return std::nullopt;
    return client.request(rawGet(target, "Connection: close\r\n"));
}

// One message as the fake SMSC printed it: "Got message 3: <from to text|ucs-2 TEXT>".
struct SmscMessage
{
    QString from;
    QString to;
    QString coding;
    QString text; // decoded
};

// --- Kannel -------------------------------------------------------------------------------------

// bearerbox, the fake SMSC and smsbox on free loopback ports, with one config in `dir`. Stopped
// (SIGTERM, then SIGKILL) when it goes out of scope, whatever the test did.
class KannelGateway
{
public:
    explicit KannelGateway(const QString &dir)
        : m_dir(dir)
    {
        const QList<quint16> ports = freePorts(4);
        if (ports.size() == 4) {
            m_adminPort = ports[0];
            m_smsboxPort = ports[1];
            m_smscPort = ports[2];
            m_sendsmsPort = ports[3];
        }
    }
    ~KannelGateway() { stop(); }
    KannelGateway(const KannelGateway &) = delete;
    KannelGateway &operator=(const KannelGateway &) = delete;

    quint16 sendsmsPort() const { return m_sendsmsPort; }
    QString configPath() const { return m_dir + u"/kannel.conf"_s; }

    // Empty when all three run and the SMSC is online; else what went wrong.
    QString start()
    {
        if (m_sendsmsPort == 0)
            return u"no free ports"_s;
        if (QString written = writeConfig(); !written.isEmpty())
            return written;
        ++m_generation;
        m_bearerbox = launch(u"/usr/sbin/bearerbox"_s, {configPath()}, u"bearerbox"_s);
        if (!waitUntil([&] { return portAccepts(m_adminPort); }))
            return u"bearerbox did not open its admin port"_s + logTail(u"bearerbox"_s);
        m_fakesmsc =
            launch(u"/usr/lib/kannel/test/fakesmsc"_s,
                   {u"-H"_s, u"127.0.0.1"_s, u"-r"_s, QString::number(m_smscPort), u"-m"_s, u"0"_s},
                   u"fakesmsc"_s);
        if (!waitUntil([&] { return status().contains(u"(online"_s); }))
            return u"the fake SMSC did not come online: "_s + status();
        m_smsbox = launch(u"/usr/sbin/smsbox"_s, {configPath()}, u"smsbox"_s);
        if (!waitUntil([&] { return portAccepts(m_sendsmsPort); }))
            return u"smsbox did not open its sendsms port"_s + logTail(u"smsbox"_s);
        return {};
    }

    // Stops smsbox, the fake SMSC and bearerbox (each also exits when bearerbox goes).
    void stop()
    {
        for (auto *p : {&m_smsbox, &m_fakesmsc, &m_bearerbox}) {
            std::unique_ptr<QProcess> &process = *p;
            if (!process)
                continue;
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(10000)) {
                    process->kill();
                    process->waitForFinished(5000);
                }
            }
            process.reset();
        }
    }

    // bearerbox's status page (status.txt on the admin port).
    QString status() const
    {
        auto r = httpGet(m_adminPort, "/status.txt?password=" + m_adminPassword.toLatin1());
        return r ? QString::fromUtf8(r->body) : QString();
    }

    // What the fake SMSC received since it was last started, in order.
    QList<SmscMessage> received() const
    {
        QFile f(outputFile(u"fakesmsc"_s));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        static const QRegularExpression line(
            u"Got message \\d+: <(\\S+) (\\S+) (\\S+) (.*)>\\s*$"_s,
            QRegularExpression::MultilineOption);
        QList<SmscMessage> out;
        const QString text = QString::fromUtf8(f.readAll());
        for (auto it = line.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            SmscMessage msg{m.captured(1), m.captured(2), m.captured(3), m.captured(4)};
            if (msg.coding == u"ucs-2"_s) {
                // URL-encoded UTF-16BE bytes, '+' standing for the byte 0x20.
                QByteArray encoded = msg.text.toLatin1();
                encoded.replace('+', "%20");
                auto decode = QStringDecoder(QStringDecoder::Utf16BE);
                msg.text = decode(QByteArray::fromPercentEncoding(encoded));
            }
            out.append(msg);
        }
        return out;
    }

private:
    QString writeConfig() const
    {
        QFile f(configPath());
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return u"cannot write "_s + configPath();
        const QString conf = u"group = core\n"
                             "admin-port = %1\n"
                             "admin-interface = 127.0.0.1\n"
                             "admin-password = %2\n"
                             "smsbox-port = %3\n"
                             "smsbox-interface = 127.0.0.1\n"
                             "box-allow-ip = 127.0.0.1\n"
                             "log-file = \"%5/bearerbox.log\"\n"
                             "log-level = 0\n"
                             "dlr-storage = internal\n"
                             "\n"
                             "group = smsc\n"
                             "smsc = fake\n"
                             "smsc-id = fake\n"
                             "port = %4\n"
                             "connect-allow-ip = 127.0.0.1\n"
                             "\n"
                             "group = smsbox\n"
                             "bearerbox-host = 127.0.0.1\n"
                             "sendsms-port = %6\n"
                             "sendsms-interface = 127.0.0.1\n"
                             "log-file = \"%5/smsbox.log\"\n"
                             "log-level = 0\n"
                             "\n"
                             "group = sendsms-user\n"
                             "username = verify\n"
                             "password = %7\n"
                             "max-messages = 3\n"
                             "concatenation = true\n"
                             "\n"
                             "group = sms-service\n"
                             "keyword = default\n"
                             "text = \"No service here\"\n"_s.arg(m_adminPort)
                                 .arg(m_adminPassword)
                                 .arg(m_smsboxPort)
                                 .arg(m_smscPort)
                                 .arg(m_dir)
                                 .arg(m_sendsmsPort)
                                 .arg(kPassword);
        f.write(conf.toUtf8());
        return {};
    }

    QString outputFile(const QString &name) const
    {
        return m_dir + u"/%1-%2.out"_s.arg(name).arg(m_generation);
    }

    std::unique_ptr<QProcess> launch(const QString &program, const QStringList &args,
                                     const QString &name) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProgram(program);
        p->setArguments(args);
        p->setWorkingDirectory(m_dir);
        // Output to files (never a full pipe that blocks the process); standard input stays an
        // open pipe, which the fake SMSC needs: it stops at the end of its input.
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->setStandardOutputFile(outputFile(name));
        p->start();
        p->waitForStarted(10000);
        return p;
    }

    QString logTail(const QString &name) const
    {
        QFile f(outputFile(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return u": "_s + QString::fromUtf8(f.readAll().right(600));
    }

    QString m_dir;
    QString m_adminPassword = u"admin-pw-5c1e"_s;
    quint16 m_adminPort = 0;
    quint16 m_smsboxPort = 0;
    quint16 m_smscPort = 0;
    quint16 m_sendsmsPort = 0;
    int m_generation = 0;
    std::unique_ptr<QProcess> m_bearerbox;
    std::unique_ptr<QProcess> m_fakesmsc;
    std::unique_ptr<QProcess> m_smsbox;
};

// The code in a message text: the session's length of digits standing alone.
QString codeIn(const QString &text, int length)
{
    const QRegularExpression re(u"(?<![0-9])([0-9]{%1})(?![0-9])"_s.arg(length));
    return re.match(text).captured(1);
}

QStringList eventTypes(const QList<SessionEvent> &events)
{
    QStringList types;
    for (const SessionEvent &e : events)
        types << e.type;
    return types;
}

// Sends through Kannel, then has the gateway's "rejected" report (type 16) arrive at the listener
// before send() returns: a receipt overtaking the worker, which records the send only after.
class OvertakenProvider final : public DeliveryProvider
{
public:
    OvertakenProvider(std::shared_ptr<KannelProvider> kannel,
                      std::function<int(qint64 deliveryId)> reportRejected)
        : m_kannel(std::move(kannel))
        , m_reportRejected(std::move(reportRejected))
    {}
    QString name() const override { return m_kannel->name(); }
    bool acceptsReceiptToken(const QString &token) const override
    {
        return m_kannel->acceptsReceiptToken(token);
    }
    SendOutcome send(const OutgoingMessage &message) override
    {
        SendOutcome outcome = m_kannel->send(message);
        if (outcome.succeeded())
            lastReportStatus = m_reportRejected(message.deliveryId);
        return outcome;
    }
    int lastReportStatus = 0;

private:
    std::shared_ptr<KannelProvider> m_kannel;
    std::function<int(qint64)> m_reportRejected;
};

} // namespace

class TestKannelProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void settingsAreValidated();
    void sendsmsRequestIsEncoded();
    void deliveryReceiptMarksTheSessionDelivered();
    void textBeyondGsm7GoesAsUcs2();
    void receiptsNeedTheProvidersToken();
    void receiptAnswersNameWhatIsWrong();
    void failureReceiptFailsTheDelivery();
    void lateReceiptNeverMovesAFinalSession();
    void failureReceiptOvertakingTheSendIsKept();
    void gatewayDownRetriesThenDeliversOnce();
    void gatewayRefusalsAreClassified();
    void logsHoldNoSecrets();

private:
    KannelSettings settings(const QString &receiptBase) const;
    // Starts an SMS session with provider `provider` and sends it (one delivery job).
    QString startAndSend(const QString &number, const QString &provider = u"kannel"_s);
    // The same through `provider`, routed for this one start.
    QString startAndSendVia(const QString &number, std::shared_ptr<DeliveryProvider> provider);
    qint64 deliveryIdOf(const QString &sessionId, int index = 0);
    QString deliveryStateOf(qint64 deliveryId, QString *lastError = nullptr);
    std::optional<RawResponse> receipt(const QString &provider, const QString &token,
                                       qint64 deliveryId, int status, const QByteArray &reply = {});

    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<http::Listener> m_listener;
    QTemporaryDir m_kannelDir;
    std::unique_ptr<KannelGateway> m_kannel;
    std::shared_ptr<KannelProvider> m_kannelProvider;
    std::shared_ptr<KannelProvider> m_deaf;
    QStringList m_numbers; // every recipient of the run, for the log check
    QStringList m_codes;   // every code read off the fake SMSC
};

void TestKannelProvider::initTestCase()
{
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(u"verify.*.info=true"_s);
    for (const char *binary :
         {"/usr/sbin/bearerbox", "/usr/sbin/smsbox", "/usr/lib/kannel/test/fakesmsc"})
        if (!QFile::exists(QString::fromLatin1(binary)))
            QFAIL(qPrintable(u"%1 is missing: apt-get install kannel kannel-extras"_s.arg(
                QString::fromLatin1(binary))));

    m_engine = std::make_unique<TestEngine>();
    http::ListenerConfig listen;
    listen.listen = u"127.0.0.1:0"_s;
    m_listener = std::make_unique<http::Listener>(*m_engine->engine, listen);
    const Status started = m_listener->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().toString()));

    QVERIFY(m_kannelDir.isValid());
    m_kannel = std::make_unique<KannelGateway>(m_kannelDir.path());
    const QString up = m_kannel->start();
    QVERIFY2(up.isEmpty(), qPrintable(up));

    // "kannel" sends SMS by default and hears its receipts; "kannel-deaf" uses the same gateway
    // but gives Kannel a receipt address where nothing listens, so the test itself sends the
    // receipts a gateway would.
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_listener->port());
    m_kannelProvider = std::make_shared<KannelProvider>(u"kannel"_s, settings(base));
    m_engine->engine->addProvider(m_kannelProvider, {Channel::Sms});
    const quint16 closed = freePorts(1).value(0);
    QVERIFY(closed != 0);
    m_deaf = std::make_shared<KannelProvider>(u"kannel-deaf"_s,
                                              settings(u"http://127.0.0.1:%1"_s.arg(closed)));
    m_engine->engine->addProvider(m_deaf, {});
}

void TestKannelProvider::cleanupTestCase()
{
    m_kannel.reset(); // SIGTERM, then SIGKILL: no Kannel process outlives the test
    if (m_listener)
        m_listener->stop(2000);
    m_listener.reset();
    m_engine.reset();
    qInstallMessageHandler(previousHandler);
}

KannelSettings TestKannelProvider::settings(const QString &receiptBase) const
{
    auto parsed = KannelSettings::fromJson(
        QJsonObject{{u"sendsms_url"_s, u"http://127.0.0.1:%1/cgi-bin/sendsms"_s.arg(
                                           m_kannel ? m_kannel->sendsmsPort() : 1)},
                    {u"username"_s, u"verify"_s},
                    {u"from"_s, u"Verify"_s},
                    {u"receipt_base_url"_s, receiptBase},
                    {u"timeout_ms"_s, 10000}},
        QJsonObject{{u"password"_s, kPassword}, {u"receipt_token"_s, kToken}});
    if (!parsed)
        qFatal("test settings refused: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

QString TestKannelProvider::startAndSend(const QString &number, const QString &provider)
{
    return startAndSendVia(number, provider == u"kannel-deaf"_s ? m_deaf : nullptr);
}

QString TestKannelProvider::startAndSendVia(const QString &number,
                                            std::shared_ptr<DeliveryProvider> provider)
{
    m_numbers << number;
    if (provider)
        m_engine->engine->addProvider(provider, {Channel::Sms});
    auto started = m_engine->engine->start(startRequest(u"sms"_s, number));
    if (provider)
        m_engine->engine->addProvider(m_kannelProvider, {Channel::Sms});
    if (!started) {
        qWarning("start failed: %s", errorText(started).constData());
        return {};
    }
    auto sent = m_engine->engine->deliverDue(started->sessionId);
    if (!sent || *sent != 1) {
        qWarning("deliverDue did not handle the session's one job");
        return {};
    }
    return started->sessionId;
}

qint64 TestKannelProvider::deliveryIdOf(const QString &sessionId, int index)
{
    auto events = m_engine->engine->events(sessionId);
    if (!events)
        return 0;
    int seen = 0;
    for (const SessionEvent &e : *events)
        if (e.type == u"queued"_s || e.type == u"resent"_s)
            if (seen++ == index)
                return e.detail.value(u"delivery_id"_s).toInteger();
    return 0;
}

QString TestKannelProvider::deliveryStateOf(qint64 deliveryId, QString *lastError)
{
    DeliveryQuery q;
    q.states = {u"queued"_s, u"sending"_s, u"sent"_s, u"failed"_s, u"cancelled"_s};
    q.limit = 1000;
    auto all = m_engine->engine->deliveries(q);
    if (!all)
        return {};
    for (const DeliveryView &d : *all)
        if (d.id == deliveryId) {
            if (lastError)
                *lastError = d.lastError;
            return d.state;
        }
    return {};
}

std::optional<RawResponse> TestKannelProvider::receipt(const QString &provider,
                                                       const QString &token, qint64 deliveryId,
                                                       int status, const QByteArray &reply)
{
    QByteArray target = "/v1/receipts/kannel/" + QUrl::toPercentEncoding(provider) +
                        "?token=" + QUrl::toPercentEncoding(token) +
                        "&delivery=" + QByteArray::number(deliveryId) +
                        "&status=" + QByteArray::number(status);
    if (!reply.isNull())
        target += "&smsc_reply=" + QUrl::toPercentEncoding(QString::fromUtf8(reply));
    return httpGet(m_listener->port(), target);
}

// --- settings and the request -------------------------------------------------------------------

void TestKannelProvider::settingsAreValidated()
{
    const QJsonObject good{{u"sendsms_url"_s, u"http://127.0.0.1:13013/cgi-bin/sendsms"_s},
                           {u"username"_s, u"verify"_s},
                           {u"from"_s, u"Verify"_s},
                           {u"receipt_base_url"_s, u"http://127.0.0.1:8780"_s}};
    const QJsonObject secrets{{u"password"_s, kPassword}, {u"receipt_token"_s, kToken}};
    auto parsed = KannelSettings::fromJson(good, secrets);
    QVERIFY2(parsed, errorText(parsed).constData());
    QCOMPARE(parsed->sendsmsUrl, QUrl(u"http://127.0.0.1:13013/cgi-bin/sendsms"_s));
    QCOMPARE(parsed->username, u"verify"_s);
    QCOMPARE(parsed->from, u"Verify"_s);
    QCOMPARE(parsed->receiptBaseUrl, QUrl(u"http://127.0.0.1:8780"_s));
    QCOMPARE(parsed->timeoutMs, 10000);
    QJsonObject bare = good;
    bare.insert(u"sendsms_url"_s, u"http://127.0.0.1:13013"_s);
    auto defaulted = KannelSettings::fromJson(bare, secrets);
    QVERIFY2(defaulted, errorText(defaulted).constData());
    QCOMPARE(defaulted->sendsmsUrl, QUrl(u"http://127.0.0.1:13013/cgi-bin/sendsms"_s));
    QVERIFY(parsed->password == kPassword && parsed->receiptToken == kToken);

    // Each broken setting is refused, naming it, and no error repeats a secret.
    auto refused = [&](QJsonObject settingsJson, QJsonObject secretsJson, const QString &field) {
        auto r = KannelSettings::fromJson(settingsJson, secretsJson);
        if (r)
            return u"accepted; expected an error naming %1"_s.arg(field);
        const QString text = r.error().toString();
        if (r.error().field != field)
            return u"named \"%1\", expected \"%2\": %3"_s.arg(r.error().field, field, text);
        if (text.contains(kPassword) || text.contains(kToken))
            return u"the error repeats a secret"_s;
        return QString();
    };
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    auto withSecret = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = secrets;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    const struct
    {
        QJsonObject settings;
        QJsonObject secrets;
        QString field;
    } cases[] = {
        {with(u"sendsms_url"_s, QJsonValue::Undefined), secrets, u"sendsms_url"_s},
        {with(u"sendsms_url"_s, u"ftp://127.0.0.1/sendsms"_s), secrets, u"sendsms_url"_s},
        {with(u"sendsms_url"_s, u"http://u:p@127.0.0.1/x"_s), secrets, u"sendsms_url"_s},
        {with(u"sendsms_url"_s, u"http://127.0.0.1/x?user=a"_s), secrets, u"sendsms_url"_s},
        {with(u"sendsms_url"_s, 13013), secrets, u"sendsms_url"_s},
        {with(u"username"_s, QJsonValue::Undefined), secrets, u"username"_s},
        {with(u"from"_s, u"a sender id far too long"_s), secrets, u"from"_s},
        {with(u"receipt_base_url"_s, QJsonValue::Undefined), secrets, u"receipt_base_url"_s},
        {with(u"receipt_base_url"_s, u"http://127.0.0.1:8780/a%20b"_s), secrets,
         u"receipt_base_url"_s},
        {with(u"timeout_ms"_s, 50), secrets, u"timeout_ms"_s},
        {with(u"timeout_ms"_s, u"10s"_s), secrets, u"timeout_ms"_s},
        {with(u"smsc"_s, u"x"_s), secrets, u"smsc"_s},
        // A secret among the plain settings is refused: it would be stored unsealed.
        {with(u"password"_s, kPassword), secrets, u"password"_s},
        {good, withSecret(u"password"_s, QJsonValue::Undefined), u"password"_s},
        {good, withSecret(u"receipt_token"_s, QJsonValue::Undefined), u"receipt_token"_s},
        {good, withSecret(u"receipt_token"_s, u"short"_s), u"receipt_token"_s},
        {good, withSecret(u"receipt_token"_s, QString(kToken + u"%2F"_s)), u"receipt_token"_s},
        {good, withSecret(u"receipt_token"_s, QString(kToken + u"&x=1"_s)), u"receipt_token"_s},
    };
    for (const auto &c : cases) {
        const QString problem = refused(c.settings, c.secrets, c.field);
        QVERIFY2(problem.isEmpty(), qPrintable(c.field + u": "_s + problem));
    }
}

void TestKannelProvider::sendsmsRequestIsEncoded()
{
    KannelProvider provider(u"kannel"_s, settings(u"http://127.0.0.1:8780/"_s));
    QCOMPARE(provider.receiptUrl(42),
             QString(u"http://127.0.0.1:8780/v1/receipts/kannel/kannel?token="_s + kToken +
                     u"&delivery=42&status=%d&smsc_reply=%A"_s));

    OutgoingMessage m;
    m.deliveryId = 42;
    m.channel = Channel::Sms;
    m.recipient = u"+4791234567"_s;
    m.message.text = u"Kode: 123456 & mer+"_s;
    const QByteArray query = provider.sendsmsQuery(m);
    QList<QByteArray> params = query.split('&');
    auto param = [&](const QByteArray &name) -> QByteArray {
        for (const QByteArray &p : std::as_const(params))
            if (p.startsWith(QByteArray(name + '=')))
                return p.mid(name.size() + 1);
        return "<absent>";
    };
    QCOMPARE(param("username"), "verify"_ba);
    QVERIFY(param("password") == QUrl::toPercentEncoding(kPassword));
    QCOMPARE(param("from"), "Verify"_ba);
    QCOMPARE(param("to"), "%2B4791234567"_ba); // '+' would reach Kannel as a space
    QCOMPARE(param("text"), "Kode%3A%20123456%20%26%20mer%2B"_ba);
    QCOMPARE(param("charset"), "UTF-8"_ba);
    QCOMPARE(param("coding"), "<absent>"_ba); // GSM 03.38 carries it
    QCOMPARE(param("dlr-mask"), "31"_ba);
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(param("dlr-url"))),
             provider.receiptUrl(42));

    m.message.text = u"Kod 123456 – łatwo"_s;
    params = provider.sendsmsQuery(m).split('&');
    QCOMPARE(param("coding"), "2"_ba);
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(param("text"))), m.message.text);

    QVERIFY(KannelProvider::isGsm7(u"Koden din er 123456. Æ Ø Å æ ø å ä ö ü é € [ ] { } ~ ^ |"_s));
    QVERIFY(KannelProvider::isGsm7(u"line\nbreak @ £ $ ¥ § ¿ ¡"_s));
    QVERIFY(!KannelProvider::isGsm7(u"en – dash"_s));
    QVERIFY(!KannelProvider::isGsm7(u"ł"_s));
    QVERIFY(!KannelProvider::isGsm7(u"emoji \U0001F600"_s));
    QVERIFY(!KannelProvider::isGsm7(u"`backtick`"_s));

    QVERIFY(provider.acceptsReceiptToken(kToken));
    QVERIFY(!provider.acceptsReceiptToken(kToken + u"x"_s));
    QVERIFY(!provider.acceptsReceiptToken(kToken.left(kToken.size() - 1)));
    QVERIFY(!provider.acceptsReceiptToken(QString()));
    QVERIFY(!provider.acceptsReceiptToken(kToken.toUpper()));
}

// --- through the real gateway ------------------------------------------------------------------

void TestKannelProvider::deliveryReceiptMarksTheSessionDelivered()
{
    const QString number = u"+4791234567"_s;
    const QString id = startAndSend(number);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);
    QVERIFY(delivery > 0);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);

    // The fake SMSC received the text with the code, from the configured sender.
    QList<SmscMessage> got;
    QVERIFY2(waitUntil([&] {
                 got.clear();
                 for (const SmscMessage &msg : m_kannel->received())
                     if (msg.to == number)
                         got.append(msg);
                 return !got.isEmpty();
             }),
             "the fake SMSC received no message for the session");
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().from, u"Verify"_s);
    QCOMPARE(got.first().coding, u"text"_s);
    const QString code = codeIn(got.first().text, 6);
    QVERIFY2(!code.isEmpty(), "no 6-digit code in the received text");
    m_codes << code;

    // Kannel reports "accepted by the SMSC" (8), then "delivered" (1), to the listener.
    QVERIFY2(waitUntil([&] {
                 auto v = m_engine->engine->status(id);
                 auto e = m_engine->engine->events(id);
                 return v && v->status == SessionStatus::Delivered && e &&
                        eventTypes(*e).contains(u"receipt"_s);
             }),
             "no delivery report made the session delivered");
    auto view = m_engine->engine->status(id);
    QVERIFY(view && view->deliveredAt);
    auto events = m_engine->engine->events(id);
    QVERIFY(events);
    QStringList receipts;
    for (const SessionEvent &e : *events) {
        if (e.detail.contains(u"receipt"_s)) {
            receipts << e.type + u':' + e.detail.value(u"receipt"_s).toString();
            QCOMPARE(e.detail.value(u"delivery_id"_s).toInteger(), delivery);
            QCOMPARE(e.detail.value(u"provider"_s).toString(), u"kannel"_s);
        }
    }
    receipts.sort();
    QCOMPARE(receipts, (QStringList{u"delivered:delivered"_s, u"receipt:smsc_accepted"_s}));
    QVERIFY(eventTypes(*events).indexOf(u"sent"_s) >= 0);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);

    // The code the phone got verifies the session.
    auto checked = m_engine->engine->check({id, code, {u"test"_s, u"user"_s}});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

void TestKannelProvider::textBeyondGsm7GoesAsUcs2()
{
    const QString templ = u"Kod {code} – łatwo ✓"_s;
    Status set =
        m_engine->engine->setMessageTemplate(u"default"_s, u"en"_s, u"sms"_s, templ, kAdmin);
    QVERIFY2(set, errorText(set).constData());
    auto restore = qScopeGuard([&] {
        (void)m_engine->engine->setMessageTemplate(u"default"_s, u"en"_s, u"sms"_s, {}, kAdmin);
    });

    const QString number = u"+4792345678"_s;
    m_numbers << number;
    StartRequest r = startRequest(u"sms"_s, number);
    r.locale = u"en"_s;
    auto started = m_engine->engine->start(r);
    QVERIFY2(started, errorText(started).constData());
    auto sent = m_engine->engine->deliverDue(started->sessionId);
    QVERIFY(sent && *sent == 1);

    std::optional<SmscMessage> got;
    QVERIFY2(waitUntil([&] {
                 for (const SmscMessage &msg : m_kannel->received())
                     if (msg.to == number)
                         got = msg;
                 return got.has_value();
             }),
             "the fake SMSC received no message for the session");
    QCOMPARE(got->coding, u"ucs-2"_s);
    const QString code = codeIn(got->text, 6);
    QVERIFY2(!code.isEmpty(), "no 6-digit code in the received text");
    m_codes << code;
    // Every character arrived as written.
    QVERIFY2(got->text == QString(templ).replace(u"{code}"_s, code),
             "the received text is not the template with the code");
    QVERIFY(waitUntil([&] {
        auto v = m_engine->engine->status(started->sessionId);
        return v && v->status == SessionStatus::Delivered;
    }));
    auto checked = m_engine->engine->check({started->sessionId, code, {u"test"_s, u"user"_s}});
    QVERIFY(checked && checked->verified());
}

// --- the receipt endpoint ----------------------------------------------------------------------

void TestKannelProvider::receiptsNeedTheProvidersToken()
{
    const QString id = startAndSend(u"+4793456789"_s, u"kannel-deaf"_s);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);
    auto before = m_engine->engine->events(id);
    QVERIFY(before);

    // What a request without an API key gets elsewhere: a receipt without the token gets the same.
    const auto noKey = httpGet(m_listener->port(), "/v1/sessions");
    QVERIFY(noKey && noKey->status == 401);
    for (const QString &token :
         {QString(), u"wrong"_s, QString(kToken).replace(0, 1, u'X'), QString(kToken + u"0"_s)}) {
        const auto r = receipt(u"kannel-deaf"_s, token, delivery, 1);
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QCOMPARE(r->body, noKey->body);
        QCOMPARE(r->header("WWW-Authenticate"), noKey->header("WWW-Authenticate"));
    }
    // The built-in provider takes no receipts at all.
    auto r = receipt(u"local_outbox"_s, kToken, delivery, 1);
    QVERIFY(r && r->status == 401);

    // Nothing changed.
    auto after = m_engine->engine->events(id);
    QVERIFY(after);
    QCOMPARE(after->size(), before->size());
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);

    // With the token: delivered.
    r = receipt(u"kannel-deaf"_s, kToken, delivery, 1, "");
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->header("Content-Type"), "application/json"_ba);
    QCOMPARE(r->json(), (QJsonObject{{u"delivery_id"_s, delivery},
                                     {u"receipt"_s, u"delivered"_s},
                                     {u"duplicate"_s, false}}));
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Delivered);
    const qsizetype recorded = m_engine->engine->events(id)->size();
    QCOMPARE(recorded, before->size() + 1);

    // The same receipt again (Kannel retries its callbacks) is harmless.
    r = receipt(u"kannel-deaf"_s, kToken, delivery, 1, "");
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json().value(u"duplicate"_s).toBool(), true);
    QCOMPARE(m_engine->engine->events(id)->size(), recorded);
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Delivered);
}

void TestKannelProvider::receiptAnswersNameWhatIsWrong()
{
    const QString id = startAndSend(u"+4794567890"_s, u"kannel-deaf"_s);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);
    const QByteArray good = "/v1/receipts/kannel/kannel-deaf?token=" + kToken.toLatin1();
    auto expectError = [&](const QByteArray &target, int status, const QString &field) {
        const auto r = httpGet(m_listener->port(), target);
        if (!r)
            return u"no answer"_s;
        if (r->status != status)
            return u"status %1, expected %2"_s.arg(r->status).arg(status);
        if (!field.isEmpty() && r->json().value(u"field"_s).toString() != field)
            return u"field \"%1\", expected \"%2\""_s.arg(r->json().value(u"field"_s).toString(),
                                                          field);
        return QString();
    };
    const QByteArray d = QByteArray::number(delivery);
    const struct
    {
        QByteArray target;
        int status;
        QString field;
    } cases[] = {
        {"/v1/receipts/kannel/nope?token=" + kToken.toLatin1() + "&delivery=" + d + "&status=1",
         404,
         {}},
        {good + "&status=1", 400, u"delivery"_s},
        {good + "&delivery=abc&status=1", 400, u"delivery"_s},
        {good + "&delivery=-4&status=1", 400, u"delivery"_s},
        {good + "&delivery=" + d, 400, u"status"_s},
        {good + "&delivery=" + d + "&status=3", 400, u"status"_s},
        {good + "&delivery=" + d + "&status=delivered", 400, u"status"_s},
        {good + "&delivery=" + d + "&status=1&extra=1", 400, u"extra"_s},
        {good + "&delivery=987654321&status=1", 404, {}},
        // A delivery of another provider is not this provider's to report on.
        {"/v1/receipts/kannel/kannel?token=" + kToken.toLatin1() + "&delivery=" + d + "&status=1",
         404,
         {}},
    };
    for (const auto &c : cases) {
        const QString problem = expectError(c.target, c.status, c.field);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QString::fromLatin1(c.target).replace(kToken, u"<token>"_s) + u": "_s +
                            problem));
    }
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);
}

void TestKannelProvider::failureReceiptFailsTheDelivery()
{
    const QString id = startAndSend(u"+4795678901"_s, u"kannel-deaf"_s);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);

    // Progress reports are events only.
    auto r = receipt(u"kannel-deaf"_s, kToken, delivery, 8, "ACK/");
    QVERIFY(r && r->status == 200);
    r = receipt(u"kannel-deaf"_s, kToken, delivery, 4, "");
    QVERIFY(r && r->status == 200);
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);

    // The SMSC refuses it. Its reply quotes the message after "text:": that part is not kept.
    r = receipt(u"kannel-deaf"_s, kToken, delivery, 16,
                "NACK/0x00000045/Message submit failed text:Your code is 918273");
    QVERIFY(r && r->status == 200);
    QCOMPARE(r->json().value(u"receipt"_s).toString(), u"smsc_rejected"_s);
    QString lastError;
    QCOMPARE(deliveryStateOf(delivery, &lastError), u"failed"_s);
    QVERIFY2(lastError.contains(u"smsc_rejected"_s) && lastError.contains(u"NACK/0x00000045"_s),
             qPrintable(lastError));
    QVERIFY2(!lastError.contains(u"918273"_s) && !lastError.contains(u"text:"_s),
             "the kept reply holds the quoted message");

    auto events = m_engine->engine->events(id);
    QVERIFY(events);
    const SessionEvent &failed = events->constLast();
    QCOMPARE(failed.type, u"delivery_failed"_s);
    QCOMPARE(failed.detail.value(u"receipt"_s).toString(), u"smsc_rejected"_s);
    QCOMPARE(failed.detail.value(u"will_retry"_s).toBool(true), false);
    QVERIFY(!QJsonDocument(failed.detail).toJson().contains("918273"));
    const QStringList types = eventTypes(*events);
    QCOMPARE(types.count(u"receipt"_s), 2); // smsc_accepted, buffered

    // The session stays open (a resend may still reach the user)...
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);
    // ...and the same failure again changes nothing.
    r = receipt(u"kannel-deaf"_s, kToken, delivery, 16, "NACK/0x00000045/Message submit failed");
    QVERIFY(r && r->status == 200 && r->json().value(u"duplicate"_s).toBool());
    QCOMPARE(m_engine->engine->events(id)->size(), events->size());

    // No message of it got out: at expiry it ends failed, not expired.
    m_engine->clock->advanceSeconds(301);
    auto swept = m_engine->engine->sweepExpired();
    QVERIFY(swept);
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Failed);
}

void TestKannelProvider::lateReceiptNeverMovesAFinalSession()
{
    const QString number = u"+4796789012"_s;
    const QString id = startAndSend(number, u"kannel-deaf"_s);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);

    // The message reached the fake SMSC (its receipts go nowhere); the user types the code.
    QString code;
    QVERIFY(waitUntil([&] {
        for (const SmscMessage &msg : m_kannel->received())
            if (msg.to == number)
                code = codeIn(msg.text, 6);
        return !code.isEmpty();
    }));
    m_codes << code;
    auto checked = m_engine->engine->check({id, code, {u"test"_s, u"user"_s}});
    QVERIFY(checked && checked->verified());

    // Then the receipt comes: recorded, but the session stays verified.
    auto r = receipt(u"kannel-deaf"_s, kToken, delivery, 1, "");
    QVERIFY(r && r->status == 200 && !r->json().value(u"duplicate"_s).toBool());
    auto view = m_engine->engine->status(id);
    QCOMPARE(view->status, SessionStatus::Verified);
    QVERIFY(!view->deliveredAt);
    auto events = m_engine->engine->events(id);
    QCOMPARE(events->constLast().type, u"receipt"_s);
    QCOMPARE(events->constLast().detail.value(u"receipt"_s).toString(), u"delivered"_s);
    QVERIFY(!eventTypes(*events).contains(u"delivered"_s));

    // An expired session does not become delivered either.
    const QString late = startAndSend(u"+4797890123"_s, u"kannel-deaf"_s);
    QVERIFY(!late.isEmpty());
    m_engine->clock->advanceSeconds(301);
    r = receipt(u"kannel-deaf"_s, kToken, deliveryIdOf(late), 1, "");
    QVERIFY(r && r->status == 200);
    QCOMPARE(m_engine->engine->status(late)->status, SessionStatus::Expired);
}

void TestKannelProvider::failureReceiptOvertakingTheSendIsKept()
{
    const quint16 closed = freePorts(1).value(0);
    auto kannel = std::make_shared<KannelProvider>(u"kannel-fast"_s,
                                                   settings(u"http://127.0.0.1:%1"_s.arg(closed)));
    auto overtaken = std::make_shared<OvertakenProvider>(kannel, [this](qint64 deliveryId) {
        const auto r = receipt(u"kannel-fast"_s, kToken, deliveryId, 16, "NACK/0x0000000b");
        return r ? r->status : 0;
    });
    const QString id = startAndSendVia(u"+4791112223"_s, overtaken);
    QVERIFY(!id.isEmpty());
    QCOMPARE(overtaken->lastReportStatus, 200);

    // The worker recorded the send after the report: the delivery stays failed, and both steps
    // are on the log.
    QString lastError;
    QCOMPARE(deliveryStateOf(deliveryIdOf(id), &lastError), u"failed"_s);
    QVERIFY2(lastError.contains(u"smsc_rejected"_s), qPrintable(lastError));
    auto events = m_engine->engine->events(id);
    QVERIFY(events);
    const QStringList types = eventTypes(*events);
    QVERIFY(types.contains(u"delivery_failed"_s) && types.contains(u"sent"_s));
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);
}

void TestKannelProvider::gatewayDownRetriesThenDeliversOnce()
{
    m_kannel->stop();
    const QString number = u"+4798901234"_s;
    const QString id = startAndSend(number);
    QVERIFY(!id.isEmpty());
    const qint64 delivery = deliveryIdOf(id);

    // No gateway: a temporary failure, retried later.
    QString lastError;
    QCOMPARE(deliveryStateOf(delivery, &lastError), u"queued"_s);
    QVERIFY2(
        lastError.startsWith(u"Kannel: cannot reach 127.0.0.1:%1"_s.arg(m_kannel->sendsmsPort())),
        qPrintable(lastError));
    auto events = m_engine->engine->events(id);
    QVERIFY(events);
    QCOMPARE(events->constLast().type, u"delivery_failed"_s);
    QCOMPARE(events->constLast().detail.value(u"will_retry"_s).toBool(), true);
    QCOMPARE(m_engine->engine->status(id)->status, SessionStatus::Pending);

    // The gateway is back and the retry is due: sent once, delivered.
    const QString up = m_kannel->start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    m_engine->clock->advanceSeconds(10);
    auto sent = m_engine->engine->deliverDue(id);
    QVERIFY(sent && *sent == 1);
    QCOMPARE(deliveryStateOf(delivery), u"sent"_s);
    QVERIFY2(waitUntil([&] {
                 auto v = m_engine->engine->status(id);
                 return v && v->status == SessionStatus::Delivered;
             }),
             "the retried message was not reported delivered");
    sent = m_engine->engine->deliverDue(id);
    QVERIFY(sent && *sent == 0);

    // bearerbox reports delivery as it hands the message over: the fake SMSC may print it a
    // moment later. Exactly one arrived.
    QList<SmscMessage> got;
    QVERIFY2(waitUntil([&] {
                 got.clear();
                 for (const SmscMessage &msg : m_kannel->received())
                     if (msg.to == number)
                         got.append(msg);
                 return !got.isEmpty();
             }),
             "the fake SMSC received no message for the session");
    QCOMPARE(got.size(), 1);
    const QString code = codeIn(got.first().text, 6);
    m_codes << code;
    auto checked = m_engine->engine->check({id, code, {u"test"_s, u"user"_s}});
    QVERIFY(checked && checked->verified());
}

void TestKannelProvider::gatewayRefusalsAreClassified()
{
    OutgoingMessage m;
    m.deliveryId = 7;
    m.channel = Channel::Sms;
    m.recipient = u"+4799012345"_s;
    m_numbers << m.recipient;
    m.message.text = u"Test message without a code"_s;

    // A wrong password: Kannel answers 403, which no retry can fix.
    KannelSettings wrong = settings(u"http://127.0.0.1:8780"_s);
    wrong.password = u"not-the-password"_s;
    SendOutcome o = KannelProvider(u"kannel"_s, wrong).send(m);
    QCOMPARE(o.kind, SendOutcome::Kind::PermanentFailure);
    QVERIFY2(o.error.contains(u"refused the username or password (403"_s), qPrintable(o.error));
    QVERIFY(!o.error.contains(u"not-the-password"_s));

    // A number Kannel will not take: 4xx, permanent.
    KannelProvider provider(u"kannel"_s, settings(u"http://127.0.0.1:8780"_s));
    OutgoingMessage bad = m;
    bad.recipient = u"not-a-number"_s;
    o = provider.send(bad);
    QCOMPARE(o.kind, SendOutcome::Kind::PermanentFailure);
    QVERIFY2(o.error.startsWith(u"Kannel: sendsms answered 400"_s), qPrintable(o.error));

    // Accepted: the delivery id is the provider's message id.
    o = provider.send(m);
    QCOMPARE(o.kind, SendOutcome::Kind::Accepted);
    QCOMPARE(o.providerMessageId, u"7"_s);

    // Nothing listening: temporary.
    KannelSettings nowhere = settings(u"http://127.0.0.1:8780"_s);
    nowhere.sendsmsUrl = QUrl(u"http://127.0.0.1:%1/cgi-bin/sendsms"_s.arg(freePorts(1).value(0)));
    o = KannelProvider(u"kannel"_s, nowhere).send(m);
    QCOMPARE(o.kind, SendOutcome::Kind::TemporaryFailure);
    QVERIFY2(o.error.startsWith(u"Kannel: cannot reach"_s), qPrintable(o.error));

    // Kannel sends SMS only.
    OutgoingMessage email = m;
    email.channel = Channel::Email;
    QCOMPARE(provider.send(email).kind, SendOutcome::Kind::PermanentFailure);
}

// Runs last: what every test before it logged.
void TestKannelProvider::logsHoldNoSecrets()
{
    const QStringList lines = capturedLines();
    QVERIFY2(lines.size() > 10, "the run logged nothing: is the capture working?");
    QStringList secrets{kPassword, kToken};
    for (const QString &number : std::as_const(m_numbers)) {
        secrets << number << number.mid(1); // with and without '+'
    }
    for (const QString &code : std::as_const(m_codes))
        if (!code.isEmpty())
            secrets << code;
    int receiptLines = 0;
    for (const QString &line : lines) {
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!line.contains(secret),
                     "a log line holds a secret, a code or a full number (not shown here)");
        QVERIFY2(!line.contains(u"token="_s), "a log line holds a receipt URL's query");
        if (line.contains(u"GET /v1/receipts/kannel/{provider}"_s))
            ++receiptLines;
    }
    // The access log names receipts by the route pattern only.
    QVERIFY(receiptLines > 0);
}

QTEST_GUILESS_MAIN(TestKannelProvider)
#include "tst_kannel_provider.moc"
