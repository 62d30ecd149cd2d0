#pragma once

#include "ConsoleContext.h"
#include "core/ApiKey.h"
#include "core/Error.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;

namespace Ui {
class CreateKeyDialog;
}

namespace vc::ui {

// Asks for a new key's name, scope, service and optional expiry, and issues it through the
// engine as the operator. Mistakes are shown next to their field and the dialog stays open; on
// success it closes as accepted and takeIssued() hands over the key, secret included, once.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateKeyDialog(ConsoleContext &context, QWidget *parent = nullptr);
    ~CreateKeyDialog() override;

    // The issued key; empty after the first call (and before a successful create).
    std::optional<IssuedKey> takeIssued();

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateDaysSuffix();
    void loadServices();
    void clearErrors();
    // Shows an engine error next to its field; false when it names none the dialog has.
    bool showFieldError(const Error &error);
    void setError(QLabel *label, const QString &text);

    ConsoleContext &m_context;
    std::unique_ptr<Ui::CreateKeyDialog> m_ui;
    std::optional<IssuedKey> m_issued;
};

} // namespace vc::ui
