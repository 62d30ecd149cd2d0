#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <optional>

namespace vc::sql {

// NULL for an empty optional / empty string, else the value.
QVariant nullable(const std::optional<qint64> &v);
QVariant nullableText(const QString &s);
// The text, with a null QString stored as '' (QtSql binds a null QString as SQL NULL).
QVariant text(const QString &s);
std::optional<qint64> optionalI64(const QVariant &v);

QString jsonText(const QJsonObject &o);
QJsonObject jsonObject(const QString &text);

// Start of the UTC hour that holds `ms`.
constexpr qint64 hourStart(qint64 ms)
{
    return ms - ((ms % 3600000) + 3600000) % 3600000;
}

} // namespace vc::sql
