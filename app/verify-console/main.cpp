// verify-console: the admin console — engine, optional HTTP listener and the window in one
// process, on its own database or on the one a running verifyd uses.

#include "MainWindow.h"
#include "Page.h"
#include "common/ConsoleSettings.h"
#include "common/ListenerController.h"
#include "common/Prompter.h"
#include "common/Translator.h"
#include "core/Engine.h"
#include "core/Hardening.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace vc;
using namespace vc::ui;

namespace {

QString loginName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        if (const passwd *pw = getpwuid(getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    return user;
}

// Opens the engine on a worker thread: a big database's first open (migrations, the key check)
// must not freeze the window; a progress dialog shows meanwhile.
Result<std::unique_ptr<Engine>> openEngine(const EngineConfig &config)
{
    std::optional<Result<std::unique_ptr<Engine>>> opened;
    std::unique_ptr<QThread> worker(
        QThread::create([&opened, config] { opened.emplace(Engine::open(config)); }));
    QProgressDialog progress(QCoreApplication::translate("main", "Opening the database…"),
                             QString(), 0, 0);
    progress.setWindowTitle(QCoreApplication::translate("main", "Verify Console"));
    progress.setMinimumDuration(400);
    QObject::connect(worker.get(), &QThread::finished, &progress, &QProgressDialog::reset);
    worker->start();
    if (!worker->isFinished())
        progress.exec();
    worker->wait();
    return std::move(*opened);
}

// Shows each page, gives its background loading time to finish, and saves the window.
void takeScreenshots(MainWindow &window, const QString &dir)
{
    QDir().mkpath(dir);
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [&window, dir, next](int index) {
        if (index >= window.pageCount()) {
            QCoreApplication::quit();
            return;
        }
        window.showPage(index);
        // Where a page has a list with a detail pane, pick a row so the picture shows both.
        QTimer::singleShot(1500, &window, [&window, index] {
            for (const char *name : {"sessionsView", "outboxTable", "auditTable"})
                if (auto *view = window.page(index)->findChild<QAbstractItemView *>(
                        QString::fromLatin1(name));
                    view && view->model() && view->model()->rowCount() > 7)
                    view->setCurrentIndex(view->model()->index(7, 0));
        });
        QTimer::singleShot(2500, &window, [&window, dir, next, index] {
            QString name = QString::fromLatin1(window.page(index)->metaObject()->className());
            name = name.section(QStringLiteral("::"), -1).remove(QStringLiteral("Page")).toLower();
            const QString file = QStringLiteral("%1/%2-%3.png").arg(dir).arg(index + 1).arg(name);
            if (!window.grab().save(file))
                qWarning("cannot save %s", qPrintable(file));
            (*next)(index + 1);
        });
    };
    QTimer::singleShot(1000, &window, [next] { (*next)(0); });
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret; a failure is reported once the window system is up.
    const Status hardened = hardenProcess();
    QApplication app(argc, argv);
    if (!hardened) {
        QMessageBox::critical(nullptr, QStringLiteral("Verify Console"),
                              hardened.error().toString());
        return 1;
    }
    QApplication::setApplicationName(QStringLiteral("verify-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Verify Console"));
    QApplication::setApplicationVersion(QStringLiteral(VC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Verify Console, the admin console."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Configuration file (INI, [engine])."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data folder (default: the one in Settings, "
                                                    "else ~/.local/share/verify-console)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption noListener(QStringLiteral("no-listener"),
                                        QStringLiteral("Do not start the HTTP API."));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("en, nb, sv, da or fi (default: Settings, "
                                                     "else the system's)."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QStringLiteral("Show each page in turn, save a PNG of the window for each into DIR, and "
                       "quit (scripts/screenshots.sh)."),
        QStringLiteral("DIR"));
    parser.addOptions({config, dataDir, noListener, language, screenshots});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    ConsoleSettings settings;
    Translator translator;
    translator.setLanguage(parser.isSet(language)
                               ? parser.value(language)
                               : settings.value(ConsoleSettings::Language).toString());

    EngineConfig engineConfig;
    if (parser.isSet(config)) {
        auto loaded = EngineConfig::load(parser.value(config));
        if (!loaded) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Verify Console"),
                                  loaded.error().toString());
            return 1;
        }
        engineConfig = *loaded;
    }
    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir)
                                              : settings.value(ConsoleSettings::DataDir).toString();
    if (!dir.isEmpty()) {
        engineConfig.dataDir = dir;
        engineConfig.databasePath.clear();
        engineConfig.masterSecretFile.clear();
    }
    auto engine = openEngine(engineConfig);
    if (!engine) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Verify Console"),
            QCoreApplication::translate("main", "The database cannot be opened:\n%1")
                .arg(engine.error().toString()));
        return 1;
    }
    (*engine)->startBackgroundWork();

    ListenerController listener(**engine);
    DialogPrompter prompter;
    ConsoleContext context{**engine,   listener,
                           prompter,   settings,
                           translator, Actor{QStringLiteral("operator"), loginName(), true}};
    MainWindow window(context);
    window.show();
    if (!parser.isSet(noListener) && settings.value(ConsoleSettings::ListenerEnabled).toBool()) {
        if (Status s = listener.start(settings.value(ConsoleSettings::ListenerAddress).toString());
            !s && parser.isSet(screenshots))
            qWarning("HTTP API not started: %s", qPrintable(s.error().message));
        else if (!s)
            prompter.warn(&window, QCoreApplication::translate("main", "HTTP API not started"),
                          QCoreApplication::translate("main", "The HTTP API could not start: %1\n"
                                                              "Change the address in Settings.")
                              .arg(s.error().message));
    }
    if (parser.isSet(screenshots))
        takeScreenshots(window, parser.value(screenshots));
    const int rc = app.exec();
    listener.stop();
    (*engine)->stopBackgroundWork();
    return rc;
}
