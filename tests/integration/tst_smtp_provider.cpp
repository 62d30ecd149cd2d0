// The SMTP provider against a real SMTP server (aiosmtpd, started by the test on 127.0.0.1 with
// a certificate the test generates): the message a mail client reads (headers, both parts, the
// code, the recipient's language), STARTTLS and implicit TLS with AUTH, how failures are
// classified (authentication, refused connection, untrusted certificate, rejected recipient),
// the settings parser, and a session sent by the engine's delivery worker and then verified.

#include "crypto/SecureBytes.h"
#include "delivery/MessageTemplates.h"
#include "delivery/SmtpProvider.h"
#include "support/TestEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace vc;
using namespace vc::test;

namespace {

const QString kRecipient = QStringLiteral("kari.nordmann@example.no");
const QString kRecipientMasked = QStringLiteral("k***@example.no");
const QString kUser = QStringLiteral("verify-mailer");
const QString kPassword = QStringLiteral("Corr3ct-Horse-Battery");
const QString kAppName = QStringLiteral("Bøkene Bank");

// A Python 3 that has aiosmtpd (Debian's python3-aiosmtpd installs into /usr/bin/python3, which
// another python3 earlier on PATH would not see).
QString pythonWithAiosmtpd()
{
    static const QString found = [] {
        QStringList candidates{QStringLiteral("/usr/bin/python3")};
        const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (!onPath.isEmpty())
            candidates.append(onPath);
        for (const QString &python : std::as_const(candidates)) {
            QProcess p;
            p.start(python, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
            if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit &&
                p.exitCode() == 0)
                return python;
        }
        return QString();
    }();
    return found;
}

struct Certificate
{
    QString cert;
    QString key;
};

// A self-signed certificate for 127.0.0.1 and localhost, made with the openssl command.
std::optional<Certificate> makeCertificate(const QString &dir, const QString &name, QString *error)
{
    Certificate c{QDir(dir).filePath(name + QStringLiteral(".crt")),
                  QDir(dir).filePath(name + QStringLiteral(".key"))};
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), c.key, QStringLiteral("-out"), c.cert,
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
             QStringLiteral("/CN=localhost/O=%1").arg(name), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: %1 %2")
                     .arg(p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()));
        return std::nullopt;
    }
    return c;
}

// One message as the server stored it: the raw bytes, what the server saw of the session, and
// the message as Python's MIME parser reads it.
struct Received
{
    QByteArray raw;
    QJsonObject meta;

    QJsonObject parsed() const { return meta.value(QStringLiteral("parsed")).toObject(); }
    QJsonArray parts() const { return parsed().value(QStringLiteral("parts")).toArray(); }
    QString partBody(int i) const
    {
        QString body = parts().at(i).toObject().value(QStringLiteral("body")).toString();
        body.remove(u'\r');
        return body;
    }
    // A header's raw value with its continuation lines unfolded.
    QByteArray header(const QByteArray &name) const
    {
        const qsizetype end = raw.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = raw.left(end).split('\n');
        QByteArray value;
        bool in = false;
        for (QByteArray line : lines) {
            line.chop(line.endsWith('\r') ? 1 : 0);
            if (in && (line.startsWith(' ') || line.startsWith('\t'))) {
                value += line;
                continue;
            }
            in = false;
            if (line.toLower().startsWith(QByteArray(name.toLower() + ':'))) {
                value = line.mid(name.size() + 1).trimmed();
                in = true;
            }
        }
        return value;
    }
};

// aiosmtpd (tests/integration/helpers/smtp_server.py) in a process of its own, stopped when this
// object goes, whatever happens to the test.
class SmtpServer
{
public:
    enum class Mode
    {
        Plain,
        StartTls,
        ImplicitTls
    };

    ~SmtpServer() { stop(); }

