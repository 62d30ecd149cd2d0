#include "delivery/MessageTemplates.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

namespace {

constexpr char Code[] = "482915";
constexpr QLatin1String SpacedCode("4, 8, 2, 9, 1, 5");

// The GSM 03.38 basic character set: an SMS made only of these is sent as GSM-7, 160 characters
// per single message and 153 per part of a long one. Anything else forces UCS-2 (70 per message).
bool isGsm7Basic(QChar c)
{
    static const QString extra =
        QStringLiteral("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà");
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
           extra.contains(c);
}

qsizetype count(const QString &haystack, QLatin1String needle)
{
    return haystack.count(QString(needle));
}

} // namespace

class TestMessageTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void partNamesRoundTrip();
    void partsForChannel();
    void everyShippedLocaleLoadsAndValidates();
    void shippedHtmlIsSelfContained();

    void rendersEveryChannel_data();
    void rendersEveryChannel();
    void minuteWordAgreesWithTtl_data();
    void minuteWordAgreesWithTtl();
    void smsFitsInOneMessage_data();
    void smsFitsInOneMessage();

    void htmlEscapesValuesOnlyInHtml();
    void doubledBracesAreLiteral();
    void voiceSpellsAlphanumericCodes();
    void unknownPlaceholderIsAnError();
    void unbalancedBracesAreErrors_data();
    void unbalancedBracesAreErrors();
    void validateTemplateRules();
    void subjectNeverCarriesTheCode();
    void missingValuesAreErrors();

    void overridesReplaceParts();
    void localesFallBackToEnglish();
    void wipeEmptiesTheMessage();

    void loadsFromDirectory();
    void badFilesAreNamedInErrors_data();
    void badFilesAreNamedInErrors();

private:
    MessageValues values(const QString &appName = QStringLiteral("Acme Shop"), int ttl = 5) const
    {
        MessageValues v;
        v.code = &m_code;
        v.appName = appName;
        v.ttlMinutes = ttl;
        return v;
    }
    // Copies the shipped files to a directory a test may change.
    bool copyShipped(const QString &dir) const;

    SecureBytes m_code{QByteArray(Code)};
    std::optional<TemplateCatalog> m_catalog;
};

void TestMessageTemplates::initTestCase()
{
    Result<TemplateCatalog> catalog = TemplateCatalog::loadBuiltIn();
    QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
    m_catalog = std::move(catalog).value();
}

