// verifyctl as a user runs it: the real binary, as a process, on a data folder of its own. The
// demo flow, other channels and locales, resend rules, errors with the field named and the right
// exit code, service settings, a master key others can read, and — over every run of this test —
// that no output reveals a full recipient or a delivered code (except the outbox, whose job it
// is to show messages).

#include "support/TestEngine.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/rand.h>

#include <memory>

using namespace vc::test;

namespace {

constexpr int Ok = 0, Failure = 1, Usage = 2, NotVerified = 3, Alerts = 4;

const QString kPhone = QStringLiteral("+4791234567");
const QString kPhoneMasked = QStringLiteral("+47****4567");
const QString kEmail = QStringLiteral("jane.doe@example.com");
// Well-formed, but no session has it.
const QString kUnknownId = QStringLiteral("01234567-89ab-7def-8123-456789abcdef");

QString verifyctlBinary()
{
    const QString dir = qEnvironmentVariable("VC_TEST_BINARY_DIR");
    if (!dir.isEmpty())
        return dir + QStringLiteral("/app/verifyctl");
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/verifyctl");
}

// One run of verifyctl. `command` is the command word only: arguments may hold a code, so they
// are never printed.
struct Run
{
    QString command;
    bool outbox = false;
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QString stdoutText() const { return QString::fromUtf8(out); }
    QString stderrText() const { return QString::fromUtf8(err); }
    QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

// Output made safe for a failure message: runs of six or more digits (codes, phone numbers) are
// hidden.
QByteArray masked(const QByteArray &text)
{
    static const QRegularExpression digits(QStringLiteral("[0-9]{6,}"));
    return QString::fromUtf8(text).replace(digits, QStringLiteral("######")).toUtf8();
}

QByteArray describe(const Run &r)
{
    return QByteArrayLiteral("verifyctl ") + r.command.toUtf8() + QByteArrayLiteral(": exit ") +
           QByteArray::number(r.exitCode) + (r.crashed ? QByteArrayLiteral(" (crashed)") : "") +
           QByteArrayLiteral(", stderr: ") + masked(r.err.trimmed());
}

// The code in a delivered text message or e-mail.
QString codeInText(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("(?<![0-9])([0-9]{6})(?![0-9])"));
    return code.match(text).captured(1);
}

// A code of the same length that is certainly not `code`.
QString wrongCodeFor(const QString &code)
{
    QString wrong = code;
    wrong.back() = QChar(char16_t(u'0' + (wrong.back().digitValue() + 1) % 10));
    return wrong;
}

QStringList eventTypes(const QJsonArray &events)
{
    QStringList types;
    for (const QJsonValue &e : events)
        types.append(e.toObject().value(QStringLiteral("type")).toString());
    return types;
}

} // namespace

class TestVerifyctl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void demoFlow();
    void emailInSwedish();
    void resendByVoiceThenCooldown();
    void refusedStarts_data();
    void refusedStarts();
    void usageErrors_data();
    void usageErrors();
    void unknownAndMalformedSessionIds();
    void cancelTwice();
    void webhooksListedAndRetried();
    void servicesShowAndUpdate();
    void pumpingAlerts();
    void providersConfiguredAndRouted();
    void readableMasterKeyIsRefusedAndNothingChanges();
    // Last: looks at the output of every run above, after a flow of its own.
    void noOutputRevealsRecipientsOrCodes();

private:
    // `input` goes to standard input (closed after it).
    Run run(const QStringList &args, const QByteArray &input = {});
    QString startSession(const QString &channel, const QString &recipient,
                         const QStringList &extra = {});
    QJsonArray outboxOf(const QString &sessionId);
    void verifyNoSecretsIn(const QList<Run> &runs);

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_verboseLogs = false;
    QList<Run> m_runs;            // every run of every test function
    QStringList m_deliveredCodes; // every code seen in the outbox
    QStringList m_fullRecipients{kPhone, kPhone.mid(3), kEmail, kEmail.section(u'@', 0, 0)};
};

Run TestVerifyctl::run(const QStringList &args, const QByteArray &input)
{
    Run r;
    r.command = args.value(0);
    r.outbox = r.command == QLatin1String("outbox");

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VERIFY_DATA_DIR"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    if (m_verboseLogs)
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("verify.*=true"));
    p.setProcessEnvironment(env);
    p.start(verifyctlBinary(), QStringList{QStringLiteral("--data-dir"), m_dir->path()} + args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(10000);
        r.crashed = true;
    }
    r.exitCode = p.exitCode();
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    m_runs.append(r);
    return r;
}

// Starts a session and returns its id (empty on failure, with the test failed).
QString TestVerifyctl::startSession(const QString &channel, const QString &recipient,
                                    const QStringList &extra)
{
    const Run r =
        run(QStringList{QStringLiteral("start"), QStringLiteral("--channel"), channel,
                        QStringLiteral("--recipient"), recipient, QStringLiteral("--json")} +
            extra);
    if (r.crashed || r.exitCode != Ok) {
        QTest::qFail(describe(r).constData(), __FILE__, __LINE__);
        return {};
    }
    return r.object().value(QStringLiteral("session_id")).toString();
}