    // Starts the server (on `port`, or a free one) and waits until it accepts connections; an
    // error text on failure.
    QString start(Mode mode, const Certificate &cert = {}, quint16 port = 0)
    {
        if (!m_maildir.isValid())
            return QStringLiteral("no temporary folder for the mail");
        // For looking at the messages by hand after a run.
        if (qEnvironmentVariableIsSet("VC_SMTP_TEST_KEEP_MAIL")) {
            m_maildir.setAutoRemove(false);
            qInfo("received mail is kept in %s", qPrintable(m_maildir.path()));
        }
        const QString python = pythonWithAiosmtpd();
        if (python.isEmpty())
            return QStringLiteral("no python3 with aiosmtpd (install python3-aiosmtpd)");
        QStringList args{QStringLiteral(VC_SMTP_SERVER_SCRIPT),
                         QStringLiteral("--maildir"),
                         m_maildir.path(),
                         QStringLiteral("--port"),
                         QString::number(port),
                         QStringLiteral("--mode")};
        switch (mode) {
        case Mode::Plain:
            args.append(QStringLiteral("plain"));
            break;
        case Mode::StartTls:
            args.append(QStringLiteral("starttls"));
            break;
        case Mode::ImplicitTls:
            args.append(QStringLiteral("smtps"));
            break;
        }
        if (mode != Mode::Plain)
            args.append({QStringLiteral("--cert"), cert.cert, QStringLiteral("--key"), cert.key,
                         QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(python, args);
        if (!m_process.waitForStarted(30000))
            return QStringLiteral("the SMTP server did not start: ") + m_process.errorString();

        // It prints "READY <port>" once it listens.
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!out.contains('\n')) {
            if (m_process.state() != QProcess::Running || deadline.hasExpired())
                return QStringLiteral("the SMTP server did not get ready: ") +
                       QString::fromLocal8Bit(m_process.readAllStandardError());
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch ready =
            QRegularExpression(QStringLiteral("^READY (\\d+)")).match(QString::fromLatin1(out));
        if (!ready.hasMatch())
            return QStringLiteral("unexpected output from the SMTP server: ") +
                   QString::fromLatin1(out);
        m_port = ready.captured(1).toUShort();

        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (!probe.waitForConnected(10000))
            return QStringLiteral("the SMTP server does not accept connections: ") +
                   probe.errorString();
        probe.abort();
        return {};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    quint16 port() const { return m_port; }

    // Every message received so far, oldest first.
    QList<Received> received() const
    {
        QList<Received> out;
        const QDir dir(m_maildir.path());
        const QStringList files = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile eml(dir.filePath(name));
            QFile json(dir.filePath(name.chopped(4) + QStringLiteral(".json")));
            if (!eml.open(QIODevice::ReadOnly) || !json.open(QIODevice::ReadOnly))
                continue;
            out.append({eml.readAll(), QJsonDocument::fromJson(json.readAll()).object()});
        }
        return out;
    }

private:
    QTemporaryDir m_maildir;
    QProcess m_process;
    quint16 m_port = 0;
};

SmtpSettings settingsFor(const SmtpServer &server, SmtpSettings::Security security)
{
    SmtpSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = security;
    s.fromAddress = QStringLiteral("noreply@bokene-bank.no");
    s.fromName = kAppName;
    s.timeoutMs = 20000;
    if (security != SmtpSettings::Security::None) {
        s.username = kUser;
        s.password = kPassword;
    }
    return s;
}

// The code sent in test messages (a fixture, not a real secret).
const QString kCode = QStringLiteral("482913");

// An e-mail rendered from the shipped templates, as the engine hands it to a provider.
OutgoingMessage emailMessage(const QString &locale, const QString &recipient = kRecipient)
{
    auto catalog = TemplateCatalog::loadBuiltIn();
    if (!catalog)
        qFatal("templates: %s", qPrintable(catalog.error().toString()));
    const SecureBytes code(kCode.toUtf8());
    MessageValues values;
    values.code = &code;
    values.appName = kAppName;
    values.ttlMinutes = 10;
    auto rendered = catalog->render(Channel::Email, locale, values);
    if (!rendered)
        qFatal("render: %s", qPrintable(rendered.error().toString()));

    OutgoingMessage m;
    m.deliveryId = 42;
    m.sessionId = QStringLiteral("0195f0a2-7c1e-7a3b-9c4d-2e8f6a1b3c5d");
    m.serviceId = QStringLiteral("default");
    m.channel = Channel::Email;
    m.recipient = recipient;
    m.recipientMasked = kRecipientMasked;
    m.locale = locale;
    m.message = *rendered;
    m.attempt = 1;
    m.idempotencyKey = m.sessionId + QStringLiteral("-42");
    return m;
}

// The outcome's error may be shown and stored: it must not hold the recipient, the password or
// the code.
bool leaksNothing(const SendOutcome &o)
{
    return !o.error.contains(kRecipient, Qt::CaseInsensitive) && !o.error.contains(kPassword) &&
           !o.error.contains(kCode);
}

QByteArray describe(const SendOutcome &o)
{
    return QStringLiteral("kind %1: %2").arg(static_cast<int>(o.kind)).arg(o.error).toUtf8();
}

} // namespace

class TestSmtpProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void plainSendDeliversHeadersBothPartsAndTheCode();
    void aRetryOfOneDeliveryKeepsItsMessageId();
    void htmlIsMadeFromEscapedTextWhenMissing();
    void startTlsWithAuthentication();
    void implicitTlsWithAuthentication();
    void wrongPasswordIsAPermanentAuthenticationFailure();
    void stoppedServerIsATemporaryFailure();
    void silentServerIsATemporaryTimeout();
    void untrustedCertificateFailsWithATlsMessage();
    void rejectedRecipientIsPermanentBusyIsTemporary();
    void settingsParserNamesTheBadField_data();
    void settingsParserNamesTheBadField();
    void settingsParserDefaults();
    void engineSendsTheSessionByEmailAndTheCodeVerifies();
    void outageQueuesRetriesAndDeliversOnceWhenTheServerIsBack();

private:
    QTemporaryDir m_certDir;
    Certificate m_cert;  // the servers' certificate
    Certificate m_other; // one the client trusts instead, for the untrusted case
};

