#pragma once

#include "core/Session.h"

#include <QAbstractTableModel>
#include <QList>

namespace vc::ui {

// Delivery jobs as the queue shows them, newest first: waiting, being sent, retrying, failed
// (never the message itself).
class DeliveryQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CreatedColumn,
        SessionColumn,
        RecipientColumn,
        ChannelColumn,
        ProviderColumn,
        StateColumn,
        AttemptsColumn,
        NextAttemptColumn,
        LastErrorColumn,
        ColumnCount
    };
    static constexpr int SessionIdRole = Qt::UserRole + 1;
    static constexpr int StateRole = Qt::UserRole + 2; // the engine's state name

    explicit DeliveryQueueModel(QObject *parent = nullptr);

    void setDeliveries(const QList<DeliveryView> &deliveries);
    const DeliveryView *delivery(int row) const;
    int rowOf(qint64 id) const;
    void retranslate();
    // "Retrying" for a queued job that failed before, else the state's name.
    static QString stateText(const DeliveryView &d);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DeliveryView> m_deliveries;
};

} // namespace vc::ui