bool TestMessageTemplates::copyShipped(const QString &dir) const
{
    for (const QString &locale : supportedLocales()) {
        const QString target = dir + u'/' + locale + QStringLiteral(".json");
        if (!QFile::copy(QStringLiteral(":/templates/") + locale + QStringLiteral(".json"), target))
            return false;
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

void TestMessageTemplates::partNamesRoundTrip()
{
    const QStringList expected{QStringLiteral("sms"), QStringLiteral("voice"),
                               QStringLiteral("email_subject"), QStringLiteral("email_text"),
                               QStringLiteral("email_html")};
    QStringList names;
    for (TemplatePart part : allTemplateParts()) {
        names.append(templatePartName(part));
        QCOMPARE(templatePartFromName(names.last()), std::optional<TemplatePart>(part));
    }
    QCOMPARE(names, expected);
    QVERIFY(!templatePartFromName(QStringLiteral("subject")));
}

void TestMessageTemplates::partsForChannel()
{
    QCOMPARE(vc::partsForChannel(Channel::Sms), QList<TemplatePart>{TemplatePart::Sms});
    QCOMPARE(vc::partsForChannel(Channel::Voice), QList<TemplatePart>{TemplatePart::Voice});
    QCOMPARE(vc::partsForChannel(Channel::Email),
             (QList<TemplatePart>{TemplatePart::EmailSubject, TemplatePart::EmailText,
                                  TemplatePart::EmailHtml}));
}

void TestMessageTemplates::everyShippedLocaleLoadsAndValidates()
{
    for (const QString &locale : supportedLocales()) {
        const LocaleTemplates *t = m_catalog->locale(locale);
        QVERIFY2(t, qPrintable(locale));
        QCOMPARE(t->locale, locale);
        QVERIFY(!t->minuteOne.isEmpty());
        QVERIFY(!t->minuteOther.isEmpty());
        QVERIFY(t->minuteOne != t->minuteOther);
        for (TemplatePart part : allTemplateParts()) {
            const QString text = t->parts.value(part);
            QCOMPARE(m_catalog->builtIn(locale, part), text);
            const Status valid = validateTemplate(part, text);
            QVERIFY2(valid.ok(), qPrintable(locale + u' ' + templatePartName(part) + u' ' +
                                            valid.error().toString()));
        }
    }
    QVERIFY(m_catalog->locale(QStringLiteral("no")));
    QCOMPARE(m_catalog->locale(QStringLiteral("no")), m_catalog->locale(QStringLiteral("nb")));
    QVERIFY(!m_catalog->locale(QStringLiteral("de")));
}

void TestMessageTemplates::shippedHtmlIsSelfContained()
{
    for (const QString &locale : supportedLocales()) {
        const QString html = m_catalog->builtIn(locale, TemplatePart::EmailHtml);
        QVERIFY2(html.contains(QStringLiteral("<html lang=\"") + locale + u'"'),
                 qPrintable(locale));
        QVERIFY(html.contains(QLatin1String("<meta charset=\"utf-8\">")));
        for (const char *external : {"http:", "https:", "src=", "url(", "<link", "<script"})
            QVERIFY2(!html.contains(QLatin1String(external), Qt::CaseInsensitive),
                     qPrintable(locale + u' ' + QLatin1String(external)));
    }
}

void TestMessageTemplates::rendersEveryChannel_data()
{
    QTest::addColumn<QString>("locale");
    for (const QString &locale : supportedLocales())
        QTest::newRow(qPrintable(locale)) << locale;
}

void TestMessageTemplates::rendersEveryChannel()
{
    QFETCH(QString, locale);
    const QString app = QStringLiteral("Acme Shop");
    const QString code = QString::fromLatin1(Code);
    const LocaleTemplates *t = m_catalog->locale(locale);
    const QString ttlPhrase = QStringLiteral("7 ") + t->minuteOther;

    const Result<RenderedMessage> sms = m_catalog->render(Channel::Sms, locale, values(app, 7));
    QVERIFY(sms.ok());
    QVERIFY(sms->text.contains(code));
    QVERIFY(sms->text.contains(app));
    QVERIFY2(sms->text.contains(ttlPhrase), qPrintable(sms->text));
    QVERIFY(sms->subject.isEmpty());
    QVERIFY(sms->html.isEmpty());

    const Result<RenderedMessage> voice = m_catalog->render(Channel::Voice, locale, values(app, 7));
    QVERIFY(voice.ok());
    QCOMPARE(count(voice->text, SpacedCode), 2);
    QVERIFY2(!voice->text.contains(code), "the voice script reads the code digit by digit");
    QVERIFY(voice->text.contains(app));
    QVERIFY2(voice->text.contains(ttlPhrase), qPrintable(voice->text));
    QVERIFY(voice->text.indexOf(SpacedCode) < voice->text.indexOf(ttlPhrase));

    const Result<RenderedMessage> email = m_catalog->render(Channel::Email, locale, values(app, 7));
    QVERIFY(email.ok());
    QVERIFY(email->subject.contains(app));
    QVERIFY(!email->subject.contains(code));
    QVERIFY(!email->subject.contains(u'{'));
    QVERIFY(email->text.contains(code));
    QVERIFY(email->text.contains(app));
    QVERIFY(email->text.contains(ttlPhrase));
    QVERIFY(email->html.contains(u'>' + code + QStringLiteral("</p>")));
    QVERIFY(email->html.contains(app));
    QVERIFY(email->html.contains(ttlPhrase));
    for (const QString &part : {sms->text, voice->text, email->subject, email->text, email->html})
        QVERIFY2(!part.contains(u'{') && !part.contains(u'}'), qPrintable(part));
}

void TestMessageTemplates::minuteWordAgreesWithTtl_data()
{
    rendersEveryChannel_data();
}

void TestMessageTemplates::minuteWordAgreesWithTtl()
{
    QFETCH(QString, locale);
    const LocaleTemplates *t = m_catalog->locale(locale);
    for (Channel channel : allChannels()) {
        const Result<RenderedMessage> one =
            m_catalog->render(channel, locale, values(QStringLiteral("Acme"), 1));
        const Result<RenderedMessage> five =
            m_catalog->render(channel, locale, values(QStringLiteral("Acme"), 5));
        QVERIFY(one.ok() && five.ok());
        QVERIFY2(one->text.contains(QStringLiteral("1 ") + t->minuteOne + u'.'),
                 qPrintable(one->text));
        QVERIFY(!one->text.contains(QStringLiteral("1 ") + t->minuteOther));
        QVERIFY2(five->text.contains(QStringLiteral("5 ") + t->minuteOther + u'.'),
                 qPrintable(five->text));
    }
}

void TestMessageTemplates::smsFitsInOneMessage_data()
{
    rendersEveryChannel_data();
}

void TestMessageTemplates::smsFitsInOneMessage()
{
    QFETCH(QString, locale);
    const Result<RenderedMessage> acme = m_catalog->render(Channel::Sms, locale, values());
    QVERIFY(acme.ok());
    qInfo("%s SMS, %lld characters: %s", qPrintable(locale),
          static_cast<long long>(acme->text.size()), qPrintable(acme->text));
    for (QChar c : acme->text)
        QVERIFY2(isGsm7Basic(c), qPrintable(locale + QStringLiteral(": not GSM-7: ") + c));
    if (locale == QLatin1String("en"))
        QVERIFY(acme->text.size() <= 160);
    QVERIFY(acme->text.size() <= 306);

    // The worst case we design for: a ten-character name, the longest code, an hour's validity.
    const SecureBytes longCode(QByteArrayLiteral("1234567890"));
    MessageValues v = values(QStringLiteral("Acme Shops"), 60);
    v.code = &longCode;
    const Result<RenderedMessage> worst = m_catalog->render(Channel::Sms, locale, v);
    QVERIFY(worst.ok());
    QVERIFY2(worst->text.size() <= 160, qPrintable(QString::number(worst->text.size())));
}

void TestMessageTemplates::htmlEscapesValuesOnlyInHtml()
{
    const QString app = QStringLiteral("<A&B> \"Shop\" 'n' Co");
    const Result<RenderedMessage> email =
        m_catalog->render(Channel::Email, QStringLiteral("en"), values(app));
    QVERIFY(email.ok());
    QVERIFY(email->html.contains(QLatin1String("&lt;A&amp;B&gt; &quot;Shop&quot; &#39;n&#39; Co")));
    QVERIFY(!email->html.contains(QLatin1String("<A&B>")));
    QVERIFY(email->text.contains(app));
    QVERIFY(email->subject.contains(app));

    const Result<RenderedMessage> sms =
        m_catalog->render(Channel::Sms, QStringLiteral("en"), values(app));
    QVERIFY(sms.ok());
    QVERIFY(sms->text.contains(app));
}

void TestMessageTemplates::doubledBracesAreLiteral()
{
    const MessageValues v = values();
    const Result<QString> r = renderTemplate(QStringLiteral("{{code}} is {code}; {{{code}}}; }}{{"),
                                             TemplatePart::Sms, QStringLiteral("minutes"), v);
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("{code} is 482915; {482915}; }{"));
    QVERIFY(validateTemplate(TemplatePart::EmailHtml,
                             QStringLiteral("<style>p {{ color: red; }}</style><p>{code}</p>"))
                .ok());
}

void TestMessageTemplates::voiceSpellsAlphanumericCodes()
{
    const SecureBytes code(QByteArrayLiteral("K7QX"));
    MessageValues v = values();
    v.code = &code;
    const Result<QString> r =
        renderTemplate(QStringLiteral("Code {code}."), TemplatePart::Voice, {}, v);
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("Code K, 7, Q, X."));
    const Result<QString> text =
        renderTemplate(QStringLiteral("Code {code}."), TemplatePart::Sms, {}, v);
    QCOMPARE(*text, QStringLiteral("Code K7QX."));
}