void TestSmtpProvider::initTestCase()
{
    QVERIFY(m_certDir.isValid());
    QString error;
    auto cert = makeCertificate(m_certDir.path(), QStringLiteral("server"), &error);
    QVERIFY2(cert, qPrintable(error));
    m_cert = *cert;
    auto other = makeCertificate(m_certDir.path(), QStringLiteral("other"), &error);
    QVERIFY2(other, qPrintable(error));
    m_other = *other;
    QVERIFY2(!pythonWithAiosmtpd().isEmpty(), "no python3 with aiosmtpd (python3-aiosmtpd)");
}

void TestSmtpProvider::plainSendDeliversHeadersBothPartsAndTheCode()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::Plain);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    const SmtpSettings settings = settingsFor(server, SmtpSettings::Security::None);
    SmtpProvider provider(QStringLiteral("mail-relay"), settings);
    QCOMPARE(provider.name(), QStringLiteral("mail-relay"));
    const OutgoingMessage msg = emailMessage(QStringLiteral("nb"));
    const SendOutcome outcome = provider.send(msg);
    QVERIFY2(outcome.kind == SendOutcome::Kind::Accepted, describe(outcome).constData());

    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 1);
    const Received &r = mail.first();
    const QJsonObject p = r.parsed();

    // The envelope and the session as the server saw them.
    QCOMPARE(r.meta.value(QStringLiteral("mail_from")).toString(), settings.fromAddress);
    QCOMPARE(r.meta.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{kRecipient});
    QCOMPARE(r.meta.value(QStringLiteral("tls")).toBool(), false);

    // Headers as a mail client decodes them: the sender's name (non-ASCII, RFC 2047), the
    // subject in the recipient's language, Date, Message-ID from the idempotency key.
    QCOMPARE(p.value(QStringLiteral("from_name")).toString(), kAppName);
    QCOMPARE(p.value(QStringLiteral("from_address")).toString(), settings.fromAddress);
    QCOMPARE(p.value(QStringLiteral("to")).toString(), kRecipient);
    QCOMPARE(p.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Engangskoden din for Bøkene Bank"));
    QVERIFY(r.header("Subject").startsWith("=?UTF-8?B?"));
    QVERIFY(r.header("From").startsWith("=?UTF-8?B?"));
    QVERIFY(p.value(QStringLiteral("date_valid")).toBool());
    const QString messageId = p.value(QStringLiteral("message_id")).toString();
    QCOMPARE(messageId, QStringLiteral("<%1@bokene-bank.no>").arg(msg.idempotencyKey));
    QCOMPARE(outcome.providerMessageId, messageId);
    QCOMPARE(p.value(QStringLiteral("x_verify_session")).toString(), msg.sessionId);
    QCOMPARE(p.value(QStringLiteral("mime_version")).toString(), QStringLiteral("1.0"));
    QCOMPARE(r.header("Content-Language"), QByteArray("nb"));
    QCOMPARE(p.value(QStringLiteral("defects")).toArray(), QJsonArray());

    // multipart/alternative: text first, then HTML, both UTF-8 and quoted-printable, each the
    // rendered template exactly, each with the code.
    QCOMPARE(p.value(QStringLiteral("content_type")).toString(),
             QStringLiteral("multipart/alternative"));
    const QJsonArray parts = r.parts();
    QCOMPARE(parts.size(), 2);
    const QStringList types{QStringLiteral("text/plain"), QStringLiteral("text/html")};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject part = parts.at(i).toObject();
        QCOMPARE(part.value(QStringLiteral("content_type")).toString(), types[i]);
        QCOMPARE(part.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(part.value(QStringLiteral("transfer_encoding")).toString(),
                 QStringLiteral("quoted-printable"));
        QCOMPARE(part.value(QStringLiteral("defects")).toArray(), QJsonArray());
        QVERIFY2(r.partBody(i).contains(kCode), "the code is not in the part");
    }
    // (QVERIFY, not QCOMPARE: a failure must not print the message with its code.)
    QVERIFY2(r.partBody(0) == msg.message.text, "the text part differs from the rendered text");
    QVERIFY2(r.partBody(1) == msg.message.html, "the HTML part differs from the rendered HTML");
    QVERIFY(r.partBody(0).contains(QStringLiteral("Engangskoden din")) ||
            r.partBody(0).contains(QStringLiteral("engangskoden din")));
    QVERIFY(r.partBody(1).contains(QStringLiteral("<html lang=\"nb\">")));

    // On the wire: 7-bit ASCII, CRLF line ends, no line longer than 998 (we keep to 78).
    for (char c : r.raw)
        QVERIFY2(static_cast<unsigned char>(c) < 0x80, "a byte outside 7-bit ASCII");
    const QList<QByteArray> lines = r.raw.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QVERIFY2(lines[i].endsWith('\r'), "a line does not end in CRLF");
        QVERIFY2(lines[i].size() - 1 <= 78,
                 qPrintable(
                     QStringLiteral("line %1 has %2 characters").arg(i).arg(lines[i].size() - 1)));
    }
}

