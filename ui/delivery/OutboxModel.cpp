#include "delivery/OutboxModel.h"

#include "common/Format.h"

namespace vc::ui {

OutboxModel::OutboxModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OutboxModel::setEntries(const QList<OutboxEntry> &entries)
{
    bool sameRows = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameRows && i < entries.size(); ++i)
        sameRows = entries.at(i).id == m_entries.at(i).id;
    if (sameRows)
        return; // an outbox message never changes
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const OutboxEntry *OutboxModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int OutboxModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).id == id)
            return static_cast<int>(i);
    return -1;
}

void OutboxModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = m_entries.at(index.row());
    if (role == SessionIdRole)
        return e.sessionId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return Format::dateTime(e.createdAt);
    case ChannelColumn:
        return Format::channel(e.channel);
    case RecipientColumn:
        return e.recipientMasked;
    case SessionColumn:
        return e.sessionId;
    case MessageColumn: {
        QString text = e.text;
        if (!e.subject.isEmpty())
            text = e.subject + QStringLiteral(" — ") + e.text;
        if (role == Qt::DisplayRole)
            text = text.simplified(); // one line in the table; the pane below shows it whole
        return text;
    }
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ChannelColumn:
        return tr("Channel");
    case RecipientColumn:
        return tr("Recipient");
    case SessionColumn:
        return tr("Session");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace vc::ui
