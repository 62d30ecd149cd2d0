#pragma once

#include <QObject>
#include <QTimer>

namespace vc::ui {

// Copies a secret (an API key) to the clipboard and clears it again after a while — unless the
// user has copied something else meanwhile (KeePassXC does the same).
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    static constexpr int ClearAfterMs = 60'000;
    explicit SecretClipboard(QObject *parent = nullptr);
    void copy(const QString &secret, int clearAfterMs = ClearAfterMs);

signals:
    void cleared();

private:
    void clearIfStillOurs();
    QTimer m_timer;
    QString m_copied;
};

} // namespace vc::ui
