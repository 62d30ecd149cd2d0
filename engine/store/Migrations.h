#pragma once

#include "core/Result.h"

#include <QList>

namespace vc {

class Connection;

// Versioned schema. Each migration runs in its own transaction together with the row that
// records it, so a crash leaves the schema at one version or the next, never between.
namespace Migrations {

// The newest schema version this build knows.
int latestVersion();
// The versions this build knows, in order. Numbers may have gaps (a number reserved by a change
// on another branch); each version is applied when it is not yet recorded, whatever the highest.
QList<int> knownVersions();

// Applies every known migration the database has not recorded. Refuses a database whose version is
// newer than latestVersion() (written by a newer release) rather than touching it.
Status apply(Connection &connection);

} // namespace Migrations
} // namespace vc
