#pragma once

#include <QObject>
#include <QSettings>
#include <QVariant>

namespace vc::ui {

// The console's own settings as one table (key, default) over an INI file that QSettings writes
// atomically; every change is announced with changed(key). Engine-wide settings (retention) live
// in the database instead, shared with verifyd.
class ConsoleSettings : public QObject
{
    Q_OBJECT
public:
    static inline const QString Language = QStringLiteral("language"); // "" = system
    static inline const QString ListenerEnabled = QStringLiteral("listener/enabled");
    static inline const QString ListenerAddress = QStringLiteral("listener/address");
    static inline const QString DataDir = QStringLiteral("data/dir"); // "" = default
    static inline const QString Geometry = QStringLiteral("window/geometry");

    // `file` empty: $VERIFY_CONSOLE_SETTINGS, else the user's config folder.
    explicit ConsoleSettings(const QString &file = {}, QObject *parent = nullptr);

    QVariant value(const QString &key) const;
    void setValue(const QString &key, const QVariant &value);
    static QVariant defaultValue(const QString &key);
    QString fileName() const { return m_settings.fileName(); }

signals:
    void changed(const QString &key);

private:
    QSettings m_settings;
};

} // namespace vc::ui
