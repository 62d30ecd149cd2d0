#pragma once

#include "core/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace vc::cli {

// Exit codes: documented in `verifyctl --help` and docs/CLI.md.
enum Exit : int
{
    Ok = 0,
    Failure = 1,     // the engine refused or failed (message on stderr)
    Usage = 2,       // bad command line
    NotVerified = 3, // `check`: the code did not verify (result on stdout)
    Alerts = 4,      // `alerts`: signs of SMS pumping were found (listed on stdout)
};

// Where a command's output goes: human-readable text, or one JSON document with --json.
class Output
{
public:
    explicit Output(bool json)
        : m_json(json)
    {}
    bool json() const { return m_json; }

    void line(const QString &text) const;      // text mode only
    void document(const QJsonObject &o) const; // json mode only
    void document(const QJsonArray &a) const;  // json mode only
    // Prints the error to stderr ("verifyctl: field: message", or the JSON error object) and
    // returns Failure.
    int error(const Error &e) const;
    int usage(const QString &message) const;

private:
    bool m_json;
};

// "2026-11-22 10:15:03 UTC"
QString humanTime(qint64 unixMs);

} // namespace vc::cli
