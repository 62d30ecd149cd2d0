#include "delivery/DeliveryQueueModel.h"

#include "common/Format.h"

#include <QBrush>
#include <QColor>

namespace vc::ui {

DeliveryQueueModel::DeliveryQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeliveryQueueModel::setDeliveries(const QList<DeliveryView> &deliveries)
{
    bool sameRows = deliveries.size() == m_deliveries.size();
    for (qsizetype i = 0; sameRows && i < deliveries.size(); ++i)
        sameRows = deliveries.at(i).id == m_deliveries.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_deliveries = deliveries;
        endResetModel();
        return;
    }
    m_deliveries = deliveries; // states, attempts and errors move on
    if (!m_deliveries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const DeliveryView *DeliveryQueueModel::delivery(int row) const
{
    return row >= 0 && row < m_deliveries.size() ? &m_deliveries.at(row) : nullptr;
}

int DeliveryQueueModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_deliveries.size(); ++i)
        if (m_deliveries.at(i).id == id)
            return static_cast<int>(i);
    return -1;
}

void DeliveryQueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_deliveries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString DeliveryQueueModel::stateText(const DeliveryView &d)
{
    if (d.state == QLatin1String("queued") && d.attempts > 0)
        return tr("Retrying");
    return Format::deliveryState(d.state);
}

int DeliveryQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_deliveries.size());
}

int DeliveryQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryView &d = m_deliveries.at(index.row());
    switch (role) {
    case SessionIdRole:
        return d.sessionId;
    case StateRole:
        return d.state;
    case Qt::ForegroundRole:
        if (d.state == QLatin1String("failed") &&
            (index.column() == StateColumn || index.column() == LastErrorColumn))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case CreatedColumn:
        return Format::dateTime(d.createdAt);
    case SessionColumn:
        return d.sessionId;
    case ChannelColumn:
        return Format::channel(d.channel);
    case ProviderColumn:
        return d.provider;
    case StateColumn:
        return stateText(d);
    case AttemptsColumn:
        return Format::number(d.attempts);
    case NextAttemptColumn:
        // Only a waiting job has a next attempt; a failed one waits for someone to retry it.
        return d.state == QLatin1String("queued") ? Format::dateTime(d.nextAttemptAt)
                                                  : QStringLiteral("—");
    case LastErrorColumn:
        return d.lastError.isEmpty() ? QStringLiteral("—") : d.lastError;
    case RecipientColumn:
        return d.recipientMasked;
    default:
        return {};
    }
}

QVariant DeliveryQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case SessionColumn:
        return tr("Session");
    case ChannelColumn:
        return tr("Channel");
    case ProviderColumn:
        return tr("Provider");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case NextAttemptColumn:
        return tr("Next attempt");
    case LastErrorColumn:
        return tr("Last error");
    case RecipientColumn:
        return tr("Recipient");
    default:
        return {};
    }
}

} // namespace vc::ui
