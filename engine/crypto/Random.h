#pragma once

#include "core/Result.h"
#include "crypto/SecureBytes.h"

namespace vc {

// Bytes from OpenSSL's CSPRNG (RAND_bytes). Fails only if the generator cannot be seeded.
Result<SecureBytes> randomBytes(int count);

// A uniformly random integer in [0, bound) by rejection sampling (no modulo bias).
Result<quint32> randomBelow(quint32 bound);

} // namespace vc