void TestMessageTemplates::unknownPlaceholderIsAnError()
{
    const QString text = QStringLiteral("Hi {name}, your code is {code}");
    const Result<QString> r = renderTemplate(text, TemplatePart::Sms, {}, values());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(r.error().field, QStringLiteral("template"));
    QVERIFY2(r.error().message.contains(QLatin1String("unknown placeholder {name}")),
             qPrintable(r.error().message));

    const Status s = validateTemplate(TemplatePart::Sms, text);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().field, QStringLiteral("template"));
    QVERIFY(s.error().message.contains(QLatin1String("{name}")));

    // Placeholders are exact: no spaces, no other case.
    QVERIFY(!validateTemplate(TemplatePart::Sms, QStringLiteral("{ code }")).ok());
    QVERIFY(!validateTemplate(TemplatePart::Sms, QStringLiteral("{CODE}")).ok());
    QVERIFY(!validateTemplate(TemplatePart::Sms, QStringLiteral("{code} {}")).ok());

    // A huge unknown name is not echoed whole.
    const Status huge =
        validateTemplate(TemplatePart::Sms, u'{' + QString(500, u'x') + QStringLiteral("} {code}"));
    QVERIFY(!huge.ok());
    QVERIFY(huge.error().message.size() < 200);
}

void TestMessageTemplates::unbalancedBracesAreErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unclosed") << QStringLiteral("Your code: {code");
    QTest::newRow("unopened") << QStringLiteral("Your code: code} {code}");
    QTest::newRow("nested") << QStringLiteral("Your code: {co{code}de}");
    QTest::newRow("close before open") << QStringLiteral("}{code}");
    QTest::newRow("trailing open") << QStringLiteral("{code} {");
    QTest::newRow("odd run of closes") << QStringLiteral("{code}}}}");
}

