#include "audit/AuditModel.h"

#include "common/Format.h"
#include "core/Engine.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent>

namespace vc::ui {

namespace {

// Times in details are milliseconds since the epoch; anything after 2001 reads as one.
constexpr double kPlausibleTimeMs = 1e12;

QString fieldLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "name")},
        {QStringLiteral("prefix"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "prefix")},
        {QStringLiteral("scope"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "scope")},
        {QStringLiteral("service_id"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "service")},
        {QStringLiteral("expires_at"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "expires")},
        {QStringLiteral("recipient"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "recipient")},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "channel")},
        {QStringLiteral("previous_channel"),
         QT_TRANSLATE_NOOP("vc::ui::AuditModel", "previous channel")},
        {QStringLiteral("resend"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "resend no.")},
        {QStringLiteral("resends_remaining"),
         QT_TRANSLATE_NOOP("vc::ui::AuditModel", "resends left")},
        {QStringLiteral("delivery_id"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "delivery")},
        {QStringLiteral("provider"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "provider")},
        {QStringLiteral("locale"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "language")},
        {QStringLiteral("part"), QT_TRANSLATE_NOOP("vc::ui::AuditModel", "part")},
    };
    const auto it = labels.constFind(key);
    // Service settings ("ttl_seconds") keep their names: they are what the API and verifyctl
    // call them.
    return it == labels.constEnd() ? key : AuditModel::tr(*it);
}

QString valueText(const QString &key, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? AuditModel::tr("yes") : AuditModel::tr("no");
    case QJsonValue::Double:
        if (key.endsWith(QLatin1String("_at")) && value.toDouble() > kPlausibleTimeMs)
            return Format::dateTime(static_cast<qint64>(value.toDouble()));
        if (value.toDouble() == static_cast<double>(value.toInteger()))
            return Format::number(value.toInteger());
        return QLocale().toString(value.toDouble());
    case QJsonValue::String:
        if (key == QLatin1String("channel") || key == QLatin1String("previous_channel"))
            if (const auto channel = channelFromName(value.toString()))
                return Format::channel(*channel);
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        break;
    }
    const QJsonObject object = value.toObject();
    if (object.size() == 2 && object.contains(QLatin1String("from")) &&
        object.contains(QLatin1String("to")))
        return valueText(key, object.value(QLatin1String("from"))) + QStringLiteral(" → ") +
               valueText(key, object.value(QLatin1String("to")));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

AuditModel::AuditModel(Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    m_pool.setMaxThreadCount(1); // answers arrive in the order they were asked for
}

AuditModel::~AuditModel()
{
    m_pool.waitForDone();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::actionName(const QString &action)
{
    if (action == QLatin1String("key.create"))
        return tr("API key created");
    if (action == QLatin1String("key.revoke"))
        return tr("API key revoked");
    if (action == QLatin1String("service.create"))
        return tr("Service created");
    if (action == QLatin1String("service.update"))
        return tr("Service changed");
    if (action == QLatin1String("template.update"))
        return tr("Message text changed");
    if (action == QLatin1String("session.cancel"))
        return tr("Session cancelled");
    if (action == QLatin1String("session.resend"))
        return tr("Code resent");
    if (action == QLatin1String("settings.update"))
        return tr("Setting changed");
    return action; // an action newer than this console: its code is still readable
}

QString AuditModel::targetText(const AuditEntry &e)
{
    if (e.targetType == QLatin1String("key")) {
        // Keys are known by their prefix; the id is in the tooltip.
        const QString prefix = e.detail.value(QLatin1String("prefix")).toString();
        return tr("API key %1").arg(prefix.isEmpty() ? e.targetId : prefix);
    }
    if (e.targetType == QLatin1String("service"))
        return tr("Service %1").arg(e.targetId);
    if (e.targetType == QLatin1String("session"))
        return tr("Session %1").arg(e.targetId);
    if (e.targetType == QLatin1String("setting"))
        return tr("Setting %1").arg(e.targetId);
    return e.targetType.isEmpty() ? e.targetId : e.targetType + u' ' + e.targetId;
}

QString AuditModel::detailsText(const AuditEntry &e, bool multiline)
{
    const QJsonObject &d = e.detail;
    // A setting's change is the whole detail: {"from": 90, "to": 30}.
    if (d.size() == 2 && d.contains(QLatin1String("from")) && d.contains(QLatin1String("to")))
        return valueText(e.targetId, d);
    // What names the object first, then the rest in the order the engine wrote them down.
    static const QStringList first{QStringLiteral("name"),       QStringLiteral("scope"),
                                   QStringLiteral("service_id"), QStringLiteral("locale"),
                                   QStringLiteral("part"),       QStringLiteral("channel")};
    QStringList keys = d.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &key) {
            const qsizetype i = first.indexOf(key);
            return i < 0 ? first.size() : i;
        };
        return rank(a) < rank(b);
    });
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue value = d.value(key);
        // The key's prefix is already the target.
        if (e.targetType == QLatin1String("key") && key == QLatin1String("prefix"))
            continue;
        if (key == QLatin1String("reset")) { // a message text put back to the shipped one
            if (value.toBool())
                parts << tr("back to the built-in text");
            continue;
        }
        parts << tr("%1: %2").arg(fieldLabel(key), valueText(key, value));
    }
    return parts.join(multiline ? QStringLiteral("\n") : QStringLiteral(" · "));
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return Format::dateTime(e.at);
        case Actor:
            return e.actor;
        case Action:
            return actionName(e.action);
        case Target:
            return targetText(e);
        case Details:
            return detailsText(e);
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Action:
            return e.action;
        case Target:
            return e.targetId;
        case Details:
            return detailsText(e, true);
        }
        return {};
    case EntryIdRole:
        return e.id;
    case ActionRole:
        return e.action;
    case TargetIdRole:
        return e.targetId;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Details:
        return tr("Details");
    }
    return {};
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && !m_atEnd && !m_loadingOlder;
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(Load::Older);
}

