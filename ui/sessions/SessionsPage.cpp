#include "sessions/SessionsPage.h"

#include "common/Format.h"
#include "common/Prompter.h"
#include "core/Engine.h"
#include "sessions/SessionDetailPane.h"
#include "ui_SessionsPage.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QToolButton>

namespace vc::ui {

namespace {

constexpr int SearchDelayMs = 400;

struct EventsLoaded
{
    QString sessionId;
    QList<SessionEvent> events;
    std::optional<Error> error;
};

struct ActionOutcome
{
    std::optional<SessionView> view;
    Error error;
};

// Session ids are UUIDs; anything else in the search box is taken for a recipient, which the
// engine checks (a phone number in international form or an e-mail address).
bool isSessionId(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

qint64 startOfDayMs(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

void setItemTexts(QComboBox *combo, const QStringList &texts)
{
    for (int i = 0; i < texts.size() && i < combo->count(); ++i)
        combo->setItemText(i, texts.at(i));
}

// Whether a webhook of these events (oldest first) failed for good and has not been queued again
// since: each webhook's last event tells where it stands.
bool hasWebhookFailedForGood(const QList<SessionEvent> &events)
{
    QHash<QString, bool> failed; // by event id
    for (const SessionEvent &e : events) {
        const QString eventId = e.detail.value(QStringLiteral("event_id")).toString();
        if (e.type == QLatin1String("webhook_failed"))
            failed[eventId] = !e.detail.value(QStringLiteral("will_retry")).toBool();
        else if (e.type == QLatin1String("webhook_sent") ||
                 e.type == QLatin1String("webhook_requeued"))
            failed[eventId] = false;
    }
    for (bool f : std::as_const(failed))
        if (f)
            return true;
    return false;
}

} // namespace

SessionsPage::SessionsPage(ConsoleContext &context, QWidget *parent)
    : Page(context, parent)
    , m_ui(std::make_unique<Ui::SessionsPage>())
    , m_model(new SessionListModel(context.engine, this))
{
    m_ui->setupUi(this);

    m_copyIdAction = new QAction(this);
    m_copyIdAction->setObjectName(QStringLiteral("copySessionIdAction"));
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    m_copyIdAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_resendAction = new QAction(this);
    m_resendAction->setObjectName(QStringLiteral("resendAction"));
    m_cancelAction = new QAction(this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_retryWebhooksAction = new QAction(this);
    m_retryWebhooksAction->setObjectName(QStringLiteral("retryWebhooksAction"));
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_ui->sessionsView->addActions(
        {m_copyIdAction, separator, m_resendAction, m_cancelAction, m_retryWebhooksAction});
    m_ui->detailPane->copyIdButton()->setDefaultAction(m_copyIdAction);
    m_ui->detailPane->resendButton()->setDefaultAction(m_resendAction);
    m_ui->detailPane->cancelButton()->setDefaultAction(m_cancelAction);
    m_ui->detailPane->retryWebhooksButton()->setDefaultAction(m_retryWebhooksAction);
    connect(m_copyIdAction, &QAction::triggered, this, &SessionsPage::copySessionId);
    connect(m_resendAction, &QAction::triggered, this, &SessionsPage::resendSession);
    connect(m_cancelAction, &QAction::triggered, this, &SessionsPage::cancelSession);
    connect(m_retryWebhooksAction, &QAction::triggered, this, &SessionsPage::retryWebhooks);

    m_ui->searchMessage->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_ui->searchMessage->hide();
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(context.engine.clock().nowMs()).toLocalTime().date();
    m_ui->fromDate->setDate(today.addDays(-6));
    m_ui->toDate->setDate(today);
    fillFilterTexts();
    updateRangeEditors();
    setUpView();
    retranslate();

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &SessionsPage::applyFilters);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            applyFilters(); // cleared: back to the full list at once
        else
            m_searchDelay.start();
    });
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &SessionsPage::applyFilters);
    for (QComboBox *combo : {m_ui->statusFilter, m_ui->channelFilter, m_ui->serviceFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &SessionsPage::applyFilters);
    connect(m_ui->timeFilter, &QComboBox::currentIndexChanged, this, [this] {
        updateRangeEditors();
        applyFilters();
    });
    for (QDateEdit *edit : {m_ui->fromDate, m_ui->toDate})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_ui->timeFilter->currentData().toInt() == static_cast<int>(Range::Custom))
                applyFilters();
        });
    connect(m_ui->clearFiltersButton, &QPushButton::clicked, this, &SessionsPage::clearFilters);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &SessionsPage::exportSessions);

    connect(m_model, &SessionListModel::loadingChanged, this, &SessionsPage::updateInfo);
    connect(m_model, &SessionListModel::loadFinished, this, [this](bool appended) {
        updateInfo();
        if (!appended)
            loadFinished();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &SessionsPage::currentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndexList selected =
                    m_ui->sessionsView->selectionModel()->selectedRows();
                if (!selected.isEmpty() && selected.first().row() >= topLeft.row() &&
                    selected.first().row() <= bottomRight.row())
                    currentChanged();
            });
    connect(m_ui->sessionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SessionsPage::currentChanged);
    updateActions();
}

