#include "sessions/SessionEventsModel.h"

#include "common/Format.h"

#include <QJsonValue>

namespace vc::ui {

namespace {

// The detail keys the engine writes, in the order they read best, with their labels; other keys
// follow under their own names.
struct DetailKey
{
    const char *key;
    const char *label;
};
constexpr DetailKey kDetailKeys[] = {
    {"channel", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Channel")},
    {"previous_channel", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Previous channel")},
    {"recipient", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Recipient")},
    {"country", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Country")},
    {"calling_code", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Calling code")},
    {"number_type", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Number type")},
    {"service_id", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Service")},
    {"locale", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Language")},
    {"code_length", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Code length")},
    {"ttl_seconds", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Valid for (s)")},
    {"custom_code", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Code from caller")},
    {"reference", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Reference")},
    {"provider", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Provider")},
    {"delivery_id", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Delivery")},
    {"attempt", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Attempt")},
    {"attempts", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Attempts")},
    {"attempts_remaining", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Attempts left")},
    {"resend", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Resend")},
    {"resends_remaining", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Resends left")},
    {"error", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Error")},
    {"will_retry", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Will retry")},
    {"retry_at", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Retry at")},
    {"reason", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "Reason")},
    {"by", QT_TRANSLATE_NOOP("vc::ui::SessionEventsModel", "By")},
};

QString detailValue(const QString &key, const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? SessionEventsModel::tr("yes") : SessionEventsModel::tr("no");
    if (value.isDouble()) {
        if (key.endsWith(QLatin1String("_at")))
            return Format::dateTime(static_cast<qint64>(value.toDouble()));
        if (key.endsWith(QLatin1String("_id")))
            return QString::number(static_cast<qint64>(value.toDouble()));
        return Format::number(static_cast<qint64>(value.toDouble()));
    }
    const QString text = value.toString();
    if (key == QLatin1String("channel") || key == QLatin1String("previous_channel"))
        if (const auto channel = channelFromName(text))
            return Format::channel(*channel);
    return text;
}

} // namespace

SessionEventsModel::SessionEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SessionEventsModel::setEvents(const QList<SessionEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

void SessionEventsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString SessionEventsModel::eventName(const QString &type)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("created"), QT_TR_NOOP("Created")},
        {QStringLiteral("lookup"), QT_TR_NOOP("Number looked up")},
        {QStringLiteral("queued"), QT_TR_NOOP("Queued")},
        {QStringLiteral("sent"), QT_TR_NOOP("Sent")},
        {QStringLiteral("delivered"), QT_TR_NOOP("Delivered")},
        {QStringLiteral("delivery_failed"), QT_TR_NOOP("Delivery failed")},
        {QStringLiteral("failover"), QT_TR_NOOP("Failover")},
        {QStringLiteral("check_failed"), QT_TR_NOOP("Wrong code")},
        {QStringLiteral("verified"), QT_TR_NOOP("Verified")},
        {QStringLiteral("locked"), QT_TR_NOOP("Locked")},
        {QStringLiteral("resent"), QT_TR_NOOP("Resent")},
        {QStringLiteral("cancelled"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("expired"), QT_TR_NOOP("Expired")},
        {QStringLiteral("failed"), QT_TR_NOOP("Failed")},
        {QStringLiteral("webhook_sent"), QT_TR_NOOP("Webhook sent")},
        {QStringLiteral("webhook_failed"), QT_TR_NOOP("Webhook failed")},
        {QStringLiteral("webhook_requeued"), QT_TR_NOOP("Webhook queued again")},
        {QStringLiteral("receipt"), QT_TR_NOOP("Delivery receipt")},
        {QStringLiteral("not_sent"), QT_TR_NOOP("Not sent (test recipient)")},
        {QStringLiteral("start_reused"), QT_TR_NOOP("Started again (open session reused)")},
    };
    const char *name = names.value(type);
    return name ? tr(name) : type;
}

QString SessionEventsModel::details(const SessionEvent &event)
{
    QStringList parts;
    QStringList known;
    const auto add = [&](const QString &key, const QString &label) {
        // The cancelling actor is in the actor column already.
        if (event.type == QLatin1String("cancelled") && key == QLatin1String("by"))
            return;
        parts << tr("%1: %2").arg(label, detailValue(key, event.detail.value(key)));
    };
    for (const DetailKey &k : kDetailKeys) {
        const QString key = QString::fromLatin1(k.key);
        known << key;
        if (event.detail.contains(key))
            add(key, tr(k.label));
    }
    for (auto it = event.detail.constBegin(); it != event.detail.constEnd(); ++it)
        if (!known.contains(it.key()))
            add(it.key(), it.key());
    return parts.join(QStringLiteral(" · "));
}

int SessionEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int SessionEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionEvent &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            return Format::dateTime(e.at);
        case Event:
            return eventName(e.type);
        case Actor:
            return e.actor == QLatin1String("system") ? tr("System") : e.actor;
        case Details:
            return details(e);
        }
        return {};
    case TypeRole:
        return e.type;
    case ActorRole:
        return e.actor;
    }
    return {};
}

QVariant SessionEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Event:
        return tr("Event");
    case Actor:
        return tr("By");
    case Details:
        return tr("Details");
    }
    return {};
}

} // namespace vc::ui
