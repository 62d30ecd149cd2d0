#include "store/SqlUtil.h"

#include "core/JsonWriter.h"

#include <QJsonDocument>

namespace vc::sql {

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

std::optional<qint64> optionalI64(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QString jsonText(const QJsonObject &o)
{
    JsonWriter w;
    w.value(o);
    return QString::fromUtf8(w.take());
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace vc::sql
