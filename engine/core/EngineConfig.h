#pragma once

#include "core/Result.h"
#include "store/Database.h"

#include <QString>

namespace vc {

// Where the engine keeps its data and how it stores it. Every field has a working default, so an
// empty config runs the embedded product (SQLite in the user's data folder).
struct EngineConfig
{
    QString dataDir;          // default: defaultDataDir()
    QString databasePath;     // default: <dataDir>/verify.db
    QString masterSecretFile; // default: <dataDir>/master.key
    QString masterSecret;     // the secret itself (64 hex digits or base64); overrides the file
    SyncMode sync = SyncMode::Full;
    int busyTimeoutMs = 10000;
    QString templatesDir; // optional: <locale>.json files replacing the shipped templates

    // $VERIFY_DATA_DIR, else the platform's user data folder + "/verify-console".
    static QString defaultDataDir();

    // Reads an INI file with keys data_dir, database, master_secret_file, master_secret,
    // synchronous (full|normal), busy_timeout_ms, templates_dir (in the [engine] group) over
    // `base`. Unknown keys and bad values are refused with the key named, so a typo does not
    // silently fall back to a default.
    static Result<EngineConfig> load(const QString &file, EngineConfig base);
    static Result<EngineConfig> load(const QString &file);

    // Fills empty paths with their defaults.
    EngineConfig resolved() const;
};

} // namespace vc
