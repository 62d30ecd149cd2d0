#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class ServicesPage;
}

namespace vc::ui {

class ServiceForm;
class ServiceListModel;
class TemplateEditor;

// The services: a list (and "New service…"), and for the selected one its settings and its
// message texts per locale with a live preview.
class ServicesPage : public Page
{
    Q_OBJECT
public:
    explicit ServicesPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~ServicesPage() override;

    QString title() const override { return tr("Services"); }
    void refresh() override;

    // Selects a service as a click in the list does (asking first about unsaved edits).
    bool selectService(const QString &id);
    QString currentServiceId() const { return m_currentId; }
    ServiceListModel *model() const { return m_model; }
    ServiceForm *form() const { return m_form; }
    TemplateEditor *templateEditor() const { return m_templates; }
    // Asks for an id and creates the service; returns its id, empty when nothing was created.
    QString createService();

protected:
    void retranslate() override;

private:
    void currentRowChanged(int row, int previousRow);
    void showService(const QString &id);
    void setCurrentRow(int row);
    bool confirmDiscard();

    std::unique_ptr<Ui::ServicesPage> m_ui;
    ServiceListModel *m_model = nullptr;
    ServiceForm *m_form = nullptr;
    TemplateEditor *m_templates = nullptr;
    QString m_currentId;
    bool m_selecting = false; // the page itself moves the selection
};

} // namespace vc::ui
