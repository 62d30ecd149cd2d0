#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class SettingsPage;
}

namespace vc::ui {

// The console's settings: the HTTP listener (on/off, address and port), the data folder for the
// next start, how long finished sessions are kept (shared with every process on the database),
// and the language, which changes at once.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~SettingsPage() override;

    QString title() const override { return tr("Settings"); }
    void refresh() override;

    // Starts, rebinds or stops the listener as the group says; a failure is reported through the
    // prompter and leaves it off. Returns whether the listener ends up as asked.
    bool applyListener();
    // Saves the data folder for the next start ("" = the default); false when it is not usable.
    bool saveDataDir(const QString &dir);
    bool applyRetention();
    // Switches the console's language ("" = the system's) and remembers it.
    void setLanguage(const QString &language);

protected:
    void retranslate() override;

private:
    QString listenAddress() const; // "host:port" from the fields
    void loadListenerFields();
    void updateListenerState();
    void updateDataNote(const QString &saved);
    void updateRetentionButton();
    void updateRetentionUnit();
    void fillLanguages();
    static QString languageName(const QString &language);

    std::unique_ptr<Ui::SettingsPage> m_ui;
    int m_retentionLoaded = 0;
    QString m_dataDirMessage; // what the last save said, re-said in a new language
};

} // namespace vc::ui
