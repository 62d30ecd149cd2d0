// The v1 API end to end: an Engine on a real SQLite file (TestEngine, with a clock the test moves)
// and the Listener on an ephemeral port of 127.0.0.1 in this process, driven by real clients —
// QNetworkAccessManager, curl, and raw sockets for what old or hostile clients do. Every log line
// of the run is captured from the start, so that the last test can show that none of them holds a
// code, a key secret or a recipient.

#include "core/JsonViews.h"
#include "http/api/Listener.h"
#include "support/RawHttpClient.h"
#include "support/TestEngine.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>
#include <tuple>
#include <vector>

using namespace vc;
using namespace vc::http;
using namespace vc::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000; // generous: the suite must pass on a loaded 2-core machine

// A well-formed session id that no session has.
const QString kUnknownSession = u"01900000-0000-7000-8000-000000000000"_s;

// --- every log line of the run ---------------------------------------------------------------

struct LogLine
{
    QString category;
    QString text;
};

QMutex capturedMutex;
QList<LogLine> captured;
QStringList redactions; // secrets and recipients of the run, kept out of the test's own output
QtMessageHandler previousHandler = nullptr;

// Every line is kept as it is, for the checks; the copy passed on to the previous handler (and
// so printed) has the secrets known so far blanked, should the server have let one through.
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString shown = message;
    {
        QMutexLocker lock(&capturedMutex);
        captured.append(
            {QString::fromLatin1(context.category ? context.category : "default"), message});
        for (const QString &secret : std::as_const(redactions))
            shown.replace(secret, u"<redacted>"_s, Qt::CaseInsensitive);
    }
    if (previousHandler)
        previousHandler(type, context, shown);
}

void redactInOutput(const QStringList &secrets)
{
    QMutexLocker lock(&capturedMutex);
    redactions += secrets;
}

qsizetype capturedCount()
{
    QMutexLocker lock(&capturedMutex);
    return captured.size();
}

QList<LogLine> capturedFrom(qsizetype from)
{
    QMutexLocker lock(&capturedMutex);
    return captured.mid(from);
}

const QString kAccessCategory = u"verify.http.access"_s;

QList<LogLine> accessLines(const QList<LogLine> &lines)
{
    QList<LogLine> out;
    for (const LogLine &line : lines)
        if (line.category == kAccessCategory)
            out.append(line);
    return out;
}

// --- responses ------------------------------------------------------------------------------

using Headers = QList<QPair<QByteArray, QByteArray>>;

// What a client got back: raw sockets, curl and QNetworkAccessManager all answer with one (the
// last without a version and a head).
struct Response : RawResponse
{
    Response() = default;
    Response(RawResponse raw) // a raw client's response
        : RawResponse(std::move(raw))
    {}

    QString failure; // why no HTTP response came back; empty when one did
};

// Empty when `r` is the API's error answer: the status; a JSON object with "error" and a
// "message" (and "field" naming the field when one is expected); no other keys than those and
// "retry_after"; JSON and no-store headers. Otherwise what differs — never the message itself,
// which could hold whatever a bug let through.
QString errorMismatch(const Response &r, int status, const QString &error,
                      const QString &field = {})
{
    if (!r.failure.isEmpty())
        return u"no response: "_s + r.failure;
    QStringList problems;
    if (r.status != status)
        problems << u"status %1, expected %2"_s.arg(r.status).arg(status);
    if (!r.isJsonObject())
        return (problems << u"the body is not a JSON object"_s).join(u"; "_s);
    const QJsonObject o = r.json();
    if (o.value(u"error"_s).toString() != error)
        problems << u"error \"%1\", expected \"%2\""_s.arg(o.value(u"error"_s).toString(), error);
    if (!o.value(u"message"_s).isString() || o.value(u"message"_s).toString().isEmpty())
        problems << u"no message"_s;
    if (!field.isEmpty() && o.value(u"field"_s).toString() != field)
        problems << u"field \"%1\", expected \"%2\""_s.arg(o.value(u"field"_s).toString(), field);
    for (const QString &key : o.keys())
        if (key != u"error"_s && key != u"message"_s && key != u"field"_s &&
            key != u"retry_after"_s)
            problems << u"unexpected key \"%1\""_s.arg(key);
    if (!r.header("content-type").startsWith("application/json"))
        problems << u"Content-Type is not application/json"_s;
    if (r.header("cache-control") != "no-store")
        problems << u"Cache-Control is not no-store"_s;
    return problems.join(u"; "_s);
}

#define VERIFY_API_ERROR(response, ...)                                                            \
    do {                                                                                           \
        const QString mismatch_ = errorMismatch(response, __VA_ARGS__);                            \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                      \
    } while (false)

// A JSON success: the status, application/json and no-store.
#define VERIFY_JSON(response, expectedStatus)                                                      \
    do {                                                                                           \
        const Response &r_ = (response);                                                           \
        QVERIFY2(r_.failure.isEmpty(), qPrintable(r_.failure));                                    \
        QCOMPARE(r_.status, expectedStatus);                                                       \
        QVERIFY(r_.isJsonObject());                                                                \
        QCOMPARE(r_.header("content-type"), "application/json"_ba);                                \
        QCOMPARE(r_.header("cache-control"), "no-store"_ba);                                       \
    } while (false)

QByteArray jsonBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Headers apiKey(const QString &key)
{
    return {{"X-API-Key", key.toLatin1()}};
}

Headers bearer(const QString &key)
{
    return {{"Authorization", "Bearer " + key.toLatin1()}};
}

bool isRfc3339Utc(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"_s);
    return v.isString() && re.match(v.toString()).hasMatch();
}

bool isUuid(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    return v.isString() && re.match(v.toString()).hasMatch();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// A query value with everything but unreserved characters escaped ('+' too: the server reads
// a bare '+' as a space, as browsers encode forms).
QString q(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString digitsOf(const QString &text)
{
    QString out;
    for (QChar c : text)
        if (c.isDigit())
            out += c;
    return out;
}

qint64 hourStart(qint64 ms)
{
    return ms - ms % 3'600'000;
}

qint64 dayStart(qint64 ms)
{
    return ms - ms % 86'400'000;
}

// The resident size of this process (server and clients together) in KiB, or -1.
qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// "name{labels} value" lines of a Prometheus text page, keyed by "name{labels}".
QHash<QString, double> samples(const QByteArray &page)
{
    QHash<QString, double> out;
    for (const QByteArray &line : page.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        out.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return out;
}

// The code in a delivered message (numeric codes of the session's length; a voice message reads
// them out one digit at a time).
QString codeIn(const OutboxEntry &entry, int length)
{
    QString text = entry.text;
    if (entry.channel == Channel::Voice)
        text.replace(QRegularExpression(u"(?<=[0-9]), (?=[0-9])"_s), QString());
    const QRegularExpression re(u"(?<![0-9A-Za-z])([0-9]{%1})(?![0-9A-Za-z])"_s.arg(length));
    return re.match(text).captured(1);
}

// The shared raw client, as patient as the rest of this suite.
using RawClient = RawHttpClient<kWaitMs>;

ListenerConfig listenerConfig()
{
    ListenerConfig c;
    c.listen = u"127.0.0.1:0"_s;
    // Longer than the whole run, so that a kept-alive client connection is never closed under a
    // slow test; idleConnectionsAreClosed() sets its own.
    c.idleTimeoutSeconds = 600;
    c.eventThreads = 2;
    c.dispatchThreads = 16;
    return c;
}

} // namespace

class TestHttpApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Every endpoint's answer
    void startAnswersTheSession();
    void checkVerifiesTheDeliveredCode();
    void statusEventsAndCancel();
    void resendWaitsForTheCooldown();
    void sessionsFilterAndPage();
    void statsByHourAndDay();
    void pumpingAlerts();
    void keysIssueListRevoke();
    void servicesCreateReadUpdate();
    void auditLogListsAdminActions();
    void outboxShowsDeliveredMessages();
    void healthzNeedsNoKey();
    void openapiIsAJsonObject();
    void bothKeyHeadersWork();

    // Every error
    void badRequestsNameTheField();
    void invalidRecipientIsNotEchoed();
    void unauthorizedIsOneAnswer();
    void forbiddenByScopeAndService();
    void notFound();
    void wrongMethodIs405WithAllow();
    void conflicts();
    void oversizedBodiesRefusedUnread();
    void wrongContentTypeIs415();
    void tooManyStartsToOneNumber();

    // Connections
    void connectionCloseHonoured();
    void http10Honoured();
    void idleConnectionsAreClosed();
    void connectionCapHolds();

    // Revocation
    void revokedKeyFailsOnNextRequest();
    void revocationByAnotherInstance();

    // Last: these look back at everything before them.
    void metricsInPrometheusFormat();
    void logsHoldNoSecrets();

private:
    Engine &engine() { return *m_te->engine; }
    ManualClock &clock() { return *m_te->clock; }
    QUrl url(const QString &target) const
    {
        return QUrl(u"http://127.0.0.1:%1"_s.arg(m_listener->port()) + target);
    }

    // One request through QNetworkAccessManager.
    Response call(const QByteArray &method, const QString &target, const Headers &headers = {},
                  const QByteArray &body = {}, const QByteArray &contentType = "application/json");
    // One request through curl; `body` is sent as is (from stdin).
    Response curl(const QByteArray &method, const QString &target, const Headers &headers = {},
                  const std::optional<QByteArray> &body = std::nullopt,
                  const QByteArray &contentType = "application/json");

    QString issueKey(const QString &name, const QString &scope, const QString &service = {},
                     std::optional<int> days = std::nullopt);
    void rememberKey(const QString &key)
    {
        m_secrets.append(key.section(u'_', 2));
        redactInOutput({m_secrets.last()});
    }
    void rememberRecipient(const QString &recipient);
    static QString prefixOf(const QString &key) { return key.section(u'_', 1, 1); }
    QString newPhone();
    QString newEmail();
    Response start(const QString &key, const QJsonObject &body)
    {
        return call("POST", u"/v1/verify/start"_s, apiKey(key), jsonBytes(body));
    }
    // Starts a session through the API; its id, or empty.
    QString startSession(const QString &recipient, const QString &channel = u"sms"_s,
                         const QString &key = {}, QJsonObject extra = {});
    // Delivers the session's queued message and reads the code from it, as its recipient would.
    QString deliveredCode(const QString &sessionId);
    int sessionsTo(const QString &recipient);
    QJsonArray listSessions(const QString &query, QString *nextCursor = nullptr);

    std::unique_ptr<TestEngine> m_te;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_curl;
    QString m_admin;          // scope admin, all services
    QString m_verify;         // scope verify, all services
    QString m_shopVerify;     // scope verify, service "shop"
    QStringList m_secrets;    // every key secret issued in the run
    QStringList m_recipients; // every recipient used in the run, as sent
    QStringList m_codes;      // every code read from a delivered message
    int m_recipientCount = 0;
};

// --- helpers ---------------------------------------------------------------------------------

Response TestHttpApi::call(const QByteArray &method, const QString &target, const Headers &headers,
                           const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(url(target));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    Response r;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(kWaitMs)) {
            reply->abort();
            reply->deleteLater();
            r.failure = u"no answer within %1 ms"_s.arg(kWaitMs);
            return r;
        }
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // Not errorString(): it quotes the URL, and a query may hold a recipient.
        r.failure = u"network error %1"_s.arg(int(reply->error()));
    } else {
        r.status = status.toInt();
        r.headers = reply->rawHeaderPairs();
        r.body = reply->readAll();
    }
    reply->deleteLater();
    return r;
}

Response TestHttpApi::curl(const QByteArray &method, const QString &target, const Headers &headers,
                           const std::optional<QByteArray> &body, const QByteArray &contentType)
{
    QStringList args{u"--silent"_s,   u"--show-error"_s, u"--include"_s,
                     u"--http1.1"_s,  u"--noproxy"_s,    u"*"_s,
                     u"--max-time"_s, u"30"_s,           u"-H"_s,
                     u"Expect:"_s,    u"-X"_s,           QString::fromLatin1(method)};
    for (const auto &[name, value] : headers)
        args << u"-H"_s << QString::fromLatin1(QByteArray(name + ": " + value));
    if (body) {
        if (!contentType.isEmpty())
            args << u"-H"_s << QString::fromLatin1(QByteArray("Content-Type: " + contentType));
        args << u"--data-binary"_s << u"@-"_s;
    }
    args << url(target).toString(QUrl::FullyEncoded);

    Response r;
    QProcess process;
    process.start(m_curl, args);
    if (!process.waitForStarted(kWaitMs)) {
        r.failure = u"curl did not start"_s;
        return r;
    }
    if (body)
        process.write(*body);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(kWaitMs);
        r.failure = u"curl did not finish"_s;
        return r;
    }
    QByteArray out = process.readAllStandardOutput();
    for (;;) {
        const qsizetype end = out.indexOf("\r\n\r\n");
        if (end < 0) {
            r.status = 0;
            r.failure = u"curl exit code %1: %2"_s.arg(process.exitCode())
                            .arg(QString::fromLocal8Bit(process.readAllStandardError().trimmed()));
            return r;
        }
        parseHead(out.left(end), r);
        out.remove(0, end + 4);
        if (r.status >= 200)
            break;
    }
    r.body = out;
    return r;
}

QString TestHttpApi::issueKey(const QString &name, const QString &scope, const QString &service,
                              std::optional<int> days)
{
    auto issued = engine().createKey({name, scope, service, days}, kAdmin);
    if (!issued)
        return {};
    rememberKey(issued->key);
    return issued->key;
}

