#pragma once

#include "core/Session.h"

#include <QAbstractTableModel>

namespace vc::ui {

// One session's event timeline, oldest first: time, event, actor and details. Events never hold
// a code, and the details are shown from the event alone.
class SessionEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Event,
        Actor,
        Details,
        ColumnCount
    };
    enum Role
    {
        TypeRole = Qt::UserRole + 1, // the engine's event type ("resent")
        ActorRole,                   // the engine's actor text ("operator:ola")
    };

    explicit SessionEventsModel(QObject *parent = nullptr);

    void setEvents(const QList<SessionEvent> &events);
    const QList<SessionEvent> &events() const { return m_events; }
    void retranslate();

    // The event's name in the current language ("Resent").
    static QString eventName(const QString &type);
    // The event's details as one line ("Channel: Voice · Resends left: 2").
    static QString details(const SessionEvent &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SessionEvent> m_events;
};

} // namespace vc::ui
