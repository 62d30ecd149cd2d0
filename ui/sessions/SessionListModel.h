#pragma once

#include "core/Error.h"
#include "core/Session.h"
#include "sessions/SerialWork.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace vc {
class Engine;
}

namespace vc::ui {

// What the Sessions page lists: sessions matching a filter, or one session by id.
struct SessionListQuery
{
    SessionQuery filter; // the model sets cursor and limit
    QString sessionId;   // set: only this session; the filter does not apply
};

// Sessions newest first, loaded lazily: the first page when the query is set, the next one when
// the view scrolls to the end (fetchMore), each through the engine's keyset paging and on a
// background thread. It never holds more rows than the user has scrolled through.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Created,
        Status,
        ChannelColumn,
        Recipient,
        Service,
        Attempts,
        Resends,
        Expires,
        ColumnCount
    };
    enum Role
    {
        SessionIdRole = Qt::UserRole + 1,
    };
    static constexpr int PageSize = 200;

    // The status as the console shows it; a test recipient's session says so.
    static QString statusText(const SessionView &session);
    static QString testSessionHint();

    explicit SessionListModel(Engine &engine, QObject *parent = nullptr);
    ~SessionListModel() override;

    // Empties the list and loads the first page of what `query` matches.
    void setQuery(const SessionListQuery &query);
    const SessionListQuery &query() const { return m_query; }
    // Loads the rows again (as many as are loaded now) with the same query. Rows that are still
    // there keep their place, so the view keeps its selection and scroll position; new sessions
    // are inserted at the top and ones that no longer match are removed.
    void refresh();
    // The same with a changed query (a relative time range moved on), rows merged likewise.
    void refresh(const SessionListQuery &query);
    // Shows a newer state of one session at once (after a resend or cancel).
    void updateSession(const SessionView &view);
    // Service names for the service column (ids are shown for services not named here).
    void setServiceNames(const QHash<QString, QString> &names);
    // Re-reads the translated texts (headers, statuses, channels) after a language change.
    void retranslate();

    const SessionView *session(int row) const;
    int rowOf(const QString &sessionId) const;
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    // Whether the last load failed, and why.
    const std::optional<Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingChanged(bool loading);
    // A load finished: more rows (`appended`), or the first page or a refresh. lastError() says
    // whether it failed.
    void loadFinished(bool appended);

private:
    struct Loaded
    {
        QList<SessionView> rows;
        QString nextCursor;
        std::optional<Error> error;
    };
    static Loaded load(Engine &engine, const SessionListQuery &query, const QString &cursor,
                       int wanted);
    void startLoad(const QString &cursor, int wanted, bool append);
    void finishLoad(quint64 generation, bool append, Loaded loaded);
    void append(const QList<SessionView> &rows);
    void merge(const QList<SessionView> &rows);
    void setLoading(bool loading);
    QString serviceName(const QString &id) const;

    Engine &m_engine;
    SessionListQuery m_query;
    QList<SessionView> m_rows;
    QString m_nextCursor;
    QHash<QString, QString> m_serviceNames;
    std::optional<Error> m_lastError;
    bool m_loading = false;
    int m_inFlightRows = 0;   // rows listed once the load in flight lands (0: none in flight)
    quint64 m_generation = 0; // loads of an older query or refresh are dropped when they finish
    SerialWork m_work;        // last member: destroyed (and waited for) first
};

} // namespace vc::ui
