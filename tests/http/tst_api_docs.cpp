// The API's documentation against the code: engine/http/openapi.json against the route table
// (paths, methods, summaries, who may call) and against the fields the server really accepts
// (asked of a live listener), and docs/API.md against a real verifyd: every ```sh example runs,
// in order, with curl, and prints what the page says it prints.
//
// Nothing here prints a key secret or a code: process output is only shown redacted.

#include "core/Engine.h"
#include "core/Service.h"
#include "http/api/Listener.h"
#include "http/api/Routes.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

#ifndef VC_SOURCE_DIR
#error "VC_SOURCE_DIR must name the source tree"
#endif

using namespace vc;

namespace {

constexpr int kWaitMs = 30000;

QString sourceFile(const QString &relative)
{
    return QStringLiteral(VC_SOURCE_DIR "/") + relative;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject loadOpenApi()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        readFile(sourceFile(QStringLiteral("engine/http/openapi.json"))), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("openapi.json does not parse: %s at %d", qPrintable(error.errorString()),
                 error.offset);
    return doc.object();
}

// Follows a local "$ref" ("#/components/schemas/X") once.
QJsonObject resolve(const QJsonObject &root, const QJsonObject &node)
{
    const QString ref = node.value(QStringLiteral("$ref")).toString();
    if (ref.isEmpty())
        return node;
    QJsonValue v = root;
    for (const QString &part : ref.mid(2).split(u'/'))
        v = v.toObject().value(part);
    return v.toObject();
}

const QStringList kHttpMethods{QStringLiteral("get"),     QStringLiteral("put"),
                               QStringLiteral("post"),    QStringLiteral("delete"),
                               QStringLiteral("patch"),   QStringLiteral("head"),
                               QStringLiteral("options"), QStringLiteral("trace")};

QString accessName(http::Access a)
{
    switch (a) {
    case http::Access::Public:
        return QStringLiteral("public");
    case http::Access::Verify:
        return QStringLiteral("verify");
    case http::Access::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

// Key secrets, outbox texts (they hold codes) and check requests never reach the test log.
QString redact(QString text)
{
    static const QRegularExpression key(QStringLiteral("vk_[A-Za-z0-9]+_[A-Za-z0-9_\\-]+"));
    static const QRegularExpression outboxText(
        QStringLiteral("\"text\" *: *\"(\\\\.|[^\"\\\\])*\""));
    static const QRegularExpression code(QStringLiteral("\"code\" *: *\"[^\"]*\""));
    text.replace(key, QStringLiteral("vk_<redacted>"));
    text.replace(outboxText, QStringLiteral("\"text\":\"<redacted>\""));
    text.replace(code, QStringLiteral("\"code\":\"<redacted>\""));
    return text.left(2000);
}

// The first difference in shape between a documented example and a real answer: the same keys
// in every object, recursively (arrays by their first element). Values are free to differ.
QString shapeDifference(const QJsonValue &doc, const QJsonValue &actual, const QString &path)
{
    if (doc.isObject()) {
        if (!actual.isObject())
            return path + QStringLiteral(": the answer has no object here");
        const QJsonObject d = doc.toObject();
        const QJsonObject a = actual.toObject();
        const QStringList dk = d.keys();
        const QStringList ak = a.keys();
        if (dk != ak) {
            QStringList missing, extra;
            for (const QString &k : dk)
                if (!ak.contains(k))
                    missing << k;
            for (const QString &k : ak)
                if (!dk.contains(k))
                    extra << k;
            return QStringLiteral("%1: keys differ; documented only: [%2], answered only: [%3]")
                .arg(path.isEmpty() ? QStringLiteral("(top)") : path, missing.join(u','),
                     extra.join(u','));
        }
        for (const QString &k : dk)
            if (QString diff = shapeDifference(d.value(k), a.value(k), path + u'.' + k);
                !diff.isEmpty())
                return diff;
        return {};
    }
    if (doc.isArray()) {
        if (!actual.isArray())
            return path + QStringLiteral(": the answer has no array here");
        const QJsonArray d = doc.toArray();
        const QJsonArray a = actual.toArray();
        if (!d.isEmpty() && !a.isEmpty())
            return shapeDifference(d.first(), a.first(), path + QStringLiteral("[0]"));
    }
    return {};
}

// A documented error code must be the one answered: clients branch on it.
QString errorCodeDifference(const QJsonValue &doc, const QJsonValue &actual)
{
    const QString want = doc.toObject().value(QStringLiteral("error")).toString();
    const QString got = actual.toObject().value(QStringLiteral("error")).toString();
    if (want != got)
        return QStringLiteral("error code: documented \"%1\", answered \"%2\"").arg(want, got);
    return {};
}

struct FencedBlock
{
    QString lang;
    QString text;
    int line = 0; // of the opening fence, 1-based
};

QList<FencedBlock> fencedBlocks(const QString &markdown)
{
    QList<FencedBlock> blocks;
    const QStringList lines = markdown.split(u'\n');
    std::optional<FencedBlock> open;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!open) {
            if (line.startsWith(QLatin1String("```")))
                open = FencedBlock{line.mid(3).trimmed(), {}, i + 1};
        } else if (line.trimmed() == QLatin1String("```")) {
            blocks.append(*open);
            open.reset();
        } else {
            open->text += line + u'\n';
        }
    }
    return blocks;
}

struct HttpText
{
    int status = 0;
    QList<std::pair<QString, QString>> headers;
    QByteArray body;
};

std::optional<HttpText> parseHttpText(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const qsizetype split = text.indexOf(QStringLiteral("\n\n"));
    const QStringList head = text.left(split < 0 ? text.size() : split).split(u'\n');
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const auto m = statusLine.match(head.value(0));
    if (!m.hasMatch())
        return std::nullopt;
    HttpText h;
    h.status = m.captured(1).toInt();
    for (qsizetype i = 1; i < head.size(); ++i) {
        const qsizetype colon = head.at(i).indexOf(u':');
        if (colon > 0)
            h.headers.append(
                {head.at(i).left(colon).trimmed().toLower(), head.at(i).mid(colon + 1).trimmed()});
    }
    h.body = split < 0 ? QByteArray() : text.mid(split + 2).trimmed().toUtf8();
    return h;
}

// One answer from the in-process listener.
struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

} // namespace

