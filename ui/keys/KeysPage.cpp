#include "keys/KeysPage.h"

#include "common/Format.h"
#include "common/Prompter.h"
#include "core/Engine.h"
#include "keys/CreateKeyDialog.h"
#include "keys/KeysModel.h"
#include "keys/SecretKeyDialog.h"
#include "ui_KeysPage.h"

#include <QHeaderView>

namespace vc::ui {

KeysPage::KeysPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::KeysPage>())
    , m_model(new KeysModel(context.engine, this))
{
    m_ui->setupUi(this);
    QFont headingFont = m_ui->heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_ui->heading->setFont(headingFont);

    QTableView *table = m_ui->keysTable;
    table->setModel(m_model);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeysModel::Name, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    connect(m_ui->createButton, &QPushButton::clicked, this, &KeysPage::createKey);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &KeysPage::revokeSelected);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &KeysPage::refresh);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysPage::selectionChanged);
    connect(m_model, &KeysModel::modelReset, this, &KeysPage::restoreSelection);
    connect(m_model, &KeysModel::loaded, this, [this] {
        m_error.clear();
        updateStatus();
        selectionChanged(); // a key may have changed state under the selection
    });
    // Shown on the page, not in a message box: refreshes come by themselves and must not nag.
    connect(m_model, &KeysModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
}

KeysPage::~KeysPage() = default;

void KeysPage::refresh()
{
    m_model->reload();
}

void KeysPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_model->retranslate();
    updateStatus();
}

void KeysPage::updateStatus()
{
    QString text;
    if (!m_error.isEmpty())
        text = tr("The API keys could not be read: %1").arg(m_error);
    else if (m_model->rowCount() == 0)
        text = tr("No API keys yet. Create one for each program that calls the API.");
    else
        text =
            tr("Keys: %1, of which active: %2.")
                .arg(Format::number(m_model->rowCount()), Format::number(m_model->activeCount()));
    m_ui->statusNote->setText(text);
}

std::optional<ApiKeyInfo> KeysPage::selectedKey() const
{
    const QModelIndexList rows = m_ui->keysTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->key(rows.first().row());
}

void KeysPage::selectionChanged()
{
    const auto key = selectedKey();
    if (key)
        m_selectedId = key->id;
    m_ui->revokeButton->setEnabled(key && !key->revokedAt);
}

void KeysPage::restoreSelection()
{
    const int row = m_model->rowOfId(m_selectedId);
    if (row >= 0)
        m_ui->keysTable->selectRow(row);
}

void KeysPage::createKey()
{
    auto *dialog = new CreateKeyDialog(context(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto issued = dialog->takeIssued();
        if (!issued)
            return;
        m_selectedId = issued->info.id;
        refresh();
        auto *secret =
            new SecretKeyDialog(std::move(*issued), m_clipboard, m_clipboardClearMs, this);
        secret->setAttribute(Qt::WA_DeleteOnClose);
        // Once after the dialog: it may have been open longer than a refresh interval.
        connect(secret, &QDialog::finished, this, &KeysPage::refresh);
        secret->open();
    });
    dialog->open();
}

void KeysPage::revokeSelected()
{
    const auto key = selectedKey();
    if (!key || key->revokedAt)
        return;
    if (!context().prompter.confirm(
            this, tr("Revoke API key"),
            tr("Revoke the key “%1” (prefix %2)?\n\nPrograms that use it are refused from their "
               "next request on, also by verifyd on the same database. This cannot be undone.")
                .arg(key->name, key->prefix),
            tr("Revoke key")))
        return;
    auto revoked = context().engine.revokeKey(key->id, context().operatorActor);
    if (!revoked)
        context().prompter.warn(
            this, tr("Key not revoked"),
            tr("The key could not be revoked: %1").arg(revoked.error().toString()));
    refresh();
}

} // namespace vc::ui
