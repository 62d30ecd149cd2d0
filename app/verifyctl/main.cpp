// verifyctl: start, check and manage verifications from the command line, on the same database
// a running verifyd or console uses.

#include "core/Engine.h"
#include "core/Hardening.h"
#include "verifyctl/Commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace vc;
using namespace vc::cli;

namespace {

const QCommandLineOption kDataDir(QStringLiteral("data-dir"),
                                  QStringLiteral("Data folder (default: $VERIFY_DATA_DIR or "
                                                 "~/.local/share/verify-console)."),
                                  QStringLiteral("DIR"));
const QCommandLineOption kConfig(QStringLiteral("config"),
                                 QStringLiteral("Configuration file (INI, [engine] group)."),
                                 QStringLiteral("FILE"));
const QCommandLineOption kJson(QStringLiteral("json"), QStringLiteral("Print JSON."));

QString overview()
{
    QString text = QStringLiteral(
        "Usage: verifyctl [--data-dir DIR] [--config FILE] [--json] COMMAND [ARGS]\n\n"
        "Verify Console's command-line tool. Works on the same database as a running verifyd "
        "or console.\n\nCommands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c.name, c.arguments, c.summary);
    text += QStringLiteral(
        "\nGlobal options:\n  --data-dir DIR   data folder\n  --config FILE    configuration file\n"
        "  --json           print JSON\n  -h, --help       help (also: verifyctl COMMAND --help)\n"
        "  -v, --version    version\n\nExit codes: 0 success, 1 refused or failed (message on "
        "stderr), 2 usage error, 3 check did not verify.\n");
    return text;
}

// The command word: the first argument that is neither an option nor an option's value.
int commandIndex(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--data-dir") || a == QLatin1String("--config")) {
            ++i;
            continue;
        }
        if (!a.startsWith(u'-'))
            return i;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (Status hardened = hardenProcess(); !hardened) {
        std::fprintf(stderr, "verifyctl: %s\n", qPrintable(hardened.error().toString()));
        return Failure;
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("verifyctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));
    // Engine log lines go to stderr only when asked for; the command's own output is the answer.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false"));

    const QStringList args = app.arguments();
    const int at = commandIndex(args);
    if (at < 0) {
        if (args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"))) {
            std::printf("verifyctl %s\n", VC_VERSION);
            return Ok;
        }
        const bool help =
            args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
        std::fputs(overview().toUtf8().constData(), help ? stdout : stderr);
        return help ? Ok : Usage;
    }
    const Command *command = findCommand(args.at(at));
    if (!command) {
        Output(false).usage(QStringLiteral("unknown command '%1'").arg(args.at(at)));
        return Usage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addOptions({kDataDir, kConfig, kJson});
    parser.addHelpOption();
    command->addOptions(parser);
    QStringList rest = args;
    rest.removeAt(at);
    if (!parser.parse(rest)) {
        Output(false).usage(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText()
                       .replace(QStringLiteral("verifyctl [options]"),
                                QStringLiteral("verifyctl %1 [options] %2")
                                    .arg(command->name, command->arguments))
                       .toUtf8()
                       .constData(),
                   stdout);
        return Ok;
    }
    const Output out(parser.isSet(kJson));

    EngineConfig config;
    if (parser.isSet(kConfig)) {
        auto loaded = EngineConfig::load(parser.value(kConfig));
        if (!loaded)
            return out.error(loaded.error());
        config = *loaded;
    }
    if (parser.isSet(kDataDir)) {
        config.dataDir = parser.value(kDataDir);
        config.databasePath.clear();
        config.masterSecretFile.clear();
    }
    auto engine = Engine::open(config);
    if (!engine)
        return out.error(engine.error());
    return command->run(**engine, parser, out);
}