void TestHttpApi::rememberRecipient(const QString &recipient)
{
    m_recipients.append(recipient);
    const QString digits = digitsOf(recipient);
    if (recipient.contains(u'@'))
        redactInOutput({recipient, recipient.section(u'@', 0, 0)});
    else if (digits.size() >= 8)
        redactInOutput({recipient, digits, digits.mid(2)});
}

QString TestHttpApi::newPhone()
{
    // Norwegian mobile numbers (9 and seven digits), a new one each time so that the per-number
    // start limit of one test never touches another.
    const QString number = u"+479%1"_s.arg(3'100'001 + 7'919 * m_recipientCount++);
    rememberRecipient(number);
    return number;
}

QString TestHttpApi::newEmail()
{
    const QString address = u"reader%1.api@example.org"_s.arg(m_recipientCount++);
    rememberRecipient(address);
    return address;
}

QString TestHttpApi::startSession(const QString &recipient, const QString &channel,
                                  const QString &key, QJsonObject extra)
{
    extra.insert(u"channel"_s, channel);
    extra.insert(u"recipient"_s, recipient);
    const Response r = start(key.isEmpty() ? m_verify : key, extra);
    if (r.status != 201)
        return {};
    return r.json().value(u"session_id"_s).toString();
}

QString TestHttpApi::deliveredCode(const QString &sessionId)
{
    if (!engine().deliverDue(sessionId))
        return {};
    const QString code = receivedCode(engine(), sessionId);
    if (!code.isEmpty()) {
        m_codes.append(code);
        redactInOutput({code});
    }
    return code;
}

int TestHttpApi::sessionsTo(const QString &recipient)
{
    SessionQuery query;
    query.recipient = recipient;
    query.limit = 500;
    auto page = engine().findSessions(query);
    return page ? static_cast<int>(page->sessions.size()) : -1;
}

QJsonArray TestHttpApi::listSessions(const QString &query, QString *nextCursor)
{
    const Response r = call("GET", u"/v1/sessions?"_s + query, apiKey(m_admin));
    if (r.status != 200)
        return {};
    if (nextCursor)
        *nextCursor = r.json().value(u"next_cursor"_s).toString();
    return r.json().value(u"sessions"_s).toArray();
}

// --- set-up ----------------------------------------------------------------------------------

void TestHttpApi::initTestCase()
{
    previousHandler = qInstallMessageHandler(captureLog);
    // Every level of the project's own categories, so that debug lines are checked as well.
    QLoggingCategory::setFilterRules(u"verify.*=true"_s);
    // A proxy from the environment must not stand between the clients and 127.0.0.1.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);

    m_curl = u"/usr/bin/curl"_s;
    if (!QFileInfo(m_curl).isExecutable())
        m_curl = QStandardPaths::findExecutable(u"curl"_s);
    if (m_curl.isEmpty())
        QFAIL("curl is a required dependency of this test and was not found at /usr/bin/curl or "
              "on PATH; install it (apt-get install curl)");

    m_te = std::make_unique<TestEngine>();
    m_listener = std::make_unique<Listener>(engine(), listenerConfig());
    const Status started = m_listener->start();
    const QByteArray why = started ? QByteArray() : started.error().toString().toUtf8();
    QVERIFY2(started, why.constData());
    QVERIFY(m_listener->port() != 0);
    m_nam = std::make_unique<QNetworkAccessManager>();

    m_admin = issueKey(u"http admin"_s, u"admin"_s);
    m_verify = issueKey(u"http verify"_s, u"verify"_s);
    auto shop = engine().createService(u"shop"_s, QJsonObject{{u"name"_s, u"Shop"_s}}, kAdmin);
    QVERIFY2(shop, errorText(shop).constData());
    m_shopVerify = issueKey(u"shop verify"_s, u"verify"_s, u"shop"_s);
    QVERIFY(!m_admin.isEmpty() && !m_verify.isEmpty() && !m_shopVerify.isEmpty());
}

void TestHttpApi::cleanupTestCase()
{
    m_nam.reset();
    if (m_listener)
        m_listener->stop(2000);
    m_listener.reset();
    m_te.reset();
    qInstallMessageHandler(previousHandler);
}

// --- every endpoint's answer -----------------------------------------------------------------

void TestHttpApi::startAnswersTheSession()
{
    const qint64 now = clock().nowMs();
    const QString phone = newPhone();
    const Response r = start(m_verify, {{u"channel"_s, u"sms"_s},
                                        {u"recipient"_s, phone},
                                        {u"ttl_seconds"_s, 120},
                                        {u"reference"_s, u"order-17"_s}});
    VERIFY_JSON(r, 201);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), sorted({u"session_id"_s, u"status"_s, u"channel"_s, u"locale"_s,
                               u"created_at"_s, u"expires_at"_s}));
    QVERIFY(isUuid(o[u"session_id"_s]));
    QCOMPARE(o[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(o[u"channel"_s].toString(), u"sms"_s);
    QCOMPARE(o[u"locale"_s].toString(), u"nb"_s); // from the number's country
    QVERIFY(isRfc3339Utc(o[u"created_at"_s]));
    QVERIFY(isRfc3339Utc(o[u"expires_at"_s]));
    QCOMPARE(o[u"created_at"_s].toString(), Json::time(now));
    QCOMPARE(o[u"expires_at"_s].toString(), Json::time(now + 120'000));
    QVERIFY(!r.body.contains(digitsOf(phone).toLatin1()));

    auto stored = engine().status(o[u"session_id"_s].toString());
    QVERIFY2(stored, errorText(stored).constData());
    QCOMPARE(stored->serviceId, u"default"_s);
    QCOMPARE(stored->reference, u"order-17"_s);
    QCOMPARE(stored->status, SessionStatus::Pending);

    // curl, with the key as a bearer token: an e-mail session with its own code length and locale.
    const QString email = newEmail();
    const Response c = curl("POST", u"/v1/verify/start"_s, bearer(m_verify),
                            jsonBytes({{u"channel"_s, u"email"_s},
                                       {u"recipient"_s, email},
                                       {u"code_length"_s, 8},
                                       {u"locale"_s, u"sv"_s}}));
    VERIFY_JSON(c, 201);
    const QJsonObject e = c.json();
    QVERIFY(isUuid(e[u"session_id"_s]));
    QVERIFY(e[u"session_id"_s] != o[u"session_id"_s]);
    QCOMPARE(e[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(e[u"channel"_s].toString(), u"email"_s);
    QCOMPARE(e[u"locale"_s].toString(), u"sv"_s);
    QCOMPARE(e[u"created_at"_s].toString(), Json::time(now));
    QCOMPARE(e[u"expires_at"_s].toString(), Json::time(now + 300'000)); // the service's TTL
    auto emailSession = engine().status(e[u"session_id"_s].toString());
    QVERIFY2(emailSession, errorText(emailSession).constData());
    QCOMPARE(emailSession->codeLength, 8);
    QCOMPARE(emailSession->channel, Channel::Email);
}

void TestHttpApi::checkVerifiesTheDeliveredCode()
{
    const QString id = startSession(newPhone());
    QVERIFY(!id.isEmpty());
    const QString code = deliveredCode(id);
    QVERIFY(!code.isEmpty());

    // The outbox endpoint shows the same message the recipient got.
    const Response outbox = call("GET", u"/v1/outbox?session_id="_s + id, apiKey(m_admin));
    VERIFY_JSON(outbox, 200);
    const QJsonArray messages = outbox.json()[u"messages"_s].toArray();
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.at(0)[u"text"_s].toString().contains(code));

    QString wrong = code;
    wrong[0] = QChar(u'0' + (code.at(0).digitValue() + 1) % 10);
    const Response miss = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                               jsonBytes({{u"session_id"_s, id}, {u"code"_s, wrong}}));
    VERIFY_JSON(miss, 200);
    QCOMPARE(miss.json().keys(), sorted({u"status"_s, u"error"_s, u"attempts_remaining"_s}));
    QCOMPARE(miss.json()[u"status"_s].toString(), u"pending"_s); // still open, as DESIGN says
    QCOMPARE(miss.json()[u"error"_s].toString(), u"invalid_code"_s);
    QCOMPARE(miss.json()[u"attempts_remaining"_s].toInt(-1), 4);

    clock().advanceSeconds(7);
    const qint64 verifiedAt = clock().nowMs();
    const Response hit = curl("POST", u"/v1/verify/check"_s, bearer(m_verify),
                              jsonBytes({{u"session_id"_s, id}, {u"code"_s, code}}));
    VERIFY_JSON(hit, 200);
    QCOMPARE(hit.json().keys(), sorted({u"status"_s, u"verified_at"_s}));
    QCOMPARE(hit.json()[u"status"_s].toString(), u"verified"_s);
    QVERIFY(isRfc3339Utc(hit.json()[u"verified_at"_s]));
    QCOMPARE(hit.json()[u"verified_at"_s].toString(), Json::time(verifiedAt));

    // A replay is never a fresh success.
    const Response replay = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                                 jsonBytes({{u"session_id"_s, id}, {u"code"_s, code}}));
    VERIFY_API_ERROR(replay, 409, u"already_verified"_s);

    auto stored = engine().status(id);
    QVERIFY2(stored, errorText(stored).constData());
    QCOMPARE(stored->status, SessionStatus::Verified);
    QCOMPARE(stored->attempts, 1);
}

void TestHttpApi::statusEventsAndCancel()
{
    const qint64 startedAt = clock().nowMs();
    const QString phone = newPhone();
    const QString id = startSession(phone, u"sms"_s, {}, {{u"reference"_s, u"r-1"_s}});
    QVERIFY(!id.isEmpty());
    QVERIFY(!deliveredCode(id).isEmpty());
    clock().advanceSeconds(5);

    const Response r = call("GET", u"/v1/verify/"_s + id, apiKey(m_verify));
    VERIFY_JSON(r, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), sorted({u"session_id"_s,   u"service_id"_s,   u"channel"_s,
                               u"status"_s,       u"recipient"_s,    u"locale"_s,
                               u"code_length"_s,  u"attempts"_s,     u"attempts_remaining"_s,
                               u"max_attempts"_s, u"resends"_s,      u"resends_remaining"_s,
                               u"created_at"_s,   u"expires_at"_s,   u"last_sent_at"_s,
                               u"country"_s,      u"delivered_at"_s, u"verified_at"_s,
                               u"finished_at"_s,  u"reference"_s}));
    QCOMPARE(o[u"session_id"_s].toString(), id);
    QCOMPARE(o[u"service_id"_s].toString(), u"default"_s);
    QCOMPARE(o[u"channel"_s].toString(), u"sms"_s);
    QCOMPARE(o[u"status"_s].toString(), u"delivered"_s);
    QCOMPARE(o[u"recipient"_s].toString(), u"+47****"_s + phone.right(4));
    QCOMPARE(o[u"country"_s].toString(), u"NO"_s);
    QCOMPARE(o[u"locale"_s].toString(), u"nb"_s);
    QCOMPARE(o[u"code_length"_s].toInt(), 6);
    QCOMPARE(o[u"attempts"_s].toInt(-1), 0);
    QCOMPARE(o[u"max_attempts"_s].toInt(), 5);
    QCOMPARE(o[u"attempts_remaining"_s].toInt(), 5);
    QCOMPARE(o[u"resends"_s].toInt(-1), 0);
    QCOMPARE(o[u"resends_remaining"_s].toInt(), 3);
    QCOMPARE(o[u"reference"_s].toString(), u"r-1"_s);
    QCOMPARE(o[u"created_at"_s].toString(), Json::time(startedAt));
    QCOMPARE(o[u"last_sent_at"_s].toString(), Json::time(startedAt));
    QCOMPARE(o[u"expires_at"_s].toString(), Json::time(startedAt + 300'000));
    QVERIFY(isRfc3339Utc(o[u"delivered_at"_s]));
    QVERIFY(o[u"verified_at"_s].isNull());
    QVERIFY(o[u"finished_at"_s].isNull());
    QVERIFY(!r.body.contains(digitsOf(phone).right(8).toLatin1()));

    const Response events = curl("GET", u"/v1/verify/%1/events"_s.arg(id), bearer(m_verify));
    VERIFY_JSON(events, 200);
    QCOMPARE(events.json()[u"session_id"_s].toString(), id);
    const QJsonArray list = events.json()[u"events"_s].toArray();
    QVERIFY(list.size() >= 4);
    QStringList types;
    for (const QJsonValue &e : list) {
        const QJsonObject event = e.toObject();
        QCOMPARE(event.keys(), sorted({u"id"_s, u"at"_s, u"type"_s, u"actor"_s, u"detail"_s}));
        QVERIFY(isRfc3339Utc(event[u"at"_s]));
        QVERIFY(event[u"detail"_s].isObject());
        types << event[u"type"_s].toString();
    }
    QCOMPARE(types.mid(0, 3), QStringList({u"created"_s, u"lookup"_s, u"queued"_s}));
    QVERIFY(types.contains(u"delivered"_s) || types.contains(u"sent"_s));
    QCOMPARE(list.at(0)[u"actor"_s].toString(), u"api_key:"_s + prefixOf(m_verify));
    QVERIFY(!events.body.contains(digitsOf(phone).right(8).toLatin1()));

    const qint64 cancelledAt = clock().nowMs();
    const Response cancel = call("POST", u"/v1/verify/%1/cancel"_s.arg(id), apiKey(m_verify));
    VERIFY_JSON(cancel, 200);
    QCOMPARE(cancel.json()[u"session_id"_s].toString(), id);
    QCOMPARE(cancel.json()[u"status"_s].toString(), u"cancelled"_s);
    QCOMPARE(cancel.json()[u"finished_at"_s].toString(), Json::time(cancelledAt));

    const Response again = curl("POST", u"/v1/verify/%1/cancel"_s.arg(id), apiKey(m_verify));
    VERIFY_API_ERROR(again, 409, u"session_cancelled"_s);

    const Response after = call("GET", u"/v1/verify/%1/events"_s.arg(id), apiKey(m_verify));
    VERIFY_JSON(after, 200);
    const QJsonArray afterList = after.json()[u"events"_s].toArray();
    QCOMPARE(afterList.size(), list.size() + 1);
    QCOMPARE(afterList.last()[u"type"_s].toString(), u"cancelled"_s);
}

void TestHttpApi::resendWaitsForTheCooldown()
{
    const QString id = startSession(newPhone());
    QVERIFY(!id.isEmpty());
    const QString first = deliveredCode(id);
    QVERIFY(!first.isEmpty());
    const QString path = u"/v1/verify/%1/resend"_s.arg(id);

    // The service's cooldown is 30 s; Retry-After says how much of it is left.
    const Response early = call("POST", path, apiKey(m_verify));
    VERIFY_API_ERROR(early, 429, u"resend_cooldown"_s);
    QCOMPARE(early.header("retry-after"), "30"_ba);
    QCOMPARE(early.json()[u"retry_after"_s].toInt(), 30);

    clock().advanceSeconds(12);
    const Response later = curl("POST", path, apiKey(m_verify), "{}");
    VERIFY_API_ERROR(later, 429, u"resend_cooldown"_s);
    QCOMPARE(later.header("retry-after"), "18"_ba);

    clock().advanceSeconds(18);
    const qint64 now = clock().nowMs();
    const Response r =
        call("POST", path, apiKey(m_verify), jsonBytes({{u"channel"_s, u"voice"_s}}));
    VERIFY_JSON(r, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o[u"session_id"_s].toString(), id);
    QVERIFY(o[u"status"_s] == u"pending"_s || o[u"status"_s] == u"delivered"_s); // still open
    QCOMPARE(o[u"channel"_s].toString(), u"voice"_s);
    QCOMPARE(o[u"resends"_s].toInt(), 1);
    QCOMPARE(o[u"resends_remaining"_s].toInt(), 2);
    QCOMPARE(o[u"last_sent_at"_s].toString(), Json::time(now));
    QCOMPARE(o[u"expires_at"_s].toString(), Json::time(now + 300'000));

    // The cooldown starts again from the new message.
    const Response soon = call("POST", path, apiKey(m_verify));
    VERIFY_API_ERROR(soon, 429, u"resend_cooldown"_s);
    QCOMPARE(soon.header("retry-after"), "30"_ba);

    const QString second = deliveredCode(id);
    QVERIFY(!second.isEmpty());
    auto entries = engine().outbox(id, 1);
    QVERIFY2(entries, errorText(entries).constData());
    QCOMPARE(entries->first().channel, Channel::Voice);
    if (second != first) {
        const Response old = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                                  jsonBytes({{u"session_id"_s, id}, {u"code"_s, first}}));
        VERIFY_JSON(old, 200);
        QCOMPARE(old.json()[u"error"_s].toString(), u"invalid_code"_s);
    }
    const Response ok = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                             jsonBytes({{u"session_id"_s, id}, {u"code"_s, second}}));
    VERIFY_JSON(ok, 200);
    QCOMPARE(ok.json()[u"status"_s].toString(), u"verified"_s);
}

void TestHttpApi::sessionsFilterAndPage()
{
    auto service = engine().createService(u"paging"_s, {}, kAdmin);
    QVERIFY2(service, errorText(service).constData());

    // Five sessions a second apart: sms, sms, email, sms, email; the second is cancelled.
    const QStringList channels{u"sms"_s, u"sms"_s, u"email"_s, u"sms"_s, u"email"_s};
    QStringList ids, recipients;
    QList<qint64> times;
    for (const QString &channel : channels) {
        clock().advanceSeconds(1);
        times << clock().nowMs();
        recipients << (channel == u"sms"_s ? newPhone() : newEmail());
        ids << startSession(recipients.last(), channel, m_admin, {{u"service_id"_s, u"paging"_s}});
        QVERIFY(!ids.last().isEmpty());
    }
    QCOMPARE(call("POST", u"/v1/verify/%1/cancel"_s.arg(ids[1]), apiKey(m_admin)).status, 200);

    auto idsOf = [](const QJsonArray &sessions) {
        QStringList out;
        for (const QJsonValue &s : sessions)
            out << s[u"session_id"_s].toString();
        return out;
    };

    // Newest first, two at a time, following the cursor.
    QString cursor;
    QJsonArray page = listSessions(u"service_id=paging&limit=2"_s, &cursor);
    QCOMPARE(idsOf(page), QStringList({ids[4], ids[3]}));
    QVERIFY(!cursor.isEmpty());
    page = listSessions(u"service_id=paging&limit=2&cursor="_s + q(cursor), &cursor);
    QCOMPARE(idsOf(page), QStringList({ids[2], ids[1]}));
    QVERIFY(!cursor.isEmpty());
    const Response last = call(
        "GET", u"/v1/sessions?service_id=paging&limit=2&cursor="_s + q(cursor), bearer(m_admin));
    VERIFY_JSON(last, 200);
    QCOMPARE(last.json().keys(), sorted({u"sessions"_s, u"next_cursor"_s}));
    QCOMPARE(idsOf(last.json()[u"sessions"_s].toArray()), QStringList({ids[0]}));
    QVERIFY(last.json()[u"next_cursor"_s].isNull());

    // Each entry is the session's view, with the recipient masked.
    const QJsonObject first = page.at(0).toObject();
    QCOMPARE(first[u"service_id"_s].toString(), u"paging"_s);
    QCOMPARE(first[u"channel"_s].toString(), u"email"_s);
    QCOMPARE(first[u"recipient"_s].toString(), u"r***@example.org"_s);
    QCOMPARE(first[u"created_at"_s].toString(), Json::time(times[2]));

    // Filters.
    QCOMPARE(idsOf(listSessions(u"service_id=paging&channel=email"_s)),
             QStringList({ids[4], ids[2]}));
    QCOMPARE(idsOf(listSessions(u"service_id=paging&status=cancelled"_s)), QStringList({ids[1]}));
    QCOMPARE(idsOf(listSessions(u"service_id=paging&status=pending&channel=sms"_s)),
             QStringList({ids[3], ids[0]}));
    QCOMPARE(idsOf(listSessions(u"recipient="_s + q(recipients[2]))), QStringList({ids[2]}));
    QCOMPARE(idsOf(listSessions(u"recipient="_s + q(recipients[3]))), QStringList({ids[3]}));
    QCOMPARE(idsOf(listSessions(u"service_id=paging&from=%1&to=%2"_s.arg(q(Json::time(times[2])),
                                                                         q(Json::time(times[4]))))),
             QStringList({ids[3], ids[2]}));
    const Response curlPage =
        curl("GET", u"/v1/sessions?service_id=paging&channel=sms&limit=1"_s, apiKey(m_admin));
    VERIFY_JSON(curlPage, 200);
    QCOMPARE(idsOf(curlPage.json()[u"sessions"_s].toArray()), QStringList({ids[3]}));
    QVERIFY(!curlPage.json()[u"next_cursor"_s].toString().isEmpty());

    // Bad parameters are named.
    const QList<QPair<QString, QString>> bad{
        {u"status=bogus"_s, u"status"_s},
        {u"channel=fax"_s, u"channel"_s},
        {u"limit=0"_s, u"limit"_s},
        {u"limit=501"_s, u"limit"_s},
        {u"cursor=xyz"_s, u"cursor"_s},
        {u"from=yesterday"_s, u"from"_s},
        {u"colour=red"_s, u"colour"_s},
        {u"recipient=nobody"_s, u"recipient"_s},
        {u"from=2026-03-02&to=2026-03-01"_s, u"to"_s},
    };
    for (const auto &[query, field] : bad) {
        const Response r = call("GET", u"/v1/sessions?"_s + query, apiKey(m_admin));
        VERIFY_API_ERROR(r, 400, u"invalid_argument"_s, field);
    }
}

void TestHttpApi::statsByHourAndDay()
{
    auto service = engine().createService(u"stats"_s, {}, kAdmin);
    QVERIFY2(service, errorText(service).constData());
    auto startStats = [this](const QString &recipient, const QString &channel) {
        return startSession(recipient, channel, m_admin, {{u"service_id"_s, u"stats"_s}});
    };

    // Two sessions now (one verified, one cancelled), one two hours later, one a day after that.
    QList<qint64> times;
    times << clock().nowMs();
    const QString verified = startStats(newPhone(), u"sms"_s);
    const QString cancelled = startStats(newEmail(), u"email"_s);
    QVERIFY(!verified.isEmpty() && !cancelled.isEmpty());
    const QString code = deliveredCode(verified);
    QCOMPARE(call("POST", u"/v1/verify/check"_s, apiKey(m_admin),
                  jsonBytes({{u"session_id"_s, verified}, {u"code"_s, code}}))
                 .status,
             200);
    QCOMPARE(call("POST", u"/v1/verify/%1/cancel"_s.arg(cancelled), apiKey(m_admin)).status, 200);
    clock().advanceSeconds(2 * 3600);
    times << clock().nowMs();
    QVERIFY(!startStats(newPhone(), u"sms"_s).isEmpty()); // expires before the report
    clock().advanceSeconds(86'400);
    times << clock().nowMs();
    QVERIFY(!startStats(newPhone(), u"sms"_s).isEmpty());

    const QList<int> counts{2, 1, 1};
    for (const QString &granularity : {u"hour"_s, u"day"_s}) {
        const Response r = call("GET", u"/v1/stats?service_id=stats&granularity="_s + granularity,
                                apiKey(m_admin));
        VERIFY_JSON(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o[u"total"_s].toInt(), 4);
        QCOMPARE(o[u"by_channel"_s].toObject(),
                 QJsonObject({{u"sms"_s, 3}, {u"voice"_s, 0}, {u"email"_s, 1}}));
        QCOMPARE(o[u"by_status"_s].toObject(), QJsonObject({{u"pending"_s, 1},
                                                            {u"delivered"_s, 0},
                                                            {u"verified"_s, 1},
                                                            {u"failed"_s, 0},
                                                            {u"expired"_s, 1},
                                                            {u"cancelled"_s, 1}}));
        QVERIFY(qFuzzyCompare(o[u"success_rate"_s].toDouble(), 1.0 / 3.0));
        QCOMPARE(o[u"delivery_failures"_s].toInt(-1), 0);
        QVERIFY(isRfc3339Utc(o[u"from"_s]));
        QVERIFY(isRfc3339Utc(o[u"to"_s]));
        QCOMPARE(o[u"granularity"_s].toString(), granularity);

        // One bucket per hour or per UTC day that has sessions, in time order.
        QMap<qint64, int> expected;
        for (qsizetype i = 0; i < times.size(); ++i)
            expected[granularity == u"hour"_s ? hourStart(times[i]) : dayStart(times[i])] +=
                counts[i];
        const QJsonArray series = o[u"series"_s].toArray();
        QCOMPARE(series.size(), expected.size());
        qsizetype i = 0;
        for (auto it = expected.constBegin(); it != expected.constEnd(); ++it, ++i) {
            const QJsonObject bucket = series.at(i).toObject();
            QCOMPARE(bucket[u"start"_s].toString(), Json::time(it.key()));
            QCOMPARE(bucket[u"total"_s].toInt(), it.value());
            QCOMPARE(bucket[u"by_channel"_s].toObject().keys(),
                     sorted({u"sms"_s, u"voice"_s, u"email"_s}));
            QCOMPARE(bucket[u"by_status"_s].toObject().size(), 6);
        }
        // The hourly rows behind it.
        int rowTotal = 0;
        for (const QJsonValue &row : o[u"hourly"_s].toArray()) {
            QCOMPARE(row[u"service_id"_s].toString(), u"stats"_s);
            QVERIFY(isRfc3339Utc(row[u"hour"_s]));
            rowTotal += row[u"sessions"_s].toInt();
        }
        QCOMPARE(rowTotal, 4);
    }

    // A time range: from the hour of the third session up to the hour of the fourth.
    const Response range = curl("GET",
                                u"/v1/stats?service_id=stats&granularity=hour&from=%1&to=%2"_s.arg(
                                    q(Json::time(times[1])), q(Json::time(hourStart(times[2])))),
                                apiKey(m_admin));
    VERIFY_JSON(range, 200);
    QCOMPARE(range.json()[u"total"_s].toInt(), 1);
    QCOMPARE(range.json()[u"series"_s].toArray().size(), 1);

    VERIFY_API_ERROR(call("GET", u"/v1/stats?granularity=week"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"granularity"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats?from=2026-03-05&to=2026-03-01"_s, apiKey(m_admin)),
                     400, u"invalid_argument"_s, u"to"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats?from=soon"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"from"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats?period=week"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"period"_s);
}

// A burst of starts to one number range shows as an alert with the prefix and the counts, never a
// number; a key bound to another service does not see it.
void TestHttpApi::pumpingAlerts()
{
    auto service = engine().createService(u"pumped"_s, {}, kAdmin);
    QVERIFY2(service, errorText(service).constData());
    QStringList numbers;
    for (int i = 0; i < 12; ++i) {
        numbers << u"+447400%1"_s.arg(200'000 + m_recipientCount++);
        rememberRecipient(numbers.last());
        QVERIFY(!startSession(numbers.last(), u"sms"_s, m_admin, {{u"service_id"_s, u"pumped"_s}})
                     .isEmpty());
    }
    const Response r = curl("GET", u"/v1/stats/alerts?service_id=pumped"_s, apiKey(m_admin));
    VERIFY_JSON(r, 200);
    QVERIFY(isRfc3339Utc(r.json()[u"checked_at"_s]));
    const QJsonArray alerts = r.json()[u"alerts"_s].toArray();
    QCOMPARE(alerts.size(), 1);
    const QJsonObject a = alerts.first().toObject();
    QCOMPARE(a[u"kind"_s].toString(), u"burst"_s);
    QCOMPARE(a[u"service_id"_s].toString(), u"pumped"_s);
    QCOMPARE(a[u"prefix"_s].toString(), u"+44 740"_s);
    QCOMPARE(a[u"region"_s].toString(), u"GB"_s);
    QCOMPARE(a[u"started"_s].toInt(), 12);
    QCOMPARE(a[u"verified"_s].toInt(), 0);
    QCOMPARE(a[u"conversion"_s].toDouble(-1), 0.0);
    QCOMPARE(a[u"usual_per_hour"_s].toDouble(-1), 0.0);
    QVERIFY(isRfc3339Utc(a[u"from"_s]) && isRfc3339Utc(a[u"to"_s]));
    for (const QString &number : std::as_const(numbers))
        QVERIFY(!r.body.contains(number.mid(1).toUtf8()));

    // All services (an unbound admin key) include it; a key bound to "shop" sees only its own.
    const Response all = call("GET", u"/v1/stats/alerts"_s, apiKey(m_admin));
    VERIFY_JSON(all, 200);
    bool listed = false;
    for (const QJsonValue &v : all.json()[u"alerts"_s].toArray())
        listed = listed || v[u"service_id"_s].toString() == u"pumped"_s;
    QVERIFY(listed);
    const QString boundAdmin = issueKey(u"shop alerts"_s, u"admin"_s, u"shop"_s);
    const Response own = call("GET", u"/v1/stats/alerts"_s, apiKey(boundAdmin));
    VERIFY_JSON(own, 200);
    for (const QJsonValue &v : own.json()[u"alerts"_s].toArray())
        QCOMPARE(v[u"service_id"_s].toString(), u"shop"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats/alerts?service_id=pumped"_s, apiKey(boundAdmin)), 403,
                     u"forbidden"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats/alerts?prefix=44"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"prefix"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/stats/alerts?service_id=Bad%20Id"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"service_id"_s);
}

void TestHttpApi::keysIssueListRevoke()
{
    const qint64 now = clock().nowMs();
    const Response created = call("POST", u"/v1/keys"_s, apiKey(m_admin),
                                  jsonBytes({{u"name"_s, u"ci pipeline"_s},
                                             {u"scope"_s, u"verify"_s},
                                             {u"expires_in_days"_s, 30}}));
    VERIFY_JSON(created, 201);
    const QJsonObject k = created.json();
    const QString key = k[u"key"_s].toString();
    rememberKey(key);
    QCOMPARE(k.keys(), sorted({u"id"_s, u"prefix"_s, u"name"_s, u"scope"_s, u"service_id"_s,
                               u"state"_s, u"created_at"_s, u"created_by"_s, u"expires_at"_s,
                               u"revoked_at"_s, u"last_used_at"_s, u"key"_s}));
    static const QRegularExpression shape(u"^vk_([a-z0-9]{8})_[A-Za-z0-9]{32}$"_s);
    const QRegularExpressionMatch parts = shape.match(key);
    QVERIFY2(parts.hasMatch(), "the issued key does not look like vk_<prefix>_<secret>");
    QCOMPARE(parts.captured(1), k[u"prefix"_s].toString());
    QVERIFY(isUuid(k[u"id"_s]));
    QCOMPARE(k[u"name"_s].toString(), u"ci pipeline"_s);
    QCOMPARE(k[u"scope"_s].toString(), u"verify"_s);
    QVERIFY(k[u"service_id"_s].isNull());
    QCOMPARE(k[u"state"_s].toString(), u"active"_s);
    QCOMPARE(k[u"created_at"_s].toString(), Json::time(now));
    QCOMPARE(k[u"created_by"_s].toString(), u"api_key:"_s + prefixOf(m_admin));
    QCOMPARE(k[u"expires_at"_s].toString(), Json::time(now + 30 * 86'400'000LL));
    QVERIFY(k[u"revoked_at"_s].isNull());
    QVERIFY(k[u"last_used_at"_s].isNull());

    // A key bound to a service, issued with curl.
    const Response bound = curl("POST", u"/v1/keys"_s, bearer(m_admin),
                                jsonBytes({{u"name"_s, u"shop backend"_s},
                                           {u"scope"_s, u"admin"_s},
                                           {u"service_id"_s, u"shop"_s}}));
    VERIFY_JSON(bound, 201);
    rememberKey(bound.json()[u"key"_s].toString());
    QCOMPARE(bound.json()[u"service_id"_s].toString(), u"shop"_s);
    QCOMPARE(bound.json()[u"scope"_s].toString(), u"admin"_s);
    QVERIFY(bound.json()[u"expires_at"_s].isNull());

    // The new key works at once.
    QVERIFY(!startSession(newPhone(), u"sms"_s, key).isEmpty());

    // The list shows every key, never a secret.
    const Response list = curl("GET", u"/v1/keys"_s, apiKey(m_admin));
    VERIFY_JSON(list, 200);
    QJsonObject listed;
    for (const QJsonValue &v : list.json()[u"keys"_s].toArray())
        if (v[u"id"_s] == k[u"id"_s])
            listed = v.toObject();
    QCOMPARE(listed.keys(), sorted({u"id"_s, u"prefix"_s, u"name"_s, u"scope"_s, u"service_id"_s,
                                    u"state"_s, u"created_at"_s, u"created_by"_s, u"expires_at"_s,
                                    u"revoked_at"_s, u"last_used_at"_s}));
    QCOMPARE(listed[u"last_used_at"_s].toString(), Json::time(now));
    QCOMPARE(list.json()[u"keys"_s].toArray().size(), int(engine().keys()->size()));
    for (const QString &secret : std::as_const(m_secrets))
        QVERIFY2(!list.body.contains(secret.toLatin1()), "the key list holds a key secret");

    // Revoked: the next request with it fails; a second revocation is a conflict.
    clock().advanceSeconds(3);
    const Response revoked =
        call("DELETE", u"/v1/keys/"_s + k[u"id"_s].toString(), apiKey(m_admin));
    VERIFY_JSON(revoked, 200);
    QCOMPARE(revoked.json()[u"state"_s].toString(), u"revoked"_s);
    QCOMPARE(revoked.json()[u"revoked_at"_s].toString(), Json::time(clock().nowMs()));
    QVERIFY(!revoked.json().contains(u"key"_s));
    VERIFY_API_ERROR(start(key, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, newPhone()}}), 401,
                     u"unauthorized"_s);
    VERIFY_API_ERROR(curl("DELETE", u"/v1/keys/"_s + k[u"id"_s].toString(), apiKey(m_admin)), 409,
                     u"key_revoked"_s);
    // By prefix as well as by id.
    const Response byPrefix =
        call("DELETE", u"/v1/keys/"_s + bound.json()[u"prefix"_s].toString(), apiKey(m_admin));
    VERIFY_JSON(byPrefix, 200);
    QCOMPARE(byPrefix.json()[u"id"_s], bound.json()[u"id"_s]);
    VERIFY_API_ERROR(call("DELETE", u"/v1/keys/"_s + kUnknownSession, apiKey(m_admin)), 404,
                     u"not_found"_s);

    // Bad requests name the field.
    const QList<QPair<QJsonObject, QString>> bad{
        {{{u"scope"_s, u"verify"_s}}, u"name"_s},
        {{{u"name"_s, u"x"_s}, {u"scope"_s, u"root"_s}}, u"scope"_s},
        {{{u"name"_s, u"x"_s}, {u"scope"_s, u"verify"_s}, {u"expires_in_days"_s, 0}},
         u"expires_in_days"_s},
        {{{u"name"_s, u"x"_s}, {u"scope"_s, u"verify"_s}, {u"service_id"_s, u"nope"_s}},
         u"service_id"_s},
        {{{u"name"_s, u"x"_s}, {u"scope"_s, u"verify"_s}, {u"secret"_s, u"mine"_s}}, u"secret"_s},
    };
    for (const auto &[body, field] : bad)
        VERIFY_API_ERROR(call("POST", u"/v1/keys"_s, apiKey(m_admin), jsonBytes(body)), 400,
                         u"invalid_argument"_s, field);
}

void TestHttpApi::servicesCreateReadUpdate()
{
    const Response list = call("GET", u"/v1/services"_s, apiKey(m_admin));
    VERIFY_JSON(list, 200);
    QStringList ids;
    for (const QJsonValue &s : list.json()[u"services"_s].toArray())
        ids << s[u"id"_s].toString();
    QVERIFY(ids.contains(u"default"_s));
    QVERIFY(ids.contains(u"shop"_s));

    const Response created = call("POST", u"/v1/services"_s, apiKey(m_admin),
                                  jsonBytes({{u"id"_s, u"crud"_s},
                                             {u"name"_s, u"CRUD shop"_s},
                                             {u"ttl_seconds"_s, 600},
                                             {u"channels"_s, QJsonArray{u"sms"_s, u"email"_s}}}));
    VERIFY_JSON(created, 201);
    const QJsonObject s = created.json();
    QStringList expectedKeys{u"id"_s, u"created_at"_s, u"updated_at"_s};
    for (const ServiceField &f : ServiceRules::fields())
        expectedKeys << f.key;
    QCOMPARE(s.keys(), sorted(expectedKeys));
    QCOMPARE(s[u"id"_s].toString(), u"crud"_s);
    QCOMPARE(s[u"name"_s].toString(), u"CRUD shop"_s);
    QCOMPARE(s[u"ttl_seconds"_s].toInt(), 600);
    QCOMPARE(s[u"channels"_s].toArray(), QJsonArray({u"sms"_s, u"email"_s}));
    QCOMPARE(s[u"code_length"_s].toInt(), 6);
    QCOMPARE(s[u"max_attempts"_s].toInt(), 5);
    QCOMPARE(s[u"enabled"_s].toBool(), true);

    VERIFY_API_ERROR(
        call("POST", u"/v1/services"_s, apiKey(m_admin), jsonBytes({{u"id"_s, u"crud"_s}})), 409,
        u"service_exists"_s);

    const Response got = curl("GET", u"/v1/services/crud"_s, apiKey(m_admin));
    VERIFY_JSON(got, 200);
    QCOMPARE(got.json(), s);

    clock().advanceSeconds(1);
    const Response patched = curl("PATCH", u"/v1/services/crud"_s, apiKey(m_admin),
                                  jsonBytes({{u"max_attempts"_s, 3}, {u"app_name"_s, u"Crud"_s}}));
    VERIFY_JSON(patched, 200);
    QCOMPARE(patched.json()[u"max_attempts"_s].toInt(), 3);
    QCOMPARE(patched.json()[u"app_name"_s].toString(), u"Crud"_s);
    QCOMPARE(patched.json()[u"ttl_seconds"_s].toInt(), 600);
    const Response reread = call("GET", u"/v1/services/crud"_s, apiKey(m_admin));
    VERIFY_JSON(reread, 200);
    QCOMPARE(reread.json(), patched.json());

    // The settings apply to new sessions: voice is not enabled, the TTL is 600 s.
    VERIFY_API_ERROR(start(m_admin, {{u"channel"_s, u"voice"_s},
                                     {u"recipient"_s, newPhone()},
                                     {u"service_id"_s, u"crud"_s}}),
                     400, u"invalid_argument"_s, u"channel"_s);
    const qint64 now = clock().nowMs();
    const Response started = start(
        m_admin,
        {{u"channel"_s, u"sms"_s}, {u"recipient"_s, newPhone()}, {u"service_id"_s, u"crud"_s}});
    VERIFY_JSON(started, 201);
    QCOMPARE(started.json()[u"expires_at"_s].toString(), Json::time(now + 600'000));

    VERIFY_API_ERROR(call("PATCH", u"/v1/services/crud"_s, apiKey(m_admin),
                          jsonBytes({{u"max_attempts"_s, 99}})),
                     400, u"invalid_argument"_s, u"max_attempts"_s);
    VERIFY_API_ERROR(call("PATCH", u"/v1/services/crud"_s, apiKey(m_admin),
                          jsonBytes({{u"colour"_s, u"red"_s}})),
                     400, u"invalid_argument"_s, u"colour"_s);
    VERIFY_API_ERROR(call("PATCH", u"/v1/services/crud"_s, apiKey(m_admin),
                          jsonBytes({{u"ttl_seconds"_s, u"long"_s}})),
                     400, u"invalid_argument"_s, u"ttl_seconds"_s);
    VERIFY_API_ERROR(
        call("PATCH", u"/v1/services/nope"_s, apiKey(m_admin), jsonBytes({{u"name"_s, u"x"_s}})),
        404, u"not_found"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/services/nope"_s, apiKey(m_admin)), 404, u"not_found"_s);
    VERIFY_API_ERROR(
        call("POST", u"/v1/services"_s, apiKey(m_admin), jsonBytes({{u"name"_s, u"no id"_s}})), 400,
        u"invalid_argument"_s, u"id"_s);
    VERIFY_API_ERROR(
        call("POST", u"/v1/services"_s, apiKey(m_admin), jsonBytes({{u"id"_s, u"Not An Id!"_s}})),
        400, u"invalid_argument"_s, u"id"_s);
    // A failed update changed nothing.
    QCOMPARE(call("GET", u"/v1/services/crud"_s, apiKey(m_admin)).json(), patched.json());
}

void TestHttpApi::auditLogListsAdminActions()
{
    const qint64 now = clock().nowMs();
    const Response created =
        call("POST", u"/v1/keys"_s, apiKey(m_admin),
             jsonBytes({{u"name"_s, u"audited"_s}, {u"scope"_s, u"verify"_s}}));
    VERIFY_JSON(created, 201);
    const QString key = created.json()[u"key"_s].toString();
    rememberKey(key);
    const QString keyId = created.json()[u"id"_s].toString();

    const Response r = call("GET", u"/v1/audit?limit=500"_s, apiKey(m_admin));
    VERIFY_JSON(r, 200);
    QVERIFY(!r.body.contains(key.section(u'_', 2).toLatin1()));
    QJsonObject entry;
    for (const QJsonValue &v : r.json()[u"entries"_s].toArray())
        if (v[u"action"_s] == u"key.create"_s && v[u"target_id"_s] == keyId)
            entry = v.toObject();
    QCOMPARE(entry.keys(), sorted({u"id"_s, u"at"_s, u"actor"_s, u"action"_s, u"target_type"_s,
                                   u"target_id"_s, u"detail"_s}));
    QCOMPARE(entry[u"at"_s].toString(), Json::time(now));
    QCOMPARE(entry[u"actor"_s].toString(), u"api_key:"_s + prefixOf(m_admin));
    QCOMPARE(entry[u"target_type"_s].toString(), u"key"_s);
    const QJsonObject detail = entry.value(u"detail"_s).toObject();
    QCOMPARE(detail.value(u"prefix"_s).toString(), prefixOf(key));
    QCOMPARE(detail.value(u"name"_s).toString(), u"audited"_s);

    // Newest first; search and paging.
    const QJsonArray all = r.json()[u"entries"_s].toArray();
    QVERIFY(all.size() >= 2);
    QVERIFY(all.at(0)[u"id"_s].toInteger() > all.at(1)[u"id"_s].toInteger());
    const Response search = curl("GET", u"/v1/audit?search=key.create&limit=2"_s, apiKey(m_admin));
    VERIFY_JSON(search, 200);
    const QJsonArray found = search.json()[u"entries"_s].toArray();
    QCOMPARE(found.size(), 2);
    for (const QJsonValue &v : found)
        QCOMPARE(v[u"action"_s].toString(), u"key.create"_s);
    const Response older =
        call("GET", u"/v1/audit?limit=1&before=%1"_s.arg(all.at(0)[u"id"_s].toInteger()),
             apiKey(m_admin));
    VERIFY_JSON(older, 200);
    QCOMPARE(older.json()[u"entries"_s].toArray().at(0)[u"id"_s], all.at(1)[u"id"_s]);

    VERIFY_API_ERROR(call("GET", u"/v1/audit?limit=abc"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"limit"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/audit?actor=me"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"actor"_s);
}

void TestHttpApi::outboxShowsDeliveredMessages()
{
    const QString phone = newPhone();
    const QString id = startSession(phone);
    QVERIFY(!id.isEmpty());

    // Nothing is in the outbox before delivery.
    const Response before = call("GET", u"/v1/outbox?session_id="_s + id, apiKey(m_admin));
    VERIFY_JSON(before, 200);
    QCOMPARE(before.json()[u"messages"_s].toArray().size(), 0);

    const QString code = deliveredCode(id);
    QVERIFY(!code.isEmpty());
    const Response r = curl("GET", u"/v1/outbox?limit=5&session_id="_s + id, apiKey(m_admin));
    VERIFY_JSON(r, 200);
    const QJsonArray messages = r.json()[u"messages"_s].toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.at(0).toObject();
    QCOMPARE(m.keys(), sorted({u"id"_s, u"session_id"_s, u"channel"_s, u"recipient"_s, u"locale"_s,
                               u"created_at"_s, u"text"_s}));
    QCOMPARE(m[u"session_id"_s].toString(), id);
    QCOMPARE(m[u"channel"_s].toString(), u"sms"_s);
    QCOMPARE(m[u"recipient"_s].toString(), u"+47****"_s + phone.right(4));
    QCOMPARE(m[u"locale"_s].toString(), u"nb"_s);
    QVERIFY(isRfc3339Utc(m[u"created_at"_s]));
    QVERIFY(m[u"text"_s].toString().contains(code));
    QVERIFY(!r.body.contains(digitsOf(phone).right(8).toLatin1()));

    // Newest first across sessions.
    const Response recent = call("GET", u"/v1/outbox?limit=1"_s, apiKey(m_admin));
    VERIFY_JSON(recent, 200);
    QCOMPARE(recent.json()[u"messages"_s].toArray().at(0)[u"session_id"_s].toString(), id);
    VERIFY_API_ERROR(call("GET", u"/v1/outbox?limit=0"_s, apiKey(m_admin)), 400,
                     u"invalid_argument"_s, u"limit"_s);
}

void TestHttpApi::healthzNeedsNoKey()
{
    const Response r = call("GET", u"/healthz"_s);
    VERIFY_JSON(r, 200);
    QCOMPARE(r.json(), QJsonObject({{u"status"_s, u"ok"_s}, {u"database"_s, u"ok"_s}}));
    const Response c = curl("GET", u"/healthz"_s);
    VERIFY_JSON(c, 200);
    QCOMPARE(c.json(), r.json());
}

void TestHttpApi::openapiIsAJsonObject()
{
    const Response r = call("GET", u"/openapi.json"_s);
    VERIFY_JSON(r, 200);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    // An OpenAPI 3 document that describes paths (tst_api_docs holds it to the route table).
    QVERIFY(doc.object()[u"openapi"_s].toString().startsWith(u"3."_s));
    QVERIFY(doc.object()[u"paths"_s].toObject().contains(u"/v1/verify/start"_s));
    const Response c = curl("GET", u"/openapi.json"_s);
    VERIFY_JSON(c, 200);
    QCOMPARE(c.body, r.body);
}

void TestHttpApi::bothKeyHeadersWork()
{
    const QList<Headers> forms{
        apiKey(m_admin),
        bearer(m_admin),
        {{"Authorization", "bearer " + m_admin.toLatin1()}},
    };
    for (const Headers &headers : forms) {
        const Response viaQt = call("GET", u"/v1/keys"_s, headers);
        VERIFY_JSON(viaQt, 200);
        QVERIFY(viaQt.json()[u"keys"_s].isArray());
        const Response viaCurl = curl("GET", u"/v1/services"_s, headers);
        VERIFY_JSON(viaCurl, 200);
        QVERIFY(viaCurl.json()[u"services"_s].isArray());
    }
    // A verify key both ways, on a verify endpoint.
    const QString id = startSession(newPhone(), u"sms"_s, m_verify);
    QVERIFY(!id.isEmpty());
    VERIFY_JSON(call("GET", u"/v1/verify/"_s + id, bearer(m_verify)), 200);
    VERIFY_JSON(curl("GET", u"/v1/verify/"_s + id, apiKey(m_verify)), 200);
}

// --- every error -----------------------------------------------------------------------------

void TestHttpApi::badRequestsNameTheField()
{
    const QString phone = newPhone();
    const QJsonValue number(phone);
    struct Case
    {
        QString path;
        QByteArray body;
        QString field;
    };
    const QString startPath = u"/v1/verify/start"_s;
    const QString checkPath = u"/v1/verify/check"_s;
    const QList<Case> cases{
        {startPath, "{\"channel\": \"sms\", \"recipient\": ", u"body"_s},
        {startPath, "[\"sms\"]", u"body"_s},
        {startPath, "\"sms\"", u"body"_s},
        {startPath, "", u"body"_s},
        {startPath,
         jsonBytes(
             {{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"code_length"_s, u"six"_s}}),
         u"code_length"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"code_length"_s, 6.5}}),
         u"code_length"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"code_length"_s, 3}}),
         u"code_length"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"colour"_s, u"red"_s}}),
         u"colour"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"ttl_seconds"_s, 5}}),
         u"ttl_seconds"_s},
        {startPath,
         jsonBytes(
             {{u"channel"_s, u"sms"_s}, {u"recipient"_s, number}, {u"ttl_seconds"_s, 100'000}}),
         u"ttl_seconds"_s},
        // Far outside any integer type (converting it would be undefined behaviour).
        {startPath,
         "{\"channel\": \"sms\", \"recipient\": \"" + phone.toUtf8() +
             "\", \"ttl_seconds\": 1e300}",
         u"ttl_seconds"_s},
        {startPath,
         "{\"channel\": \"sms\", \"recipient\": \"" + phone.toUtf8() +
             "\", \"code_length\": -1e19}",
         u"code_length"_s},
        {startPath, jsonBytes({{u"recipient"_s, number}}), u"channel"_s},
        {startPath, jsonBytes({{u"channel"_s, u"fax"_s}, {u"recipient"_s, number}}), u"channel"_s},
        {startPath, jsonBytes({{u"channel"_s, 1}, {u"recipient"_s, number}}), u"channel"_s},
        {startPath, jsonBytes({{u"channel"_s, u"sms"_s}}), u"recipient"_s},
        {startPath, jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, 4791234567.0}}),
         u"recipient"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s},
                    {u"recipient"_s, number},
                    {u"callback_url"_s, u"ftp://example.org/hook"_s}}),
         u"callback_url"_s},
        {startPath,
         jsonBytes({{u"channel"_s, u"sms"_s},
                    {u"recipient"_s, number},
                    {u"service_id"_s, u"no-such-service"_s}}),
         u"service_id"_s},
        {checkPath, "{\"session_id\": ", u"body"_s},
        {checkPath, jsonBytes({{u"session_id"_s, u"nope"_s}, {u"code"_s, u"123456"_s}}),
         u"session_id"_s},
        {checkPath, jsonBytes({{u"code"_s, u"123456"_s}}), u"session_id"_s},
        {checkPath, jsonBytes({{u"session_id"_s, kUnknownSession}}), u"code"_s},
        {checkPath, jsonBytes({{u"session_id"_s, kUnknownSession}, {u"code"_s, 123456}}),
         u"code"_s},
        {checkPath,
         jsonBytes({{u"session_id"_s, kUnknownSession}, {u"code"_s, u"1"_s}, {u"extra"_s, 1}}),
         u"extra"_s},
    };
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        // Both clients, in turn.
        const Response r = i % 2 == 0 ? call("POST", c.path, apiKey(m_verify), c.body)
                                      : curl("POST", c.path, bearer(m_verify), c.body);
        const QString mismatch = errorMismatch(r, 400, u"invalid_argument"_s, c.field);
        QVERIFY2(mismatch.isEmpty(), qPrintable(u"case %1: %2"_s.arg(i).arg(mismatch)));
    }
    // Nothing half-written: no session was started for the number.
    QCOMPARE(sessionsTo(phone), 0);
}

