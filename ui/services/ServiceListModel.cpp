#include "services/ServiceListModel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace vc::ui {

ServiceListModel::ServiceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ServiceListModel::setServices(const QList<Service> &services)
{
    bool sameRows = services.size() == m_services.size();
    for (qsizetype i = 0; sameRows && i < services.size(); ++i)
        sameRows = services.at(i).id == m_services.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_services = services;
        endResetModel();
        return;
    }
    m_services = services;
    if (!m_services.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const Service *ServiceListModel::service(int row) const
{
    return row >= 0 && row < m_services.size() ? &m_services.at(row) : nullptr;
}

int ServiceListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i)
        if (m_services.at(i).id == id)
            return static_cast<int>(i);
    return -1;
}

void ServiceListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_services.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_services.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Service &s = m_services.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? s.name : s.id;
    case Qt::ToolTipRole:
        return s.enabled ? tr("%1 (id %2)").arg(s.name, s.id)
                         : tr("%1 (id %2) is disabled: it accepts no new verifications")
                               .arg(s.name, s.id);
    case Qt::ForegroundRole:
        if (!s.enabled)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (!s.enabled) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case IdRole:
        return s.id;
    default:
        return {};
    }
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Service");
    case IdColumn:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace vc::ui