void TestMessageTemplates::unbalancedBracesAreErrors()
{
    QFETCH(QString, text);
    const Result<QString> r = renderTemplate(text, TemplatePart::Sms, {}, values());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, QStringLiteral("template"));
    QVERIFY2(r.error().message.contains(QLatin1String("unbalanced")),
             qPrintable(r.error().message));
    QVERIFY(!validateTemplate(TemplatePart::Sms, text).ok());
}

void TestMessageTemplates::validateTemplateRules()
{
    QVERIFY(validateTemplate(TemplatePart::Sms, QStringLiteral("{app_name}: {code}")).ok());
    QVERIFY(validateTemplate(TemplatePart::Voice, QStringLiteral("{code}")).ok());
    QVERIFY(validateTemplate(TemplatePart::EmailSubject, QStringLiteral("{app_name} code")).ok());
    QVERIFY(validateTemplate(TemplatePart::EmailSubject, QStringLiteral("Your code")).ok());

    for (TemplatePart part : {TemplatePart::Sms, TemplatePart::Voice, TemplatePart::EmailText,
                              TemplatePart::EmailHtml}) {
        const Status missing = validateTemplate(part, QStringLiteral("Hello from {app_name}"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, QStringLiteral("template"));
        QVERIFY(missing.error().message.contains(QLatin1String("{code}")));
    }
    for (TemplatePart part : allTemplateParts()) {
        QVERIFY(!validateTemplate(part, QString()).ok());
        QVERIFY(!validateTemplate(part, QStringLiteral("  \n ")).ok());
    }

    const QString sms1600 = QStringLiteral("{code}") + QString(1594, u'x');
    QVERIFY(validateTemplate(TemplatePart::Sms, sms1600).ok());
    QVERIFY(!validateTemplate(TemplatePart::Sms, sms1600 + u'x').ok());
    QVERIFY(!validateTemplate(TemplatePart::Voice, sms1600 + u'x').ok());
    QVERIFY(validateTemplate(TemplatePart::EmailText, sms1600 + u'x').ok());
    const QString email20000 = QStringLiteral("{code}") + QString(19994, u'x');
    QVERIFY(validateTemplate(TemplatePart::EmailHtml, email20000).ok());
    QVERIFY(!validateTemplate(TemplatePart::EmailHtml, email20000 + u'x').ok());

    const Status twoLines = validateTemplate(TemplatePart::EmailSubject,
                                             QStringLiteral("Your code\nBcc: x@example.com"));
    QVERIFY(!twoLines.ok());
}

void TestMessageTemplates::subjectNeverCarriesTheCode()
{
    const Status s = validateTemplate(TemplatePart::EmailSubject, QStringLiteral("Code: {code}"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().field, QStringLiteral("template"));
    QVERIFY2(s.error().message.contains(QLatin1String("subject")), qPrintable(s.error().message));

    // Even an override that skipped validation cannot put the code in the subject.
    const Result<RenderedMessage> r =
        m_catalog->render(Channel::Email, QStringLiteral("en"), values(),
                          {{TemplatePart::EmailSubject, QStringLiteral("Code: {code}")}});
    QVERIFY(!r.ok());

    const QString code = QString::fromLatin1(Code);
    for (const QString &locale : supportedLocales()) {
        const Result<RenderedMessage> email = m_catalog->render(Channel::Email, locale, values());
        QVERIFY(email.ok());
        QVERIFY(!email->subject.isEmpty());
        QVERIFY2(!email->subject.contains(code), qPrintable(email->subject));
    }
}

void TestMessageTemplates::missingValuesAreErrors()
{
    MessageValues noCode = values();
    noCode.code = nullptr;
    QVERIFY(!m_catalog->render(Channel::Sms, QStringLiteral("en"), noCode).ok());
    // A subject needs no code.
    QVERIFY(
        renderTemplate(QStringLiteral("{app_name}"), TemplatePart::EmailSubject, {}, noCode).ok());

    QVERIFY(!m_catalog->render(Channel::Sms, QStringLiteral("en"), values(QStringLiteral("A"), 0))
                 .ok());

    const SecureBytes binary(QByteArray("12\n34", 5));
    MessageValues v = values();
    v.code = &binary;
    const Result<RenderedMessage> r = m_catalog->render(Channel::Sms, QStringLiteral("en"), v);
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.contains(QLatin1String("12")));
}

void TestMessageTemplates::overridesReplaceParts()
{
    const MessageValues v = values();
    const Result<RenderedMessage> sms =
        m_catalog->render(Channel::Sms, QStringLiteral("nb"), v,
                          {{TemplatePart::Sms, QStringLiteral("{app_name}: {code} ({ttl_minutes} "
                                                              "{minutes})")}});
    QVERIFY(sms.ok());
    QCOMPARE(sms->text, QStringLiteral("Acme Shop: 482915 (5 minutter)"));

    // Only the overridden part changes; an empty override keeps the shipped text.
    const Result<RenderedMessage> shipped =
        m_catalog->render(Channel::Email, QStringLiteral("en"), v);
    const Result<RenderedMessage> email =
        m_catalog->render(Channel::Email, QStringLiteral("en"), v,
                          {{TemplatePart::EmailSubject, QStringLiteral("Sign in to {app_name}")},
                           {TemplatePart::EmailHtml, QString()},
                           {TemplatePart::Sms, QStringLiteral("not used by e-mail {code}")}});
    QVERIFY(shipped.ok() && email.ok());
    QCOMPARE(email->subject, QStringLiteral("Sign in to Acme Shop"));
    QCOMPARE(email->text, shipped->text);
    QCOMPARE(email->html, shipped->html);

    const Result<RenderedMessage> bad =
        m_catalog->render(Channel::Voice, QStringLiteral("en"), v,
                          {{TemplatePart::Voice, QStringLiteral("{code} {oops}")}});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("template"));
}

