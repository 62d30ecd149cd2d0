#include "keys/KeysPage.h"

namespace vc::ui {

KeysPage::KeysPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
