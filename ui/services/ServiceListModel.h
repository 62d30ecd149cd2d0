#pragma once

#include "core/Service.h"

#include <QAbstractTableModel>
#include <QList>

namespace vc::ui {

// The services, as the Services page lists them: name and id, disabled ones greyed out.
class ServiceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        IdColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ServiceListModel(QObject *parent = nullptr);

    // Replaces the list; rows keep their place (and the view its selection) when the same
    // services come back in the same order.
    void setServices(const QList<Service> &services);
    const Service *service(int row) const;
    int rowOf(const QString &id) const; // -1 when absent
    // Re-reads every translated text (headers, tooltips) after a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Service> m_services;
};

} // namespace vc::ui
