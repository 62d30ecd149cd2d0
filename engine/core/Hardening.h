#pragma once

#include "core/Result.h"

namespace vc {

// Makes this process keep its secrets to itself: no core dump (RLIMIT_CORE 0, soft and hard, so
// it cannot be raised again) and not dumpable (prctl PR_SET_DUMPABLE 0: no core even where the
// kernel pipes cores to a handler, and other processes of the same user cannot ptrace it or read
// its memory through /proc). A crash then leaves no image of codes, keys or recipients on disk.
// Called first in every main(); fails with an Internal error naming the call that failed.
Status hardenProcess();

} // namespace vc