void TestSmtpProvider::aRetryOfOneDeliveryKeepsItsMessageId()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::Plain);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    SmtpProvider provider(QStringLiteral("mail"),
                          settingsFor(server, SmtpSettings::Security::None));

    OutgoingMessage first = emailMessage(QStringLiteral("sv"));
    OutgoingMessage retry = first;
    retry.attempt = 2;
    OutgoingMessage other = first;
    other.deliveryId = 43;
    other.idempotencyKey = first.sessionId + QStringLiteral("-43");
    for (const OutgoingMessage *m : {&first, &retry, &other}) {
        const SendOutcome o = provider.send(*m);
        QVERIFY2(o.kind == SendOutcome::Kind::Accepted, describe(o).constData());
    }
    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 3);
    const auto id = [](const Received &r) {
        return r.parsed().value(QStringLiteral("message_id")).toString();
    };
    QCOMPARE(id(mail[1]), id(mail[0]));
    QVERIFY(id(mail[2]) != id(mail[0]));
    QCOMPARE(mail[0].parsed().value(QStringLiteral("subject")).toString(),
             QStringLiteral("Din engångskod för Bøkene Bank"));
}

void TestSmtpProvider::htmlIsMadeFromEscapedTextWhenMissing()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::Plain);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::None);
    settings.fromName = QStringLiteral("Ops \"Team\" <ops>");
    SmtpProvider provider(QStringLiteral("mail"), settings);

    OutgoingMessage m = emailMessage(QStringLiteral("en"));
    m.message.subject = QStringLiteral("Your code\r\nBcc: injected@example.com");
    m.message.text = QStringLiteral("Hi <b>you</b> & co,\n\nyour code is %1.\n.\nFrom here on, "
                                    "a line well beyond seventy-six characters that needs soft "
                                    "breaks in quoted-printable to stay short.")
                         .arg(kCode);
    m.message.html.clear();
    const SendOutcome o = provider.send(m);
    QVERIFY2(o.kind == SendOutcome::Kind::Accepted, describe(o).constData());

    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 1);
    const Received &r = mail.first();
    // The name with quotes and angle brackets survives as one display name.
    QCOMPARE(r.parsed().value(QStringLiteral("from_name")).toString(), settings.fromName);
    // A line break in the subject cannot add a header.
    QVERIFY(r.header("Bcc").isEmpty());
    QCOMPARE(r.parsed().value(QStringLiteral("subject")).toString(),
             QStringLiteral("Your code Bcc: injected@example.com"));
    QCOMPARE(r.meta.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{kRecipient});

    QVERIFY2(r.partBody(0) == m.message.text, "the text part differs");
    const QString html = r.partBody(1);
    QVERIFY(html.contains(QStringLiteral("Hi &lt;b&gt;you&lt;/b&gt; &amp; co,")));
    QVERIFY(!html.contains(QStringLiteral("<b>")));
    QVERIFY(html.contains(QStringLiteral("<title>Your code Bcc: injected@example.com</title>")));
    QVERIFY(
        html.contains(QStringLiteral("<p>your code is %1.<br>\n.<br>\nFrom here on").arg(kCode)));
}

