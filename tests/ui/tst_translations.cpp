// The console's catalogues: built into the application, complete, and true to their sources.

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QStringList kTranslated{QStringLiteral("nb"), QStringLiteral("sv"), QStringLiteral("da"),
                              QStringLiteral("fi")};

QString tsPath(const QString &language)
{
    return QStringLiteral(VC_SOURCE_DIR "/translations/verify_console_%1.ts").arg(language);
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one, or one per plural form
};

QList<Message> readCatalogue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context,
                        {},
                        xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            m.unfinished = type == QLatin1String("unfinished");
            if (!m.numerus)
                m.translations = {xml.readElementText()};
            else
                while (xml.readNextStartElement())
                    m.translations.append(xml.readElementText());
            out.append(m);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

// What must survive translation unchanged: %1, %L1, %n, %Ln, {code}-style fields and HTML tags.
QStringList markersOf(const QString &text)
{
    static const QRegularExpression marker(
        QStringLiteral(R"(%L?\d|%L?n|\{[a-z_]+\}|</?[a-zA-Z]+[^>]*>)"));
    QStringList out;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        out.append(it.next().captured());
    out.sort();
    return out;
}

QString lupdate()
{
    return QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cataloguesAreBuiltIn_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &l : kTranslated + QStringList{QStringLiteral("en")})
            QTest::newRow(qPrintable(l)) << l;
    }

    void cataloguesAreBuiltIn()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/verify_console_%1.qm").arg(language)));
        QVERIFY(!translator.isEmpty());
    }

    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &l : kTranslated)
            QTest::newRow(qPrintable(l)) << l;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, language);
        const QList<Message> messages = readCatalogue(tsPath(language));
        QVERIFY(messages.size() > 400);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + u'"';
            if (m.unfinished)
                problems << QStringLiteral("unfinished: ") + where;
            if (m.numerus && m.translations.size() != 2)
                problems << QStringLiteral("needs two plural forms: ") + where;
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("empty: ") + where;
                else if (markersOf(t) != markersOf(m.source))
                    problems << QStringLiteral("placeholders differ: ") + where +
                                    QStringLiteral(" -> \"") + t + u'"';
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void englishPluralsAreSpelledOut()
    {
        const QList<Message> messages = readCatalogue(tsPath(QStringLiteral("en")));
        QVERIFY(!messages.isEmpty());
        for (const Message &m : messages) {
            QVERIFY2(m.numerus && !m.unfinished && m.translations.size() == 2,
                     qPrintable(m.source));
            for (const QString &t : m.translations)
                QVERIFY2(!t.contains(QStringLiteral("(s)")), qPrintable(t));
        }
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/verify_console_en.qm")));
        QCOMPARE(translator.translate("vc::ui::SessionsPage", "%Ln session(s)", nullptr, 1),
                 QStringLiteral("%Ln session"));
        QCOMPARE(translator.translate("vc::ui::SessionsPage", "%Ln session(s)", nullptr, 2),
                 QStringLiteral("%Ln sessions"));
    }

    // A string added to the sources without a translation fails here, not in front of a user.
    void cataloguesCoverEveryStringInTheSources_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &l : kTranslated + QStringList{QStringLiteral("en")})
            QTest::newRow(qPrintable(l)) << l;
    }

    void cataloguesCoverEveryStringInTheSources()
    {
        QFETCH(QString, language);
        if (!QFile::exists(lupdate()))
            QSKIP("lupdate is not installed (qt6-l10n-tools)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("check_%1.ts").arg(language));
        QVERIFY(QFile::copy(tsPath(language), copy));
        QStringList args{QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                         QStringLiteral("-locations"), QStringLiteral("none")};
        if (language == QLatin1String("en"))
            args << QStringLiteral("-pluralonly");
        args << QStringLiteral(VC_SOURCE_DIR "/ui")
             << QStringLiteral(VC_SOURCE_DIR "/app/verify-console") << QStringLiteral("-ts")
             << copy;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(lupdate(), args);
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAll().constData());

        const QList<Message> before = readCatalogue(tsPath(language));
        const QList<Message> after = readCatalogue(copy);
        QStringList missing;
        for (const Message &m : after)
            if (m.unfinished)
                missing << m.context + QStringLiteral(" \"") + m.source + u'"';
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not translated yet (run scripts/update-translations.sh "
                                           "and translate):\n") +
                            missing.join(u'\n')));
        QCOMPARE(after.size(), before.size()); // nothing stale kept either
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
