#include "delivery/DeliveryPage.h"

#include "common/Background.h"
#include "common/Format.h"
#include "common/Prompter.h"
#include "core/Engine.h"
#include "core/SessionRules.h"
#include "delivery/DeliveryQueueModel.h"
#include "delivery/OutboxModel.h"
#include "delivery/ProvidersPanel.h"
#include "ui_DeliveryPage.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>

namespace vc::ui {

struct DeliveryPage::Loaded
{
    quint64 generation = 0;
    QList<OutboxEntry> outbox;
    QString outboxError;
    QList<DeliveryView> queue;
    QString queueError;
};

namespace {

void setUpTable(QTableView *view, int stretchColumn)
{
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->setTextElideMode(Qt::ElideRight);
}

} // namespace

DeliveryPage::DeliveryPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::DeliveryPage>())
    , m_outbox(new OutboxModel(this))
    , m_queue(new DeliveryQueueModel(this))
{
    m_ui->setupUi(this);
    QFont heading = m_ui->pageTitle->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.5);
    heading.setBold(true);
    m_ui->pageTitle->setFont(heading);

    m_ui->outboxTable->setModel(m_outbox);
    m_ui->queueTable->setModel(m_queue);
    setUpTable(m_ui->outboxTable, OutboxModel::MessageColumn);
    setUpTable(m_ui->queueTable, DeliveryQueueModel::LastErrorColumn);
    m_ui->outboxSplitter->setStretchFactor(0, 3);
    m_ui->outboxSplitter->setStretchFactor(1, 1);

    for (QTableView *view : {m_ui->outboxTable, m_ui->queueTable}) {
        auto *copy = new QAction(view);
        copy->setObjectName(QStringLiteral("copySessionId"));
        connect(copy, &QAction::triggered, this, [this, view] { copySessionId(view); });
        view->addAction(copy);
    }

    connect(m_ui->outboxTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveryPage::showOutboxMessage);
    connect(m_ui->queueTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveryPage::updateRetryButton);
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &DeliveryPage::updateRetryButton);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &DeliveryPage::updateRetryButton);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] { retrySelected(); });
    connect(m_ui->queueFilter, &QComboBox::currentIndexChanged, this, &DeliveryPage::refresh);
    // Typing a session id filters once the typing stops.
    m_filterSoon.setSingleShot(true);
    m_filterSoon.setInterval(300);
    connect(&m_filterSoon, &QTimer::timeout, this, &DeliveryPage::refresh);
    connect(m_ui->outboxSessionFilter, &QLineEdit::textChanged, this,
            [this] { m_filterSoon.start(); });

    m_providers = new ProvidersPanel(context, this);
    m_providers->setObjectName(QStringLiteral("providersPanel"));
    m_ui->deliveryTabs->addTab(m_providers, QString());
    connect(m_providers, &ProvidersPanel::actionFinished, this, &DeliveryPage::updateProviderNote);

    retranslate();
    updateRetryButton();
}

DeliveryPage::~DeliveryPage() = default;

// Says which providers send what: the local outbox alone, or the configured gateways.
void DeliveryPage::updateProviderNote()
{
    auto routes = context().engine.providerRoutes();
    QStringList used;
    if (routes)
        for (const ProviderRoute &r : *routes)
            if (r.serviceId.isEmpty())
                used << tr("%1 through %2").arg(Format::channel(r.channel), r.provider);
    if (used.isEmpty())
        m_ui->providerNoteText->setText(
            tr("<b>The local outbox is the active provider.</b> Messages are kept here instead "
               "of being sent, so verifications work without an SMS, voice or e-mail gateway. "
               "Connect a gateway under Providers."));
    else
        m_ui->providerNoteText->setText(
            tr("<b>Messages are sent by gateways:</b> %1. Other channels stay in the local "
               "outbox. Services can have their own routes under Providers.")
                .arg(used.join(QStringLiteral(", ")).toHtmlEscaped()));
}

void DeliveryPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->deliveryTabs->setTabText(m_ui->deliveryTabs->indexOf(m_providers), tr("Providers"));
    m_providers->retranslate();
    updateProviderNote();
    m_ui->outboxSessionFilter->setPlaceholderText(
        tr("All sessions; paste a session id to see one"));
    for (QTableView *view : {m_ui->outboxTable, m_ui->queueTable})
        view->actions().constFirst()->setText(tr("Copy session id"));
    m_outbox->retranslate();
    m_queue->retranslate();
    updateCounts();
}

QStringList DeliveryPage::queueStates() const
{
    switch (m_ui->queueFilter->currentIndex()) {
    case 1:
        return {QStringLiteral("failed")};
    case 2:
        return {QStringLiteral("sent")};
    case 3:
        return {QStringLiteral("cancelled")};
    default:
        return {}; // the engine's default: queued, sending and failed
    }
}

void DeliveryPage::refresh()
{
    m_filterSoon.stop();
    m_providers->refresh();
    updateProviderNote();
    const quint64 generation = ++m_generation;
    const QString session = m_ui->outboxSessionFilter->text().trimmed();
    DeliveryQuery query;
    query.states = queueStates();
    query.limit = RowLimit;
    Engine *engine = &context().engine;
    runInBackground<Loaded>(
        this,
        [engine, generation, session, query] {
            Loaded loaded;
            loaded.generation = generation;
            if (!session.isEmpty() && !SessionRules::validateSessionId(session)) {
                loaded.outboxError = tr("This is not a session id.");
            } else if (auto outbox = engine->outbox(session, RowLimit)) {
                loaded.outbox = *outbox;
            } else {
                loaded.outboxError = outbox.error().toString();
            }
            if (auto queue = engine->deliveries(query))
                loaded.queue = *queue;
            else
                loaded.queueError = queue.error().toString();
            return loaded;
        },
        [this](Loaded loaded) { show(loaded); });
}

