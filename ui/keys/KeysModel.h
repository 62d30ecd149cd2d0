#pragma once

#include "core/ApiKey.h"
#include "core/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QThreadPool>

#include <optional>

namespace vc {
class Engine;
}

namespace vc::ui {

// The API keys as the console lists them, newest first. Holds what ApiKeyInfo holds (name,
// prefix, scope, service, times, who revoked) and never a secret: a key's secret exists only in
// the dialog that shows it once. Loads off the GUI thread; a load that finds the same keys
// updates their rows in place, so selection and scrolling survive live refreshes.
class KeysModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Prefix,
        Scope,
        Service,
        Created,
        LastUsed,
        Expires,
        State,
        ColumnCount
    };
    enum Role
    {
        KeyIdRole = Qt::UserRole + 1, // the key's id
        StateRole,                    // "active", "expired" or "revoked"
    };

    explicit KeysModel(Engine &engine, QObject *parent = nullptr);
    ~KeysModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Reads the keys again; loaded() or loadFailed() follows.
    void reload();
    bool isLoading() const { return m_pending > 0; }
    std::optional<ApiKeyInfo> key(int row) const;
    int rowOfId(const QString &id) const; // -1 when not listed
    int activeCount() const;
    // Re-announces every text after a language change.
    void retranslate();

    static QString scopeName(KeyScope scope);
    static QString stateName(const QString &state);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    struct Loaded
    {
        Result<QList<ApiKeyInfo>> keys;
        qint64 now = 0;
        QHash<QString, QString> serviceNames; // by id; empty when the services could not be read
    };
    void apply(const Loaded &answer);

    Engine &m_engine;
    QList<ApiKeyInfo> m_keys;
    qint64 m_now = 0; // when the keys were read: their state is as of then
    QHash<QString, QString> m_serviceNames;
    int m_pending = 0;
    // Loads run here rather than on the global pool so the model can wait for them when it is
    // destroyed: none then touches the engine after the window (and with it the engine) is gone.
    QThreadPool m_pool;
};

} // namespace vc::ui
