#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class DeliveryPage : public Page
{
    Q_OBJECT
public:
    explicit DeliveryPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Delivery"); }
};

} // namespace vc::ui
