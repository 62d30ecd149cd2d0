#include "sessions/SessionListModel.h"

#include "common/Format.h"
#include "core/Engine.h"

namespace vc::ui {

namespace {

// What a refresh may change on a session already listed.
bool sameState(const SessionView &a, const SessionView &b)
{
    return a.status == b.status && a.channel == b.channel && a.attempts == b.attempts &&
           a.resends == b.resends && a.expiresAt == b.expiresAt && a.lastSentAt == b.lastSentAt &&
           a.deliveredAt == b.deliveredAt && a.verifiedAt == b.verifiedAt &&
           a.finishedAt == b.finishedAt;
}

QString outOf(int used, int allowed)
{
    return SessionListModel::tr("%1 / %2").arg(Format::number(used), Format::number(allowed));
}

} // namespace

SessionListModel::SessionListModel(Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{}

SessionListModel::~SessionListModel() = default;

void SessionListModel::setQuery(const SessionListQuery &query)
{
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_nextCursor.clear();
    m_lastError.reset();
    endResetModel();
    ++m_generation;
    startLoad({}, PageSize, false);
}

void SessionListModel::refresh()
{
    // The refresh replaces a load still in flight (its result is dropped when it comes): a next
    // page, or another refresh that asked for more. It asks for those rows too, so what the user
    // scrolled for is not lost.
    const int listed = qMax(static_cast<int>(m_rows.size()), m_inFlightRows);
    ++m_generation;
    startLoad({}, qMax(PageSize, listed), false);
}

void SessionListModel::refresh(const SessionListQuery &query)
{
    m_query = query;
    refresh();
}

void SessionListModel::updateSession(const SessionView &view)
{
    const int row = rowOf(view.id);
    if (row < 0)
        return;
    m_rows[row] = view;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SessionListModel::setServiceNames(const QHash<QString, QString> &names)
{
    if (names == m_serviceNames)
        return;
    m_serviceNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Service), index(rowCount() - 1, Service));
}

void SessionListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const SessionView *SessionListModel::session(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int SessionListModel::rowOf(const QString &sessionId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == sessionId)
            return row;
    return -1;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::statusText(const SessionView &session)
{
    return session.test ? tr("%1 (test)").arg(Format::status(session.status))
                        : Format::status(session.status);
}

QString SessionListModel::testSessionHint()
{
    return tr("Test session: nothing is sent; the service's fixed test code verifies it");
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionView &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Created:
            return Format::dateTime(s.createdAt);
        case Status:
            return statusText(s);
        case ChannelColumn:
            return Format::channel(s.channel);
        case Recipient:
            return s.recipientMasked;
        case Service:
            return serviceName(s.serviceId);
        case Attempts:
            return outOf(s.attempts, s.maxAttempts);
        case Resends:
            return outOf(s.resends, s.maxResends);
        case Expires:
            return Format::dateTime(s.expiresAt);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Service)
            return s.serviceId;
        if (index.column() == Status && s.test)
            return testSessionHint();
        return tr("Session %1").arg(s.id);
    case Qt::TextAlignmentRole:
        if (index.column() == Attempts || index.column() == Resends)
            return QVariant::fromValue(Qt::AlignCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SessionIdRole:
        return s.id;
    }
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case ChannelColumn:
        return tr("Channel");
    case Recipient:
        return tr("Recipient");
    case Service:
        return tr("Service");
    case Attempts:
        return tr("Attempts");
    case Resends:
        return tr("Resends");
    case Expires:
        return tr("Expires");
    }
    return {};
}

bool SessionListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_nextCursor.isEmpty();
}

void SessionListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startLoad(m_nextCursor, PageSize, true);
}

