#include "MainWindow.h"

#include "Page.h"
#include "audit/AuditPage.h"
#include "common/ConsoleSettings.h"
#include "common/Format.h"
#include "common/ListenerController.h"
#include "core/Engine.h"
#include "dashboard/DashboardPage.h"
#include "delivery/DeliveryPage.h"
#include "keys/KeysPage.h"
#include "services/ServicesPage.h"
#include "sessions/SessionsPage.h"
#include "settings/SettingsPage.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace vc::ui {

MainWindow::MainWindow(ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    // A quiet sidebar with room to click; the selected page stands out.
    m_ui->sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: #f3f4f6; border: none; border-right: 1px solid #d8dbe0;"
        " padding-top: 12px; font-size: 11pt; }"
        "QListWidget#sidebar::item { padding: 9px 18px; color: #1f2937; border: none;"
        " background: transparent; }"
        "QListWidget#sidebar::item:hover { background: #e5e7eb; }"
        "QListWidget#sidebar::item:selected { background: #2563eb; color: white; }"));
    m_ui->sidebar->setFocusPolicy(Qt::NoFocus);
    m_listenerLabel = new QLabel(this);
    m_databaseLabel = new QLabel(this);
    m_listenerLabel->setObjectName(QStringLiteral("listenerStatus"));
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatus"));
    statusBar()->addWidget(m_listenerLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);

    addPage(new DashboardPage(context, this));
    addPage(new SessionsPage(context, this));
    addPage(new KeysPage(context, this));
    addPage(new ServicesPage(context, this));
    addPage(new DeliveryPage(context, this));
    addPage(new AuditPage(context, this));
    addPage(new SettingsPage(context, this));

    connect(m_ui->sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showPage);
    // Changes come in bursts (a delivery, then its receipt): refresh once they settle.
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(300);
    connect(&m_refreshSoon, &QTimer::timeout, this, &MainWindow::dataChanged);
    connect(&context.engine, &Engine::sessionChanged, this, [this] { m_refreshSoon.start(); });
    connect(&context.engine, &Engine::databaseChanged, this, [this] { m_refreshSoon.start(); });
    connect(&context.listener, &ListenerController::stateChanged, this, &MainWindow::updateStatus);
    connect(&context.listener, &ListenerController::rateChanged, this, &MainWindow::updateStatus);

    restoreGeometry(context.settings.value(ConsoleSettings::Geometry).toByteArray());
    retranslate();
    m_ui->sidebar->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page *page)
{
    m_pages.append(page);
    m_ui->pages->addWidget(page);
    m_ui->sidebar->addItem(page->title());
    m_stale.insert(page);
}

void MainWindow::showPage(int index)
{
    Page *page = m_pages.value(index);
    if (!page)
        return;
    if (m_ui->sidebar->currentRow() != index)
        m_ui->sidebar->setCurrentRow(index);
    m_ui->pages->setCurrentWidget(page);
    if (m_stale.remove(page))
        page->refresh();
}

void MainWindow::dataChanged()
{
    for (Page *page : std::as_const(m_pages))
        m_stale.insert(page);
    if (auto *current = qobject_cast<Page *>(m_ui->pages->currentWidget())) {
        m_stale.remove(current);
        current->refresh();
    }
}

void MainWindow::retranslate()
{
    m_ui->retranslateUi(this);
    for (int i = 0; i < m_pages.size(); ++i)
        m_ui->sidebar->item(i)->setText(m_pages.at(i)->title());
    updateStatus();
}

void MainWindow::updateStatus()
{
    const ListenerController &listener = m_context.listener;
    m_listenerLabel->setText(
        listener.isRunning()
            ? tr("API on %1 · %2 requests/s")
                  .arg(listener.address(), QLocale().toString(listener.requestsPerSecond(), 'f', 0))
            : tr("API off"));
    m_databaseLabel->setText(tr("Database: %1").arg(m_context.engine.config().databasePath));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_context.settings.setValue(ConsoleSettings::Geometry, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace vc::ui