void TestSmtpProvider::startTlsWithAuthentication()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::StartTls, m_cert);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::StartTls);
    settings.caFile = m_cert.cert;
    SmtpProvider provider(QStringLiteral("mail"), settings);
    const SendOutcome o = provider.send(emailMessage(QStringLiteral("da")));
    QVERIFY2(o.kind == SendOutcome::Kind::Accepted, describe(o).constData());

    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 1);
    QCOMPARE(mail[0].meta.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(mail[0].meta.value(QStringLiteral("authenticated")).toBool(), true);
    QCOMPARE(mail[0].meta.value(QStringLiteral("login")).toString(), kUser);
    QCOMPARE(mail[0].parsed().value(QStringLiteral("subject")).toString(),
             QStringLiteral("Din engangskode til Bøkene Bank"));
    QVERIFY(mail[0].partBody(0).contains(kCode));

    // Without STARTTLS configured the server (which requires it) refuses the message, and the
    // provider does not send the password in the clear to find out.
    SmtpSettings plain = settings;
    plain.security = SmtpSettings::Security::None;
    plain.username.clear();
    plain.password.clear();
    const SendOutcome refused =
        SmtpProvider(QStringLiteral("mail"), plain).send(emailMessage(QStringLiteral("da")));
    QVERIFY2(refused.kind == SendOutcome::Kind::PermanentFailure, describe(refused).constData());
    QVERIFY(leaksNothing(refused));
    QCOMPARE(server.received().size(), 1);
}

void TestSmtpProvider::implicitTlsWithAuthentication()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::ImplicitTls, m_cert);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::ImplicitTls);
    settings.caFile = m_cert.cert;
    const SendOutcome o =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("fi")));
    QVERIFY2(o.kind == SendOutcome::Kind::Accepted, describe(o).constData());

    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 1);
    QCOMPARE(mail[0].meta.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(mail[0].meta.value(QStringLiteral("login")).toString(), kUser);
    QCOMPARE(mail[0].parsed().value(QStringLiteral("subject")).toString(),
             QStringLiteral("Vahvistuskoodisi palveluun Bøkene Bank"));
}

void TestSmtpProvider::wrongPasswordIsAPermanentAuthenticationFailure()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::StartTls, m_cert);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::StartTls);
    settings.caFile = m_cert.cert;
    settings.password = QStringLiteral("Wrong-Horse-Battery");
    const SendOutcome o =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("nb")));
    QVERIFY2(o.kind == SendOutcome::Kind::PermanentFailure, describe(o).constData());
    QVERIFY2(o.error.contains(QStringLiteral("authentication failed (535)")), qPrintable(o.error));
    QVERIFY(!o.error.contains(settings.password));
    QVERIFY(leaksNothing(o));
    QVERIFY(server.received().isEmpty());
}

void TestSmtpProvider::stoppedServerIsATemporaryFailure()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::Plain);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const SmtpSettings settings = settingsFor(server, SmtpSettings::Security::None);
    server.stop();

    const SendOutcome o =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("en")));
    QVERIFY2(o.kind == SendOutcome::Kind::TemporaryFailure, describe(o).constData());
    QVERIFY2(o.error.contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(settings.port)),
             qPrintable(o.error));
    QVERIFY(leaksNothing(o));
}

void TestSmtpProvider::silentServerIsATemporaryTimeout()
{
    // A listener that never greets: the kernel completes the connection, nobody answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = silent.serverPort();
    settings.security = SmtpSettings::Security::None;
    settings.fromAddress = QStringLiteral("noreply@bokene-bank.no");
    settings.timeoutMs = 1000;

    const SendOutcome o =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("en")));
    QVERIFY2(o.kind == SendOutcome::Kind::TemporaryFailure, describe(o).constData());
    QVERIFY2(o.error.contains(QStringLiteral("did not answer within 1000 ms")),
             qPrintable(o.error));
    QVERIFY(leaksNothing(o));
}

void TestSmtpProvider::untrustedCertificateFailsWithATlsMessage()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::StartTls, m_cert);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // The client trusts another CA only, and checks the peer: nothing is sent, no password
    // reaches the server.
    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::StartTls);
    settings.caFile = m_other.cert;
    const SendOutcome o =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("en")));
    QVERIFY2(o.kind == SendOutcome::Kind::PermanentFailure, describe(o).constData());
    QVERIFY2(
        o.error.contains(
            QStringLiteral("TLS certificate of 127.0.0.1:%1 is not trusted").arg(settings.port)),
        qPrintable(o.error));
    QVERIFY(leaksNothing(o));

    // The system's CAs do not know the self-signed certificate either.
    settings.caFile.clear();
    const SendOutcome system =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("en")));
    QVERIFY2(system.kind == SendOutcome::Kind::PermanentFailure, describe(system).constData());
    QVERIFY2(system.error.contains(QStringLiteral("not trusted")), qPrintable(system.error));
    QVERIFY(server.received().isEmpty());

    // Only with verification turned off does the message go.
    settings.verifyPeer = false;
    const SendOutcome unchecked =
        SmtpProvider(QStringLiteral("mail"), settings).send(emailMessage(QStringLiteral("en")));
    QVERIFY2(unchecked.kind == SendOutcome::Kind::Accepted, describe(unchecked).constData());
    QCOMPARE(server.received().size(), 1);
}

