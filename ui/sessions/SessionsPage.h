#pragma once

#include "Page.h"
#include "core/Error.h"
#include "core/Service.h"
#include "sessions/SerialWork.h"
#include "sessions/SessionExport.h"
#include "sessions/SessionListModel.h"

#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QTableView;

namespace Ui {
class SessionsPage;
}

namespace vc::ui {

class SessionDetailPane;

// Support staff's page: find sessions (by exact phone number or e-mail through the blind index,
// by id, or by status, channel, service and time), read one with its event timeline, and resend
// or cancel it as the operator (confirmed first; the engine writes the audit log). The list loads
// lazily, so a million sessions cost no more than the rows scrolled through.
class SessionsPage : public Page
{
    Q_OBJECT
public:
    explicit SessionsPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~SessionsPage() override;

    QString title() const override { return tr("Sessions"); }
    // Reloads the list with the filters applied now, keeping the selection where it can.
    void refresh() override;

    SessionListModel *model() const { return m_model; }
    QTableView *view() const;
    SessionDetailPane *detailPane() const;
    // The session whose details are shown; empty when none is selected.
    QString currentSessionId() const;
    // Whether a resend or cancel is under way.
    bool isBusy() const { return m_busy; }
    // Whether an export is under way.
    bool isExporting() const { return m_export != nullptr; }

signals:
    // A resend or cancel finished (its outcome is shown on the page or warned about).
    void actionFinished();
    // The selected session's events were loaded.
    void eventsLoaded();
    // An export finished, failed or was cancelled (the outcome is shown on the page).
    void exportFinished();

protected:
    void retranslate() override;

private:
    enum class Range
    {
        Any,
        Today,
        Last7Days,
        Last30Days,
        Custom
    };

    void setUpView();
    void fillFilterTexts();
    void reloadServices();
    // Builds the query from the search box and the filters and shows its first page; a bad
    // date range is explained inline instead.
    void applyFilters();
    bool applyRange(SessionQuery &query);
    void updateRangeEditors();
    void clearFilters();
    void loadFinished();
    void showLoadError();
    void updateInfo();
    void showSearchMessage(const QString &text);

    const SessionView *currentSession() const;
    void currentChanged();
    void loadEvents();
    void updateActions();

    void copySessionId();
    void resendSession();
    void cancelSession();
    void retryWebhooks();
    void exportSessions();
    void perform(const QString &failureTitle, std::function<Result<SessionView>()> action);
    QString errorText(const Error &error) const;
    QString serviceName(const QString &id) const;

    std::unique_ptr<Ui::SessionsPage> m_ui;
    SessionListModel *m_model = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_resendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_retryWebhooksAction = nullptr;
    QTimer m_searchDelay;
    QList<Service> m_services;
    Range m_appliedRange = Range::Any;
    QString m_shownId;             // the session in the detail pane
    bool m_failedWebhooks = false; // the shown session's events show a webhook failed for good
    bool m_loaded = false;
    bool m_busy = false;
    std::shared_ptr<ExportControl> m_export; // the export under way
    SerialWork m_exportWork;                 // exports, apart from the page's quick calls
    SerialWork m_work; // events, resend and cancel; last member: waited for first
};

} // namespace vc::ui
