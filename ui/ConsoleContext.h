#pragma once

#include "core/Session.h"

namespace vc {
class Engine;
}

namespace vc::ui {

class ConsoleSettings;
class ListenerController;
class Prompter;
class Translator;

// What every page gets instead of reaching for singletons: the engine (through its facade only),
// the listener, a prompter tests can answer, the settings and the translator, and the operator
// whose actions go to the audit log.
struct ConsoleContext
{
    Engine &engine;
    ListenerController &listener;
    Prompter &prompter;
    ConsoleSettings &settings;
    Translator &translator;
    Actor operatorActor; // kind "operator", the user's login name, staff
};

} // namespace vc::ui
