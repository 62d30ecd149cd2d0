#pragma once

#include "Page.h"
#include "common/SecretClipboard.h"

#include <memory>
#include <optional>

namespace Ui {
class KeysPage;
}

namespace vc {
struct ApiKeyInfo;
}

namespace vc::ui {

class KeysModel;

// API keys: the list (name, prefix, scope, service, times, state), Create (the secret is shown
// once, in a dialog of its own) and Revoke (confirmed, done as the operator).
class KeysPage : public Page
{
    Q_OBJECT
public:
    explicit KeysPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~KeysPage() override;
    QString title() const override { return tr("API keys"); }
    void refresh() override;

    KeysModel *model() const { return m_model; }
    // How long a copied secret stays on the clipboard (tests shorten it).
    void setClipboardClearDelay(int ms) { m_clipboardClearMs = ms; }

    // Opens the create dialog (window-modal, without blocking the caller).
    void createKey();
    // Asks, then revokes the selected key.
    void revokeSelected();

protected:
    void retranslate() override;

private:
    std::optional<ApiKeyInfo> selectedKey() const;
    void selectionChanged();
    void restoreSelection();
    void updateStatus();

    std::unique_ptr<Ui::KeysPage> m_ui;
    KeysModel *m_model = nullptr;
    SecretClipboard m_clipboard;
    int m_clipboardClearMs = SecretClipboard::ClearAfterMs;
    QString m_selectedId; // kept across reloads that reset the model
    QString m_error;      // of the last load, shown until one succeeds
};

} // namespace vc::ui
