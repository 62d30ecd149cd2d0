#!/usr/bin/env bash
# The console on 1,000,000 sessions: builds bench_console (Release), generates the database once
# (cached in the build folder, keyed by size, schema and generator version), then measures the
# Sessions and Dashboard pages and the process's memory in an offscreen QApplication and prints
# the tables for docs/PERFORMANCE.md.
#   tests/bench/run_console_bench.sh [BUILD_DIR] [REPETITIONS] [-- extra bench_console options]
# e.g. tests/bench/run_console_bench.sh build-bench 20 -- --regenerate
# The benchmarks live under tests/, so the build needs VC_BUILD_TESTS=ON as well as
# VC_BUILD_BENCH=ON; only the bench_console target is built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build-bench}"
REPS="${2:-20}"
shift $(($# > 2 ? 2 : $#))
[ "${1:-}" = "--" ] && shift
CACHE="${VC_CONSOLE_BENCH_CACHE:-$BUILD/console-bench-data}"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DVC_BUILD_TESTS=ON -DVC_BUILD_BENCH=ON >/dev/null
fi
nice cmake --build "$BUILD" --target bench_console >/dev/null

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(free -g | awk '/Mem:/ {print $2}') GiB, kernel $(uname -r)," \
     "$(df -T "$BUILD" | awk 'NR==2 {print $2}') under $BUILD," \
     "Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || true)"
echo "Build: $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" | cut -d= -f2)," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(
    git -C "$ROOT" diff --quiet HEAD -- engine ui 2>/dev/null || echo ' + local changes')"
echo

# Generation (first run only) is single-process and niced; the measurement runs in a process of
# its own, so the generator's memory never counts as the console's.
nice "$BUILD/tests/bench/bench_console" --cache-dir "$CACHE" --generate-only "$@"
echo
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/bench_console" --cache-dir "$CACHE" \
    --reps "$REPS" "$@" | grep -v '^Data: \(cached\|[0-9]\)'