void TestHttpApi::invalidRecipientIsNotEchoed()
{
    // Numbers that are not valid, and an address that is not one; the error names the field and
    // does not repeat what was sent.
    const QStringList phones{u"+47 1234 5"_s, u"+47 9123 4567 8901 2345"_s, u"+999 5512 3456"_s,
                             u"+47 9abc 4567"_s, u"55123456"_s};
    for (const QString &phone : phones) {
        rememberRecipient(phone);
        const Response r = start(m_verify, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}});
        VERIFY_API_ERROR(r, 400, u"invalid_argument"_s, u"recipient"_s);
        const QString message = r.json()[u"message"_s].toString();
        const QString digits = digitsOf(phone);
        for (qsizetype i = 0; i + 3 <= digits.size(); ++i)
            QVERIFY2(!message.contains(digits.mid(i, 3)) &&
                         !r.body.contains(digits.mid(i, 3).toLatin1()),
                     "the error repeats digits of the number sent");
    }
    const QString address = u"broken-address.api@"_s;
    rememberRecipient(address);
    const Response r = curl("POST", u"/v1/verify/start"_s, apiKey(m_verify),
                            jsonBytes({{u"channel"_s, u"email"_s}, {u"recipient"_s, address}}));
    VERIFY_API_ERROR(r, 400, u"invalid_argument"_s, u"recipient"_s);
    QVERIFY2(!r.body.contains("broken-address"), "the error repeats the address sent");
}

