#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class ServicesPage : public Page
{
    Q_OBJECT
public:
    explicit ServicesPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Services"); }
};

} // namespace vc::ui