void TestMessageTemplates::localesFallBackToEnglish()
{
    const MessageValues v = values();
    const Result<RenderedMessage> en = m_catalog->render(Channel::Email, QStringLiteral("en"), v);
    QVERIFY(en.ok());
    for (const QString &other :
         {QStringLiteral("de"), QStringLiteral(""), QStringLiteral("xx-YY")}) {
        const Result<RenderedMessage> r = m_catalog->render(Channel::Email, other, v);
        QVERIFY(r.ok());
        QCOMPARE(r->subject, en->subject);
        QCOMPARE(r->text, en->text);
        QCOMPARE(r->html, en->html);
    }
    QCOMPARE(m_catalog->builtIn(QStringLiteral("de"), TemplatePart::Sms),
             m_catalog->builtIn(QStringLiteral("en"), TemplatePart::Sms));

    const Result<RenderedMessage> nb = m_catalog->render(Channel::Sms, QStringLiteral("nb"), v);
    for (const QString &alias :
         {QStringLiteral("no"), QStringLiteral("nb-NO"), QStringLiteral("NO_no")}) {
        const Result<RenderedMessage> r = m_catalog->render(Channel::Sms, alias, v);
        QVERIFY(r.ok());
        QCOMPARE(r->text, nb->text);
    }
    QVERIFY(nb->text != m_catalog->render(Channel::Sms, QStringLiteral("en"), v)->text);
}