void TestHttpApi::unauthorizedIsOneAnswer()
{
    const QString revokedKey = issueKey(u"to revoke"_s, u"verify"_s);
    QVERIFY(engine().revokeKey(prefixOf(revokedKey), kAdmin));
    const QString expiringKey = issueKey(u"expiring"_s, u"verify"_s, {}, 1);
    QVERIFY(!expiringKey.isEmpty());
    const QString target = u"/v1/verify/"_s + kUnknownSession;
    // Works while it lasts.
    VERIFY_API_ERROR(call("GET", target, apiKey(expiringKey)), 404, u"not_found"_s);
    clock().advanceSeconds(86'400 + 1);

    const QByteArray wrongSecret =
        "vk_" + prefixOf(m_verify).toLatin1() + '_' + QByteArray(32, 'Z');
    const QList<QPair<const char *, Headers>> cases{
        {"missing", {}},
        {"empty X-API-Key", {{"X-API-Key", ""}}},
        {"empty bearer", {{"Authorization", "Bearer "}}},
        {"basic auth", {{"Authorization", "Basic dXNlcjpwYXNz"}}},
        {"malformed", {{"X-API-Key", "nonsense"}}},
        {"malformed vk_", {{"X-API-Key", "vk_short"}}},
        {"unknown key", apiKey(u"vk_zzzz9999_"_s + QString(32, u'a'))},
        {"wrong secret", {{"X-API-Key", wrongSecret}}},
        {"revoked", apiKey(revokedKey)},
        {"revoked, bearer", bearer(revokedKey)},
        {"expired", apiKey(expiringKey)},
    };
    QByteArray reference;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const auto &[name, headers] = cases.at(i);
        for (const QString &path : {target, u"/v1/keys"_s}) {
            const Response r = i % 2 == 0 ? curl("GET", path, headers) : call("GET", path, headers);
            const QString mismatch = errorMismatch(r, 401, u"unauthorized"_s);
            QVERIFY2(mismatch.isEmpty(),
                     qPrintable(QString::fromLatin1(name) + u": "_s + mismatch));
            QVERIFY2(!r.header("www-authenticate").isEmpty(), name);
            if (reference.isEmpty())
                reference = r.body;
            QVERIFY2(r.body == reference, name); // says nothing about which case it was
        }
    }
    // A POST too, with the same body; and nothing was started.
    const QString phone = newPhone();
    const Response post = curl("POST", u"/v1/verify/start"_s, apiKey(revokedKey),
                               jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}}));
    QCOMPARE(post.status, 401);
    QCOMPARE(post.body, reference);
    QCOMPARE(sessionsTo(phone), 0);
}

