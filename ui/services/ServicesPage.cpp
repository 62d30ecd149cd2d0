#include "services/ServicesPage.h"

#include "common/Prompter.h"
#include "core/Engine.h"
#include "services/NewServiceDialog.h"
#include "services/ServiceForm.h"
#include "services/ServiceListModel.h"
#include "services/TemplateEditor.h"
#include "ui_ServicesPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>

namespace vc::ui {

ServicesPage::ServicesPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::ServicesPage>())
    , m_model(new ServiceListModel(this))
{
    m_ui->setupUi(this);
    QFont heading = m_ui->pageTitle->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.5);
    heading.setBold(true);
    m_ui->pageTitle->setFont(heading);

    m_ui->serviceList->setModel(m_model);
    m_ui->serviceList->header()->setStretchLastSection(false);
    m_ui->serviceList->header()->setSectionResizeMode(ServiceListModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_ui->serviceList->header()->setSectionResizeMode(ServiceListModel::IdColumn,
                                                      QHeaderView::ResizeToContents);
    m_ui->pageSplitter->setStretchFactor(0, 0);
    m_ui->pageSplitter->setStretchFactor(1, 1);
    m_ui->pageSplitter->setSizes({260, 780});

    m_form = new ServiceForm(context, m_ui->settingsTab);
    m_ui->settingsTabLayout->addWidget(m_form);
    m_templates = new TemplateEditor(context, m_ui->templatesTab);
    m_ui->templatesTabLayout->addWidget(m_templates);

    connect(m_ui->serviceList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current, const QModelIndex &previous) {
                currentRowChanged(current.row(), previous.row());
            });
    connect(m_ui->newServiceButton, &QPushButton::clicked, this, [this] { createService(); });
    connect(m_form, &ServiceForm::edited, this,
            [this] { m_templates->setPreviewValues(m_form->editedService()); });
    connect(m_form, &ServiceForm::saved, this, [this](const Service &saved) {
        m_templates->setService(saved);
        refresh();
    });
    retranslate();
}

ServicesPage::~ServicesPage() = default;

void ServicesPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->pageIntro->setText(
        tr("A service is one application that sends codes. Changes apply to verifications "
           "started after they are saved; those under way keep their rules."));
    m_model->retranslate();
}

void ServicesPage::refresh()
{
    auto services = context().engine.services();
    if (!services) {
        context().prompter.warn(this, tr("Services not loaded"), services.error().toString());
        return;
    }
    m_model->setServices(*services);
    int row = m_model->rowOf(m_currentId);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    setCurrentRow(row);
    const Service *shown = m_model->service(row);
    const QString id = shown ? shown->id : QString();
    if (id != m_currentId) {
        showService(id);
        return;
    }
    // The same service: take in changes made elsewhere, never over the user's edits.
    if (shown && !m_form->hasChanges() && m_form->service() &&
        m_form->service()->toJson() != shown->toJson())
        m_form->setService(*shown);
    if (shown)
        m_templates->setService(*shown);
    m_templates->setPreviewValues(m_form->editedService());
}

void ServicesPage::setCurrentRow(int row)
{
    m_selecting = true;
    QItemSelectionModel *selection = m_ui->serviceList->selectionModel();
    if (row < 0)
        selection->clear();
    else
        selection->setCurrentIndex(m_model->index(row, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_selecting = false;
}

bool ServicesPage::confirmDiscard()
{
    if (!m_form->hasChanges())
        return m_templates->confirmDiscard();
    return context().prompter.confirm(
        this, tr("Unsaved changes"),
        tr("The settings of %1 have changes that are not saved. Discard them?").arg(m_currentId),
        tr("Discard changes"));
}

void ServicesPage::currentRowChanged(int row, int previousRow)
{
    if (m_selecting)
        return;
    const Service *chosen = m_model->service(row);
    const QString id = chosen ? chosen->id : QString();
    if (id == m_currentId)
        return;
    if (!confirmDiscard()) {
        setCurrentRow(previousRow);
        return;
    }
    showService(id);
}

void ServicesPage::showService(const QString &id)
{
    m_currentId = id;
    const int row = m_model->rowOf(id);
    const Service *service = m_model->service(row);
    m_form->setService(service ? std::optional<Service>(*service) : std::nullopt);
    m_templates->setService(service ? std::optional<Service>(*service) : std::nullopt);
    m_templates->setPreviewValues(m_form->editedService());
}

bool ServicesPage::selectService(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_ui->serviceList->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return m_currentId == id;
}

QString ServicesPage::createService()
{
    QStringList taken;
    for (int row = 0; row < m_model->rowCount(); ++row)
        taken << m_model->service(row)->id;
    NewServiceDialog dialog(taken, this);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QJsonObject settings;
    if (!dialog.serviceName().isEmpty())
        settings.insert(QStringLiteral("name"), dialog.serviceName());
    auto created =
        context().engine.createService(dialog.serviceId(), settings, context().operatorActor);
    if (!created) {
        context().prompter.warn(this, tr("Service not created"), created.error().toString());
        return {};
    }
    refresh();
    selectService(created->id);
    return created->id;
}

} // namespace vc::ui
