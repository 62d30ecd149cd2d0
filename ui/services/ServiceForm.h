#pragma once

#include "ConsoleContext.h"
#include "core/Service.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;

namespace Ui {
class ServiceForm;
}

namespace vc::ui {

// The settings of one service. Every editor is bound to one field of ServiceRules::fields() by
// its object name ("field_<key>", with its error label "error_<key>"), and every value is checked
// with that field's own setter: the form refuses exactly what the engine refuses. Spin boxes take
// their ranges from Limits. Save sends only the fields that changed.
class ServiceForm : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceForm(ConsoleContext &context, QWidget *parent = nullptr);
    ~ServiceForm() override;

    // Shows `service`, dropping any edits; nullopt empties and disables the form.
    void setService(const std::optional<Service> &service);
    const std::optional<Service> &service() const { return m_service; }
    // True when an editor differs from the saved service (also with a value not yet valid).
    bool hasChanges() const;
    // The fields whose editors differ from the saved service, as updateService takes them.
    QJsonObject changes() const;
    // The saved service with every valid edit applied (what the template preview shows).
    Service editedService() const;

    // Sends the changes to the engine; false when nothing was saved (an error is then shown next
    // to the field at fault).
    bool save();
    void revert();

signals:
    void saved(const vc::Service &service);
    void edited(); // any editor changed

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Binding
    {
        const ServiceField *field = nullptr;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };

    void bindFields();
    void retranslate();
    QJsonValue editorValue(const Binding &b) const;
    void setEditorValue(const Binding &b, const QJsonValue &value);
    // The problem with a binding's current value, in the user's language; empty when none.
    QString problemWith(const Binding &b) const;
    void showError(const Binding &b, const QString &text);
    void validate();
    void updateTtlHint();

    ConsoleContext &m_context;
    std::unique_ptr<Ui::ServiceForm> m_ui;
    QList<Binding> m_bindings;
    std::optional<Service> m_service;
    QHash<QString, QJsonValue> m_loaded; // editor values right after loading, per key
    bool m_loading = false;
};

} // namespace vc::ui
