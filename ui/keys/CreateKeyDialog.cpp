#include "keys/CreateKeyDialog.h"

#include "common/Prompter.h"
#include "core/Engine.h"
#include "keys/KeysModel.h"
#include "ui_CreateKeyDialog.h"

#include <QPushButton>

namespace vc::ui {

CreateKeyDialog::CreateKeyDialog(ConsoleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::CreateKeyDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("createKeyDialog"));
    for (QLabel *error : {m_ui->nameError, m_ui->serviceError, m_ui->expiryError}) {
        QPalette palette = error->palette();
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
        error->setPalette(palette);
        error->hide();
    }
    // A hint, quieter than the fields but not as faint as disabled text.
    QPalette hintPalette = m_ui->scopeHint->palette();
    const QColor text = hintPalette.color(QPalette::WindowText);
    const QColor window = hintPalette.color(QPalette::Window);
    hintPalette.setColor(QPalette::WindowText,
                         QColor::fromRgbF(text.redF() * 0.6f + window.redF() * 0.4f,
                                          text.greenF() * 0.6f + window.greenF() * 0.4f,
                                          text.blueF() * 0.6f + window.blueF() * 0.4f));
    m_ui->scopeHint->setPalette(hintPalette);

    m_ui->scopeCombo->addItem(QString(), QStringLiteral("verify"));
    m_ui->scopeCombo->addItem(QString(), QStringLiteral("admin"));
    loadServices();
    retranslate();

    connect(m_ui->expiresCheck, &QCheckBox::toggled, m_ui->expiresDays, &QWidget::setEnabled);
    connect(m_ui->expiresDays, &QSpinBox::valueChanged, this, &CreateKeyDialog::updateDaysSuffix);
    connect(m_ui->scopeCombo, &QComboBox::currentIndexChanged, this, &CreateKeyDialog::retranslate);
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this,
            [this] { setError(m_ui->nameError, {}); });
    connect(m_ui->serviceCombo, &QComboBox::currentIndexChanged, this,
            [this] { setError(m_ui->serviceError, {}); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &CreateKeyDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &CreateKeyDialog::reject);
    resize(width(), sizeHint().height());
    m_ui->nameEdit->setFocus();
}

CreateKeyDialog::~CreateKeyDialog() = default;

void CreateKeyDialog::loadServices()
{
    m_ui->serviceCombo->addItem(QString(), QString()); // "All services", named in retranslate()
    auto services = m_context.engine.services();
    if (!services)
        return; // issuing for all services still works; a bad id is caught on create
    for (const vc::Service &service : *services)
        m_ui->serviceCombo->addItem(service.id, service.id);
}

void CreateKeyDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->scopeCombo->setItemText(0, KeysModel::scopeName(KeyScope::Verify));
    m_ui->scopeCombo->setItemText(1, KeysModel::scopeName(KeyScope::Admin));
    m_ui->scopeHint->setText(
        m_ui->scopeCombo->currentData().toString() == QLatin1String("admin")
            ? tr("Everything: sessions, services, keys, statistics and the audit log.")
            : tr("Start, check, resend and cancel verifications, and read their status."));
    m_ui->serviceCombo->setItemText(0, tr("All services"));
    updateDaysSuffix();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Create key"));
}

// "1 day", "30 days": the suffix follows the number's plural form in every language.
void CreateKeyDialog::updateDaysSuffix()
{
    m_ui->expiresDays->setSuffix(tr(" day(s)", nullptr, m_ui->expiresDays->value()));
}

void CreateKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CreateKeyDialog::setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void CreateKeyDialog::clearErrors()
{
    for (QLabel *error : {m_ui->nameError, m_ui->serviceError, m_ui->expiryError})
        setError(error, {});
}

bool CreateKeyDialog::showFieldError(const Error &error)
{
    if (error.code != ErrorCode::InvalidArgument)
        return false;
    // The engine's messages are English; say the same in the user's language.
    if (error.field == QLatin1String("name")) {
        setError(m_ui->nameError, tr("Use at most 100 characters and no control characters."));
        m_ui->nameEdit->setFocus();
        return true;
    }
    if (error.field == QLatin1String("service_id")) {
        setError(m_ui->serviceError, tr("This service no longer exists. Choose another one."));
        m_ui->serviceCombo->setFocus();
        return true;
    }
    if (error.field == QLatin1String("expires_in_days")) {
        setError(m_ui->expiryError, tr("Choose from 1 to 3650 days."));
        m_ui->expiresDays->setFocus();
        return true;
    }
    return false;
}

void CreateKeyDialog::accept()
{
    clearErrors();
    CreateKeyRequest request;
    request.name = m_ui->nameEdit->text().trimmed();
    request.scope = m_ui->scopeCombo->currentData().toString();
    request.serviceId = m_ui->serviceCombo->currentData().toString();
    if (m_ui->expiresCheck->isChecked())
        request.expiresInDays = m_ui->expiresDays->value();
    if (request.name.isEmpty()) {
        setError(m_ui->nameError, tr("Give the key a name, such as the program that will use it."));
        m_ui->nameEdit->setFocus();
        return;
    }

    auto issued = m_context.engine.createKey(request, m_context.operatorActor);
    if (!issued) {
        if (!showFieldError(issued.error()))
            m_context.prompter.warn(
                this, tr("Key not created"),
                tr("The key could not be created: %1").arg(issued.error().toString()));
        return;
    }
    m_issued = std::move(issued).value();
    QDialog::accept();
}

std::optional<IssuedKey> CreateKeyDialog::takeIssued()
{
    std::optional<IssuedKey> out = std::move(m_issued);
    m_issued.reset();
    return out;
}

} // namespace vc::ui