SessionsPage::~SessionsPage()
{
    if (m_export)
        m_export->cancelled = true; // m_exportWork then waits only for the page being read
}

QTableView *SessionsPage::view() const
{
    return m_ui->sessionsView;
}

SessionDetailPane *SessionsPage::detailPane() const
{
    return m_ui->detailPane;
}

QString SessionsPage::currentSessionId() const
{
    return m_shownId;
}

void SessionsPage::setUpView()
{
    QTableView *view = m_ui->sessionsView;
    view->setModel(m_model);
    // Rows of one fixed height: the view never measures rows it does not show.
    QHeaderView *rows = view->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(view->fontMetrics().height() + 10);
    QHeaderView *columns = view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsClickable(false); // always newest first: the order keyset paging gives
    columns->setStretchLastSection(true);
    m_ui->splitter->setStretchFactor(0, 5);
    m_ui->splitter->setStretchFactor(1, 4);
}

void SessionsPage::fillFilterTexts()
{
    QStringList statuses{tr("All statuses")};
    for (SessionStatus s : allStatuses())
        statuses << Format::status(s);
    QStringList channels{tr("All channels")};
    for (Channel c : allChannels())
        channels << Format::channel(c);
    const QStringList ranges{tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"),
                             tr("Custom range")};

    const QSignalBlocker blockStatus(m_ui->statusFilter);
    const QSignalBlocker blockChannel(m_ui->channelFilter);
    const QSignalBlocker blockTime(m_ui->timeFilter);
    const QSignalBlocker blockService(m_ui->serviceFilter);
    if (m_ui->statusFilter->count() == 0) {
        m_ui->statusFilter->addItem(statuses.first(), -1);
        for (SessionStatus s : allStatuses())
            m_ui->statusFilter->addItem(Format::status(s), static_cast<int>(s));
        m_ui->channelFilter->addItem(channels.first(), -1);
        for (Channel c : allChannels())
            m_ui->channelFilter->addItem(Format::channel(c), static_cast<int>(c));
        for (int i = 0; i < ranges.size(); ++i)
            m_ui->timeFilter->addItem(ranges.at(i), i);
        m_ui->serviceFilter->addItem(tr("All services"), QString());
    }
    setItemTexts(m_ui->statusFilter, statuses);
    setItemTexts(m_ui->channelFilter, channels);
    setItemTexts(m_ui->timeFilter, ranges);
    m_ui->serviceFilter->setItemText(0, tr("All services"));
}

