#pragma once

#include "ConsoleContext.h"

#include <QEvent>
#include <QWidget>

namespace vc::ui {

// One page of the console's sidebar. The main window refreshes the visible page when sessions
// change (in this process or another) and marks the others stale until they are shown.
class Page : public QWidget
{
    Q_OBJECT
public:
    Page(ConsoleContext &context, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_context(context)
    {}
    // The sidebar label, in the current language.
    virtual QString title() const = 0;
    // Reloads what the page shows from the engine (without freezing the window).
    virtual void refresh() {}

protected:
    // Re-set every translated text: called on QEvent::LanguageChange.
    virtual void retranslate() {}
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }
    ConsoleContext &context() const { return m_context; }

private:
    ConsoleContext &m_context;
};

} // namespace vc::ui