void TestSmtpProvider::rejectedRecipientIsPermanentBusyIsTemporary()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::Plain);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    SmtpProvider provider(QStringLiteral("mail"),
                          settingsFor(server, SmtpSettings::Security::None));

    // The helper server answers 550 for "reject@..." and 451 for "busy@...".
    const QString rejectedAddress = QStringLiteral("reject@example.no");
    const SendOutcome rejected = provider.send(emailMessage(QStringLiteral("en"), rejectedAddress));
    QVERIFY2(rejected.kind == SendOutcome::Kind::PermanentFailure, describe(rejected).constData());
    QVERIFY2(rejected.error.contains(QStringLiteral("rejected the recipient (550)")),
             qPrintable(rejected.error));
    QVERIFY(!rejected.error.contains(rejectedAddress));

    const QString busyAddress = QStringLiteral("busy@example.no");
    const SendOutcome busy = provider.send(emailMessage(QStringLiteral("en"), busyAddress));
    QVERIFY2(busy.kind == SendOutcome::Kind::TemporaryFailure, describe(busy).constData());
    QVERIFY2(busy.error.contains(QStringLiteral("(451)")), qPrintable(busy.error));
    QVERIFY(!busy.error.contains(busyAddress));

    // A recipient that would add headers or recipients is refused before any connection.
    const SendOutcome injected = provider.send(
        emailMessage(QStringLiteral("en"), QStringLiteral("a@example.no\r\nBcc: b@example.no")));
    QVERIFY2(injected.kind == SendOutcome::Kind::PermanentFailure, describe(injected).constData());
    QVERIFY(server.received().isEmpty());

    // Other channels are not for SMTP.
    OutgoingMessage sms = emailMessage(QStringLiteral("en"));
    sms.channel = Channel::Sms;
    QCOMPARE(provider.send(sms).kind, SendOutcome::Kind::PermanentFailure);
}

void TestSmtpProvider::settingsParserNamesTheBadField_data()
{
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<QJsonObject>("secrets");
    QTest::addColumn<QString>("field");

    const QJsonObject good{{QStringLiteral("host"), QStringLiteral("smtp.example.no")},
                           {QStringLiteral("port"), 587},
                           {QStringLiteral("security"), QStringLiteral("starttls")},
                           {QStringLiteral("username"), QStringLiteral("mailer")},
                           {QStringLiteral("from_address"), QStringLiteral("noreply@example.no")},
                           {QStringLiteral("from_name"), QStringLiteral("Example")}};
    const QJsonObject secrets{{QStringLiteral("password"), QStringLiteral("pw")}};
    auto with = [&](const char *key, const QJsonValue &v) {
        QJsonObject o = good;
        if (v.isUndefined())
            o.remove(QString::fromLatin1(key));
        else
            o.insert(QString::fromLatin1(key), v);
        return o;
    };
    const QString host = QStringLiteral("host");
    const QString port = QStringLiteral("port");
    const QString from = QStringLiteral("from_address");
    QTest::newRow("missing host") << with("host", QJsonValue::Undefined) << secrets << host;
    QTest::newRow("empty host") << with("host", QStringLiteral("  ")) << secrets << host;
    QTest::newRow("host with a path")
        << with("host", QStringLiteral("smtp.example.no/x")) << secrets << host;
    QTest::newRow("port as text") << with("port", QStringLiteral("587")) << secrets << port;
    QTest::newRow("port zero") << with("port", 0) << secrets << port;
    QTest::newRow("port too big") << with("port", 70000) << secrets << port;
    QTest::newRow("port fraction") << with("port", 25.5) << secrets << port;
    QTest::newRow("missing from") << with("from_address", QJsonValue::Undefined) << secrets << from;
    QTest::newRow("bad from") << with("from_address", QStringLiteral("not-an-address")) << secrets
                              << from;
    QTest::newRow("from with a name")
        << with("from_address", QStringLiteral("Ops <ops@example.no>")) << secrets << from;
    QTest::newRow("from_name on two lines")
        << with("from_name", QStringLiteral("Ops\r\nBcc: x@example.no")) << secrets
        << QStringLiteral("from_name");
    QTest::newRow("unknown security")
        << with("security", QStringLiteral("ssl")) << secrets << QStringLiteral("security");
    QTest::newRow("username without password")
        << good << QJsonObject() << QStringLiteral("password");
    QTest::newRow("password over plain SMTP")
        << with("security", QStringLiteral("none")) << secrets << QStringLiteral("security");
    QTest::newRow("timeout too short")
        << with("timeout_ms", 5) << secrets << QStringLiteral("timeout_ms");
    QTest::newRow("verify_peer as text")
        << with("verify_peer", QStringLiteral("yes")) << secrets << QStringLiteral("verify_peer");
    QTest::newRow("relative ca_file")
        << with("ca_file", QStringLiteral("ca.pem")) << secrets << QStringLiteral("ca_file");
    QTest::newRow("missing ca_file") << with("ca_file", QStringLiteral("/nonexistent/ca.pem"))
                                     << secrets << QStringLiteral("ca_file");
}

