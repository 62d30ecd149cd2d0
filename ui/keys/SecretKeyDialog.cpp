#include "keys/SecretKeyDialog.h"

#include "common/Format.h"
#include "common/SecretClipboard.h"
#include "crypto/SecureBytes.h"
#include "keys/KeysModel.h"
#include "ui_SecretKeyDialog.h"

#include <QFontDatabase>
#include <QPushButton>
#include <QStyle>

namespace vc::ui {

SecretKeyDialog::SecretKeyDialog(IssuedKey issued, SecretClipboard &clipboard, int clearAfterMs,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SecretKeyDialog>())
    , m_info(std::move(issued.info))
    , m_secret(std::move(issued.key))
    , m_clipboard(clipboard)
    , m_clearAfterMs(clearAfterMs)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("secretKeyDialog"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->keyField->setFont(fixed);
    m_ui->keyField->setText(m_secret);
    m_ui->keyField->setCursorPosition(0);
    m_ui->keyField->setMinimumWidth(
        QFontMetrics(fixed).horizontalAdvance(m_secret + QStringLiteral("MMMM")));
    m_ui->keyField->setContextMenuPolicy(Qt::NoContextMenu); // "Copy" is the button, on purpose

    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_ui->warningIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_ui->copiedNote->hide();

    connect(m_ui->copyButton, &QPushButton::clicked, this, &SecretKeyDialog::copy);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SecretKeyDialog::reject);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SecretKeyDialog::accept);
    retranslate();
    resize(width(), sizeHint().height());
    m_ui->copyButton->setFocus();
}

SecretKeyDialog::~SecretKeyDialog()
{
    forgetSecret();
}

void SecretKeyDialog::retranslate()
{
    m_ui->retranslateUi(this);
    const QString service = m_info.serviceId.isEmpty() ? tr("All services") : m_info.serviceId;
    m_ui->summary->setText(
        tr("“%1” was created with prefix %2. Scope: %3. Service: %4.")
            .arg(m_info.name, m_info.prefix, KeysModel::scopeName(m_info.scope), service));
    if (m_copied) {
        const int seconds = (m_clearAfterMs + 999) / 1000;
        m_ui->copiedNote->setText(seconds == 60
                                      ? tr("Copied. The clipboard will be cleared in one minute.")
                                      : tr("Copied. The clipboard will be cleared in %1 s.")
                                            .arg(Format::number(seconds)));
    }
}

void SecretKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SecretKeyDialog::copy()
{
    if (m_secret.isEmpty())
        return;
    // A copy of its own for the clipboard, so wiping ours here reaches our buffer.
    m_clipboard.copy(QString(m_secret.constData(), m_secret.size()), m_clearAfterMs);
    m_copied = true;
    retranslate();
    m_ui->copiedNote->show();
}

void SecretKeyDialog::done(int result)
{
    forgetSecret();
    QDialog::done(result);
}

void SecretKeyDialog::forgetSecret()
{
    // The field lets go of its reference first, so the wipe reaches the only copy left.
    m_ui->keyField->clear();
    cleanseString(m_secret);
}

} // namespace vc::ui
