#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace vc::ui {

// The questions and notices the console puts to its user. Pages ask through this interface, so
// tests answer instead of a modal QMessageBox blocking them (KeePassXC's MessageBox wrapper).
class Prompter
{
public:
    virtual ~Prompter() = default;
    // Yes/No; `action` is the text of the confirming button ("Cancel session").
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &action) = 0;
    // One of `options`, or nullopt when the user backs out.
    virtual std::optional<QString> choose(QWidget *parent, const QString &title,
                                          const QString &text, const QStringList &options) = 0;
    // A file to write, or nullopt when the user backs out.
    virtual std::optional<QString> saveFileName(QWidget *parent, const QString &title,
                                                const QString &suggested,
                                                const QString &filter) = 0;
    virtual void inform(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void warn(QWidget *parent, const QString &title, const QString &text) = 0;
};

// The real one: message boxes and an input dialog.
class DialogPrompter final : public Prompter
{
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text,
                 const QString &action) override;
    std::optional<QString> choose(QWidget *parent, const QString &title, const QString &text,
                                  const QStringList &options) override;
    std::optional<QString> saveFileName(QWidget *parent, const QString &title,
                                        const QString &suggested, const QString &filter) override;
    void inform(QWidget *parent, const QString &title, const QString &text) override;
    void warn(QWidget *parent, const QString &title, const QString &text) override;
};

} // namespace vc::ui