void TestHttpApi::forbiddenByScopeAndService()
{
    // A verify key on admin endpoints.
    const QList<QPair<QByteArray, QString>> adminOnly{
        {"GET", u"/v1/sessions"_s},
        {"GET", u"/v1/stats"_s},
        {"GET", u"/v1/stats/alerts"_s},
        {"GET", u"/v1/keys"_s},
        {"POST", u"/v1/keys"_s},
        {"DELETE", u"/v1/keys/"_s + prefixOf(m_admin)},
        {"GET", u"/v1/services"_s},
        {"POST", u"/v1/services"_s},
        {"GET", u"/v1/services/default"_s},
        {"PATCH", u"/v1/services/default"_s},
        {"GET", u"/v1/audit"_s},
        {"GET", u"/v1/outbox"_s},
    };
    for (const auto &[method, path] : adminOnly) {
        const QByteArray body =
            method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}");
        const Response r = call(method, path, apiKey(m_verify), body);
        const QString mismatch = errorMismatch(r, 403, u"forbidden"_s);
        QVERIFY2(mismatch.isEmpty(),
                 qPrintable(QString::fromLatin1(method) + u' ' + path + u": "_s + mismatch));
    }
    // The admin key is untouched by that attempt.
    VERIFY_JSON(call("GET", u"/v1/keys"_s, apiKey(m_admin)), 200);

    // A key bound to "shop" cannot start on "default"; without a service it starts on "shop".
    const QString phone = newPhone();
    const Response other = curl(
        "POST", u"/v1/verify/start"_s, apiKey(m_shopVerify),
        jsonBytes(
            {{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}, {u"service_id"_s, u"default"_s}}));
    VERIFY_API_ERROR(other, 403, u"forbidden"_s, u"service_id"_s);
    QCOMPARE(sessionsTo(phone), 0);
    const QString id = startSession(phone, u"sms"_s, m_shopVerify);
    QVERIFY(!id.isEmpty());
    const Response own = call("GET", u"/v1/verify/"_s + id, apiKey(m_shopVerify));
    VERIFY_JSON(own, 200);
    QCOMPARE(own.json()[u"service_id"_s].toString(), u"shop"_s);

    // An admin key bound to a service manages neither keys nor services.
    const QString boundAdmin = issueKey(u"bound admin"_s, u"admin"_s, u"shop"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/keys"_s, apiKey(boundAdmin)), 403, u"forbidden"_s);
    VERIFY_API_ERROR(
        call("POST", u"/v1/services"_s, apiKey(boundAdmin), jsonBytes({{u"id"_s, u"sneaky"_s}})),
        403, u"forbidden"_s);
    VERIFY_API_ERROR(call("GET", u"/v1/sessions?service_id=default"_s, apiKey(boundAdmin)), 403,
                     u"forbidden"_s);
    const Response sessions = call("GET", u"/v1/sessions"_s, apiKey(boundAdmin));
    VERIFY_JSON(sessions, 200);
    for (const QJsonValue &s : sessions.json()[u"sessions"_s].toArray())
        QCOMPARE(s[u"service_id"_s].toString(), u"shop"_s);
}