class TestApiDocs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void routeTableMatchesOpenApi();
    void operationsDescribeTheirRoute();
    void servedDocumentIsTheSource();
    void requestFieldsMatchTheServer_data();
    void requestFieldsMatchTheServer();
    void serviceSettingsMatchTheEngine();
    void apiMdNamesEveryRoute();
    void apiMdExamplesRunAgainstVerifyd();

private:
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QJsonValue sampleValue(const QJsonObject &propertySchema) const;
    QJsonObject requestSchema(const QString &path, const QString &method) const;

    QJsonObject m_openapi;

    // A live listener on the real engine, for the field checks.
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<http::Listener> m_listener;
    QByteArray m_adminKey;
    QNetworkAccessManager m_nam;
};

void TestApiDocs::initTestCase()
{
    // The access log of the in-process listener would drown the test's own output.
    QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false"));
    m_openapi = loadOpenApi();
    QVERIFY2(!m_openapi.isEmpty(), "engine/http/openapi.json is missing or not a JSON object");
    QCOMPARE(m_openapi.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));

    QVERIFY(m_dir.isValid());
    EngineConfig config;
    config.dataDir = m_dir.filePath(QStringLiteral("engine"));
    config.sync = SyncMode::Normal;
    auto engine = Engine::open(config);
    QVERIFY2(engine, engine ? "" : qPrintable(engine.error().toString()));
    m_engine = std::move(*engine);
    auto key = m_engine->createKey({QStringLiteral("docs test"), QStringLiteral("admin"), {}, {}},
                                   {QStringLiteral("test"), QStringLiteral("docs"), true});
    QVERIFY(key);
    m_adminKey = key->key.toLatin1();

    http::ListenerConfig listen;
    listen.listen = QStringLiteral("127.0.0.1:0");
    m_listener = std::make_unique<http::Listener>(*m_engine, listen);
    const Status started = m_listener->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().toString()));
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestApiDocs::cleanupTestCase()
{
    m_listener.reset();
    m_engine.reset();
}