// The session's messages in the outbox, newest first; remembers their codes.
QJsonArray TestVerifyctl::outboxOf(const QString &sessionId)
{
    const Run r = run({QStringLiteral("outbox"), QStringLiteral("--session"), sessionId,
                       QStringLiteral("--json")});
    if (r.crashed || r.exitCode != Ok) {
        QTest::qFail(describe(r).constData(), __FILE__, __LINE__);
        return {};
    }
    const QJsonArray entries = r.array();
    static const QRegularExpression spoken(QStringLiteral("[0-9](, [0-9]){3,9}"));
    for (const QJsonValue &e : entries) {
        const QString text = e.toObject().value(QStringLiteral("text")).toString();
        if (const QString code = codeInText(text); !code.isEmpty())
            m_deliveredCodes.append(code);
        if (const auto m = spoken.match(text); m.hasMatch())
            m_deliveredCodes.append(m.captured(0).remove(QStringLiteral(", ")));
    }
    return entries;
}

void TestVerifyctl::initTestCase()
{
    QVERIFY2(QFileInfo(verifyctlBinary()).isExecutable(), qPrintable(verifyctlBinary()));
}

void TestVerifyctl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestVerifyctl::demoFlow()
{
    const QString id = startSession(QStringLiteral("sms"), kPhone);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(id.size(), 36);

    const QJsonArray box = outboxOf(id);
    QCOMPARE(box.size(), 1);
    const QJsonObject message = box.first().toObject();
    QCOMPARE(message.value(QStringLiteral("session_id")).toString(), id);
    QCOMPARE(message.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
    QCOMPARE(message.value(QStringLiteral("recipient")).toString(), kPhoneMasked);
    const QString code = codeInText(message.value(QStringLiteral("text")).toString());
    QVERIFY2(code.size() == 6, "the message holds no 6-digit code");

    Run r = run({QStringLiteral("check"), id, wrongCodeFor(code), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == NotVerified && !r.crashed, describe(r).constData());
    QJsonObject o = r.object();
    QVERIFY2(o.value(QStringLiteral("status")) == QLatin1String("pending") ||
                 o.value(QStringLiteral("status")) == QLatin1String("delivered"),
             qPrintable(o.value(QStringLiteral("status")).toString()));
    QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_code"));
    QCOMPARE(o.value(QStringLiteral("attempts_remaining")).toInt(-1), 4);

    r = run({QStringLiteral("check"), id, code, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok && !r.crashed, describe(r).constData());
    o = r.object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
    QVERIFY(!o.value(QStringLiteral("verified_at")).toString().isEmpty());
    QVERIFY(!o.contains(QStringLiteral("error")));

    // A replay is refused, not a second success.
    r = run({QStringLiteral("check"), id, code});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("already verified")), describe(r).constData());
    QVERIFY(r.out.isEmpty());

    r = run({QStringLiteral("status"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    o = r.object();
    QCOMPARE(o.value(QStringLiteral("session_id")).toString(), id);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
    QCOMPARE(o.value(QStringLiteral("attempts")).toInt(-1), 1);
    QCOMPARE(o.value(QStringLiteral("recipient")).toString(), kPhoneMasked);

    r = run({QStringLiteral("events"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(
        eventTypes(r.array()),
        (QStringList{QStringLiteral("created"), QStringLiteral("lookup"), QStringLiteral("queued"),
                     QStringLiteral("sent"), QStringLiteral("delivered"),
                     QStringLiteral("check_failed"), QStringLiteral("verified")}));

    r = run({QStringLiteral("stats"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    o = r.object();
    QCOMPARE(o.value(QStringLiteral("total")).toInt(-1), 1);
    const QJsonObject byStatus = o.value(QStringLiteral("by_status")).toObject();
    QCOMPARE(byStatus.value(QStringLiteral("verified")).toInt(-1), 1);
    QCOMPARE(byStatus.value(QStringLiteral("pending")).toInt(-1), 0);
    QCOMPARE(byStatus.value(QStringLiteral("delivered")).toInt(-1), 0);
    QCOMPARE(o.value(QStringLiteral("by_channel")).toObject().value(QStringLiteral("sms")).toInt(),
             1);
    QCOMPARE(o.value(QStringLiteral("success_rate")).toDouble(), 1.0);

    verifyNoSecretsIn(m_runs);
}

void TestVerifyctl::emailInSwedish()
{
    const QString id = startSession(QStringLiteral("email"), kEmail,
                                    {QStringLiteral("--locale"), QStringLiteral("sv")});
    QVERIFY(!QTest::currentTestFailed());

    const Run st = run({QStringLiteral("status"), id, QStringLiteral("--json")});
    QVERIFY2(st.exitCode == Ok, describe(st).constData());
    QCOMPARE(st.object().value(QStringLiteral("locale")).toString(), QStringLiteral("sv"));
    QCOMPARE(st.object().value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(st.object().value(QStringLiteral("recipient")).toString(),
             QStringLiteral("j***@example.com"));

    const QJsonArray box = outboxOf(id);
    QCOMPARE(box.size(), 1);
    const QJsonObject message = box.first().toObject();
    QCOMPARE(message.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(message.value(QStringLiteral("locale")).toString(), QStringLiteral("sv"));
    // The Swedish texts, not the English ones.
    QVERIFY(
        message.value(QStringLiteral("subject")).toString().contains(QStringLiteral("engångskod")));
    const QString text = message.value(QStringLiteral("text")).toString();
    QVERIFY(text.contains(QStringLiteral("engångskod")));
    QVERIFY(!text.contains(QStringLiteral("verification code")));
    const QString code = codeInText(text);
    QCOMPARE(code.size(), 6);

    const Run r = run({QStringLiteral("check"), id, code, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("verified"));

    verifyNoSecretsIn(m_runs);
}

void TestVerifyctl::resendByVoiceThenCooldown()
{
    const QString id = startSession(QStringLiteral("sms"), kPhone);
    QVERIFY(!QTest::currentTestFailed());
    const QJsonArray first = outboxOf(id);
    QCOMPARE(first.size(), 1);
    const QString smsCode =
        codeInText(first.first().toObject().value(QStringLiteral("text")).toString());
    QCOMPARE(smsCode.size(), 6);

    // verifyctl runs on the system clock: instead of waiting out the 30 s cooldown, the last
    // send is moved 31 s into the past.
    {
        RawDb raw(m_dir->filePath(QStringLiteral("verify.db")));
        QCOMPARE(raw.exec(QStringLiteral("UPDATE sessions SET last_sent_at = last_sent_at - 31000 "
                                         "WHERE id = ?"),
                          {id}),
                 1);
    }
    Run r = run({QStringLiteral("resend"), id, QStringLiteral("--channel"), QStringLiteral("voice"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("channel")).toString(), QStringLiteral("voice"));
    QCOMPARE(r.object().value(QStringLiteral("resends")).toInt(-1), 1);

    const QJsonArray box = outboxOf(id);
    QCOMPARE(box.size(), 2);
    const QJsonObject voice = box.at(0).toObject(); // newest first
    QCOMPARE(voice.value(QStringLiteral("channel")).toString(), QStringLiteral("voice"));
    QCOMPARE(box.at(1).toObject().value(QStringLiteral("channel")).toString(),
             QStringLiteral("sms"));
    // A voice script reads the code digit by digit: "1, 2, 3, 4, 5, 6".
    static const QRegularExpression spoken(QStringLiteral("(?<![0-9])[0-9](, [0-9]){5}(?![0-9])"));
    const QRegularExpressionMatch m = spoken.match(voice.value(QStringLiteral("text")).toString());
    QVERIFY2(m.hasMatch(), "the voice message does not read out six digits");
    const QString voiceCode = m.captured(0).remove(QStringLiteral(", "));
    QCOMPARE(voiceCode.size(), 6);

    // At once again: refused, and the message says to wait.
    r = run({QStringLiteral("resend"), id});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("wait")), describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("retry in")), describe(r).constData());
    r = run({QStringLiteral("resend"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    const QJsonObject refusal = QJsonDocument::fromJson(r.err).object();
    QCOMPARE(refusal.value(QStringLiteral("error")).toString(), QStringLiteral("resend_cooldown"));
    QVERIFY(refusal.value(QStringLiteral("retry_after")).toInt() > 0);
    QCOMPARE(outboxOf(id).size(), 2);

    // The resend replaced the code: the sms code no longer works, the spoken one does.
    if (smsCode != voiceCode) {
        r = run({QStringLiteral("check"), id, smsCode, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == NotVerified, describe(r).constData());
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_code"));
    }
    r = run({QStringLiteral("check"), id, voiceCode, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());

    verifyNoSecretsIn(m_runs);
}

void TestVerifyctl::refusedStarts_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("hidden"); // input that must not be echoed

    const QString sms = QStringLiteral("sms");
    auto start = [](const QString &channel, const QString &recipient, const QStringList &extra) {
        return QStringList{QStringLiteral("start"), QStringLiteral("--channel"), channel,
                           QStringLiteral("--recipient"), recipient} +
               extra;
    };
    QTest::newRow("invalid phone number") << start(sms, QStringLiteral("+4712398"), {})
                                          << QStringLiteral("recipient") << QStringLiteral("12398");
    QTest::newRow("phone number with letters")
        << start(sms, QStringLiteral("+47912abc67"), {}) << QStringLiteral("recipient")
        << QStringLiteral("912abc67");
    QTest::newRow("invalid e-mail address")
        << start(QStringLiteral("email"), QStringLiteral("jane.doe@"), {})
        << QStringLiteral("recipient") << QStringLiteral("jane.doe");
    QTest::newRow("e-mail address by sms")
        << start(sms, kEmail, {}) << QStringLiteral("recipient") << QStringLiteral("jane.doe");
    QTest::newRow("unknown channel")
        << start(QStringLiteral("fax"), kPhone, {}) << QStringLiteral("channel") << kPhone;
    QTest::newRow("code length 11")
        << start(sms, kPhone, {QStringLiteral("--code-length"), QStringLiteral("11")})
        << QStringLiteral("code_length") << kPhone;
    QTest::newRow("code length not a number")
        << start(sms, kPhone, {QStringLiteral("--code-length"), QStringLiteral("six")})
        << QStringLiteral("code_length") << kPhone;
    QTest::newRow("ttl 30 s") << start(sms, kPhone, {QStringLiteral("--ttl"), QStringLiteral("30")})
                              << QStringLiteral("ttl_seconds") << kPhone;
    QTest::newRow("ttl 2 h") << start(sms, kPhone,
                                      {QStringLiteral("--ttl"), QStringLiteral("7200")})
                             << QStringLiteral("ttl_seconds") << kPhone;
    QTest::newRow("unknown locale")
        << start(sms, kPhone, {QStringLiteral("--locale"), QStringLiteral("de")})
        << QStringLiteral("locale") << kPhone;
    QTest::newRow("unknown service")
        << start(sms, kPhone, {QStringLiteral("--service"), QStringLiteral("nosuch")})
        << QStringLiteral("service_id") << kPhone;
}

void TestVerifyctl::refusedStarts()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QFETCH(QString, hidden);

    const Run r = run(args);
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(field), describe(r).constData());
    QVERIFY2(!r.stderrText().contains(hidden), "the error message repeats the input");
    QVERIFY(r.out.isEmpty());

    // Refused means nothing was written: no session, no delivery.
    RawDb raw(m_dir->filePath(QStringLiteral("verify.db")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM deliveries")).toInt(), 0);
}

void TestVerifyctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("check without a code") << QStringList{QStringLiteral("check"), kUnknownId};
    QTest::newRow("check with too much") << QStringList{
        QStringLiteral("check"), kUnknownId, QStringLiteral("123456"), QStringLiteral("extra")};
    QTest::newRow("status without an id") << QStringList{QStringLiteral("status")};
    QTest::newRow("start without a recipient")
        << QStringList{QStringLiteral("start"), QStringLiteral("--channel"), QStringLiteral("sms")};
    QTest::newRow("start without a channel")
        << QStringList{QStringLiteral("start"), QStringLiteral("--recipient"), kPhone};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("status"), QStringLiteral("--bogus"), kUnknownId};
    QTest::newRow("services, unknown subcommand")
        << QStringList{QStringLiteral("services"), QStringLiteral("frob")};
    QTest::newRow("services update without KEY=VALUE")
        << QStringList{QStringLiteral("services"), QStringLiteral("update"),
                       QStringLiteral("default"), QStringLiteral("ttl_seconds")};
}

void TestVerifyctl::usageErrors()
{
    QFETCH(QStringList, args);
    const Run r = run(args);
    QVERIFY2(r.exitCode == Usage && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("verifyctl")), describe(r).constData());
    QVERIFY(r.out.isEmpty());
}

void TestVerifyctl::unknownAndMalformedSessionIds()
{
    Run r = run({QStringLiteral("status"), kUnknownId});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("no session")), describe(r).constData());

    r = run({QStringLiteral("events"), kUnknownId});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("no session")), describe(r).constData());

    r = run({QStringLiteral("check"), kUnknownId, QStringLiteral("123456")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("no session")), describe(r).constData());

    for (const QString &command : {QStringLiteral("status"), QStringLiteral("cancel"),
                                   QStringLiteral("events"), QStringLiteral("resend")}) {
        r = run({command, QStringLiteral("not-a-session-id")});
        QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
        QVERIFY2(r.stderrText().contains(QStringLiteral("session_id")), describe(r).constData());
    }
    r = run(
        {QStringLiteral("check"), QStringLiteral("not-a-session-id"), QStringLiteral("123456")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("session_id")), describe(r).constData());
}

void TestVerifyctl::cancelTwice()
{
    const QString id = startSession(QStringLiteral("sms"), kPhone);
    QVERIFY(!QTest::currentTestFailed());

    Run r = run({QStringLiteral("cancel"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));

    r = run({QStringLiteral("cancel"), id});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("cancelled")), describe(r).constData());

    // A cancelled session takes no code either.
    const QJsonArray box = outboxOf(id);
    QCOMPARE(box.size(), 1);
    const QString code =
        codeInText(box.first().toObject().value(QStringLiteral("text")).toString());
    r = run({QStringLiteral("check"), id, code, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == NotVerified, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));

    r = run({QStringLiteral("events"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(eventTypes(r.array()).count(QStringLiteral("cancelled")), 1);
}

// `webhooks list` shows a session's status webhooks, the receiver by host only (a callback URL's
// path or query may hold the application's own token); `webhooks retry` queues the ones whose
// retries ran out again, audited.
void TestVerifyctl::webhooksListedAndRetried()
{
    Run r = run({QStringLiteral("services"), QStringLiteral("update"), QStringLiteral("default"),
                 QStringLiteral("webhook_url=http://127.0.0.1:9/hooks?token=app-own-token")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    const QString id = startSession(QStringLiteral("sms"), kPhone);
    QVERIFY(!QTest::currentTestFailed());

    r = run({QStringLiteral("webhooks"), QStringLiteral("retry"), id});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("failed for good")), describe(r).constData());

    r = run({QStringLiteral("cancel"), id});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    r = run({QStringLiteral("webhooks"), QStringLiteral("list"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QStringList events;
    for (const QJsonValue &v : r.array()) {
        const QJsonObject hook = v.toObject();
        events << hook.value(QStringLiteral("event")).toString();
        QCOMPARE(hook.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(hook.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    }
    // Delivered by the local outbox at the start, then cancelled.
    QCOMPARE(events, (QStringList{QStringLiteral("session.delivered"),
                                  QStringLiteral("session.cancelled")}));
    QVERIFY(!r.out.contains("app-own-token"));

    // Its retries ran out while the receiver was down (set here: the backoff spans hours).
    RawDb(m_dir->filePath(QStringLiteral("verify.db")))
        .rows(QStringLiteral("UPDATE webhooks SET state = 'failed', attempts = 10, last_error = "
                             "'connection refused' WHERE session_id = ?"),
              {id});
    r = run({QStringLiteral("webhooks"), QStringLiteral("list"), id});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QVERIFY2(r.stdoutText().contains(QStringLiteral("failed")), describe(r).constData());
    QVERIFY2(r.stdoutText().contains(QStringLiteral("connection refused")),
             describe(r).constData());

    r = run({QStringLiteral("webhooks"), QStringLiteral("retry"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.array().size(), 2);
    for (const QJsonValue &v : r.array()) {
        QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(v.toObject().value(QStringLiteral("attempts")).toInt(), 0);
    }
    r = run({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QVERIFY2(r.out.contains("session.webhooks.retry"), describe(r).constData());
    r = run({QStringLiteral("events"), id, QStringLiteral("--json")});
    QCOMPARE(eventTypes(r.array()).count(QStringLiteral("webhook_requeued")), 2);

    // Queued again, not failed: nothing more to retry.
    r = run({QStringLiteral("webhooks"), QStringLiteral("retry"), id});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());

    // After a long outage: every failed webhook at once.
    RawDb(m_dir->filePath(QStringLiteral("verify.db")))
        .rows(QStringLiteral("UPDATE webhooks SET state = 'failed', attempts = 10"));
    r = run({QStringLiteral("webhooks"), QStringLiteral("failed"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.array().size(), 2);
    for (const QJsonValue &v : r.array())
        QCOMPARE(v.toObject().value(QStringLiteral("session_id")).toString(), id);
    r = run({QStringLiteral("webhooks"), QStringLiteral("retry"), QStringLiteral("--all"),
             QStringLiteral("--service"), QStringLiteral("default"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("queued")).toInt(), 2);
    r = run({QStringLiteral("webhooks"), QStringLiteral("failed")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QVERIFY2(r.stdoutText().contains(QStringLiteral("No webhook")), describe(r).constData());
    r = run({QStringLiteral("webhooks"), QStringLiteral("retry"), QStringLiteral("--all")});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    r = run({QStringLiteral("webhooks"), QStringLiteral("failed"), QStringLiteral("--service"),
             QStringLiteral("nope")});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    for (const QStringList &bad :
         {QStringList{QStringLiteral("webhooks")},
          QStringList{QStringLiteral("webhooks"), QStringLiteral("frob"), id},
          QStringList{QStringLiteral("webhooks"), QStringLiteral("list")},
          QStringList{QStringLiteral("webhooks"), QStringLiteral("retry"), QStringLiteral("--all"),
                      id},
          QStringList{QStringLiteral("webhooks"), QStringLiteral("list"), id,
                      QStringLiteral("--all")}}) {
        r = run(bad);
        QVERIFY2(r.exitCode == Usage && !r.crashed, describe(r).constData());
    }
}

// `alerts` lists the SMS-pumping signals with the prefix, never a number, and exits 4 when there
// are any, so a monitor can act on them.
void TestVerifyctl::pumpingAlerts()
{
    Run r = run({QStringLiteral("alerts")});
    QVERIFY2(r.exitCode == Ok && !r.crashed, describe(r).constData());
    QVERIFY2(r.stdoutText().contains(QStringLiteral("No signs of SMS pumping")),
             describe(r).constData());

    for (int i = 0; i < 10; ++i) {
        const QString number = QStringLiteral("+447400%1").arg(400000 + i);
        m_fullRecipients << number << number.mid(3);
        QVERIFY(!startSession(QStringLiteral("sms"), number).isEmpty());
    }
    r = run({QStringLiteral("alerts"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Alerts && !r.crashed, describe(r).constData());
    const QJsonArray alerts = r.array();
    QCOMPARE(alerts.size(), 1);
    const QJsonObject a = alerts.first().toObject();
    QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("burst"));
    QCOMPARE(a.value(QStringLiteral("prefix")).toString(), QStringLiteral("+44 740"));
    QCOMPARE(a.value(QStringLiteral("service_id")).toString(), QStringLiteral("default"));
    QCOMPARE(a.value(QStringLiteral("started")).toInt(), 10);

    r = run({QStringLiteral("alerts")});
    QVERIFY2(r.exitCode == Alerts, describe(r).constData());
    QVERIFY2(
        r.stdoutText().contains(QStringLiteral("burst")) &&
            r.stdoutText().contains(QStringLiteral("+44 740 (GB), service default: 10 starts")),
        describe(r).constData());
    // Another service has none; a malformed service id is refused.
    r = run({QStringLiteral("alerts"), QStringLiteral("--service"), QStringLiteral("nosuch")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    r = run({QStringLiteral("alerts"), QStringLiteral("--service"), QStringLiteral("Bad Id")});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("service_id")),
             describe(r).constData());
    r = run({QStringLiteral("alerts"), QStringLiteral("extra")});
    QVERIFY2(r.exitCode == Usage, describe(r).constData());
}

void TestVerifyctl::servicesShowAndUpdate()
{
    auto show = [this] {
        const Run r = run({QStringLiteral("services"), QStringLiteral("show"),
                           QStringLiteral("default"), QStringLiteral("--json")});
        if (r.exitCode != Ok)
            QTest::qFail(describe(r).constData(), __FILE__, __LINE__);
        return r.object();
    };
    QJsonObject s = show();
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(s.value(QStringLiteral("id")).toString(), QStringLiteral("default"));
    QCOMPARE(s.value(QStringLiteral("ttl_seconds")).toInt(), 300);
    QCOMPARE(s.value(QStringLiteral("code_length")).toInt(), 6);
    QCOMPARE(s.value(QStringLiteral("max_attempts")).toInt(), 5);
    QCOMPARE(s.value(QStringLiteral("max_resends")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("resend_cooldown_seconds")).toInt(), 30);
    QCOMPARE(s.value(QStringLiteral("starts_per_recipient_per_hour")).toInt(), 5);
    QCOMPARE(s.value(QStringLiteral("enabled")).toBool(), true);

    Run r = run({QStringLiteral("services"), QStringLiteral("update"), QStringLiteral("default"),
                 QStringLiteral("ttl_seconds=30")});
    QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("ttl_seconds")), describe(r).constData());
    QCOMPARE(show().value(QStringLiteral("ttl_seconds")).toInt(), 300);

    r = run({QStringLiteral("services"), QStringLiteral("update"), QStringLiteral("default"),
             QStringLiteral("ttl_seconds=600"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == Ok, describe(r).constData());
    QCOMPARE(r.object().value(QStringLiteral("ttl_seconds")).toInt(), 600);
    s = show();
    QCOMPARE(s.value(QStringLiteral("ttl_seconds")).toInt(), 600);
    QCOMPARE(s.value(QStringLiteral("max_attempts")).toInt(), 5);

    // One bad setting among good ones: all refused, none applied.
    r = run({QStringLiteral("services"), QStringLiteral("update"), QStringLiteral("default"),
             QStringLiteral("ttl_seconds=900"), QStringLiteral("max_attempts=99")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("max_attempts")), describe(r).constData());
    s = show();
    QCOMPARE(s.value(QStringLiteral("ttl_seconds")).toInt(), 600);
    QCOMPARE(s.value(QStringLiteral("max_attempts")).toInt(), 5);

    r = run({QStringLiteral("services"), QStringLiteral("update"), QStringLiteral("default"),
             QStringLiteral("no_such_setting=1")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("no_such_setting")), describe(r).constData());
}

// A provider set up from the command line: secrets from standard input and never shown again,
// settings checked by type, routes, a test message that cannot get out, removal only once nothing
// routes to it — and every change in the audit log.
void TestVerifyctl::providersConfiguredAndRouted()
{
    const QByteArray password =
        QByteArrayLiteral("pw-") + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    auto runOk = [this](const QStringList &args, const QByteArray &input = {}) {
        const Run r = run(args, input);
        if (r.crashed || r.exitCode != Ok)
            QTest::qFail(describe(r).constData(), __FILE__, __LINE__);
        return r;
    };
    auto providers = [&] {
        return runOk(
                   {QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("--json")})
            .array();
    };
    QCOMPARE(providers().size(), 0);
    QVERIFY(!QTest::currentTestFailed());

    // A new provider needs a kind; a secret on the command line is refused and names the way.
    Run r = run({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
                 QStringLiteral("host=127.0.0.1")});
    QVERIFY2(r.exitCode == Usage, describe(r).constData());
    r = run({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
             QStringLiteral("--kind"), QStringLiteral("smtp"), QStringLiteral("host=127.0.0.1"),
             QStringLiteral("password=") + QString::fromLatin1(password)});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QVERIFY2(r.stderrText().contains(QStringLiteral("--secret password")), describe(r).constData());
    r = run({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
             QStringLiteral("--kind"), QStringLiteral("smtp"), QStringLiteral("host=127.0.0.1"),
             QStringLiteral("port=many")});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("port")),
             describe(r).constData());
    r = run({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
             QStringLiteral("--kind"), QStringLiteral("smtp"), QStringLiteral("colour=blue")});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("colour")),
             describe(r).constData());
    QCOMPARE(providers().size(), 0);

    // Port 1 on loopback: nothing listens there, so the test message cannot get out.
    runOk({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
           QStringLiteral("--kind"), QStringLiteral("smtp"), QStringLiteral("host=127.0.0.1"),
           QStringLiteral("port=1"), QStringLiteral("from_address=no-reply@example.com"),
           QStringLiteral("username=app"), QStringLiteral("--secret"), QStringLiteral("password")},
          password + '\n');
    QVERIFY(!QTest::currentTestFailed());
    QJsonArray list = providers();
    QCOMPARE(list.size(), 1);
    QJsonObject mail = list.at(0).toObject();
    QCOMPARE(mail.value(QStringLiteral("kind")).toString(), QStringLiteral("smtp"));
    QCOMPARE(
        mail.value(QStringLiteral("settings")).toObject().value(QStringLiteral("port")).toInt(), 1);
    QCOMPARE(mail.value(QStringLiteral("secrets_set")).toArray(),
             QJsonArray{QStringLiteral("password")});

    // Changing one setting keeps the others and the secret.
    runOk({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("mail"),
           QStringLiteral("from_name=Shop")});
    mail = runOk({QStringLiteral("providers"), QStringLiteral("show"), QStringLiteral("mail"),
                  QStringLiteral("--json")})
               .object();
    QCOMPARE(mail.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("from_name"))
                 .toString(),
             QStringLiteral("Shop"));
    QCOMPARE(mail.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
             QStringLiteral("app"));
    QCOMPARE(mail.value(QStringLiteral("secrets_set")).toArray().size(), 1);

    // Routes: e-mail may go to it, SMS may not.
    runOk({QStringLiteral("providers"), QStringLiteral("route"), QStringLiteral("all"),
           QStringLiteral("email"), QStringLiteral("mail")});
    r = run({QStringLiteral("providers"), QStringLiteral("route"), QStringLiteral("all"),
             QStringLiteral("sms"), QStringLiteral("mail")});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("sms")),
             describe(r).constData());
    r = run({QStringLiteral("providers"), QStringLiteral("route"), QStringLiteral("nosuch"),
             QStringLiteral("email"), QStringLiteral("mail")});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("nosuch")),
             describe(r).constData());
    mail = providers().at(0).toObject();
    QCOMPARE(mail.value(QStringLiteral("routes")).toArray().size(), 1);
    QCOMPARE(mail.value(QStringLiteral("routes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("channel"))
                 .toString(),
             QStringLiteral("email"));

    // The test message fails with the reason, and exit 1.
    r = run({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("mail"),
             QStringLiteral("--channel"), QStringLiteral("email"), QStringLiteral("--recipient"),
             kEmail});
    QVERIFY2(r.exitCode == Failure && r.stderrText().contains(QStringLiteral("not sent")),
             describe(r).constData());

    // Removal waits until nothing routes to it.
    r = run({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("mail")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());
    QCOMPARE(providers().size(), 1);
    runOk({QStringLiteral("providers"), QStringLiteral("route"), QStringLiteral("all"),
           QStringLiteral("email"), QStringLiteral("outbox")});
    runOk({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("mail")});
    QCOMPARE(providers().size(), 0);
    r = run({QStringLiteral("providers"), QStringLiteral("show"), QStringLiteral("mail")});
    QVERIFY2(r.exitCode == Failure, describe(r).constData());

    const QString audit =
        runOk({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("50")})
            .stdoutText();
    for (const char *action :
         {"provider.update", "provider.route", "provider.test", "provider.remove"})
        QVERIFY2(audit.contains(QLatin1String(action)), action);

    // The secret never came back out, in any output of this test.
    for (const Run &each : std::as_const(m_runs))
        QVERIFY2(!each.out.contains(password) && !each.err.contains(password),
                 qPrintable(each.command));
}

void TestVerifyctl::readableMasterKeyIsRefusedAndNothingChanges()
{
    const QString keyPath = m_dir->filePath(QStringLiteral("master.key"));
    QByteArray secret(32, '\0');
    QCOMPARE(RAND_bytes(reinterpret_cast<unsigned char *>(secret.data()), 32), 1);
    {
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(secret), qint64(32));
    }
    const QFile::Permissions mode0644 = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                                        QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QFile::setPermissions(keyPath, mode0644));

    for (const QStringList &args :
         {QStringList{QStringLiteral("services"), QStringLiteral("list")},
          QStringList{QStringLiteral("start"), QStringLiteral("--channel"), QStringLiteral("sms"),
                      QStringLiteral("--recipient"), kPhone}}) {
        const Run r = run(args);
        QVERIFY2(r.exitCode == Failure && !r.crashed, describe(r).constData());
        QVERIFY2(r.stderrText().contains(QStringLiteral("chmod 600")), describe(r).constData());
        QVERIFY(r.out.isEmpty());
    }

    // Nothing changed: the key is as it was (content and mode: not silently "fixed"), and no
    // database was created next to it.
    QFile f(keyPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == secret);
    QCOMPARE(QFile::permissions(keyPath), mode0644);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("master.key")});
}

// Every command of a full flow, with the engine's log switched on, and then every run of this
// test: no full phone number or e-mail address anywhere, no delivered code anywhere but in the
// outbox's own output.
void TestVerifyctl::noOutputRevealsRecipientsOrCodes()
{
    m_verboseLogs = true;
    auto quiet = qScopeGuard([this] { m_verboseLogs = false; });
    const int firstRun = static_cast<int>(m_runs.size());

    const QString sms = startSession(QStringLiteral("sms"), kPhone);
    const QString mail = startSession(QStringLiteral("email"), kEmail);
    QVERIFY(!QTest::currentTestFailed());
    for (const QString &id : {sms, mail})
        QCOMPARE(outboxOf(id).size(), 1);
    {
        RawDb raw(m_dir->filePath(QStringLiteral("verify.db")));
        QCOMPARE(raw.exec(QStringLiteral("UPDATE sessions SET last_sent_at = last_sent_at - 31000 "
                                         "WHERE id = ?"),
                          {sms}),
                 1);
    }
    QCOMPARE(
        run({QStringLiteral("resend"), sms, QStringLiteral("--channel"), QStringLiteral("voice")})
            .exitCode,
        Ok);
    const QJsonArray box = outboxOf(sms);
    QCOMPARE(box.size(), 2);
    QCOMPARE(run({QStringLiteral("outbox")}).exitCode, Ok);
    const QString mailCode =
        codeInText(outboxOf(mail).first().toObject().value(QStringLiteral("text")).toString());
    QCOMPARE(mailCode.size(), 6);

    for (const QStringList &args : QList<QStringList>{
             {QStringLiteral("check"), mail, wrongCodeFor(mailCode)},
             {QStringLiteral("check"), mail, wrongCodeFor(mailCode), QStringLiteral("--json")},
             {QStringLiteral("check"), mail, mailCode},
             {QStringLiteral("check"), mail, mailCode, QStringLiteral("--json")},
             {QStringLiteral("status"), sms},
             {QStringLiteral("status"), mail, QStringLiteral("--json")},
             {QStringLiteral("events"), sms},
             {QStringLiteral("events"), mail, QStringLiteral("--json")},
             {QStringLiteral("resend"), sms},
             {QStringLiteral("cancel"), sms},
             {QStringLiteral("stats")},
             {QStringLiteral("stats"), QStringLiteral("--json")},
             {QStringLiteral("deliver")},
             {QStringLiteral("sweep")},
             {QStringLiteral("services"), QStringLiteral("list")},
             {QStringLiteral("start"), QStringLiteral("--channel"), QStringLiteral("sms"),
              QStringLiteral("--recipient"), kPhone, QStringLiteral("--ttl"), QStringLiteral("30")},
             {QStringLiteral("start"), QStringLiteral("--channel"), QStringLiteral("voice"),
              QStringLiteral("--recipient"), kEmail},
         })
        (void)run(args);

    // The flow itself must have put codes and recipients in front of verifyctl.
    QVERIFY(m_deliveredCodes.size() >= 4);
    QVERIFY(m_runs.size() - firstRun >= 20);
    verifyNoSecretsIn(m_runs);
}

void TestVerifyctl::verifyNoSecretsIn(const QList<Run> &runs)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                       "[0-9a-fA-F]{12}"));
    for (int i = 0; i < runs.size(); ++i) {
        const Run &r = runs.at(i);
        const QString all = r.stdoutText() + u'\n' + r.stderrText();
        for (const QString &recipient : std::as_const(m_fullRecipients))
            QVERIFY2(!all.contains(recipient),
                     qPrintable(QStringLiteral("run %1 (verifyctl %2) shows a full recipient")
                                    .arg(i)
                                    .arg(r.command)));
        // The outbox shows messages by design; everything else must not show a code. Session
        // ids are hidden first: their hex digits could spell a code by chance.
        QString shown = r.outbox ? r.stderrText() : all;
        shown.replace(uuid, QStringLiteral("<id>"));
        for (const QString &code : std::as_const(m_deliveredCodes)) {
            const QRegularExpression token(QStringLiteral("(?<![0-9])%1(?![0-9])").arg(code));
            QVERIFY2(!shown.contains(token),
                     qPrintable(QStringLiteral("run %1 (verifyctl %2) shows a delivered code")
                                    .arg(i)
                                    .arg(r.command)));
        }
    }
}

QTEST_GUILESS_MAIN(TestVerifyctl)
#include "tst_verifyctl.moc"
