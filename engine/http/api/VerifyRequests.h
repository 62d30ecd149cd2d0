#pragma once

#include "core/Result.h"
#include "core/Session.h"

#include <QByteArray>

namespace vc::http {

// The bodies of POST /v1/verify/start and /v1/verify/check as engine requests: each field typed
// (a 400 naming the field otherwise), unknown fields refused. The values themselves are checked
// by the engine (SessionRules). No engine, no database: the fuzz targets call these directly.
// The caller's identity (actor, bound service) is the handler's to add.
Result<StartRequest> parseStartBody(const QByteArray &body, const QByteArray &contentType);
Result<CheckRequest> parseCheckBody(const QByteArray &body, const QByteArray &contentType);

} // namespace vc::http
