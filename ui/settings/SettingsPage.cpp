#include "settings/SettingsPage.h"

namespace vc::ui {

SettingsPage::SettingsPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