void SessionsPage::reloadServices()
{
    auto services = context().engine.services();
    if (!services)
        return; // keep the list we have; the sessions query reports the database's trouble
    m_services = *services;
    QHash<QString, QString> names;
    for (const Service &s : std::as_const(m_services))
        names.insert(s.id, s.name);
    m_model->setServiceNames(names);

    QComboBox *combo = m_ui->serviceFilter;
    const QString selected = combo->currentData().toString();
    const QSignalBlocker block(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const Service &s : std::as_const(m_services))
        combo->addItem(s.name.isEmpty() ? s.id : s.name, s.id);
    const int index = combo->findData(selected);
    combo->setCurrentIndex(qMax(0, index));
    if (index < 0 && !selected.isEmpty())
        applyFilters(); // the service filtered on is gone
}

void SessionsPage::refresh()
{
    reloadServices();
    if (!m_loaded) {
        applyFilters();
        return;
    }
    SessionListQuery query = m_model->query();
    if (query.sessionId.isEmpty() && !applyRange(query.filter))
        return;
    m_model->refresh(query);
}

void SessionsPage::applyFilters()
{
    m_searchDelay.stop();
    SessionListQuery query;
    const QString text = m_ui->searchEdit->text().trimmed();
    if (isSessionId(text)) {
        query.sessionId = text.toLower();
    } else {
        query.filter.recipient = text;
        if (const int s = m_ui->statusFilter->currentData().toInt(); s >= 0)
            query.filter.status = static_cast<SessionStatus>(s);
        if (const int c = m_ui->channelFilter->currentData().toInt(); c >= 0)
            query.filter.channel = static_cast<Channel>(c);
        query.filter.serviceId = m_ui->serviceFilter->currentData().toString();
        if (!applyRange(query.filter)) {
            showSearchMessage(tr("The end date is before the start date."));
            return;
        }
    }
    showSearchMessage({});
    m_loaded = true;
    m_model->setQuery(query);
}

bool SessionsPage::applyRange(SessionQuery &query)
{
    const auto range = static_cast<Range>(m_ui->timeFilter->currentData().toInt());
    const qint64 now = context().engine.clock().nowMs();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).toLocalTime().date();
    query.fromMs = 0;
    query.toMs = 0;
    switch (range) {
    case Range::Any:
        break;
    case Range::Today:
        query.fromMs = startOfDayMs(today);
        break;
    case Range::Last7Days:
        query.fromMs = now - 7 * 86'400'000LL;
        break;
    case Range::Last30Days:
        query.fromMs = now - 30 * 86'400'000LL;
        break;
    case Range::Custom:
        query.fromMs = startOfDayMs(m_ui->fromDate->date());
        query.toMs = startOfDayMs(m_ui->toDate->date().addDays(1)); // the whole "to" day
        if (query.toMs <= query.fromMs)
            return false;
        break;
    }
    m_appliedRange = range;
    return true;
}

void SessionsPage::updateRangeEditors()
{
    const bool custom = m_ui->timeFilter->currentData().toInt() == static_cast<int>(Range::Custom);
    m_ui->fromDate->setVisible(custom);
    m_ui->toDateLabel->setVisible(custom);
    m_ui->toDate->setVisible(custom);
}

void SessionsPage::clearFilters()
{
    for (QComboBox *combo :
         {m_ui->statusFilter, m_ui->channelFilter, m_ui->serviceFilter, m_ui->timeFilter}) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(0);
    }
    {
        const QSignalBlocker block(m_ui->searchEdit);
        m_ui->searchEdit->clear();
    }
    updateRangeEditors();
    applyFilters();
}

void SessionsPage::loadFinished()
{
    showLoadError();

    // A search shows what it found at once.
    const SessionListQuery &query = m_model->query();
    const bool searching = !query.sessionId.isEmpty() || !query.filter.recipient.isEmpty();
    if (searching && !currentSession() && m_model->rowCount() > 0)
        m_ui->sessionsView->selectRow(0);
    else if (currentSession())
        loadEvents(); // a refresh: the selected session may have new events
}

void SessionsPage::showLoadError()
{
    QString message;
    if (const std::optional<Error> &e = m_model->lastError()) {
        const QString id = m_model->query().sessionId;
        if (e->code == ErrorCode::InvalidArgument && e->field == QLatin1String("recipient"))
            message = tr("Search for an exact phone number in international form (such as "
                         "+47 912 34 567), an e-mail address or a session id.");
        else if (e->code == ErrorCode::NotFound && !id.isEmpty())
            message = tr("No session has the id %1.").arg(id);
        else
            message = tr("Sessions could not be loaded: %1").arg(e->toString());
    }
    showSearchMessage(message);
}

