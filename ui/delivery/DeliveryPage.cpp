#include "delivery/DeliveryPage.h"

namespace vc::ui {

DeliveryPage::DeliveryPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
