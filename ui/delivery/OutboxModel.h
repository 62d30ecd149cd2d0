#pragma once

#include "core/Session.h"

#include <QAbstractTableModel>
#include <QList>

namespace vc::ui {

// Messages in the local outbox, newest first: what a recipient would have received. The texts
// hold codes; showing them is the outbox's purpose.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        ChannelColumn,
        RecipientColumn,
        SessionColumn,
        MessageColumn,
        ColumnCount
    };
    static constexpr int SessionIdRole = Qt::UserRole + 1;

    explicit OutboxModel(QObject *parent = nullptr);

    // Replaces the rows; when the same messages come back, rows keep their place.
    void setEntries(const QList<OutboxEntry> &entries);
    const OutboxEntry *entry(int row) const;
    int rowOf(qint64 id) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<OutboxEntry> m_entries;
};

} // namespace vc::ui
