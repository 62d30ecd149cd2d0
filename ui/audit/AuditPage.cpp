#include "audit/AuditPage.h"

namespace vc::ui {

AuditPage::AuditPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
{}

} // namespace vc::ui
