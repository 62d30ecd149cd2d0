#pragma once

#include "core/Audit.h"
#include "core/Result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QThreadPool>

#include <optional>

namespace vc {
class Engine;
}

namespace vc::ui {

// The audit log, newest first, optionally narrowed by a search text. Pages are read lazily and
// off the GUI thread: the first on reload(), older ones on fetchMore() (keyset paging by id),
// newer ones on refresh(), which keeps what is loaded (and the view's scroll position) unless so
// much is new that a gap could open, when it starts over from the newest page.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Actor,
        Action,
        Target,
        Details,
        ColumnCount
    };
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        ActionRole,   // the action's code ("key.revoke")
        TargetIdRole, // the target's id (a key id, a service id, a session id)
    };
    static constexpr int DefaultPageSize = 100;

    explicit AuditModel(Engine &engine, QObject *parent = nullptr);
    ~AuditModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setPageSize(int entries) { m_pageSize = qBound(1, entries, 500); }
    int pageSize() const { return m_pageSize; }
    // Matched by the engine against actor, action, target and details; reloads.
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    // Starts over from the newest page.
    void reload();
    // Adds entries newer than the first one listed.
    void refresh();
    bool isLoading() const { return m_pending > 0; }
    std::optional<AuditEntry> entry(int row) const;
    void retranslate();

    // Display texts, in the current language.
    static QString actionName(const QString &action);
    static QString targetText(const AuditEntry &entry);
    // The details on one line, or one per line.
    static QString detailsText(const AuditEntry &entry, bool multiline = false);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    enum class Load
    {
        Replace,
        Newer,
        Older
    };
    // Which question an answer belongs to: the query (search) and the list it would extend.
    struct Epochs
    {
        quint64 query = 0;
        quint64 list = 0;
    };
    void load(Load kind);
    void apply(Load kind, Epochs asked, const Result<QList<AuditEntry>> &result);
    void replaceWith(const QList<AuditEntry> &entries);

    Engine &m_engine;
    QList<AuditEntry> m_entries;
    QString m_search;
    int m_pageSize = DefaultPageSize;
    bool m_loaded = false;       // a first page has arrived
    bool m_atEnd = true;         // nothing older than the last entry listed
    bool m_loadingOlder = false; // a fetchMore is under way
    int m_pending = 0;
    quint64 m_queryEpoch = 0; // bumped by reload(): answers to an earlier search are dropped
    quint64 m_listEpoch = 0;  // bumped when the rows are replaced: older pages for them too
    // Queries run here rather than on the global pool so the model can wait for them when it is
    // destroyed: none then touches the engine after the window (and with it the engine) is gone.
    QThreadPool m_pool;
};

} // namespace vc::ui
