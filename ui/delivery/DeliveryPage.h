#pragma once

#include "Page.h"

#include <QTimer>

#include <memory>

class QTableView;

namespace Ui {
class DeliveryPage;
}

namespace vc {
struct Error;
}

namespace vc::ui {

class DeliveryQueueModel;
class OutboxModel;
class ProvidersPanel;

// Where messages went: the local outbox (what was "sent", codes included) and the delivery queue
// (waiting, retrying, failed), with Retry for failed deliveries. Loads off the GUI thread.
class DeliveryPage : public Page
{
    Q_OBJECT
public:
    // How many of the newest outbox messages and queue items the page shows.
    static constexpr int RowLimit = 200;

    explicit DeliveryPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~DeliveryPage() override;

    QString title() const override { return tr("Delivery"); }
    void refresh() override;

    OutboxModel *outboxModel() const { return m_outbox; }
    DeliveryQueueModel *queueModel() const { return m_queue; }
    ProvidersPanel *providersPanel() const { return m_providers; }
    // Retries the delivery selected in the queue, after asking; true when a new one was queued.
    bool retrySelected();

signals:
    void refreshed(); // a refresh's results are on screen

protected:
    void retranslate() override;

private:
    struct Loaded;
    void show(const Loaded &loaded);
    void showOutboxMessage();
    void updateRetryButton();
    void updateCounts();
    void updateProviderNote();
    QStringList queueStates() const;
    QString retryProblem(const Error &error) const;
    void copySessionId(QTableView *view);

    std::unique_ptr<Ui::DeliveryPage> m_ui;
    OutboxModel *m_outbox = nullptr;
    DeliveryQueueModel *m_queue = nullptr;
    ProvidersPanel *m_providers = nullptr;
    QTimer m_filterSoon;
    quint64 m_generation = 0; // of the newest refresh; older results are dropped
    QString m_outboxProblem;
    bool m_queueUnreadable = false;
};

} // namespace vc::ui
