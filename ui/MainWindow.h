#pragma once

#include "ConsoleContext.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace vc::ui {

class Page;

// The console's window: a sidebar of pages and a status bar with the listener (address, on/off,
// requests per second) and the database in use. Refreshes the visible page when sessions change
// in this process or another; the other pages catch up when shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConsoleContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    int pageCount() const { return static_cast<int>(m_pages.size()); }
    Page *page(int index) const { return m_pages.value(index); }
    void showPage(int index);
    template <typename P>
    P *findPage() const
    {
        for (Page *p : m_pages)
            if (auto *found = qobject_cast<P *>(p))
                return found;
        return nullptr;
    }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page *page);
    void retranslate();
    void updateStatus();
    void dataChanged();

    ConsoleContext &m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    QList<Page *> m_pages;
    QSet<Page *> m_stale;
    QTimer m_refreshSoon;
    QLabel *m_listenerLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
};

} // namespace vc::ui
