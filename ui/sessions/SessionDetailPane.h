#pragma once

#include "core/Session.h"

#include <QWidget>

#include <memory>
#include <optional>

class QToolButton;

namespace Ui {
class SessionDetailPane;
}

namespace vc::ui {

class SessionEventsModel;

// The selected session: its fields (times in the user's locale, the recipient masked) and its
// event timeline. The page gives its actions to the pane's buttons; the pane only shows.
class SessionDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit SessionDetailPane(QWidget *parent = nullptr);
    ~SessionDetailPane() override;

    void showSession(const SessionView &session, const QString &serviceName);
    void showEvents(const QList<SessionEvent> &events);
    void showEventsError(const QString &message);
    // Back to "select a session".
    void clear();

    const std::optional<SessionView> &session() const { return m_session; }
    SessionEventsModel *eventsModel() const { return m_events; }
    QToolButton *copyIdButton() const;
    QToolButton *resendButton() const;
    QToolButton *cancelButton() const;
    // Shown only for a session with webhooks that failed for good.
    QToolButton *retryWebhooksButton() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    std::unique_ptr<Ui::SessionDetailPane> m_ui;
    SessionEventsModel *m_events = nullptr;
    std::optional<SessionView> m_session;
    QString m_serviceName;
};

} // namespace vc::ui