Answer TestApiDocs::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_listener->port()).arg(path)));
    request.setRawHeader("X-API-Key", m_adminKey);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(kWaitMs);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.raw = reply->readAll();
    a.body = QJsonDocument::fromJson(a.raw).object();
    reply->deleteLater();
    return a;
}

// (a) The route table and the document describe the same operations, both ways.
void TestApiDocs::routeTableMatchesOpenApi()
{
    QSet<QString> fromRoutes;
    for (const http::Route &r : http::v1Routes()) {
        const QString op = QString::fromLatin1(r.method).toLower() + u' ' + r.pattern;
        QVERIFY2(!fromRoutes.contains(op), qPrintable(QStringLiteral("route twice: ") + op));
        fromRoutes.insert(op);
    }
    QSet<QString> fromDocument;
    const QJsonObject paths = m_openapi.value(QStringLiteral("paths")).toObject();
    for (auto p = paths.constBegin(); p != paths.constEnd(); ++p)
        for (const QString &method : p.value().toObject().keys())
            if (kHttpMethods.contains(method))
                fromDocument.insert(method + u' ' + p.key());

    const QSet<QString> undocumented = fromRoutes - fromDocument;
    const QSet<QString> unserved = fromDocument - fromRoutes;
    QVERIFY2(undocumented.isEmpty(),
             qPrintable(QStringLiteral("routes missing from openapi.json: ") +
                        QStringList(undocumented.values()).join(QStringLiteral(", "))));
    QVERIFY2(unserved.isEmpty(),
             qPrintable(QStringLiteral("operations in openapi.json the server does not have: ") +
                        QStringList(unserved.values()).join(QStringLiteral(", "))));
}