void TestSmtpProvider::settingsParserNamesTheBadField()
{
    QFETCH(QJsonObject, settings);
    QFETCH(QJsonObject, secrets);
    QFETCH(QString, field);
    auto parsed = SmtpSettings::fromJson(settings, secrets);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().field, field);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestSmtpProvider::settingsParserDefaults()
{
    auto parsed = SmtpSettings::fromJson(
        {{QStringLiteral("host"), QStringLiteral("smtp.example.no")},
         {QStringLiteral("username"), QStringLiteral("mailer")},
         {QStringLiteral("from_address"), QStringLiteral("NoReply@Example.NO")},
         {QStringLiteral("from_name"), QStringLiteral(" Bøkene Bank ")}},
        {{QStringLiteral("password"), QStringLiteral("secret")}});
    QVERIFY2(parsed, errorText(parsed).constData());
    QCOMPARE(parsed->host, QStringLiteral("smtp.example.no"));
    QCOMPARE(parsed->security, SmtpSettings::Security::StartTls);
    QCOMPARE(parsed->port, 587);
    QCOMPARE(parsed->username, QStringLiteral("mailer"));
    QCOMPARE(parsed->password, QStringLiteral("secret"));
    QCOMPARE(parsed->fromAddress, QStringLiteral("NoReply@example.no"));
    QCOMPARE(parsed->fromName, QStringLiteral("Bøkene Bank"));
    QCOMPARE(parsed->timeoutMs, 15000);
    QVERIFY(parsed->verifyPeer);
    QVERIFY(parsed->caFile.isEmpty());

    auto smtps = SmtpSettings::fromJson(
        {{QStringLiteral("host"), QStringLiteral("192.0.2.10")},
         {QStringLiteral("security"), QStringLiteral("tls")},
         {QStringLiteral("from_address"), QStringLiteral("noreply@example.no")},
         {QStringLiteral("timeout_ms"), 5000},
         {QStringLiteral("verify_peer"), false},
         {QStringLiteral("ca_file"), m_cert.cert}},
        {});
    QVERIFY2(smtps, errorText(smtps).constData());
    QCOMPARE(smtps->port, 465);
    QCOMPARE(smtps->security, SmtpSettings::Security::ImplicitTls);
    QCOMPARE(smtps->timeoutMs, 5000);
    QVERIFY(!smtps->verifyPeer);
    QCOMPARE(smtps->caFile, m_cert.cert);
    QVERIFY(smtps->username.isEmpty());

    auto plain = SmtpSettings::fromJson(
        {{QStringLiteral("host"), QStringLiteral("::1")},
         {QStringLiteral("security"), QStringLiteral("none")},
         {QStringLiteral("from_address"), QStringLiteral("noreply@example.no")}},
        {});
    QVERIFY2(plain, errorText(plain).constData());
    QCOMPARE(plain->port, 25);
}

void TestSmtpProvider::engineSendsTheSessionByEmailAndTheCodeVerifies()
{
    SmtpServer server;
    const QString started = server.start(SmtpServer::Mode::StartTls, m_cert);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    SmtpSettings settings = settingsFor(server, SmtpSettings::Security::StartTls);
    settings.caFile = m_cert.cert;

    TestEngine te;
    te->addProvider(std::make_shared<SmtpProvider>(QStringLiteral("smtp-main"), settings),
                    {Channel::Email});
    StartRequest request = startRequest(QStringLiteral("email"), kRecipient);
    request.locale = QStringLiteral("nb");
    auto session = te->start(request);
    QVERIFY2(session, errorText(session).constData());
    const QString id = session->sessionId;

    auto sent = te->deliverDue(id);
    QVERIFY2(sent, errorText(sent).constData());
    QCOMPARE(*sent, 1);

    const QList<Received> mail = server.received();
    QCOMPARE(mail.size(), 1);
    const Received &r = mail.first();
    QCOMPARE(r.meta.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(r.meta.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{kRecipient});
    QCOMPARE(r.parsed().value(QStringLiteral("x_verify_session")).toString(), id);
    QVERIFY(r.parsed()
                .value(QStringLiteral("subject"))
                .toString()
                .startsWith(QStringLiteral("Engangskoden din for ")));

    // The code, read from the received text part as the user would; the HTML part has it too.
    auto status = te->status(id);
    QVERIFY2(status, errorText(status).constData());
    const QRegularExpression codeRe(
        QStringLiteral("(?<![0-9])([0-9]{%1})(?![0-9])").arg(status->codeLength));
    const QString code = codeRe.match(r.partBody(0)).captured(1);
    QVERIFY2(!code.isEmpty(), "no code in the received text part");
    QVERIFY2(r.partBody(1).contains(code), "the HTML part does not hold the same code");

    // The worker recorded the provider's acceptance: the job is sent with the Message-ID, and
    // the session's events say so.
    RawDb raw(te.dbPath());
    const auto job = raw.rows(QStringLiteral("SELECT state, provider, provider_message_id, "
                                             "payload_sealed IS NULL FROM deliveries WHERE "
                                             "session_id = ?"),
                              {id});
    QCOMPARE(job.size(), 1);
    QCOMPARE(job[0][0].toString(), QStringLiteral("sent"));
    QCOMPARE(job[0][1].toString(), QStringLiteral("smtp-main"));
    QCOMPARE(job[0][2].toString(), r.parsed().value(QStringLiteral("message_id")).toString());
    QVERIFY(job[0][3].toBool());
    QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM session_events WHERE session_id = ? "
                                      "AND type = 'sent'"),
                       {id})
                .toInt() == 1);
    QCOMPARE(te->deliverDue(id).value(), 0);

    auto checked = te->check({id, code, {QStringLiteral("test"), QStringLiteral("tester")}});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

