#include "core/Hardening.h"

#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace vc;

namespace {

// What a hardened child process reports through its exit code: one bit per property that failed.
enum Finding
{
    HardenFailed = 1,
    SoftLimitNotZero = 2,
    HardLimitNotZero = 4,
    StillDumpable = 8,
    LimitRaised = 16,
};

// Runs hardenProcess() in a forked child, so this test process stays debuggable, and returns
// the child's findings (0: everything held). The child uses system calls only, then _exit.
int hardenInChild()
{
    const pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int findings = 0;
        if (!hardenProcess().ok())
            findings |= HardenFailed;
        rlimit limit{};
        ::getrlimit(RLIMIT_CORE, &limit);
        if (limit.rlim_cur != 0)
            findings |= SoftLimitNotZero;
        if (limit.rlim_max != 0)
            findings |= HardLimitNotZero;
        if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
            findings |= StillDumpable;
        // The hard limit is 0 too, so the process cannot allow core dumps again.
        const rlimit raise{RLIM_INFINITY, RLIM_INFINITY};
        if (::setrlimit(RLIMIT_CORE, &raise) == 0 && ::geteuid() != 0)
            findings |= LimitRaised;
        ::_exit(findings);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

private slots:
    void disablesCoreDumpsAndDumpability() { QCOMPARE(hardenInChild(), 0); }

    // The test itself proves something only if the process starts out otherwise.
    void childStartsDumpable() { QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1); }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