void TestMessageTemplates::wipeEmptiesTheMessage()
{
    Result<RenderedMessage> r = m_catalog->render(Channel::Email, QStringLiteral("en"), values());
    QVERIFY(r.ok());
    RenderedMessage message = std::move(r).value();
    QVERIFY(!message.text.isEmpty());
    message.wipe();
    QVERIFY(message.subject.isEmpty());
    QVERIFY(message.text.isEmpty());
    QVERIFY(message.html.isEmpty());
    message.wipe(); // twice is harmless
}

void TestMessageTemplates::loadsFromDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyShipped(dir.path()));

    QFile sv(dir.filePath(QStringLiteral("sv.json")));
    QVERIFY(sv.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(sv.readAll()).object();
    sv.close();
    root.insert(QStringLiteral("sms"), QStringLiteral("{app_name}: {code}"));
    QVERIFY(sv.open(QIODevice::WriteOnly | QIODevice::Truncate));
    sv.write(QJsonDocument(root).toJson());
    sv.close();

    const Result<TemplateCatalog> catalog = TemplateCatalog::loadFromDirectory(dir.path());
    QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
    QCOMPARE(catalog->builtIn(QStringLiteral("sv"), TemplatePart::Sms),
             QStringLiteral("{app_name}: {code}"));
    QCOMPARE(catalog->builtIn(QStringLiteral("da"), TemplatePart::Sms),
             m_catalog->builtIn(QStringLiteral("da"), TemplatePart::Sms));
}

void TestMessageTemplates::badFilesAreNamedInErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");   // the key to change; empty: replace the whole file
    QTest::addColumn<QString>("value"); // the new value; "<remove>" removes the key
    QTest::addColumn<QString>("expected");

    const QString remove = QStringLiteral("<remove>");
    QTest::newRow("malformed JSON")
        << QStringLiteral("fi.json") << QString() << QStringLiteral("{\"locale\": \"fi\",")
        << QStringLiteral("malformed");
    QTest::newRow("not an object") << QStringLiteral("da.json") << QString()
                                   << QStringLiteral("[1, 2]") << QStringLiteral("object");
    QTest::newRow("missing part") << QStringLiteral("nb.json") << QStringLiteral("voice") << remove
                                  << QStringLiteral("\"voice\"");
    QTest::newRow("missing minute") << QStringLiteral("sv.json") << QStringLiteral("minute")
                                    << remove << QStringLiteral("\"minute\"");
    QTest::newRow("part without code")
        << QStringLiteral("en.json") << QStringLiteral("sms")
        << QStringLiteral("Hello from {app_name}") << QStringLiteral("\"sms\"");
    QTest::newRow("code in subject") << QStringLiteral("da.json") << QStringLiteral("email_subject")
                                     << QStringLiteral("{code}") << QStringLiteral("subject");
    QTest::newRow("unknown placeholder")
        << QStringLiteral("fi.json") << QStringLiteral("email_html")
        << QStringLiteral("<p>{code} {name}</p>") << QStringLiteral("{name}");
    QTest::newRow("wrong locale") << QStringLiteral("sv.json") << QStringLiteral("locale")
                                  << QStringLiteral("da") << QStringLiteral("\"locale\"");
    QTest::newRow("unknown key") << QStringLiteral("en.json") << QStringLiteral("email_txt")
                                 << QStringLiteral("{code}") << QStringLiteral("\"email_txt\"");
}

void TestMessageTemplates::badFilesAreNamedInErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyShipped(dir.path()));
    QFile f(dir.filePath(file));
    QByteArray contents = value.toUtf8();
    if (!key.isEmpty()) {
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        if (value == QLatin1String("<remove>"))
            root.remove(key);
        else
            root.insert(key, value);
        contents = QJsonDocument(root).toJson();
    }
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(contents);
    f.close();

    const Result<TemplateCatalog> r = TemplateCatalog::loadFromDirectory(dir.path());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, QStringLiteral("template"));
    QVERIFY2(r.error().message.contains(file), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(TestMessageTemplates)
#include "tst_message_templates.moc"
