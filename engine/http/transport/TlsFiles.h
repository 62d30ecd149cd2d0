#pragma once

#include "core/Result.h"
#include "http/transport/HttpServer.h"

#include <QByteArray>
#include <QString>

namespace vc::http {

// Reads a PEM file whole. The key is a secret: the caller scrubs it when done.
Result<QByteArray> readPem(const QString &field, const QString &path, const char *what);

// Checks that the PEM data is a certificate and a matching private key, so that a mistake is
// reported with the file named rather than as libmicrohttpd's "cannot start".
Status checkTlsPair(const ServerOptions &options, const QByteArray &cert, const QByteArray &key);

// Overwrites a secret in memory, then empties it.
void scrub(QByteArray &secret);

} // namespace vc::http
