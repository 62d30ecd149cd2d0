#pragma once

#include "verifyctl/CliOutput.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace vc {
class Engine;
}

namespace vc::cli {

// One verifyctl command: its name, its arguments and options, and what it does.
struct Command
{
    QString name;
    QString arguments; // "SESSION_ID CODE"
    QString summary;
    void (*addOptions)(QCommandLineParser &parser);
    int (*run)(Engine &engine, const QCommandLineParser &args, const Output &out);
};

const QList<Command> &commands();
const Command *findCommand(const QString &name);

} // namespace vc::cli