void SessionsPage::updateInfo()
{
    const int n = m_model->rowCount();
    QString text;
    if (m_model->isLoading() && n == 0)
        text = tr("Loading…");
    else if (m_model->lastError())
        text.clear();
    else if (n == 0)
        text = tr("No sessions match.");
    else if (m_model->hasMore())
        text = tr("%Ln session(s) shown, more as you scroll", nullptr, n);
    else
        text = tr("%Ln session(s)", nullptr, n);
    m_ui->rowsInfo->setText(text);
    // A search by id shows one session: there is nothing more to export.
    m_ui->exportButton->setEnabled(!m_export && m_model->query().sessionId.isEmpty());
}

void SessionsPage::showSearchMessage(const QString &text)
{
    m_ui->searchMessage->setText(text);
    m_ui->searchMessage->setVisible(!text.isEmpty());
}

const SessionView *SessionsPage::currentSession() const
{
    const QModelIndexList selected = m_ui->sessionsView->selectionModel()->selectedRows();
    return selected.isEmpty() ? nullptr : m_model->session(selected.first().row());
}

void SessionsPage::currentChanged()
{
    const SessionView *session = currentSession();
    if (!session) {
        m_shownId.clear();
        m_ui->detailPane->clear();
    } else {
        const bool other = session->id != m_shownId;
        m_shownId = session->id;
        if (other)
            m_failedWebhooks = false; // until its events are loaded
        m_ui->detailPane->showSession(*session, serviceName(session->serviceId));
        if (other)
            loadEvents();
    }
    updateActions();
}

void SessionsPage::loadEvents()
{
    if (m_shownId.isEmpty())
        return;
    m_work.run<EventsLoaded>(
        this,
        [&engine = context().engine, id = m_shownId] {
            EventsLoaded loaded{id, {}, {}};
            auto events = engine.events(id);
            if (events)
                loaded.events = *events;
            else
                loaded.error = events.error();
            return loaded;
        },
        [this](EventsLoaded loaded) {
            if (loaded.sessionId != m_shownId)
                return; // another session was selected meanwhile
            if (loaded.error)
                m_ui->detailPane->showEventsError(
                    tr("Events could not be loaded: %1").arg(loaded.error->toString()));
            else
                m_ui->detailPane->showEvents(loaded.events);
            m_failedWebhooks = !loaded.error && hasWebhookFailedForGood(loaded.events);
            updateActions();
            emit eventsLoaded();
        });
}

void SessionsPage::updateActions()
{
    const SessionView *s = currentSession();
    const bool open = s && !isFinal(s->status);
    m_copyIdAction->setEnabled(s);
    m_resendAction->setEnabled(open && !m_busy && s->resendsRemaining() > 0);
    m_cancelAction->setEnabled(open && !m_busy);
    m_resendAction->setToolTip(open && s->resendsRemaining() == 0
                                   ? tr("This session has used all its resends.")
                                   : tr("Send a new code, by this or another channel"));
    m_cancelAction->setToolTip(tr("End this session; its code stops working"));
    const bool webhooks = s && m_failedWebhooks;
    m_retryWebhooksAction->setVisible(webhooks);
    m_retryWebhooksAction->setEnabled(webhooks && !m_busy);
    m_ui->detailPane->retryWebhooksButton()->setVisible(webhooks);
    m_retryWebhooksAction->setToolTip(
        tr("Send this session's failed status webhooks to the application again"));
}