// The mail server goes down before a code is sent: the message waits in the queue and is retried
// with backoff (each failure an event); once the server is back the message arrives exactly
// once, and its code verifies.
void TestSmtpProvider::outageQueuesRetriesAndDeliversOnceWhenTheServerIsBack()
{
    quint16 port = 0;
    {
        SmtpServer first;
        const QString started = first.start(SmtpServer::Mode::Plain);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        port = first.port();
    } // stopped: nothing listens on the port now

    TestEngine te;
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSettings::Security::None;
    settings.fromAddress = QStringLiteral("noreply@bokene-bank.no");
    settings.timeoutMs = 5000;
    te->addProvider(std::make_shared<SmtpProvider>(QStringLiteral("smtp-main"), settings),
                    {Channel::Email});
    auto session = te->start(startRequest(QStringLiteral("email"), kRecipient));
    QVERIFY2(session, errorText(session).constData());
    const QString id = session->sessionId;

    RawDb raw(te.dbPath());
    const auto failures = [&] {
        return raw
            .scalar(QStringLiteral("SELECT COUNT(*) FROM session_events WHERE session_id = ? AND "
                                   "type = 'delivery_failed'"),
                    {id})
            .toInt();
    };
    const auto job = [&] {
        return raw.rows(QStringLiteral("SELECT state, attempts FROM deliveries WHERE "
                                       "session_id = ?"),
                        {id});
    };

    // Two tries while the server is down: each fails, is recorded, and is queued again.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QVERIFY2(te->deliverDue(id), "deliverDue failed");
        QCOMPARE(failures(), attempt);
        const auto rows = job();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][0].toString(), QStringLiteral("queued"));
        QCOMPARE(rows[0][1].toInt(), attempt);
        // Not due again before its backoff.
        QCOMPARE(te->deliverDue(id).value(), 0);
        QCOMPARE(failures(), attempt);
        te.clock->advanceMs(30'000);
    }
    auto waiting = te->status(id);
    QVERIFY2(waiting, errorText(waiting).constData());
    QCOMPARE(waiting->status, SessionStatus::Pending);

    // The server is back on the same port.
    SmtpServer back;
    const QString restarted = back.start(SmtpServer::Mode::Plain, {}, port);
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    auto sent = te->deliverDue(id);
    QVERIFY2(sent, errorText(sent).constData());
    QCOMPARE(*sent, 1);
    for (int i = 0; i < 3; ++i) {
        te.clock->advanceMs(60'000);
        QCOMPARE(te->deliverDue(id).value(), 0);
    }
    const QList<Received> mail = back.received();
    QCOMPARE(mail.size(), 1);
    QCOMPARE(job()[0][0].toString(), QStringLiteral("sent"));
    QCOMPARE(job()[0][1].toInt(), 3);

    auto status = te->status(id);
    QVERIFY2(status, errorText(status).constData());
    const QRegularExpression codeRe(
        QStringLiteral("(?<![0-9])([0-9]{%1})(?![0-9])").arg(status->codeLength));
    const QString code = codeRe.match(mail.first().partBody(0)).captured(1);
    QVERIFY2(!code.isEmpty(), "no code in the received text part");
    auto checked = te->check({id, code, {QStringLiteral("test"), QStringLiteral("tester")}});
    QVERIFY2(checked, errorText(checked).constData());
    QVERIFY(checked->verified());
}

QTEST_GUILESS_MAIN(TestSmtpProvider)
#include "tst_smtp_provider.moc"
