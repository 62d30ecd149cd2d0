// verifyd: the headless Verify Console — engine, HTTP API and delivery worker in one process.

#include "core/Engine.h"
#include "core/Hardening.h"
#include "core/Logging.h"
#include "http/api/Listener.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace vc;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    LineLog lineLog; // before anything that logs, and destroyed after it
    const auto fail = [&lineLog](const QString &message) {
        lineLog.flush(); // the lines so far come before this one
        std::fprintf(stderr, "verifyd: %s\n", qPrintable(message));
        return 1;
    };
    if (Status hardened = hardenProcess(); !hardened)
        return fail(hardened.error().toString());
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("verifyd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Verify Console, headless: the verification engine, its HTTP API and the delivery "
        "worker."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Configuration file (INI: [engine], [http])."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data folder (default: $VERIFY_DATA_DIR or "
                                                    "~/.local/share/verify-console)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:8780)."),
                                    QStringLiteral("ADDR:PORT"));
    parser.addOptions({config, dataDir, listen});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    EngineConfig engineConfig;
    http::ListenerConfig listenerConfig;
    if (parser.isSet(config)) {
        auto e = EngineConfig::load(parser.value(config));
        if (!e)
            return fail(e.error().toString());
        engineConfig = *e;
        auto l = http::ListenerConfig::load(parser.value(config), listenerConfig);
        if (!l)
            return fail(l.error().toString());
        listenerConfig = *l;
    }
    if (parser.isSet(dataDir)) {
        engineConfig.dataDir = parser.value(dataDir);
        engineConfig.databasePath.clear();
        engineConfig.masterSecretFile.clear();
    }
    if (parser.isSet(listen)) {
        if (auto parsed = http::ListenerConfig::parseListen(parser.value(listen)); !parsed)
            return fail(parsed.error().toString());
        listenerConfig.listen = parser.value(listen);
    }

    auto engine = Engine::open(engineConfig);
    if (!engine)
        return fail(engine.error().toString());

    // A deployment without a usable admin key (its first start, or every admin key revoked or
    // expired) gets one, shown once: whoever can start verifyd holds the database and the master
    // secret anyway, and without an admin key nobody could manage keys over the API.
    QString firstKey;
    auto keys = (*engine)->keys();
    if (!keys)
        return fail(keys.error().toString());
    const qint64 now = (*engine)->clock().nowMs();
    const bool hasAdmin = std::any_of(keys->cbegin(), keys->cend(), [now](const ApiKeyInfo &k) {
        return k.scope == KeyScope::Admin && k.usableAt(now);
    });
    if (!hasAdmin) {
        auto issued = (*engine)->createKey(
            {QStringLiteral("initial admin key"), QStringLiteral("admin"), {}, {}},
            {QStringLiteral("system"), QStringLiteral("verifyd first start"), true});
        if (!issued)
            return fail(issued.error().toString());
        firstKey = issued->key;
    }

    http::Listener listener(**engine, listenerConfig);
    if (Status s = listener.start(); !s)
        return fail(s.error().toString());
    (*engine)->startBackgroundWork();

    const QString scheme = listener.tls() ? QStringLiteral("https") : QStringLiteral("http");
    std::printf("verifyd %s listening on %s://%s\n", VC_VERSION, qPrintable(scheme),
                qPrintable(listener.address()));
    std::printf("data: %s\n", qPrintable((*engine)->config().databasePath));
    if (!firstKey.isEmpty())
        std::printf("\nNo admin API key existed, so one was created. It is shown only now; keep "
                    "it safe:\n\n  %s\n\nIssue more keys with POST /v1/keys or `verifyctl keys "
                    "create`.\n\n",
                    qPrintable(firstKey));
    std::fflush(stdout);

    // SIGTERM/SIGINT: stop accepting, finish requests in flight, flush, exit 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return fail(QStringLiteral("cannot set up signal handling"));
    struct sigaction action
    {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        notifier.setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        lineLog.flush(); // the lines so far come before this one
        std::fprintf(stderr, "verifyd: stopping: finishing requests in flight\n");
        listener.stop(10000);
        (*engine)->stopBackgroundWork();
        (void)(*engine)->flushKeyUsage();
        QCoreApplication::quit();
    });
    const int rc = app.exec();
    engine->reset(); // finishes queued writes and closes the database
    lineLog.flush();
    std::fprintf(stderr, "verifyd: stopped\n");
    return rc;
}
