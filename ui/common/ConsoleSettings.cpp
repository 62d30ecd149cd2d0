#include "common/ConsoleSettings.h"

#include <QHash>
#include <QStandardPaths>

namespace vc::ui {

namespace {

QString settingsFile(const QString &file)
{
    if (!file.isEmpty())
        return file;
    const QString env = qEnvironmentVariable("VERIFY_CONSOLE_SETTINGS");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/verify-console/console.ini");
}

} // namespace

ConsoleSettings::ConsoleSettings(const QString &file, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile(file), QSettings::IniFormat)
{}

QVariant ConsoleSettings::defaultValue(const QString &key)
{
    static const QHash<QString, QVariant> defaults{
        {Language, QString()},
        {ListenerEnabled, true},
        {ListenerAddress, QStringLiteral("127.0.0.1:8780")},
        {DataDir, QString()},
        {Geometry, QByteArray()},
    };
    return defaults.value(key);
}

QVariant ConsoleSettings::value(const QString &key) const
{
    return m_settings.value(key, defaultValue(key));
}

void ConsoleSettings::setValue(const QString &key, const QVariant &value)
{
    if (m_settings.value(key, defaultValue(key)) == value)
        return;
    m_settings.setValue(key, value);
    m_settings.sync();
    emit changed(key);
}

} // namespace vc::ui
