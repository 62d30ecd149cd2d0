#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace vc::ui {

// Switches the console's language at run time: installs the built-in translation (":/i18n/") and
// Qt's own, sets the default QLocale so dates and numbers follow, and lets every widget
// retranslate on QEvent::LanguageChange. English is the source language.
class Translator : public QObject
{
    Q_OBJECT
public:
    explicit Translator(QObject *parent = nullptr);
    ~Translator() override;

    static QStringList languages(); // en, nb, sv, da, fi
    // The language's own name ("norsk bokmål").
    static QString nativeName(const QString &language);
    // "" follows the system (when it is one of ours, else English). Returns the language set.
    QString setLanguage(const QString &language);
    QString language() const { return m_language; }

signals:
    void languageChanged(const QString &language);

private:
    void removeInstalled();
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language = QStringLiteral("en");
};

} // namespace vc::ui