void TestHttpApi::notFound()
{
    const Response unknown = call("GET", u"/v1/verify/"_s + kUnknownSession, apiKey(m_verify));
    VERIFY_API_ERROR(unknown, 404, u"not_found"_s);
    for (const QString &path : {u"/v1/verify/%1/cancel"_s, u"/v1/verify/%1/resend"_s}) {
        const Response r = curl("POST", path.arg(kUnknownSession), apiKey(m_verify));
        VERIFY_API_ERROR(r, 404, u"not_found"_s);
    }
    VERIFY_API_ERROR(call("GET", u"/v1/verify/%1/events"_s.arg(kUnknownSession), apiKey(m_verify)),
                     404, u"not_found"_s);
    VERIFY_API_ERROR(
        call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
             jsonBytes({{u"session_id"_s, kUnknownSession}, {u"code"_s, u"123456"_s}})),
        404, u"not_found"_s);

    // Unknown endpoints, with or without a key.
    for (const QString &path : {u"/v1/nope"_s, u"/v1/verify/a/b/c"_s, u"/"_s, u"/v2/verify/start"_s,
                                u"/v1/verify/a/b/c/d/e/f/g/h/i/j"_s, u"/v1//"_s}) {
        VERIFY_API_ERROR(call("GET", path), 404, u"not_found"_s);
        VERIFY_API_ERROR(curl("GET", path, apiKey(m_admin)), 404, u"not_found"_s);
    }

    // A session of another service through a key bound to "shop": as if it did not exist, and
    // left as it was.
    const QString id = startSession(newPhone(), u"sms"_s, m_verify);
    QVERIFY(!id.isEmpty());
    const Response status = call("GET", u"/v1/verify/"_s + id, apiKey(m_shopVerify));
    VERIFY_API_ERROR(status, 404, u"not_found"_s);
    QCOMPARE(status.body, unknown.body);
    for (const QString &path : {u"/v1/verify/%1/cancel"_s, u"/v1/verify/%1/resend"_s}) {
        const Response r = curl("POST", path.arg(id), apiKey(m_shopVerify));
        VERIFY_API_ERROR(r, 404, u"not_found"_s);
        QCOMPARE(r.body, unknown.body);
    }
    const Response events = call("GET", u"/v1/verify/%1/events"_s.arg(id), apiKey(m_shopVerify));
    QCOMPARE(events.status, 404);
    QCOMPARE(events.body, unknown.body);
    const Response check = call("POST", u"/v1/verify/check"_s, apiKey(m_shopVerify),
                                jsonBytes({{u"session_id"_s, id}, {u"code"_s, u"123456"_s}}));
    QCOMPARE(check.status, 404);
    QCOMPARE(check.body, unknown.body);
    auto stored = engine().status(id);
    QVERIFY2(stored, errorText(stored).constData());
    QCOMPARE(stored->status, SessionStatus::Pending);
    QCOMPARE(stored->attempts, 0);
    QCOMPARE(stored->resends, 0);

    // Not a session id at all is a bad request, not a miss.
    VERIFY_API_ERROR(call("GET", u"/v1/verify/not-a-session"_s, apiKey(m_verify)), 400,
                     u"invalid_argument"_s, u"session_id"_s);
}

void TestHttpApi::wrongMethodIs405WithAllow()
{
    const QList<std::tuple<QByteArray, QString, QByteArray>> cases{
        {"DELETE", u"/v1/verify/start"_s, "POST"},
        {"GET", u"/v1/verify/start"_s, "POST"},
        {"PUT", u"/v1/verify/check"_s, "POST"},
        {"DELETE", u"/v1/verify/"_s + kUnknownSession, "GET"},
        {"GET", u"/v1/verify/%1/cancel"_s.arg(kUnknownSession), "POST"},
        {"PUT", u"/v1/keys"_s, "GET, POST"},
        {"GET", u"/v1/keys/abc"_s, "DELETE"},
        {"DELETE", u"/v1/services/default"_s, "GET, PATCH"},
        {"POST", u"/healthz"_s, "GET"},
        {"POST", u"/metrics"_s, "GET"},
    };
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const auto &[method, path, allow] = cases.at(i);
        const Response r =
            i % 2 == 0 ? call(method, path, apiKey(m_admin)) : curl(method, path, apiKey(m_admin));
        const QString mismatch = errorMismatch(r, 405, u"method_not_allowed"_s);
        QVERIFY2(mismatch.isEmpty(),
                 qPrintable(QString::fromLatin1(method) + u' ' + path + u": "_s + mismatch));
        QCOMPARE(r.header("allow"), allow);
    }
    // Without a key as well: the method is wrong whoever asks.
    const Response anonymous = curl("DELETE", u"/v1/verify/start"_s);
    VERIFY_API_ERROR(anonymous, 405, u"method_not_allowed"_s);
    QCOMPARE(anonymous.header("allow"), "POST"_ba);
}

void TestHttpApi::conflicts()
{
    // Cancel twice (also above), resend or cancel once verified, resend past the limit.
    const QString id = startSession(newPhone());
    QVERIFY(!id.isEmpty());
    const QString code = deliveredCode(id);
    QVERIFY(!code.isEmpty());
    QCOMPARE(call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                  jsonBytes({{u"session_id"_s, id}, {u"code"_s, code}}))
                 .json()[u"status"_s]
                 .toString(),
             u"verified"_s);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                          jsonBytes({{u"session_id"_s, id}, {u"code"_s, code}})),
                     409, u"already_verified"_s);
    VERIFY_API_ERROR(curl("POST", u"/v1/verify/%1/cancel"_s.arg(id), apiKey(m_verify)), 409,
                     u"session_verified"_s);
    clock().advanceSeconds(30);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/%1/resend"_s.arg(id), apiKey(m_verify)), 409,
                     u"session_verified"_s);

    const QString other = startSession(newPhone());
    QVERIFY(!other.isEmpty());
    for (int i = 0; i < 3; ++i) {
        clock().advanceSeconds(30);
        VERIFY_JSON(call("POST", u"/v1/verify/%1/resend"_s.arg(other), apiKey(m_verify)), 200);
    }
    clock().advanceSeconds(30);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/%1/resend"_s.arg(other), apiKey(m_verify)), 409,
                     u"max_resends_reached"_s);
    VERIFY_JSON(call("POST", u"/v1/verify/%1/cancel"_s.arg(other), apiKey(m_verify)), 200);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/%1/cancel"_s.arg(other), apiKey(m_verify)), 409,
                     u"session_cancelled"_s);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/%1/resend"_s.arg(other), apiKey(m_verify)), 409,
                     u"session_cancelled"_s);
    // Checking a cancelled session answers with its state, not a conflict.
    const Response check = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                                jsonBytes({{u"session_id"_s, other}, {u"code"_s, u"000000"_s}}));
    VERIFY_JSON(check, 200);
    QCOMPARE(check.json()[u"status"_s].toString(), u"cancelled"_s);
    QCOMPARE(check.json()[u"error"_s].toString(), u"cancelled"_s);
}

void TestHttpApi::oversizedBodiesRefusedUnread()
{
    const QByteArray hugeHead =
        "POST /v1/verify/start HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + m_verify.toLatin1() +
        "\r\nContent-Type: application/json\r\n"
        "Content-Length: 1073741824\r\n\r\n";
    auto declaredHuge = [&] {
        RawClient raw;
        QVERIFY(raw.connectTo(m_listener->port()));
        // The headers only: a server that waited for the body would never answer.
        const auto r = raw.request(hugeHead);
        QVERIFY2(r, "no answer to a request declaring a 1 GiB body");
        VERIFY_API_ERROR(*r, 413, u"payload_too_large"_s);
        QVERIFY(raw.waitClosed());
    };
    declaredHuge();
    if (QTest::currentTestFailed())
        return;
    const qint64 before = residentKiB();
    QVERIFY(before > 0);
    for (int i = 0; i < 20 && !QTest::currentTestFailed(); ++i)
        declaredHuge();
    if (QTest::currentTestFailed())
        return;
    const qint64 grownKiB = residentKiB() - before;
    QVERIFY2(grownKiB < 10 * 1024, qPrintable(u"resident memory grew by %1 KiB"_s.arg(grownKiB)));

    // A real body of 17 KiB, sent whole by curl.
    const QString phone = newPhone();
    QByteArray padded = jsonBytes({{u"channel"_s, u"sms"_s},
                                   {u"recipient"_s, phone},
                                   {u"reference"_s, QString(17 * 1024, u'x')}});
    QVERIFY(padded.size() > 17 * 1024);
    const Response big = curl("POST", u"/v1/verify/start"_s, apiKey(m_verify), padded);
    VERIFY_API_ERROR(big, 413, u"payload_too_large"_s);

    // Up to the limit a body is read: this one is refused for its content, not its size.
    padded = jsonBytes({{u"channel"_s, u"sms"_s},
                        {u"recipient"_s, phone},
                        {u"reference"_s, QString(16 * 1024 - 100, u'x')}});
    QVERIFY(padded.size() <= 16 * 1024);
    VERIFY_API_ERROR(call("POST", u"/v1/verify/start"_s, apiKey(m_verify), padded), 400,
                     u"invalid_argument"_s, u"reference"_s);
    QCOMPARE(sessionsTo(phone), 0);

    // Still serving.
    VERIFY_JSON(call("GET", u"/healthz"_s), 200);
}