void SessionsPage::exportSessions()
{
    if (m_export)
        return;
    const SessionListQuery shown = m_model->query();
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(
                QStringLiteral("sessions-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const std::optional<QString> path = context().prompter.saveFileName(
        this, tr("Export sessions"), suggested, tr("CSV files (*.csv)"));
    if (!path)
        return;

    if (!shown.sessionId.isEmpty())
        return; // the button is off for a search by id: the one session is on screen
    const SessionQuery query = shown.filter;
    auto control = std::make_shared<ExportControl>();
    m_export = control;
    m_ui->exportButton->setEnabled(false);

    // Progress in a dialog that appears only if the export takes a while; the count is polled,
    // as the export thread must not touch widgets.
    auto *progress = new QProgressDialog(tr("Exporting sessions…"), tr("Stop"), 0, 0, this);
    progress->setWindowTitle(tr("Export sessions"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, [control] { control->cancelled = true; });
    auto *tick = new QTimer(progress);
    connect(tick, &QTimer::timeout, progress, [progress, control] {
        progress->setLabelText(tr("Exporting sessions… %L1 written").arg(control->written.load()));
    });
    tick->start(200);

    Engine &engine = context().engine;
    const QString file = *path;
    m_exportWork.run<Result<ExportOutcome>>(
        this,
        [&engine, query, file, control] {
            return exportSessionsCsv(engine, query, file, *control);
        },
        [this, progress, file](Result<ExportOutcome> outcome) {
            progress->deleteLater();
            m_export.reset();
            updateInfo();
            if (!outcome)
                context().prompter.warn(
                    this, tr("Export failed"),
                    tr("The sessions could not be exported: %1").arg(outcome.error().message));
            else if (!outcome->cancelled)
                context().prompter.inform(
                    this, tr("Export finished"),
                    tr("%Ln session(s) saved to %1.", nullptr, int(outcome->rows))
                        .arg(QDir::toNativeSeparators(file)));
            emit exportFinished();
        });
}

void SessionsPage::copySessionId()
{
    if (const SessionView *s = currentSession())
        QGuiApplication::clipboard()->setText(s->id);
}

void SessionsPage::resendSession()
{
    const SessionView *current = currentSession();
    if (!current || m_busy)
        return;
    const SessionView s = *current;

    // Channels that reach this kind of recipient and that the service has; the current first.
    const Service *service = nullptr;
    for (const Service &candidate : std::as_const(m_services))
        if (candidate.id == s.serviceId)
            service = &candidate;
    QList<Channel> options{s.channel};
    for (Channel c : allChannels())
        if (c != s.channel && channelUsesPhone(c) == channelUsesPhone(s.channel) &&
            (!service || service->hasChannel(c)))
            options << c;
    Channel channel = s.channel;
    Prompter &prompter = context().prompter;
    if (options.size() > 1) {
        QStringList names;
        for (Channel c : options)
            names << Format::channel(c);
        const auto picked = prompter.choose(
            this, tr("Resend code"), tr("Send a new code to %1 by:").arg(s.recipientMasked), names);
        if (!picked || !names.contains(*picked))
            return;
        channel = options.at(names.indexOf(*picked));
    }
    if (!prompter.confirm(this, tr("Resend code"),
                          tr("Send a new code to %1 by %2? The code sent before stops working.")
                              .arg(s.recipientMasked, Format::channel(channel)),
                          tr("Resend")))
        return;
    const ResendRequest request{s.id, channelName(channel), context().operatorActor};
    perform(tr("Resend failed"),
            [&engine = context().engine, request] { return engine.resend(request); });
}

void SessionsPage::cancelSession()
{
    const SessionView *current = currentSession();
    if (!current || m_busy)
        return;
    const SessionView s = *current;
    if (!context().prompter.confirm(this, tr("Cancel session"),
                                    tr("Cancel the session for %1? Its code stops working and "
                                       "the session cannot be resumed.")
                                        .arg(s.recipientMasked),
                                    tr("Cancel session")))
        return;
    perform(tr("Cancel failed"),
            [&engine = context().engine, id = s.id, actor = context().operatorActor] {
                return engine.cancel(id, actor);
            });
}

void SessionsPage::retryWebhooks()
{
    const SessionView *current = currentSession();
    if (!current || m_busy || !m_failedWebhooks)
        return;
    if (!context().prompter.confirm(
            this, tr("Send webhooks again"),
            tr("Send the failed status webhooks of the session for %1 to the application "
               "again? Use this once its receiver works.")
                .arg(current->recipientMasked),
            tr("Send again")))
        return;
    perform(tr("Sending webhooks again failed"),
            [&engine = context().engine, id = current->id, actor = context().operatorActor] {
                return engine.retryWebhooks(id, actor);
            });
}

void SessionsPage::perform(const QString &failureTitle, std::function<Result<SessionView>()> action)
{
    m_busy = true;
    updateActions();
    m_work.run<ActionOutcome>(
        this,
        [action = std::move(action)] {
            auto result = action();
            ActionOutcome outcome;
            if (result)
                outcome.view = *result;
            else
                outcome.error = result.error();
            return outcome;
        },
        [this, failureTitle](ActionOutcome outcome) {
            m_busy = false;
            if (outcome.view) {
                m_model->updateSession(*outcome.view); // the row and the detail, at once
                loadEvents();
            } else {
                context().prompter.warn(this, failureTitle, errorText(outcome.error));
                m_model->refresh(); // the session may have moved on (expired, verified)
            }
            updateActions();
            emit actionFinished();
        });
}

QString SessionsPage::errorText(const Error &error) const
{
    QString text = error.message;
    if (error.code == ErrorCode::RateLimited && error.retryAfterSeconds > 0)
        text +=
            QLatin1Char('\n') + tr("Wait %Ln s and try again.", nullptr, error.retryAfterSeconds);
    return text;
}

QString SessionsPage::serviceName(const QString &id) const
{
    for (const Service &s : m_services)
        if (s.id == id)
            return s.name;
    return id;
}

void SessionsPage::retranslate()
{
    m_ui->retranslateUi(this);
    fillFilterTexts();
    m_copyIdAction->setText(tr("Copy session id"));
    m_resendAction->setText(tr("Resend…"));
    m_cancelAction->setText(tr("Cancel session"));
    m_retryWebhooksAction->setText(tr("Send webhooks again…"));
    updateActions();
    const QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    m_ui->fromDate->setDisplayFormat(dateFormat);
    m_ui->toDate->setDisplayFormat(dateFormat);
    m_model->retranslate();

    // Column widths for the texts of this language and locale.
    const QFontMetrics fm = m_ui->sessionsView->fontMetrics();
    const int pad = fm.averageCharWidth() * 3;
    const auto widest = [&](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = qMax(w, fm.horizontalAdvance(t));
        return w + pad;
    };
    const auto header = [&](int column) {
        return m_model->headerData(column, Qt::Horizontal).toString();
    };
    const QString time =
        Format::dateTime(QDateTime(QDate(2026, 12, 28), QTime(23, 58)).toMSecsSinceEpoch());
    QStringList statuses;
    for (SessionStatus s : allStatuses())
        statuses << Format::status(s);
    QStringList channels;
    for (Channel c : allChannels())
        channels << Format::channel(c);
    QHeaderView *columns = m_ui->sessionsView->horizontalHeader();
    using M = SessionListModel;
    columns->resizeSection(M::Created, widest({time, header(M::Created)}));
    columns->resizeSection(M::Status, widest(statuses << header(M::Status)));
    columns->resizeSection(M::ChannelColumn, widest(channels << header(M::ChannelColumn)));
    columns->resizeSection(M::Recipient,
                           widest({QStringLiteral("k***@example.com"), header(M::Recipient)}));
    columns->resizeSection(M::Service,
                           widest({QStringLiteral("Web shop login"), header(M::Service)}));
    columns->resizeSection(M::Attempts, widest({QStringLiteral("10 / 10"), header(M::Attempts)}));
    columns->resizeSection(M::Resends, widest({QStringLiteral("10 / 10"), header(M::Resends)}));
    columns->resizeSection(M::Expires, widest({time, header(M::Expires)}));

    updateInfo();
    if (m_model->lastError())
        showLoadError();
}

} // namespace vc::ui
