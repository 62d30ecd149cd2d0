#include "services/NewServiceDialog.h"

#include "core/Service.h"
#include "ui_NewServiceDialog.h"

#include <QPushButton>

namespace vc::ui {

NewServiceDialog::NewServiceDialog(const QStringList &takenIds, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewServiceDialog>())
    , m_taken(takenIds)
{
    m_ui->setupUi(this);
    m_ui->serviceNameEdit->setMaxLength(Limits::MaxServiceNameLength);
    m_ui->idHint->setText(tr("Lower-case letters, digits, “-” and “_”, starting with a letter or "
                             "digit. Applications name the service by it; it cannot be changed."));
    connect(m_ui->serviceIdEdit, &QLineEdit::textChanged, this, &NewServiceDialog::validate);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

NewServiceDialog::~NewServiceDialog() = default;

QString NewServiceDialog::serviceId() const
{
    return m_ui->serviceIdEdit->text().trimmed();
}

QString NewServiceDialog::serviceName() const
{
    return m_ui->serviceNameEdit->text().trimmed();
}

void NewServiceDialog::validate()
{
    const QString id = serviceId();
    QString problem;
    if (!id.isEmpty() && !ServiceRules::validateId(id))
        problem = tr("This is not a valid id: use 1–40 lower-case letters, digits, “-” or “_”, "
                     "starting with a letter or digit.");
    else if (m_taken.contains(id))
        problem = tr("A service with this id exists.");
    m_ui->idError->setText(problem);
    m_ui->idError->setVisible(!problem.isEmpty());
    m_ui->serviceNameEdit->setPlaceholderText(id);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!id.isEmpty() && problem.isEmpty());
}

} // namespace vc::ui
