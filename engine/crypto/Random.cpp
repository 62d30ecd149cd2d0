#include "Random.h"

#include <openssl/rand.h>

#include <limits>

namespace vc {

Result<SecureBytes> randomBytes(int count)
{
    if (count < 0)
        return Error::internal(QStringLiteral("negative random byte count requested"));
    QByteArray buffer(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(buffer.data()), count) != 1) {
        return Error::unavailable(
            QStringLiteral("the system random number generator is not available"));
    }
    return SecureBytes(std::move(buffer));
}

Result<quint32> randomBelow(quint32 bound)
{
    if (bound == 0)
        return Error::internal(QStringLiteral("randomBelow needs a positive bound"));
    // 2^32 mod bound values at the bottom of the range would make small results more likely;
    // draws below this threshold are rejected so every residue has the same number of preimages.
    const quint32 threshold = (0u - bound) % bound;
    for (;;) {
        quint32 value = 0;
        if (RAND_bytes(reinterpret_cast<unsigned char *>(&value), sizeof value) != 1) {
            return Error::unavailable(
                QStringLiteral("the system random number generator is not available"));
        }
        if (value >= threshold)
            return value % bound;
    }
}

} // namespace vc
