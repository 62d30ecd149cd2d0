#include "audit/AuditPage.h"

#include "audit/AuditModel.h"
#include "common/Format.h"
#include "ui_AuditPage.h"

#include <QHeaderView>

namespace vc::ui {

AuditPage::AuditPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::AuditPage>())
    , m_model(new AuditModel(context.engine, this))
{
    m_ui->setupUi(this);
    QFont headingFont = m_ui->heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_ui->heading->setFont(headingFont);

    QTableView *table = m_ui->auditTable;
    table->setModel(m_model);
    QHeaderView *header = table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AuditModel::Details, QHeaderView::Stretch);
    m_ui->splitter->setStretchFactor(0, 4);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->detailView->setMinimumHeight(table->fontMetrics().lineSpacing() * 4);

    m_searchSoon.setSingleShot(true);
    m_searchSoon.setInterval(300);
    connect(&m_searchSoon, &QTimer::timeout, this, &AuditPage::searchNow);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { m_searchSoon.start(); });
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &AuditPage::searchNow);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuditPage::showSelected);
    connect(m_model, &AuditModel::modelReset, this, &AuditPage::showSelected);
    connect(m_model, &AuditModel::loaded, this, [this] {
        m_error.clear();
        updateStatus();
    });
    connect(m_model, &AuditModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
}

AuditPage::~AuditPage() = default;

void AuditPage::refresh()
{
    m_model->refresh();
}

void AuditPage::searchNow()
{
    m_searchSoon.stop();
    if (m_ui->searchEdit->text().trimmed() != m_model->search())
        m_model->setSearch(m_ui->searchEdit->text());
}

void AuditPage::showSelected()
{
    const QModelIndexList rows = m_ui->auditTable->selectionModel()->selectedRows();
    const auto entry = rows.isEmpty() ? std::nullopt : m_model->entry(rows.first().row());
    if (!entry) {
        m_ui->detailView->clear();
        return;
    }
    QStringList lines{
        tr("%1 · %2 · %3")
            .arg(Format::dateTime(entry->at), entry->actor, AuditModel::actionName(entry->action)),
    };
    const QString target = AuditModel::targetText(*entry);
    lines << (target.contains(entry->targetId)
                  ? tr("Target: %1").arg(target)
                  : tr("Target: %1 (id %2)").arg(target, entry->targetId));
    const QString details = AuditModel::detailsText(*entry, true);
    if (!details.isEmpty())
        lines << QString() << details;
    m_ui->detailView->setPlainText(lines.join(u'\n'));
}

void AuditPage::updateStatus()
{
    QString text;
    const int rows = m_model->rowCount();
    if (!m_error.isEmpty())
        text = tr("The audit log could not be read: %1").arg(m_error);
    else if (rows == 0 && m_model->search().isEmpty())
        text = tr("Nothing has been recorded yet.");
    else if (rows == 0)
        text = tr("No entries match “%1”.").arg(m_model->search());
    else if (m_model->canFetchMore({}))
        text = tr("Entries shown: %1. Scroll down for older ones.").arg(Format::number(rows));
    else
        text = tr("Entries: %1.").arg(Format::number(rows));
    m_ui->statusNote->setText(text);
}

void AuditPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_model->retranslate();
    showSelected();
    updateStatus();
}

} // namespace vc::ui
