#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class NewServiceDialog;
}

namespace vc::ui {

// Asks for a new service's id (checked as the engine checks it, and not taken) and name.
class NewServiceDialog : public QDialog
{
    Q_OBJECT
public:
    NewServiceDialog(const QStringList &takenIds, QWidget *parent = nullptr);
    ~NewServiceDialog() override;

    QString serviceId() const;
    QString serviceName() const; // empty: the engine names it after the id

private:
    void validate();

    std::unique_ptr<Ui::NewServiceDialog> m_ui;
    QStringList m_taken;
};

} // namespace vc::ui
