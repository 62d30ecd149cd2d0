#pragma once

#include "core/ApiKey.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SecretKeyDialog;
}

namespace vc::ui {

class SecretClipboard;

// Shows a newly issued key's secret once: selectable, with a Copy button (the clipboard is
// cleared again after `clearAfterMs`) and a warning that it will not be shown again. When the
// dialog closes, the field is emptied and the dialog's copy of the secret is wiped.
class SecretKeyDialog : public QDialog
{
    Q_OBJECT
public:
    SecretKeyDialog(IssuedKey issued, SecretClipboard &clipboard, int clearAfterMs,
                    QWidget *parent = nullptr);
    ~SecretKeyDialog() override;

    void done(int result) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void copy();
    void forgetSecret();

    std::unique_ptr<Ui::SecretKeyDialog> m_ui;
    ApiKeyInfo m_info;
    QString m_secret;
    SecretClipboard &m_clipboard;
    int m_clearAfterMs;
    bool m_copied = false;
};

} // namespace vc::ui
