#include "common/Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTranslator, "verify.console.i18n", QtInfoMsg)

namespace vc::ui {

Translator::Translator(QObject *parent)
    : QObject(parent)
{}

Translator::~Translator()
{
    removeInstalled();
}

QStringList Translator::languages()
{
    return {QStringLiteral("en"), QStringLiteral("nb"), QStringLiteral("sv"), QStringLiteral("da"),
            QStringLiteral("fi")};
}

QString Translator::nativeName(const QString &language)
{
    QLocale locale(language);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return language;
    name[0] = name[0].toUpper();
    return name;
}

void Translator::removeInstalled()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
}

QString Translator::setLanguage(const QString &requested)
{
    QString language = requested;
    if (language.isEmpty()) {
        language = QLocale::system().name().section(u'_', 0, 0);
        if (language == QLatin1String("no") || language == QLatin1String("nn"))
            language = QStringLiteral("nb");
    }
    if (!languages().contains(language))
        language = QStringLiteral("en");

    removeInstalled();
    // English is the source text; its catalogue holds only the plural forms ("1 session",
    // "2 sessions").
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral(":/i18n/verify_console_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    } else {
        // A missing translation is a packaging fault: say so, and go on in English.
        qCWarning(lcTranslator) << "no built-in translation for" << language
                                << (language == QLatin1String("en") ? "plurals"
                                                                    : "- showing English");
    }
    if (language != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1")
                         .arg(language == QLatin1String("nb") ? QStringLiteral("nb") : language),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        }
    }
    const QLocale locale(language == QLatin1String("nb") ? QStringLiteral("nb_NO") : language);
    QLocale::setDefault(locale);
    m_language = language;
    emit languageChanged(language);
    return language;
}

} // namespace vc::ui
