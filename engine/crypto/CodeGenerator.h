#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "crypto/SecureBytes.h"

namespace vc {

// One-time codes from OpenSSL's CSPRNG with rejection sampling. Numeric codes use 0-9;
// alphanumeric codes use upper-case letters and digits without look-alikes (no 0/O, 1/I/L).
namespace CodeGenerator {

constexpr int MinLength = 4;
constexpr int MaxLength = 10;
constexpr int DefaultLength = 6;

QByteArray alphabet(CodeType type);

// A fresh code of `length` characters. Length outside 4..10 is an InvalidArgument error.
Result<SecureBytes> generate(int length, CodeType type);

// Canonical form of what a user typed: spaces and hyphens removed, letters upper-cased.
// Returns an InvalidArgument error (field "code") when the result is not 4..10 characters of
// letters and digits; it does not check the code against any alphabet.
Result<SecureBytes> normalize(const QString &typed);

// True when `code` is `length` characters, each from the alphabet of `type` (for caller-supplied
// codes).
bool isWellFormed(const QByteArray &code, int length, CodeType type);

} // namespace CodeGenerator
} // namespace vc
