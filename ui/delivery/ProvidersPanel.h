#pragma once

#include "core/Session.h"
#include "delivery/ProviderFactory.h"
#include "store/ProviderStore.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vc::ui {

struct ConsoleContext;
class SerialWork;

// Delivery providers on the Delivery page: the configured SMTP servers, Kannel gateways and HTTP
// gateways with a form per kind (secrets are write-only: a stored one shows as set, never its
// value), "Send test", and which provider sends each channel, for all services or one.
class ProvidersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersPanel(ConsoleContext &context, QWidget *parent = nullptr);
    ~ProvidersPanel() override;

    void refresh();
    void retranslate();

    // The provider being edited ("" for a new one).
    QString currentName() const { return m_current; }
    void editProvider(const QString &name);
    void newProvider(const QString &kind);

signals:
    // A save, removal, route change or test finished (its outcome is shown in the panel).
    void actionFinished();

private:
    void buildForm();
    void showFields();
    void fillForm(const ProviderRecord *record);
    QString labelOf(const QString &key) const;
    void save();
    void removeCurrent();
    void sendTest();
    void fillRoutes();
    void routeChanged(Channel channel, const QString &provider);
    void showMessage(const QString &text, bool error);
    Actor actor() const;

    ConsoleContext &m_context;
    QList<ProviderRecord> m_providers;
    QList<ProviderRoute> m_routes;
    QString m_current;
    QListWidget *m_list = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_formTitle = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_kindLabel = nullptr;
    QHash<QString, QWidget *> m_fields; // key -> editor, for the shown kind
    QHash<QString, QLabel *> m_fieldLabels;
    QPushButton *m_saveButton = nullptr;
    QLineEdit *m_testRecipient = nullptr;
    QComboBox *m_testChannel = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_routesTitle = nullptr;
    QLabel *m_routesServiceLabel = nullptr;
    QComboBox *m_routesService = nullptr;
    QHash<Channel, QComboBox *> m_routeCombos;
    QHash<Channel, QLabel *> m_routeLabels;
    bool m_filling = false;
    std::unique_ptr<SerialWork> m_work; // tests and saves off the GUI thread
};

} // namespace vc::ui
