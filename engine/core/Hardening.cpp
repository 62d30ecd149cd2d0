#include "core/Hardening.h"

#include <cerrno>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace vc {

namespace {

Error systemError(const char *what)
{
    const int code = errno;
    return Error::internal(
        QStringLiteral("cannot harden the process: %1 failed: %2")
            .arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(code))));
}

} // namespace

Status hardenProcess()
{
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        return systemError("setrlimit(RLIMIT_CORE, 0)");
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return systemError("prctl(PR_SET_DUMPABLE, 0)");
    return {};
}

} // namespace vc
