#pragma once

#include "core/Result.h"
#include "crypto/KeyRing.h"
#include "crypto/SecureBytes.h"

#include <QString>

#include <optional>

namespace vc {

// API keys look like vk_<prefix>_<secret>: the prefix (8 lower-case letters and digits) names
// the key and may be shown and logged; the secret (32 letters and digits, about 190 bits) is
// shown once, when the key is issued, and stored only as a keyed hash.
namespace ApiKeyFormat {

constexpr int PrefixLength = 8;
constexpr int SecretLength = 32;

struct Generated
{
    QString prefix;
    SecureBytes secret;
    QString text; // the whole key, "vk_<prefix>_<secret>": hand it to the caller once
};
Result<Generated> generate();

struct Parts
{
    QString prefix;
    SecureBytes secret;
};
// Splits a presented key; nullopt when it does not have the shape of one.
std::optional<Parts> parse(const QString &presented);

// HMAC(apiKeyHashKey, "vc-api-key-v1" 0x00 prefix 0x00 secret), 32 bytes.
QByteArray hashSecret(const HmacKey &key, const QString &prefix, const SecureBytes &secret);

} // namespace ApiKeyFormat
} // namespace vc
