#pragma once

#include "core/Result.h"

namespace vc {

class Connection;

// Versioned schema. Each migration runs in its own transaction together with the row that
// records it, so a crash leaves the schema at one version or the next, never between.
namespace Migrations {

// The newest schema version this build knows.
int latestVersion();

// Applies every migration newer than the database's version. Refuses a database whose version is
// newer than latestVersion() (written by a newer release) rather than touching it.
Status apply(Connection &connection);

} // namespace Migrations
} // namespace vc
