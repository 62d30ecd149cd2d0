#include "common/Prompter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace vc::ui {

bool DialogPrompter::confirm(QWidget *parent, const QString &title, const QString &text,
                             const QString &action)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yes = box.addButton(action, QMessageBox::AcceptRole);
    // "Close" rather than "Cancel": next to "Cancel session" a plain "Cancel" reads as the same
    // action (and is the same word in Norwegian, Swedish and Danish).
    box.addButton(QMessageBox::Close);
    box.setDefaultButton(QMessageBox::Close);
    box.exec();
    return box.clickedButton() == yes;
}

std::optional<QString> DialogPrompter::choose(QWidget *parent, const QString &title,
                                              const QString &text, const QStringList &options)
{
    bool ok = false;
    const QString picked = QInputDialog::getItem(parent, title, text, options, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return picked;
}

std::optional<QString> DialogPrompter::saveFileName(QWidget *parent, const QString &title,
                                                    const QString &suggested, const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, suggested, filter);
    if (path.isEmpty())
        return std::nullopt;
    return path;
}

void DialogPrompter::inform(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

void DialogPrompter::warn(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

} // namespace vc::ui