void DeliveryPage::show(const Loaded &loaded)
{
    if (loaded.generation != m_generation)
        return; // a newer refresh is on its way

    // Keep the selected rows selected across a reload.
    const OutboxEntry *message = m_outbox->entry(m_ui->outboxTable->currentIndex().row());
    const qint64 selectedMessage = message ? message->id : 0;
    const DeliveryView *job = m_queue->delivery(m_ui->queueTable->currentIndex().row());
    const qint64 selectedJob = job ? job->id : 0;

    m_outboxProblem = loaded.outboxError;
    m_outbox->setEntries(loaded.outbox);
    m_queue->setDeliveries(loaded.queue);
    if (const int row = m_outbox->rowOf(selectedMessage); row >= 0)
        m_ui->outboxTable->selectRow(row);
    if (const int row = m_queue->rowOf(selectedJob); row >= 0)
        m_ui->queueTable->selectRow(row);
    if (!loaded.queueError.isEmpty())
        m_ui->queueMessage->setText(tr("The queue could not be read: %1").arg(loaded.queueError));
    else if (m_queueUnreadable)
        m_ui->queueMessage->clear();
    m_queueUnreadable = !loaded.queueError.isEmpty();
    showOutboxMessage();
    updateRetryButton();
    updateCounts();
    emit refreshed();
}

void DeliveryPage::updateCounts()
{
    if (!m_outboxProblem.isEmpty())
        m_ui->outboxCount->setText(m_outboxProblem);
    else if (m_outbox->rowCount() >= RowLimit)
        m_ui->outboxCount->setText(
            tr("The newest %1 messages").arg(Format::number(m_outbox->rowCount())));
    else
        m_ui->outboxCount->setText(tr("Messages: %1").arg(Format::number(m_outbox->rowCount())));

    int failed = 0;
    for (int row = 0; row < m_queue->rowCount(); ++row)
        if (m_queue->delivery(row)->state == QLatin1String("failed"))
            ++failed;
    QString count = tr("Items: %1").arg(Format::number(m_queue->rowCount()));
    if (failed > 0 && m_ui->queueFilter->currentIndex() == 0)
        count = tr("Items: %1 · failed: %2")
                    .arg(Format::number(m_queue->rowCount()), Format::number(failed));
    m_ui->queueCount->setText(count);
    m_ui->deliveryTabs->setTabText(
        m_ui->deliveryTabs->indexOf(m_ui->queueTab),
        failed > 0 ? tr("Delivery queue (%1 failed)").arg(Format::number(failed))
                   : tr("Delivery queue"));
}

void DeliveryPage::showOutboxMessage()
{
    const OutboxEntry *e = m_outbox->entry(m_ui->outboxTable->currentIndex().row());
    if (!e) {
        m_ui->outboxMessage->setPlainText(
            m_outbox->rowCount() > 0 ? tr("Select a message to read it in full.") : QString());
        return;
    }
    QString text;
    if (!e->subject.isEmpty())
        text = tr("Subject: %1").arg(e->subject) + QStringLiteral("\n\n");
    text += e->text;
    m_ui->outboxMessage->setPlainText(text);
}

void DeliveryPage::updateRetryButton()
{
    const DeliveryView *d = m_queue->delivery(m_ui->queueTable->currentIndex().row());
    m_ui->retryButton->setEnabled(d && d->state == QLatin1String("failed"));
    m_ui->retryButton->setToolTip(
        tr("Sends the session a new code by the same channel, under the resend rules."));
}

QString DeliveryPage::retryProblem(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::RateLimited:
        return tr("A code was sent to this session moments ago. Try again in %1 s.")
            .arg(Format::number(error.retryAfterSeconds));
    case ErrorCode::Conflict:
        if (error.reason == QLatin1String("max_resends_reached"))
            return tr("The session has used all its resends. The user has to start a new "
                      "verification.");
        if (error.reason == QLatin1String("delivery_not_failed"))
            return tr("Only a failed delivery can be retried, and this one is no longer failed.");
        if (error.reason.startsWith(QLatin1String("session_")))
            if (const auto status = statusFromName(error.reason.mid(8)))
                return tr("The session is already final (%1): it gets no new code.")
                    .arg(Format::status(*status));
        break;
    case ErrorCode::NotFound:
        return tr("This delivery no longer exists; its session may have been purged.");
    default:
        break;
    }
    return error.toString();
}

bool DeliveryPage::retrySelected()
{
    const DeliveryView *selected = m_queue->delivery(m_ui->queueTable->currentIndex().row());
    if (!selected || selected->state != QLatin1String("failed"))
        return false;
    const DeliveryView d = *selected; // the model may reload while the question is open
    if (!context().prompter.confirm(
            this, tr("Retry delivery"),
            tr("Send a new code to %1 by %2? The session's current code stops working.")
                .arg(d.recipientMasked, Format::channel(d.channel)),
            tr("Retry")))
        return false;
    auto retried = context().engine.retryDelivery(d.id, context().operatorActor);
    if (!retried) {
        context().prompter.warn(this, tr("Delivery not retried"), retryProblem(retried.error()));
        return false;
    }
    m_ui->queueMessage->setText(
        tr("A new code for session %1 is queued (%2).")
            .arg(d.sessionId, Format::dateTime(context().engine.clock().nowMs())));
    refresh();
    return true;
}

void DeliveryPage::copySessionId(QTableView *view)
{
    const int role =
        view == m_ui->outboxTable ? OutboxModel::SessionIdRole : DeliveryQueueModel::SessionIdRole;
    const QString id = view->currentIndex().data(role).toString();
    if (!id.isEmpty())
        QGuiApplication::clipboard()->setText(id);
}

} // namespace vc::ui
