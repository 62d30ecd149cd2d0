// A slower disk, simulated for run_http_bench.sh: loaded with LD_PRELOAD, fsync() and fdatasync()
// do their real work and then wait VC_SLOW_FSYNC_US microseconds more (default 3000, the order of
// a SATA disk or a networked volume). Only benchmarks load it.

#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>

namespace {

useconds_t extraDelay()
{
    static const useconds_t delay = [] {
        const char *value = std::getenv("VC_SLOW_FSYNC_US");
        return static_cast<useconds_t>(value ? std::strtoul(value, nullptr, 10) : 3000);
    }();
    return delay;
}

template <typename Function>
Function real(const char *name)
{
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" int fsync(int fd)
{
    static const auto next = real<int (*)(int)>("fsync");
    const int result = next(fd);
    usleep(extraDelay());
    return result;
}

extern "C" int fdatasync(int fd)
{
    static const auto next = real<int (*)(int)>("fdatasync");
    const int result = next(fd);
    usleep(extraDelay());
    return result;
}