void TestHttpApi::wrongContentTypeIs415()
{
    const QString phone = newPhone();
    const QByteArray body = jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}});
    VERIFY_API_ERROR(call("POST", u"/v1/verify/start"_s, apiKey(m_verify), body, "text/plain"), 415,
                     u"unsupported_media_type"_s);
    // curl's default for --data is a form.
    VERIFY_API_ERROR(curl("POST", u"/v1/verify/start"_s, apiKey(m_verify), body, {}), 415,
                     u"unsupported_media_type"_s);
    VERIFY_API_ERROR(curl("POST", u"/v1/verify/check"_s, apiKey(m_verify),
                          jsonBytes({{u"session_id"_s, kUnknownSession}, {u"code"_s, u"1"_s}}),
                          "text/plain; charset=utf-8"),
                     415, u"unsupported_media_type"_s);
    VERIFY_API_ERROR(call("PATCH", u"/v1/services/default"_s, apiKey(m_admin),
                          jsonBytes({{u"name"_s, u"x"_s}}), "application/x-www-form-urlencoded"),
                     415, u"unsupported_media_type"_s);
    QCOMPARE(sessionsTo(phone), 0);
    // application/json with parameters is JSON.
    VERIFY_JSON(call("POST", u"/v1/verify/start"_s, apiKey(m_verify), body,
                     "application/json; charset=utf-8"),
                201);
}

void TestHttpApi::tooManyStartsToOneNumber()
{
    // Five starts per number and hour (the service's default); the sixth waits for the first to
    // leave the window.
    const QString phone = newPhone();
    QVERIFY(!startSession(phone).isEmpty());
    clock().advanceSeconds(60);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!startSession(phone).isEmpty());
    const Response sixth = start(m_verify, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}});
    VERIFY_API_ERROR(sixth, 429, u"too_many_starts"_s);
    QCOMPARE(sixth.header("retry-after"), "3540"_ba);
    QCOMPARE(sixth.json()[u"retry_after"_s].toInt(), 3540);
    const Response viaCurl = curl("POST", u"/v1/verify/start"_s, bearer(m_verify),
                                  jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}}));
    VERIFY_API_ERROR(viaCurl, 429, u"too_many_starts"_s);
    QCOMPARE(viaCurl.header("retry-after"), "3540"_ba);
    QCOMPARE(sessionsTo(phone), 5);

    // Another number is not held back; this one is, until the window has moved on.
    QVERIFY(!startSession(newPhone()).isEmpty());
    clock().advanceSeconds(3539);
    const Response stillEarly =
        start(m_verify, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}});
    VERIFY_API_ERROR(stillEarly, 429, u"too_many_starts"_s);
    QCOMPARE(stillEarly.header("retry-after"), "1"_ba);
    clock().advanceSeconds(2);
    QVERIFY(!startSession(phone).isEmpty());
}

// --- connections -----------------------------------------------------------------------------

