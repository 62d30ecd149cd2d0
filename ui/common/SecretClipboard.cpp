#include "common/SecretClipboard.h"

#include "crypto/SecureBytes.h"

#include <QClipboard>
#include <QGuiApplication>

namespace vc::ui {

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearIfStillOurs);
}

void SecretClipboard::copy(const QString &secret, int clearAfterMs)
{
    QGuiApplication::clipboard()->setText(secret);
    m_copied = secret;
    m_timer.start(clearAfterMs);
}

void SecretClipboard::clearIfStillOurs()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->text() == m_copied)
        clipboard->clear();
    cleanseString(m_copied);
    m_copied.clear();
    emit cleared();
}

} // namespace vc::ui
