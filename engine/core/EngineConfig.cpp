#include "core/EngineConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace vc {

QString EngineConfig::defaultDataDir()
{
    const QString env = qEnvironmentVariable("VERIFY_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/verify-console");
}

EngineConfig EngineConfig::resolved() const
{
    EngineConfig c = *this;
    if (c.dataDir.isEmpty())
        c.dataDir = defaultDataDir();
    c.dataDir = QDir::cleanPath(QFileInfo(c.dataDir).absoluteFilePath());
    if (c.databasePath.isEmpty())
        c.databasePath = c.dataDir + QStringLiteral("/verify.db");
    if (c.masterSecretFile.isEmpty())
        c.masterSecretFile = c.dataDir + QStringLiteral("/master.key");
    return c;
}

Result<EngineConfig> EngineConfig::load(const QString &file)
{
    return load(file, EngineConfig());
}

Result<EngineConfig> EngineConfig::load(const QString &file, EngineConfig base)
{
    if (!QFileInfo(file).isReadable())
        return Error::invalid(QStringLiteral("config"),
                              QStringLiteral("cannot read configuration file %1").arg(file));
    QSettings ini(file, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return Error::invalid(QStringLiteral("config"),
                              QStringLiteral("%1 is not a valid INI file").arg(file));

    const QString dir = QFileInfo(file).absolutePath();
    auto path = [&dir](const QString &v) {
        return QDir::isAbsolutePath(v) ? v : QDir(dir).absoluteFilePath(v);
    };

    ini.beginGroup(QStringLiteral("engine"));
    const QStringList keys = ini.childKeys();
    for (const QString &key : keys) {
        const QString value = ini.value(key).toString().trimmed();
        const QString name = QStringLiteral("engine.") + key;
        if (key == QLatin1String("data_dir")) {
            base.dataDir = path(value);
        } else if (key == QLatin1String("database")) {
            base.databasePath = path(value);
        } else if (key == QLatin1String("master_secret_file")) {
            base.masterSecretFile = path(value);
        } else if (key == QLatin1String("master_secret")) {
            base.masterSecret = value;
        } else if (key == QLatin1String("templates_dir")) {
            base.templatesDir = path(value);
        } else if (key == QLatin1String("synchronous")) {
            if (value.compare(QLatin1String("full"), Qt::CaseInsensitive) == 0)
                base.sync = SyncMode::Full;
            else if (value.compare(QLatin1String("normal"), Qt::CaseInsensitive) == 0)
                base.sync = SyncMode::Normal;
            else
                return Error::invalid(name, QStringLiteral("must be full or normal"));
        } else if (key == QLatin1String("busy_timeout_ms")) {
            bool ok = false;
            const int ms = value.toInt(&ok);
            if (!ok || ms < 100 || ms > 600000)
                return Error::invalid(name, QStringLiteral("must be 100-600000"));
            base.busyTimeoutMs = ms;
        } else {
            return Error::invalid(name, QStringLiteral("is not a known setting"));
        }
    }
    ini.endGroup();
    return base;
}

} // namespace vc
