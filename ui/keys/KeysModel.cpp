#include "keys/KeysModel.h"

#include "common/Format.h"
#include "core/Engine.h"
#include "core/Service.h"

#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QPalette>
#include <QtConcurrent>

#include <algorithm>

namespace vc::ui {

KeysModel::KeysModel(Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    m_pool.setMaxThreadCount(1); // loads finish in the order they were asked for
}

KeysModel::~KeysModel()
{
    m_pool.waitForDone();
}

int KeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int KeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString KeysModel::scopeName(KeyScope scope)
{
    return scope == KeyScope::Admin ? tr("Admin") : tr("Verify");
}

QString KeysModel::stateName(const QString &state)
{
    if (state == QLatin1String("active"))
        return tr("Active");
    if (state == QLatin1String("expired"))
        return tr("Expired");
    if (state == QLatin1String("revoked"))
        return tr("Revoked");
    return state;
}

QVariant KeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKeyInfo &k = m_keys.at(index.row());
    const QString state = k.state(m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return k.name;
        case Prefix:
            return k.prefix;
        case Scope:
            return scopeName(k.scope);
        case Service:
            return k.serviceId.isEmpty() ? tr("All services")
                                         : m_serviceNames.value(k.serviceId, k.serviceId);
        case Created:
            return Format::dateTime(k.createdAt);
        case LastUsed:
            return k.lastUsedAt ? Format::dateTime(*k.lastUsedAt) : tr("Never");
        case Expires:
            return k.expiresAt ? Format::dateTime(*k.expiresAt) : tr("Never");
        case State:
            return stateName(state);
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("Created by %1").arg(k.createdBy);
        if (k.revokedAt)
            tip +=
                u'\n' + tr("Revoked by %1 on %2").arg(k.revokedBy, Format::dateTime(*k.revokedAt));
        return tip;
    }
    case Qt::FontRole:
        if (index.column() == Prefix)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::ForegroundRole:
        // Keys that no longer work recede; the active ones are what an operator looks for.
        if (state != QLatin1String("active"))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case KeyIdRole:
        return k.id;
    case StateRole:
        return state;
    }
    return {};
}

QVariant KeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Prefix:
        return tr("Prefix");
    case Scope:
        return tr("Scope");
    case Service:
        return tr("Service");
    case Created:
        return tr("Created");
    case LastUsed:
        return tr("Last used");
    case Expires:
        return tr("Expires");
    case State:
        return tr("State");
    }
    return {};
}

void KeysModel::reload()
{
    ++m_pending;
    Engine &engine = m_engine;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        --m_pending;
        apply(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [&engine] {
        // The time first: a key that expires while it is read shows as active until the next
        // load rather than the other way round.
        const qint64 now = engine.clock().nowMs();
        Loaded loaded{engine.keys(), now, {}};
        if (auto services = engine.services())
            for (const vc::Service &service : *services)
                loaded.serviceNames.insert(service.id, service.name);
        return loaded;
    }));
}

void KeysModel::apply(const Loaded &answer)
{
    if (!answer.keys) {
        emit loadFailed(answer.keys.error().message);
        return;
    }
    QList<ApiKeyInfo> keys = *answer.keys;
    std::stable_sort(keys.begin(), keys.end(), [](const ApiKeyInfo &a, const ApiKeyInfo &b) {
        return a.createdAt > b.createdAt;
    });
    const bool sameKeys =
        std::equal(keys.cbegin(), keys.cend(), m_keys.cbegin(), m_keys.cend(),
                   [](const ApiKeyInfo &a, const ApiKeyInfo &b) { return a.id == b.id; });
    if (sameKeys) {
        m_keys = keys;
        m_now = answer.now;
        m_serviceNames = answer.serviceNames;
        if (!m_keys.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_keys = keys;
        m_now = answer.now;
        m_serviceNames = answer.serviceNames;
        endResetModel();
    }
    emit loaded();
}

std::optional<ApiKeyInfo> KeysModel::key(int row) const
{
    if (row < 0 || row >= m_keys.size())
        return std::nullopt;
    return m_keys.at(row);
}

int KeysModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_keys.size(); ++row)
        if (m_keys.at(row).id == id)
            return row;
    return -1;
}

int KeysModel::activeCount() const
{
    return static_cast<int>(std::count_if(
        m_keys.cbegin(), m_keys.cend(), [this](const ApiKeyInfo &k) { return k.usableAt(m_now); }));
}

void KeysModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_keys.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace vc::ui
