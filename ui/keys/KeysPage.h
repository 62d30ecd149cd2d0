#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class KeysPage : public Page
{
    Q_OBJECT
public:
    explicit KeysPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("API keys"); }
};

} // namespace vc::ui