void AuditModel::setSearch(const QString &search)
{
    m_search = search.trimmed();
    reload();
}

void AuditModel::reload()
{
    ++m_queryEpoch; // whatever is under way answers an older question
    m_loadingOlder = false;
    load(Load::Replace);
}

void AuditModel::refresh()
{
    if (m_loaded)
        load(Load::Newer);
    else
        reload();
}

void AuditModel::load(Load kind)
{
    AuditQuery query;
    query.search = m_search;
    query.limit = m_pageSize;
    if (kind == Load::Older) {
        query.before = m_entries.constLast().id;
        m_loadingOlder = true;
    }
    ++m_pending;
    const Epochs asked{m_queryEpoch, m_listEpoch};
    Engine &engine = m_engine;
    using Answer = Result<QList<AuditEntry>>;
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [=, this] {
        --m_pending;
        apply(kind, asked, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [&engine, query] { return engine.audit(query); }));
}

void AuditModel::apply(Load kind, Epochs asked, const Result<QList<AuditEntry>> &result)
{
    if (asked.query != m_queryEpoch)
        return; // the search has changed since
    if (kind == Load::Older && asked.list != m_listEpoch)
        return; // the rows it would follow have been replaced
    if (!result) {
        if (kind == Load::Older)
            m_loadingOlder = false;
        emit loadFailed(result.error().message);
        return;
    }
    const QList<AuditEntry> &page = *result;
    switch (kind) {
    case Load::Replace:
        replaceWith(page);
        break;
    case Load::Newer: {
        if (m_entries.isEmpty()) {
            replaceWith(page);
            break;
        }
        // Compared now, not when asked: another refresh may have added some meanwhile.
        const qint64 first = m_entries.constFirst().id;
        qsizetype newer = 0;
        while (newer < page.size() && page.at(newer).id > first)
            ++newer;
        if (newer == page.size() && page.size() == m_pageSize) {
            // A whole page is new: more may lie between it and what is listed.
            replaceWith(page);
        } else if (newer > 0) {
            beginInsertRows({}, 0, static_cast<int>(newer) - 1);
            m_entries = page.first(newer) + m_entries;
            endInsertRows();
        }
        break;
    }
    case Load::Older:
        // Whoever is told of the new rows (a view, a tester) may ask for more at once: by then
        // the end is known, and the request under way still counts as under way.
        m_atEnd = page.size() < m_pageSize;
        if (!page.isEmpty()) {
            const int first = rowCount();
            beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
            m_entries += page;
            endInsertRows();
        }
        m_loadingOlder = false;
        break;
    }
    emit loaded();
}

void AuditModel::replaceWith(const QList<AuditEntry> &entries)
{
    ++m_listEpoch;
    m_loadingOlder = false; // one under way would continue the old list
    beginResetModel();
    m_entries = entries;
    m_loaded = true;
    m_atEnd = entries.size() < m_pageSize;
    endResetModel();
}

std::optional<AuditEntry> AuditModel::entry(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row);
}

void AuditModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace vc::ui
