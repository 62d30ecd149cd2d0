#!/usr/bin/env bash
# Runs the in-process engine benchmark and prints the machine it ran on, ready for
# docs/PERFORMANCE.md. Usage: tests/bench/run_engine_bench.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build-test}"
SECONDS_PER="${2:-3}"
cmake --build "$BUILD" --target bench_engine >/dev/null
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(free -g | awk '/Mem:/ {print $2}') GiB, kernel $(uname -r)," \
     "$(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2}') under ${TMPDIR:-/tmp}"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo
"$BUILD/tests/bench/bench_engine" --seconds "$SECONDS_PER"
