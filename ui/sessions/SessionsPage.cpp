#include "sessions/SessionsPage.h"

namespace vc::ui {

SessionsPage::SessionsPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
