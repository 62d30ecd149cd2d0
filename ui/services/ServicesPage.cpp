#include "services/ServicesPage.h"

namespace vc::ui {

ServicesPage::ServicesPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
