#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <QString>

#include <atomic>

namespace vc {
class Engine;
}

namespace vc::ui {

// Shared between an export and the window that shows its progress.
struct ExportControl
{
    std::atomic<qint64> written{0};
    std::atomic<bool> cancelled{false};
};

struct ExportOutcome
{
    qint64 rows = 0;
    bool cancelled = false; // nothing was written then
};

// Writes the sessions `query` matches, newest first, to `path` as CSV (RFC 4180, UTF-8, one
// header row with fixed English column names so scripts can read it whatever the console's
// language). It reads page by page through the engine's keyset paging, so memory stays flat
// however many sessions match; the file appears complete or not at all. Recipients are written
// masked, as the console shows them; codes are never in the database to begin with. Run it off
// the GUI thread.
Result<ExportOutcome> exportSessionsCsv(Engine &engine, SessionQuery query, const QString &path,
                                        ExportControl &control);

} // namespace vc::ui
