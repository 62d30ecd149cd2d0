#pragma once

#include "Page.h"

#include <QTimer>

#include <memory>

namespace Ui {
class AuditPage;
}

namespace vc::ui {

class AuditModel;

// The audit log, newest first: who did what to which key, service, session or setting. A search
// field narrows it (through the engine); older entries load as the table is scrolled; the
// selected entry's details are shown in full below.
class AuditPage : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~AuditPage() override;
    QString title() const override { return tr("Audit log"); }
    void refresh() override;

    AuditModel *model() const { return m_model; }

protected:
    void retranslate() override;

private:
    void searchNow();
    void showSelected();
    void updateStatus();

    std::unique_ptr<Ui::AuditPage> m_ui;
    AuditModel *m_model = nullptr;
    QTimer m_searchSoon; // searches once typing pauses
    QString m_error;     // of the last load, shown until one succeeds
};

} // namespace vc::ui