void TestHttpApi::connectionCloseHonoured()
{
    // Kept alive by default: two requests on one connection, and it stays open.
    RawClient kept;
    QVERIFY(kept.connectTo(m_listener->port()));
    for (int i = 0; i < 2; ++i) {
        const auto r = kept.request(rawGet("/healthz"));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }
    QVERIFY(!kept.waitClosed(300));

    // Connection: close — the response, then the server closes.
    RawClient closing;
    QVERIFY(closing.connectTo(m_listener->port()));
    auto r = closing.request(rawGet("/healthz", "Connection: close\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json()[u"status"_s].toString(), u"ok"_s);
    QVERIFY(closing.waitClosed());

    // Also after a write that waited for its commit.
    RawClient post;
    QVERIFY(post.connectTo(m_listener->port()));
    const QByteArray body = jsonBytes({{u"channel"_s, u"sms"_s}, {u"recipient"_s, newPhone()}});
    r = post.request("POST /v1/verify/start HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                     "X-API-Key: " +
                     m_verify.toLatin1() +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QVERIFY(isUuid(r->json()[u"session_id"_s]));
    QVERIFY(post.waitClosed());
}

void TestHttpApi::http10Honoured()
{
    RawClient raw;
    QVERIFY(raw.connectTo(m_listener->port()));
    auto r = raw.request("GET /healthz HTTP/1.0\r\n\r\n");
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(r->version.startsWith("HTTP/1."));
    QCOMPARE(r->json()[u"database"_s].toString(), u"ok"_s);
    QVERIFY(raw.waitClosed());

    RawClient authed;
    QVERIFY(authed.connectTo(m_listener->port()));
    r = authed.request("GET /v1/keys HTTP/1.0\r\nX-API-Key: " + m_admin.toLatin1() + "\r\n\r\n");
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(r->json()[u"keys"_s].isArray());
    QVERIFY(authed.waitClosed());
}

void TestHttpApi::idleConnectionsAreClosed()
{
    ListenerConfig config = listenerConfig();
    config.idleTimeoutSeconds = 1;
    Listener listener(engine(), config);
    const Status started = listener.start();
    QVERIFY(started);

    RawClient silent;
    QVERIFY(silent.connectTo(listener.port()));
    QVERIFY2(silent.waitClosed(15000), "a silent connection was kept open");
    QVERIFY(silent.buffer.isEmpty());

    // After a response on a kept-alive connection, the same.
    RawClient kept;
    QVERIFY(kept.connectTo(listener.port()));
    const auto r = kept.request(rawGet("/v1/keys", "X-API-Key: " + m_admin.toLatin1() + "\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY2(kept.waitClosed(15000), "an idle kept-alive connection was kept open");

    // A request half sent and then silence.
    RawClient stalled;
    QVERIFY(stalled.connectTo(listener.port()));
    stalled.send("POST /v1/verify/start HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":");
    QVERIFY2(stalled.waitClosed(15000), "a stalled request was kept open");
    QVERIFY(!stalled.buffer.startsWith("HTTP/1.1 2"));
    listener.stop(1000);
}

void TestHttpApi::connectionCapHolds()
{
    ListenerConfig config = listenerConfig();
    config.maxConnections = 4;
    Listener listener(engine(), config);
    QVERIFY(listener.start());

    std::vector<std::unique_ptr<RawClient>> open;
    for (int i = 0; i < 4; ++i) {
        open.push_back(std::make_unique<RawClient>());
        QVERIFY(open.back()->connectTo(listener.port()));
        // A response proves the server has taken the connection on.
        const auto r = open.back()->request(rawGet("/healthz"));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }
    RawClient fifth;
    fifth.socket.connectToHost(QHostAddress::LocalHost, listener.port());
    if (fifth.socket.waitForConnected(kWaitMs))
        fifth.socket.write(rawGet("/healthz"));
    QVERIFY2(fifth.waitClosed(), "a fifth connection was kept open past the cap of four");
    QVERIFY2(fifth.buffer.isEmpty(), "a fifth connection was served past the cap of four");
    // The four are still open and served.
    for (const auto &client : open) {
        QCOMPARE(client->socket.state(), QAbstractSocket::ConnectedState);
        const auto r = client->request(rawGet("/healthz"));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }

    // Once one leaves, a new connection is served (as soon as the server has noticed).
    open.front()->socket.disconnectFromHost();
    open.erase(open.begin());
    bool served = false;
    const QDeadlineTimer deadline(kWaitMs);
    while (!served && !deadline.hasExpired()) {
        RawClient again;
        if (again.connectTo(listener.port())) {
            const auto r = again.request(rawGet("/healthz"));
            served = r && r->status == 200;
        }
        if (!served)
            QTest::qWait(50);
    }
    QVERIFY(served);
    listener.stop(1000);
}

// --- revocation ------------------------------------------------------------------------------

void TestHttpApi::revokedKeyFailsOnNextRequest()
{
    const Response created =
        call("POST", u"/v1/keys"_s, apiKey(m_admin),
             jsonBytes({{u"name"_s, u"short-lived"_s}, {u"scope"_s, u"admin"_s}}));
    VERIFY_JSON(created, 201);
    const QString key = created.json()[u"key"_s].toString();
    rememberKey(key);
    // The same client and, likely, the same kept-alive connection throughout.
    VERIFY_JSON(call("GET", u"/v1/services"_s, apiKey(key)), 200);
    VERIFY_JSON(
        call("DELETE", u"/v1/keys/"_s + created.json()[u"id"_s].toString(), apiKey(m_admin)), 200);
    VERIFY_API_ERROR(call("GET", u"/v1/services"_s, apiKey(key)), 401, u"unauthorized"_s);
    VERIFY_API_ERROR(curl("GET", u"/v1/services"_s, bearer(key)), 401, u"unauthorized"_s);
    // A key revoked with its own request fails on its next one.
    const Response self =
        call("POST", u"/v1/keys"_s, apiKey(m_admin),
             jsonBytes({{u"name"_s, u"self-revoking"_s}, {u"scope"_s, u"admin"_s}}));
    VERIFY_JSON(self, 201);
    const QString selfKey = self.json()[u"key"_s].toString();
    rememberKey(selfKey);
    VERIFY_JSON(
        call("DELETE", u"/v1/keys/"_s + self.json()[u"prefix"_s].toString(), apiKey(selfKey)), 200);
    VERIFY_API_ERROR(call("GET", u"/v1/keys"_s, apiKey(selfKey)), 401, u"unauthorized"_s);
}

void TestHttpApi::revocationByAnotherInstance()
{
    const QString key = issueKey(u"shared"_s, u"verify"_s);
    QVERIFY(!key.isEmpty());
    const QString target = u"/v1/verify/"_s + kUnknownSession;
    // Known to this instance: authenticated (and so a miss, not a 401).
    VERIFY_API_ERROR(curl("GET", target, apiKey(key)), 404, u"not_found"_s);

    // Another instance on the same data folder, as another process would be.
    auto other = Engine::open(m_te->config(), m_te->clock);
    QVERIFY2(other, errorText(other).constData());
    auto revoked = (*other)->revokeKey(prefixOf(key), kAdmin);
    QVERIFY2(revoked, errorText(revoked).constData());
    VERIFY_API_ERROR(curl("GET", target, apiKey(key)), 401, u"unauthorized"_s);
    VERIFY_API_ERROR(call("GET", target, bearer(key)), 401, u"unauthorized"_s);

    // The other way round: a key issued there works here at once.
    auto issued = (*other)->createKey({u"issued elsewhere"_s, u"verify"_s, {}, {}}, kAdmin);
    QVERIFY2(issued, errorText(issued).constData());
    rememberKey(issued->key);
    VERIFY_API_ERROR(call("GET", target, apiKey(issued->key)), 404, u"not_found"_s);
    other->reset();
    VERIFY_API_ERROR(call("GET", target, apiKey(issued->key)), 404, u"not_found"_s);
}

// --- what the run leaves behind ----------------------------------------------------------------

void TestHttpApi::metricsInPrometheusFormat()
{
    Response r = call("GET", u"/metrics"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("text/plain"));
    QVERIFY(r.header("content-type").contains("version=0.0.4"));
    QCOMPARE(r.header("cache-control"), "no-store"_ba);
    for (const QByteArray &type :
         {"# TYPE vc_http_requests_total counter"_ba,
          "# TYPE vc_http_request_duration_seconds histogram"_ba, "# TYPE vc_sessions gauge"_ba,
          "# TYPE vc_delivery_queue_depth gauge"_ba, "# TYPE vc_store_commits_total counter"_ba,
          "# TYPE vc_store_writes_total counter"_ba})
        QVERIFY2(r.body.contains(type), type.constData());

    // Requests by route pattern and status, counted exactly.
    const QString healthz = u"vc_http_requests_total{route=\"GET /healthz\",status=\"200\"}"_s;
    const double before = samples(r.body).value(healthz);
    for (int i = 0; i < 3; ++i)
        VERIFY_JSON(curl("GET", u"/healthz"_s), 200);
    r = call("GET", u"/metrics"_s);
    QCOMPARE(r.status, 200);
    QHash<QString, double> s = samples(r.body);
    QCOMPARE(s.value(healthz), before + 3);
    QVERIFY(s.value(u"vc_http_requests_total{route=\"POST /v1/verify/start\",status=\"201\"}"_s) >=
            10);
    QVERIFY(s.value(u"vc_http_requests_total{route=\"POST /v1/verify/start\",status=\"400\"}"_s) >=
            1);
    QVERIFY(s.value(u"vc_http_requests_total{route=\"POST /v1/verify/start\",status=\"413\"}"_s) >=
            21);
    QVERIFY(s.value(u"vc_http_requests_total{route=\"GET /v1/verify/{id}\",status=\"401\"}"_s) >=
            1);
    QVERIFY(s.value(u"vc_http_requests_total{route=\"unmatched\",status=\"404\"}"_s) >= 1);
    // Never a raw path or query: no session id, no '?'.
    static const QRegularExpression uuid(
        u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    QVERIFY(!uuid.match(QString::fromUtf8(r.body)).hasMatch());
    QVERIFY(!r.body.contains('?'));

    // The latency histogram of a route: cumulative buckets, +Inf equal to the count, and the
    // count equal to the requests of the route.
    const QString route = u"route=\"GET /healthz\""_s;
    double previous = 0;
    for (const char *le : {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                           "0.25", "0.5", "1", "2.5", "+Inf"}) {
        const QString name = u"vc_http_request_duration_seconds_bucket{%1,le=\"%2\"}"_s.arg(
            route, QString::fromLatin1(le));
        QVERIFY2(s.contains(name), qPrintable(name));
        QVERIFY(s.value(name) >= previous);
        previous = s.value(name);
    }
    double routeRequests = 0;
    for (auto it = s.constBegin(); it != s.constEnd(); ++it)
        if (it.key().startsWith(u"vc_http_requests_total{"_s + route))
            routeRequests += it.value();
    QCOMPARE(previous, s.value(u"vc_http_request_duration_seconds_count{%1}"_s.arg(route)));
    QCOMPARE(previous, routeRequests);
    QVERIFY(s.contains(u"vc_http_request_duration_seconds_sum{%1}"_s.arg(route)));

    // Sessions by channel and status, as the sessions endpoint counts them.
    QVERIFY(engine().sweepExpired());
    r = call("GET", u"/metrics"_s);
    s = samples(r.body);
    double total = 0;
    for (const QString &channel : {u"sms"_s, u"voice"_s, u"email"_s}) {
        for (const QString &status : {u"pending"_s, u"delivered"_s, u"verified"_s, u"failed"_s,
                                      u"expired"_s, u"cancelled"_s}) {
            const QString name =
                u"vc_sessions{channel=\"%1\",status=\"%2\"}"_s.arg(channel, status);
            QVERIFY2(s.contains(name), qPrintable(name));
            QString cursor;
            const QJsonArray listed =
                listSessions(u"limit=500&channel=%1&status=%2"_s.arg(channel, status), &cursor);
            QVERIFY(cursor.isEmpty());
            QVERIFY2(s.value(name) == listed.size(), qPrintable(name));
            total += s.value(name);
        }
    }
    QVERIFY(total >= 30);
    auto depth = engine().deliveryQueueDepth();
    QVERIFY2(depth, errorText(depth).constData());
    QVERIFY(*depth > 0); // sessions whose message was never delivered in this run
    QCOMPARE(s.value(u"vc_delivery_queue_depth"_s), double(*depth));

    // Status reads: the first of a session reads the database, the next come from memory.
    const QString id = startSession(u"+46701239876"_s);
    const QString hit = u"vc_read_cache_total{cache=\"status\",result=\"hit\"}"_s;
    const QString miss = u"vc_read_cache_total{cache=\"status\",result=\"miss\"}"_s;
    s = samples(call("GET", u"/metrics"_s).body);
    const double hitsBefore = s.value(hit);
    const double missesBefore = s.value(miss);
    for (int i = 0; i < 3; ++i)
        VERIFY_JSON(call("GET", u"/v1/verify/"_s + id, apiKey(m_verify)), 200);
    s = samples(call("GET", u"/metrics"_s).body);
    QCOMPARE(s.value(miss), missesBefore + 1);
    QCOMPARE(s.value(hit), hitsBefore + 2);
    QVERIFY(s.contains(u"vc_read_cache_total{cache=\"config\",result=\"hit\"}"_s));

    // Commits and the writes they held: a start adds one write and at least one commit of its
    // own when nothing else is being written.
    const double commitsBefore = s.value(u"vc_store_commits_total"_s);
    const double writesBefore = s.value(u"vc_store_writes_total"_s);
    QVERIFY(commitsBefore >= 1);
    QVERIFY(writesBefore >= commitsBefore);
    startSession(u"+46701239877"_s);
    s = samples(call("GET", u"/metrics"_s).body);
    QVERIFY(s.value(u"vc_store_commits_total"_s) >= commitsBefore + 1);
    QVERIFY(s.value(u"vc_store_writes_total"_s) >= writesBefore + 1);
    QVERIFY(s.value(u"vc_store_writes_total"_s) - writesBefore >=
            s.value(u"vc_store_commits_total"_s) - commitsBefore);
}

void TestHttpApi::logsHoldNoSecrets()
{
    // A whole flow, each request expected once in the access log with its route and status.
    const qsizetype mark = capturedCount();
    QList<QPair<QString, int>> expected;
    auto expect = [&expected](const QString &route, int status) {
        expected.append({route, status});
    };

    const QString phone = newPhone();
    const QString email = newEmail();
    Response r = start(m_verify, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, phone}});
    expect(u"POST /v1/verify/start"_s, 201);
    QCOMPARE(r.status, 201);
    const QString id = r.json()[u"session_id"_s].toString();
    const QString code = deliveredCode(id);
    QVERIFY(!code.isEmpty());
    QString wrong = code;
    wrong[0] = QChar(u'0' + (code.at(0).digitValue() + 1) % 10);
    r = call("POST", u"/v1/verify/check"_s, apiKey(m_verify),
             jsonBytes({{u"session_id"_s, id}, {u"code"_s, wrong}}));
    expect(u"POST /v1/verify/check"_s, 200);
    QCOMPARE(r.json()[u"error"_s].toString(), u"invalid_code"_s);
    r = curl("POST", u"/v1/verify/check"_s, apiKey(m_verify),
             jsonBytes({{u"session_id"_s, id}, {u"code"_s, code}}));
    expect(u"POST /v1/verify/check"_s, 200);
    QCOMPARE(r.json()[u"status"_s].toString(), u"verified"_s);

    r = curl("POST", u"/v1/verify/start"_s, bearer(m_verify),
             jsonBytes({{u"channel"_s, u"email"_s}, {u"recipient"_s, email}}));
    expect(u"POST /v1/verify/start"_s, 201);
    QCOMPARE(r.status, 201);
    const QString emailId = r.json()[u"session_id"_s].toString();
    QVERIFY(!deliveredCode(emailId).isEmpty());
    clock().advanceSeconds(30);
    r = call("POST", u"/v1/verify/%1/resend"_s.arg(emailId), apiKey(m_verify));
    expect(u"POST /v1/verify/{id}/resend"_s, 200);
    QCOMPARE(r.status, 200);
    QVERIFY(!deliveredCode(emailId).isEmpty());

    r = call("POST", u"/v1/keys"_s, apiKey(m_admin),
             jsonBytes({{u"name"_s, u"logged"_s}, {u"scope"_s, u"verify"_s}}));
    expect(u"POST /v1/keys"_s, 201);
    QCOMPARE(r.status, 201);
    const QString key = r.json()[u"key"_s].toString();
    rememberKey(key);
    r = curl("GET", u"/v1/verify/"_s + emailId, apiKey(key));
    expect(u"GET /v1/verify/{id}"_s, 200);
    QCOMPARE(r.status, 200);
    r = call("DELETE", u"/v1/keys/"_s + prefixOf(key), apiKey(m_admin));
    expect(u"DELETE /v1/keys/{id}"_s, 200);
    QCOMPARE(r.status, 200);
    r = call("GET", u"/v1/verify/"_s + emailId, apiKey(key));
    expect(u"GET /v1/verify/{id}"_s, 401);
    QCOMPARE(r.status, 401);

    r = call("GET", u"/v1/sessions?recipient="_s + q(phone), apiKey(m_admin));
    expect(u"GET /v1/sessions"_s, 200);
    QCOMPARE(r.json()[u"sessions"_s].toArray().size(), 1);
    r = curl("GET", u"/v1/sessions?limit=5&recipient="_s + q(email), apiKey(m_admin));
    expect(u"GET /v1/sessions"_s, 200);
    QCOMPARE(r.json()[u"sessions"_s].toArray().size(), 1);

    const QString tooLong = phone + u"99"_s;
    rememberRecipient(tooLong);
    r = start(m_verify, {{u"channel"_s, u"sms"_s}, {u"recipient"_s, tooLong}});
    expect(u"POST /v1/verify/start"_s, 400);
    QCOMPARE(r.status, 400);
    r = call("POST", u"/v1/verify/start"_s, apiKey(m_verify),
             jsonBytes({{u"channel"_s, u"email"_s}, {u"recipient"_s, email}}), "text/plain");
    expect(u"POST /v1/verify/start"_s, 415);
    QCOMPARE(r.status, 415);
    r = call("GET", u"/v1/verify/"_s + kUnknownSession, apiKey(m_verify));
    expect(u"GET /v1/verify/{id}"_s, 404);
    QCOMPARE(r.status, 404);
    r = call("GET", u"/v1/sessions?recipient="_s + q(phone), apiKey(m_verify));
    expect(u"GET /v1/sessions"_s, 403);
    QCOMPARE(r.status, 403);
    r = call("DELETE", u"/v1/verify/start?recipient="_s + q(phone), apiKey(m_verify));
    expect(u"unmatched"_s, 405);
    QCOMPARE(r.status, 405);
    r = curl("GET", u"/v1/nothing/here?recipient="_s + q(email));
    expect(u"unmatched"_s, 404);
    QCOMPARE(r.status, 404);
    {
        RawClient raw;
        QVERIFY(raw.connectTo(m_listener->port()));
        const auto refused = raw.request(
            "POST /v1/verify/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 1073741824\r\n\r\n");
        QVERIFY(refused);
        QCOMPARE(refused->status, 413);
        expect(u"POST /v1/verify/start"_s, 413);
    }

    // One access line per request, in order. (They are written before the response is sent;
    // the wait only covers a slow log sink.)
    QList<LogLine> access;
    const QDeadlineTimer deadline(kWaitMs);
    while ((access = accessLines(capturedFrom(mark))).size() < expected.size() &&
           !deadline.hasExpired())
        QTest::qWait(20);
    QTest::qWait(100);
    access = accessLines(capturedFrom(mark));
    QCOMPARE(access.size(), expected.size());
    static const QRegularExpression shape(
        u"^127\\.0\\.0\\.1 ((?:GET|POST|PATCH|DELETE) \\S+|unmatched) (\\d{3}) \\d+\\.\\d{2} ms"
        "( key=[a-z0-9]{8})?$"_s);
    for (qsizetype i = 0; i < access.size(); ++i) {
        const QRegularExpressionMatch m = shape.match(access.at(i).text);
        QVERIFY2(m.hasMatch(), qPrintable(u"access line %1 has an unexpected shape"_s.arg(i)));
        QCOMPARE(m.captured(1), expected.at(i).first);
        QCOMPARE(m.captured(2).toInt(), expected.at(i).second);
        QVERIFY(!access.at(i).text.contains(u'?'));
        QVERIFY(!access.at(i).text.contains(u'@'));
    }
    // The authenticated ones name the key by its prefix only.
    QVERIFY(access.at(0).text.endsWith(u" key="_s + prefixOf(m_verify)));

    // Nothing secret anywhere in the run's log: codes, key secrets, recipients.
    QStringList codes = m_codes;
    auto outbox = engine().outbox(QString(), 500);
    QVERIFY2(outbox, errorText(outbox).constData());
    for (const OutboxEntry &entry : *outbox) {
        auto session = engine().status(entry.sessionId);
        QVERIFY2(session, errorText(session).constData());
        const QString found = codeIn(entry, session->codeLength);
        QVERIFY2(!found.isEmpty(), "a delivered message without a recognisable code");
        codes << found;
    }
    codes.removeDuplicates();
    QVERIFY(codes.size() >= 3); // at least this test's own
    QVERIFY(m_secrets.size() >= 4);

    const QList<LogLine> all = capturedFrom(0);
    QVERIFY(all.size() > access.size());
    // Session and key ids are hex: a code could appear in one by chance, so they are taken out
    // first. What is left may hold no code, no national number and no address.
    static const QRegularExpression uuid(
        u"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"_s);
    QList<QRegularExpression> forbidden;
    QStringList kinds;
    for (const QString &c : std::as_const(codes)) {
        forbidden << QRegularExpression(u"(?<![0-9])"_s + c + u"(?![0-9])"_s);
        kinds << u"a delivered code"_s;
    }
    for (const QString &secret : std::as_const(m_secrets)) {
        forbidden << QRegularExpression(QRegularExpression::escape(secret));
        kinds << u"an API key secret"_s;
    }
    for (const QString &recipient : std::as_const(m_recipients)) {
        if (recipient.contains(u'@')) {
            forbidden << QRegularExpression(QRegularExpression::escape(recipient),
                                            QRegularExpression::CaseInsensitiveOption);
            kinds << u"an e-mail address"_s;
            const QString local = recipient.section(u'@', 0, 0);
            forbidden << QRegularExpression(QRegularExpression::escape(local),
                                            QRegularExpression::CaseInsensitiveOption);
            kinds << u"the local part of an e-mail address"_s;
            continue;
        }
        forbidden << QRegularExpression(QRegularExpression::escape(recipient));
        kinds << u"a phone number as sent"_s;
        const QString digits = digitsOf(recipient);
        if (digits.size() >= 8) {
            forbidden << QRegularExpression(u"(?<![0-9])"_s + digits + u"(?![0-9])"_s);
            kinds << u"a phone number's digits"_s;
        }
        if (recipient.startsWith(u"+47"_s) && digits.size() >= 10) {
            // The national part, of which the masked form shows only the end.
            forbidden << QRegularExpression(u"(?<![0-9])"_s + digits.mid(2) + u"(?![0-9])"_s);
            kinds << u"a national phone number"_s;
        }
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        QString text = all.at(i).category + u": "_s + all.at(i).text;
        text.replace(uuid, u"<id>"_s);
        for (qsizetype f = 0; f < forbidden.size(); ++f)
            QVERIFY2(!forbidden.at(f).match(text).hasMatch(),
                     qPrintable(u"%1 appears in log line %2 (category %3)"_s.arg(
                         kinds.at(f), QString::number(i), all.at(i).category)));
    }
}

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_http_api.moc"
