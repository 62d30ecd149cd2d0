#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class DashboardPage : public Page
{
    Q_OBJECT
public:
    explicit DashboardPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Dashboard"); }
};

} // namespace vc::ui
