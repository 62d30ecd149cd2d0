#pragma once

#include "ConsoleContext.h"
#include "core/Service.h"
#include "delivery/MessageTemplates.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class TemplateEditor;
}

namespace vc::ui {

// One service's message texts, per locale and part: an editor beside a live preview of what the
// recipient would get (rendered with a sample code, the service's app name and TTL). A text the
// engine would refuse shows the reason instead of a preview and cannot be saved. Saving the
// shipped text, or "Reset to shipped text", removes the service's own version.
class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateEditor(ConsoleContext &context, QWidget *parent = nullptr);
    ~TemplateEditor() override;

    // Shows the texts of `service` (nullopt empties and disables the editor). The text shown is
    // reloaded from the engine unless it has unsaved edits.
    void setService(const std::optional<Service> &service);
    // The values the preview fills in (app name, TTL, code length and type): the settings form's
    // current values, so the preview follows edits before they are saved.
    void setPreviewValues(const Service &values);

    QString locale() const { return m_locale; }
    QString part() const { return m_part; }
    bool hasChanges() const;
    // Asks before unsaved edits are dropped; true when there are none or the user agrees.
    bool confirmDiscard();
    bool save();
    bool resetToShipped();
    void revert();

    // The sample code the preview shows for a service's code settings ("123456").
    static QString sampleCode(int length, CodeType type);

signals:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void choose();
    void load(bool force);
    void updateOrigin();
    void updatePreview();
    void updateButtons();
    void retranslate();
    TemplatePart currentPart() const;
    QString shippedText() const;
    QString partTitle() const;

    ConsoleContext &m_context;
    std::unique_ptr<Ui::TemplateEditor> m_ui;
    std::optional<TemplateCatalog> m_catalog; // the shipped texts and the words for "minute"
    std::optional<Service> m_service;
    Service m_previewValues;
    QString m_locale; // what the editor holds
    QString m_part;
    QString m_loadedText;
    bool m_valid = false;
    bool m_loading = false;
};

} // namespace vc::ui
