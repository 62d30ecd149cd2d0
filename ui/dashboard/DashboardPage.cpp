#include "dashboard/DashboardPage.h"

namespace vc::ui {

DashboardPage::DashboardPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
