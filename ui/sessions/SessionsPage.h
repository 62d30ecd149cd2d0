#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class SessionsPage : public Page
{
    Q_OBJECT
public:
    explicit SessionsPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Sessions"); }
};

} // namespace vc::ui