// (a) Summary, security, path parameters and the error statuses each route can answer.
void TestApiDocs::operationsDescribeTheirRoute()
{
    const QJsonObject components = m_openapi.value(QStringLiteral("components")).toObject();
    const QJsonObject schemes = components.value(QStringLiteral("securitySchemes")).toObject();
    const QJsonObject apiKey = schemes.value(QStringLiteral("ApiKeyHeader")).toObject();
    QCOMPARE(apiKey.value(QStringLiteral("type")).toString(), QStringLiteral("apiKey"));
    QCOMPARE(apiKey.value(QStringLiteral("in")).toString(), QStringLiteral("header"));
    QCOMPARE(apiKey.value(QStringLiteral("name")).toString(), QStringLiteral("X-API-Key"));
    const QJsonObject bearer = schemes.value(QStringLiteral("BearerAuth")).toObject();
    QCOMPARE(bearer.value(QStringLiteral("type")).toString(), QStringLiteral("http"));
    QCOMPARE(bearer.value(QStringLiteral("scheme")).toString(), QStringLiteral("bearer"));

    const QJsonObject paths = m_openapi.value(QStringLiteral("paths")).toObject();
    QSet<QString> operationIds;
    for (const http::Route &r : http::v1Routes()) {
        const QString method = QString::fromLatin1(r.method).toLower();
        const QString where = method + u' ' + r.pattern;
        const QJsonObject op = paths.value(r.pattern).toObject().value(method).toObject();
        QVERIFY2(!op.isEmpty(), qPrintable(where));

        const QString id = op.value(QStringLiteral("operationId")).toString();
        QVERIFY2(!id.isEmpty() && !operationIds.contains(id),
                 qPrintable(where + QStringLiteral(": operationId missing or not unique")));
        operationIds.insert(id);
        QVERIFY2(op.value(QStringLiteral("summary")).toString() == r.summary,
                 qPrintable(where + QStringLiteral(": summary is not the route's \"") + r.summary +
                            u'"'));
        QCOMPARE(op.value(QStringLiteral("x-access")).toString(), accessName(r.access));

        // Public operations override the document's default with an empty list; the others
        // take either scheme.
        QVERIFY2(op.value(QStringLiteral("security")).isArray(),
                 qPrintable(where + QStringLiteral(": no security of its own")));
        const QJsonArray security = op.value(QStringLiteral("security")).toArray();
        if (r.access == http::Access::Public) {
            QVERIFY2(security.isEmpty(), qPrintable(where + QStringLiteral(" needs no key")));
        } else {
            QSet<QString> names;
            for (const QJsonValue &alternative : security)
                for (const QString &name : alternative.toObject().keys())
                    names.insert(name);
            QVERIFY2(names == (QSet<QString>{QStringLiteral("ApiKeyHeader"),
                                             QStringLiteral("BearerAuth")}),
                     qPrintable(where + QStringLiteral(": security must offer both schemes")));
        }

        // Every {param} of the pattern is declared as a required path parameter.
        static const QRegularExpression param(QStringLiteral("\\{([a-z_]+)\\}"));
        for (auto it = param.globalMatch(r.pattern); it.hasNext();) {
            const QString name = it.next().captured(1);
            bool declared = false;
            for (const QJsonValue &p : op.value(QStringLiteral("parameters")).toArray()) {
                const QJsonObject o = p.toObject();
                declared = declared ||
                           (o.value(QStringLiteral("in")).toString() == QLatin1String("path") &&
                            o.value(QStringLiteral("name")).toString() == name &&
                            o.value(QStringLiteral("required")).toBool());
            }
            QVERIFY2(declared, qPrintable(where + QStringLiteral(": path parameter ") + name));
        }

        const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
        QStringList expected;
        if (r.access != http::Access::Public)
            expected << QStringLiteral("401") << QStringLiteral("503");
        if (r.access == http::Access::Admin)
            expected << QStringLiteral("403");
        if (op.contains(QStringLiteral("requestBody")))
            expected << QStringLiteral("400") << QStringLiteral("413") << QStringLiteral("415");
        if (r.pattern.contains(u'{'))
            expected << QStringLiteral("400") << QStringLiteral("404");
        for (const QString &status : std::as_const(expected))
            QVERIFY2(responses.contains(status),
                     qPrintable(where + QStringLiteral(": no %1 response").arg(status)));
        for (const QString &status : {QStringLiteral("429"), QStringLiteral("503")}) {
            if (!responses.contains(status))
                continue;
            const QJsonObject resp = resolve(m_openapi, responses.value(status).toObject());
            if (status == QLatin1String("429") || r.access != http::Access::Public)
                QVERIFY2(
                    resp.value(QStringLiteral("headers"))
                        .toObject()
                        .contains(QStringLiteral("Retry-After")),
                    qPrintable(where + u' ' + status + QStringLiteral(" without Retry-After")));
        }
    }
}

// GET /openapi.json serves this very file (compiled in as :/http/openapi.json).
void TestApiDocs::servedDocumentIsTheSource()
{
    const Answer a = send("GET", QStringLiteral("/openapi.json"));
    QCOMPARE(a.status, 200);
    QVERIFY(a.raw == readFile(sourceFile(QStringLiteral("engine/http/openapi.json"))));
}

QJsonObject TestApiDocs::requestSchema(const QString &path, const QString &method) const
{
    const QJsonObject op = m_openapi.value(QStringLiteral("paths"))
                               .toObject()
                               .value(path)
                               .toObject()
                               .value(method)
                               .toObject();
    const QJsonObject schema = op.value(QStringLiteral("requestBody"))
                                   .toObject()
                                   .value(QStringLiteral("content"))
                                   .toObject()
                                   .value(QStringLiteral("application/json"))
                                   .toObject()
                                   .value(QStringLiteral("schema"))
                                   .toObject();
    return resolve(m_openapi, schema);
}

QJsonValue TestApiDocs::sampleValue(const QJsonObject &propertySchema) const
{
    const QJsonObject s = resolve(m_openapi, propertySchema);
    if (s.contains(QStringLiteral("enum")))
        return s.value(QStringLiteral("enum")).toArray().first();
    if (s.contains(QStringLiteral("example")))
        return s.value(QStringLiteral("example"));
    const QString type = s.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("integer"))
        return s.value(QStringLiteral("minimum")).toInt(1);
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("array"))
        return QJsonArray{sampleValue(s.value(QStringLiteral("items")).toObject())};
    if (type == QLatin1String("object"))
        return QJsonObject();
    if (s.value(QStringLiteral("format")).toString() == QLatin1String("uuid"))
        return QStringLiteral("01a201e7-4751-7fb1-a48d-ab42b789942f");
    return QStringLiteral("x");
}

