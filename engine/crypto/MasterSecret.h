#pragma once

#include "core/Result.h"
#include "crypto/SecureBytes.h"

namespace vc {

// The deployment's 32-byte master secret: every derived key (code pepper, blind index, at-rest
// encryption, API key hashing) comes from it, and every instance of one deployment shares it.
namespace MasterSecret {

// Reads the secret from `path`, or creates it (32 random bytes, mode 0600, written atomically so
// two processes starting at once agree on one secret) when the file does not exist. Refuses with
// a clear message, and never creates a new secret, when the file exists but is unreadable, is
// readable or writable by group or others, or is not exactly 32 bytes.
Result<SecureBytes> loadOrCreate(const QString &path);

// Parses a secret given by configuration: 64 hex digits or base64 of 32 bytes.
Result<SecureBytes> fromText(const QString &text);

} // namespace MasterSecret
} // namespace vc
