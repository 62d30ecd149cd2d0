#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class AuditPage : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Audit log"); }
};

} // namespace vc::ui