void TestApiDocs::requestFieldsMatchTheServer_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("pattern"); // as in the document
    QTest::addColumn<QString>("path");    // as sent
    const QString session = QStringLiteral("01a201e7-4751-7fb1-a48d-ab42b789942f");
    const QString post = QStringLiteral("post");
    auto row = [](const char *name, const QString &method, const QString &pattern,
                  const QString &path) { QTest::newRow(name) << method << pattern << path; };
    row("start", post, QStringLiteral("/v1/verify/start"), QStringLiteral("/v1/verify/start"));
    row("check", post, QStringLiteral("/v1/verify/check"), QStringLiteral("/v1/verify/check"));
    row("resend", post, QStringLiteral("/v1/verify/{id}/resend"),
        QStringLiteral("/v1/verify/%1/resend").arg(session));
    row("cancel", post, QStringLiteral("/v1/verify/{id}/cancel"),
        QStringLiteral("/v1/verify/%1/cancel").arg(session));
    row("create key", post, QStringLiteral("/v1/keys"), QStringLiteral("/v1/keys"));
    row("create service", post, QStringLiteral("/v1/services"), QStringLiteral("/v1/services"));
    row("update service", QStringLiteral("patch"), QStringLiteral("/v1/services/{id}"),
        QStringLiteral("/v1/services/default"));
}

// (b) Each documented field is one the server takes; an undocumented one is refused, naming it.
// Every field name the document uses anywhere is also tried on each request that does not
// document it, so a field the server takes but the document forgot for this request shows up.
void TestApiDocs::requestFieldsMatchTheServer()
{
    QFETCH(QString, method);
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    const QByteArray verb = method.toUpper().toLatin1();
    const QJsonObject schema = requestSchema(pattern, method);
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    if (pattern != QLatin1String("/v1/verify/{id}/cancel"))
        QVERIFY2(!properties.isEmpty(), "no request body properties documented");
    else
        QVERIFY2(schema.isEmpty(), "cancel takes no fields; its body must not be documented");

    auto unknownFieldError = [](const Answer &a) {
        const QString message = a.body.value(QStringLiteral("message")).toString();
        return a.status == 400 &&
               (message.endsWith(QLatin1String("is not a field of this request")) ||
                message.endsWith(QLatin1String("is not a service setting")));
    };

    // Every documented field plus one the server cannot know ("~" sorts after every name, and
    // the server names the first unknown field in key order: a documented field it does not
    // take would be named instead).
    QJsonObject body;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        body.insert(it.key(), sampleValue(it.value().toObject()));
    const QString undocumented = QStringLiteral("~undocumented");
    QJsonObject withExtra = body;
    withExtra.insert(undocumented, 1);
    Answer a = send(verb, path, QJsonDocument(withExtra).toJson(QJsonDocument::Compact));
    QCOMPARE(a.status, 400);
    QVERIFY2(a.body.value(QStringLiteral("field")).toString() == undocumented &&
                 unknownFieldError(a),
             qPrintable(QStringLiteral("expected a 400 naming %1, got: %2")
                            .arg(undocumented, redact(QString::fromUtf8(a.raw)))));

    // The documented fields alone: whatever the answer, no field is unknown.
    if (!body.isEmpty()) {
        a = send(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY2(!unknownFieldError(a),
                 qPrintable(QStringLiteral("a documented field is refused as unknown: %1")
                                .arg(redact(QString::fromUtf8(a.raw)))));
    }

    // Every other field name the document knows, one at a time: refused as unknown.
    QSet<QString> names;
    const QJsonObject schemas = m_openapi.value(QStringLiteral("components"))
                                    .toObject()
                                    .value(QStringLiteral("schemas"))
                                    .toObject();
    std::function<void(const QJsonObject &)> collect = [&](const QJsonObject &s) {
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
            names.insert(it.key());
            collect(it.value().toObject());
        }
        for (const QJsonValue &part : s.value(QStringLiteral("allOf")).toArray())
            collect(part.toObject());
    };
    for (const QJsonValue &s : schemas)
        collect(s.toObject());
    names.insert(QStringLiteral("workflow")); // named by the design, not served
    for (const QString &name : std::as_const(names)) {
        if (properties.contains(name))
            continue;
        a = send(
            verb, path,
            QJsonDocument(QJsonObject{{name, QStringLiteral("x")}}).toJson(QJsonDocument::Compact));
        QVERIFY2(a.body.value(QStringLiteral("field")).toString() == name && unknownFieldError(a),
                 qPrintable(QStringLiteral("%1 %2 takes \"%3\", which the document does not "
                                           "list for it: %4")
                                .arg(method, pattern, name, redact(QString::fromUtf8(a.raw)))));
    }
}