SessionListModel::Loaded SessionListModel::load(Engine &engine, const SessionListQuery &query,
                                                const QString &cursor, int wanted)
{
    Loaded out;
    if (!query.sessionId.isEmpty()) {
        if (!cursor.isEmpty())
            return out;
        auto found = engine.status(query.sessionId);
        if (found)
            out.rows.append(*found);
        else
            out.error = found.error();
        return out;
    }
    constexpr int EngineMaxLimit = 500;
    SessionQuery q = query.filter;
    q.cursor = cursor;
    while (out.rows.size() < wanted) {
        q.limit = qMin(EngineMaxLimit, wanted - static_cast<int>(out.rows.size()));
        auto page = engine.findSessions(q);
        if (!page) {
            out.error = page.error();
            break;
        }
        out.rows.append(page->sessions);
        out.nextCursor = page->nextCursor;
        if (page->nextCursor.isEmpty())
            break;
        q.cursor = page->nextCursor;
    }
    return out;
}

void SessionListModel::startLoad(const QString &cursor, int wanted, bool append)
{
    const quint64 generation = m_generation;
    m_inFlightRows = append ? static_cast<int>(m_rows.size()) + wanted : wanted;
    setLoading(true);
    m_work.run<Loaded>(
        this,
        [&engine = m_engine, query = m_query, cursor, wanted] {
            return load(engine, query, cursor, wanted);
        },
        [this, generation, append](Loaded loaded) {
            finishLoad(generation, append, std::move(loaded));
        });
}

void SessionListModel::finishLoad(quint64 generation, bool append, Loaded loaded)
{
    if (generation != m_generation)
        return; // a newer query or refresh is on its way
    m_inFlightRows = 0;
    m_lastError = loaded.error;
    const bool gone =
        loaded.error && loaded.error->code == ErrorCode::NotFound && !m_query.sessionId.isEmpty();
    if (append) {
        this->append(loaded.rows);
        // After a failure, stop asking for more until the next refresh: a view at the end of
        // the list would otherwise ask again at once.
        m_nextCursor = loaded.error ? QString() : loaded.nextCursor;
    } else if (!loaded.error || gone) {
        merge(loaded.rows);
        m_nextCursor = loaded.nextCursor;
    }
    setLoading(false);
    emit loadFinished(append);
}

void SessionListModel::append(const QList<SessionView> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

// Both lists are newest first (ids descending), so one walk turns the old rows into the fresh
// ones with runs of inserts, removals and changes instead of a reset.
void SessionListModel::merge(const QList<SessionView> &fresh)
{
    int row = 0;
    qsizetype next = 0;
    while (next < fresh.size() || row < m_rows.size()) {
        if (row >= m_rows.size()) {
            beginInsertRows({}, row, row + static_cast<int>(fresh.size() - next) - 1);
            m_rows.append(fresh.mid(next));
            endInsertRows();
            return;
        }
        if (next >= fresh.size()) {
            beginRemoveRows({}, row, rowCount() - 1);
            m_rows.resize(row);
            endRemoveRows();
            return;
        }
        const QString &have = m_rows.at(row).id;
        const QString &want = fresh.at(next).id;
        if (want > have) { // newer sessions
            qsizetype end = next;
            while (end < fresh.size() && fresh.at(end).id > have)
                ++end;
            const int count = static_cast<int>(end - next);
            beginInsertRows({}, row, row + count - 1);
            m_rows = m_rows.mid(0, row) + fresh.mid(next, count) + m_rows.mid(row);
            endInsertRows();
            row += count;
            next = end;
        } else if (want < have) { // sessions that no longer match (or were purged)
            int end = row;
            while (end < m_rows.size() && m_rows.at(end).id > want)
                ++end;
            beginRemoveRows({}, row, end - 1);
            m_rows.remove(row, end - row);
            endRemoveRows();
        } else {
            if (!sameState(m_rows.at(row), fresh.at(next))) {
                m_rows[row] = fresh.at(next);
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++next;
        }
    }
}

void SessionListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

QString SessionListModel::serviceName(const QString &id) const
{
    const QString name = m_serviceNames.value(id);
    return name.isEmpty() ? id : name;
}

} // namespace vc::ui
