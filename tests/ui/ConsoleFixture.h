#pragma once

#include "MainWindow.h"
#include "common/ConsoleSettings.h"
#include "common/ListenerController.h"
#include "common/Prompter.h"
#include "common/Translator.h"
#include "support/TestEngine.h"

#include <QApplication>
#include <QTemporaryDir>

#include <deque>

namespace vc::test {

// Answers the console's questions from a script and records what was asked, so UI tests drive
// confirmations without a modal dialog.
class ScriptedPrompter final : public ui::Prompter
{
public:
    std::deque<bool> confirmations; // answers to confirm(), in order (default: yes)
    std::deque<QString> choices;    // answers to choose() (default: the first option)
    QStringList asked;              // titles of every question and notice
    QStringList warnings;           // texts of warn()
    std::deque<QString> savePaths;  // answers to saveFileName() (default: backs out)
    QStringList informed;           // texts of inform()

    bool confirm(QWidget *, const QString &title, const QString &, const QString &) override
    {
        asked << title;
        if (confirmations.empty())
            return true;
        const bool answer = confirmations.front();
        confirmations.pop_front();
        return answer;
    }
    std::optional<QString> choose(QWidget *, const QString &title, const QString &,
                                  const QStringList &options) override
    {
        asked << title;
        if (choices.empty())
            return options.value(0);
        const QString answer = choices.front();
        choices.pop_front();
        return answer.isEmpty() ? std::nullopt : std::optional<QString>(answer);
    }
    std::optional<QString> saveFileName(QWidget *, const QString &title, const QString &,
                                        const QString &) override
    {
        asked << title;
        if (savePaths.empty())
            return std::nullopt;
        const QString answer = savePaths.front();
        savePaths.pop_front();
        return answer;
    }
    void inform(QWidget *, const QString &title, const QString &text) override
    {
        asked << title;
        informed << text;
    }
    void warn(QWidget *, const QString &title, const QString &text) override
    {
        asked << title;
        warnings << text;
    }
};

// The real main window over a TestEngine (real SQLite file, ManualClock), offscreen.
struct ConsoleFixture
{
    TestEngine engine;
    QTemporaryDir settingsDir;
    ui::ConsoleSettings settings{settingsDir.filePath(QStringLiteral("console.ini"))};
    ui::Translator translator;
    ui::ListenerController listener{*engine.engine};
    ScriptedPrompter prompter;
    ui::ConsoleContext context{
        *engine.engine, listener,   prompter,
        settings,       translator, Actor{QStringLiteral("operator"), QStringLiteral("ola"), true}};
    std::unique_ptr<ui::MainWindow> window;

    ConsoleFixture()
    {
        translator.setLanguage(QStringLiteral("en"));
        window = std::make_unique<ui::MainWindow>(context);
        window->resize(1280, 800);
        window->show();
    }
    ~ConsoleFixture()
    {
        window.reset();
        listener.stop();
        translator.setLanguage(QStringLiteral("en"));
    }

    template <typename P>
    P *show()
    {
        P *page = window->findPage<P>();
        for (int i = 0; i < window->pageCount(); ++i)
            if (window->page(i) == page)
                window->showPage(i);
        return page;
    }
};

} // namespace vc::test