// The service settings in the document are the engine's settings table, with its bounds.
void TestApiDocs::serviceSettingsMatchTheEngine()
{
    const QJsonObject update =
        requestSchema(QStringLiteral("/v1/services/{id}"), QStringLiteral("patch"));
    const QJsonObject create =
        requestSchema(QStringLiteral("/v1/services"), QStringLiteral("post"));
    QStringList engineKeys;
    for (const ServiceField &f : ServiceRules::fields())
        engineKeys << f.key;
    QStringList updateKeys = update.value(QStringLiteral("properties")).toObject().keys();
    QStringList createKeys = create.value(QStringLiteral("properties")).toObject().keys();
    engineKeys.sort();
    updateKeys.sort();
    QCOMPARE(updateKeys, engineKeys);
    createKeys.removeOne(QStringLiteral("id"));
    QCOMPARE(createKeys, engineKeys);

    // Integer bounds: the documented minimum and maximum are accepted, one beyond is refused.
    const QJsonObject props = update.value(QStringLiteral("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        const QJsonObject s = it.value().toObject();
        if (s.value(QStringLiteral("type")).toString() != QLatin1String("integer"))
            continue;
        const int lo = s.value(QStringLiteral("minimum")).toInt(-1);
        const int hi = s.value(QStringLiteral("maximum")).toInt(-1);
        QVERIFY2(lo >= 0 && hi > lo, qPrintable(it.key() + QStringLiteral(" has no bounds")));
        Service probe = ServiceRules::makeDefault(QStringLiteral("probe"), 0);
        const ServiceField *f = ServiceRules::field(it.key());
        QVERIFY(f);
        QVERIFY2(f->set(probe, lo), qPrintable(it.key()));
        QVERIFY2(f->set(probe, hi), qPrintable(it.key()));
        QVERIFY2(!f->set(probe, lo - 1), qPrintable(it.key()));
        QVERIFY2(!f->set(probe, hi + 1), qPrintable(it.key()));
    }
}

// docs/API.md names every route as "METHOD /path".
void TestApiDocs::apiMdNamesEveryRoute()
{
    const QString md = QString::fromUtf8(readFile(sourceFile(QStringLiteral("docs/API.md"))));
    QVERIFY2(!md.isEmpty(), "docs/API.md is missing");
    for (const http::Route &r : http::v1Routes()) {
        const QString name = QString::fromLatin1(r.method) + u' ' + r.pattern;
        QVERIFY2(md.contains(u'`' + name + u'`'),
                 qPrintable(QStringLiteral("docs/API.md does not name `%1`").arg(name)));
    }
}

// (c) Every ```sh block of docs/API.md runs, in order, against a real verifyd; a block followed
// by a ```json block prints one JSON document of the same shape, one followed by ```http prints
// a response with the documented status, headers and body shape.
void TestApiDocs::apiMdExamplesRunAgainstVerifyd()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty() || !QFile::exists(QStringLiteral("/usr/bin/curl")))
        QFAIL("curl is required (/usr/bin/curl): apt-get install curl");
    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    QVERIFY2(!bash.isEmpty(), "bash is required");
    const QString binaryDir = qEnvironmentVariable("VC_TEST_BINARY_DIR");
    QVERIFY2(!binaryDir.isEmpty(), "VC_TEST_BINARY_DIR is not set (run through ctest)");
    const QString verifydPath = binaryDir + QStringLiteral("/app/verifyd");
    QVERIFY2(QFile::exists(verifydPath), qPrintable(verifydPath + QStringLiteral(" is not built")));

    const QString md = QString::fromUtf8(readFile(sourceFile(QStringLiteral("docs/API.md"))));
    const QList<FencedBlock> blocks = fencedBlocks(md);
    int shCount = 0;
    QSet<QString> variables;
    static const QRegularExpression assignment(QStringLiteral("\\b([A-Z][A-Z0-9_]*)="));
    for (const FencedBlock &b : blocks) {
        if (b.lang != QLatin1String("sh"))
            continue;
        ++shCount;
        for (auto it = assignment.globalMatch(b.text); it.hasNext();)
            variables.insert(it.next().captured(1));
    }
    QVERIFY2(shCount >= 20, "docs/API.md has too few ```sh examples");
    variables.remove(QStringLiteral("VERIFY_URL"));
    variables.remove(QStringLiteral("VERIFY_KEY"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("work"));
    QProcess verifyd;
    verifyd.setProgram(verifydPath);
    verifyd.setArguments({QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    verifyd.setProcessChannelMode(QProcess::SeparateChannels);
    verifyd.start();
    QVERIFY2(verifyd.waitForStarted(10000), "verifyd did not start");
    auto stopVerifyd = qScopeGuard([&verifyd] {
        if (verifyd.state() != QProcess::NotRunning) {
            verifyd.kill();
            verifyd.waitForFinished(5000);
        }
    });

    // Port 0 lets the kernel choose a free port; verifyd prints the one it got, then the first
    // admin key (kept in memory only).
    QString stdoutText;
    QString url;
    QString key;
    static const QRegularExpression listening(
        QStringLiteral("listening on (http://[0-9.]+:[0-9]+)"));
    static const QRegularExpression keyLine(QStringLiteral("^\\s+(vk_\\S+)\\s*$"),
                                            QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(kWaitMs);
    while ((url.isEmpty() || key.isEmpty()) && !deadline.hasExpired() &&
           verifyd.state() == QProcess::Running) {
        verifyd.waitForReadyRead(200);
        stdoutText += QString::fromUtf8(verifyd.readAllStandardOutput());
        url = listening.match(stdoutText).captured(1);
        if (stdoutText.contains(QLatin1String("Issue more keys")))
            key = keyLine.match(stdoutText).captured(1);
    }
    QVERIFY2(!url.isEmpty() && !key.isEmpty(),
             qPrintable(QStringLiteral("verifyd did not report its address and first key: ") +
                        redact(stdoutText + QString::fromUtf8(verifyd.readAllStandardError()))));
    const QString hostPort = url.mid(QStringLiteral("http://").size());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VERIFY_KEY"), key);
    env.insert(QStringLiteral("VERIFY_URL"), url);
    const QString state = dir.filePath(QStringLiteral("state.sh"));
    QStringList names = variables.values();
    names.sort();
    // Each block runs in its own bash; the variables the page sets carry over from block to
    // block through a file, as if all ran in one shell.
    const QString prelude =
        QStringLiteral("set -eu\n"
                       "[ -f '%1' ] && . '%1'\n"
                       "trap 'declare -p %2 > \"%1\" 2>/dev/null || true' EXIT\n")
            .arg(state, names.join(u' '));

    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const FencedBlock &block = blocks.at(i);
        if (block.lang != QLatin1String("sh"))
            continue;
        const QString where = QStringLiteral("docs/API.md:%1").arg(block.line);
        QString script = block.text;
        script.replace(QStringLiteral("127.0.0.1:8780"), hostPort);
        QProcess sh;
        sh.setProcessEnvironment(env);
        sh.setWorkingDirectory(dir.filePath(QStringLiteral("work")));
        sh.start(bash, {QStringLiteral("-c"), prelude + script});
        QVERIFY2(sh.waitForFinished(kWaitMs), qPrintable(where + QStringLiteral(" timed out")));
        const QString out = QString::fromUtf8(sh.readAllStandardOutput());
        const QString err = QString::fromUtf8(sh.readAllStandardError());
        QVERIFY2(sh.exitStatus() == QProcess::NormalExit && sh.exitCode() == 0,
                 qPrintable(QStringLiteral("%1 exited %2: %3 %4")
                                .arg(where)
                                .arg(sh.exitCode())
                                .arg(redact(err), redact(out))));

        const FencedBlock *expected =
            i + 1 < blocks.size() && blocks.at(i + 1).lang != QLatin1String("sh")
                ? &blocks.at(i + 1)
                : nullptr;
        if (!expected)
            continue;
        if (expected->lang == QLatin1String("json")) {
            QJsonParseError parse;
            const QJsonDocument want = QJsonDocument::fromJson(expected->text.toUtf8(), &parse);
            QVERIFY2(parse.error == QJsonParseError::NoError,
                     qPrintable(QStringLiteral("docs/API.md:%1: the example answer is not JSON")
                                    .arg(expected->line)));
            const QJsonDocument got = QJsonDocument::fromJson(out.trimmed().toUtf8(), &parse);
            QVERIFY2(parse.error == QJsonParseError::NoError && got.isObject(),
                     qPrintable(where + QStringLiteral(" did not print one JSON object: ") +
                                redact(out)));
            const QString diff = shapeDifference(want.object(), got.object(), QString()) +
                                 errorCodeDifference(want.object(), got.object());
            QVERIFY2(diff.isEmpty(), qPrintable(where + QStringLiteral(": ") + diff));
        } else if (expected->lang == QLatin1String("http")) {
            const auto want = parseHttpText(expected->text);
            QVERIFY2(
                want,
                qPrintable(
                    QStringLiteral("docs/API.md:%1: not an HTTP response").arg(expected->line)));
            const auto got = parseHttpText(out);
            QVERIFY2(got, qPrintable(where + QStringLiteral(" did not print a response: ") +
                                     redact(out)));
            QVERIFY2(got->status == want->status,
                     qPrintable(QStringLiteral("%1: status %2, documented %3")
                                    .arg(where)
                                    .arg(got->status)
                                    .arg(want->status)));
            for (const auto &[name, value] : want->headers) {
                bool found = false;
                for (const auto &[gotName, gotValue] : got->headers)
                    found = found || (gotName == name &&
                                      (name == QLatin1String("retry-after") || gotValue == value));
                QVERIFY2(
                    found,
                    qPrintable(QStringLiteral("%1: no header \"%2: %3\"").arg(where, name, value)));
            }
            const QJsonDocument wantBody = QJsonDocument::fromJson(want->body);
            const QJsonDocument gotBody = QJsonDocument::fromJson(got->body);
            QVERIFY2(wantBody.isObject() && gotBody.isObject(),
                     qPrintable(where + QStringLiteral(": bodies are not both JSON objects")));
            const QString diff = shapeDifference(wantBody.object(), gotBody.object(), QString()) +
                                 errorCodeDifference(wantBody.object(), gotBody.object());
            QVERIFY2(diff.isEmpty(), qPrintable(where + QStringLiteral(": ") + diff));
        }
    }

    // Together the examples call every route of the table.
    QProcess metrics;
    metrics.start(curl, {QStringLiteral("-s"), url + QStringLiteral("/metrics")});
    QVERIFY(metrics.waitForFinished(kWaitMs));
    const QString exposition = QString::fromUtf8(metrics.readAllStandardOutput());
    for (const http::Route &r : http::v1Routes()) {
        const QString route = QString::fromLatin1(r.method) + u' ' + r.pattern;
        if (route == QLatin1String("GET /metrics"))
            continue; // counted after it answers
        QVERIFY2(
            exposition.contains(QStringLiteral("vc_http_requests_total{route=\"%1\"").arg(route)),
            qPrintable(QStringLiteral("no example in docs/API.md calls ") + route));
    }

    // SIGTERM: a clean stop.
    verifyd.terminate();
    QVERIFY2(verifyd.waitForFinished(kWaitMs), "verifyd did not stop on SIGTERM");
    QCOMPARE(verifyd.exitStatus(), QProcess::NormalExit);
    QCOMPARE(verifyd.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestApiDocs)
#include "tst_api_docs.moc"
