#pragma once

#include "Page.h"

namespace vc::ui {

// Placeholder until the page is written.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(ConsoleContext &context, QWidget *parent = nullptr);
    QString title() const override { return tr("Settings"); }
};

} // namespace vc::ui
