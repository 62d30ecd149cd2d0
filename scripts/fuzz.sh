#!/usr/bin/env bash
# Long fuzzing runs with libFuzzer (clang-14): builds the fuzz targets into build-fuzz and runs
# one target, or each in turn, for SECONDS each (default 600) on a writable copy of its seed
# corpus. Inputs that crash, leak, hang or break a property are kept in tests/fuzz/crashes/
# (git-ignored); re-run one with: build-fuzz/tests/fuzz/TARGET tests/fuzz/crashes/FILE
#
#   scripts/fuzz.sh [TARGET] [SECONDS]     TARGET: fuzz_start_request, fuzz_templates,
#                                          fuzz_recipient, or all (default)
# Environment: VC_FUZZ_BUILD_DIR (default build-fuzz), VC_FUZZ_JOBS (parallel fuzzing
# processes, default 1), VC_FUZZ_MERGE=1 to merge what was found back into the seed corpus
# (minimised; review before committing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

TARGETS=(fuzz_start_request fuzz_templates fuzz_recipient)
target="${1:-all}"
seconds="${2:-600}"
if [ "$target" != all ] && [[ ! " ${TARGETS[*]} " =~ " $target " ]]; then
    echo "usage: scripts/fuzz.sh [${TARGETS[*]// /|}|all] [SECONDS]" >&2
    exit 2
fi
[ "$target" = all ] || TARGETS=("$target")

VC_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev lld-14)
vc_install_packages "${VC_BUILD_PACKAGES[@]}" "${VC_FUZZ_PACKAGES[@]}"

BUILD="${VC_FUZZ_BUILD_DIR:-$VC_ROOT/build-fuzz}"
vc_say "Building the fuzz targets into $BUILD (clang-14, libFuzzer, ASan, UBSan)"
if [ ! -f "$BUILD/build.ninja" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$VC_ROOT" -B "$BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_WERROR=ON -DVC_BUILD_TESTS=OFF \
        -DVC_BUILD_BENCH=OFF -DVC_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD" -j "$(nproc)" --target vc_fuzz_targets

FUZZ_DIR="$VC_ROOT/tests/fuzz"
CRASHES="$FUZZ_DIR/crashes"
mkdir -p "$CRASHES"
SUPP="$VC_ROOT/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$SUPP/ubsan.supp"

failed=0
for t in "${TARGETS[@]}"; do
    work="$BUILD/tests/fuzz/$t.long-corpus"
    mkdir -p "$work"
    cp -n "$FUZZ_DIR/corpus/$t"/* "$work/" 2>/dev/null || true
    dict=()
    [ -f "$FUZZ_DIR/$t.dict" ] && dict=(-dict="$FUZZ_DIR/$t.dict")
    jobs="${VC_FUZZ_JOBS:-1}"
    parallel=()
    [ "$jobs" -gt 1 ] && parallel=(-fork="$jobs" -ignore_crashes=0)
    vc_say "Fuzzing $t for ${seconds}s (corpus $work, crashes to tests/fuzz/crashes/)"
    if "$BUILD/tests/fuzz/$t" "${dict[@]}" "${parallel[@]}" -max_total_time="$seconds" \
        -timeout=10 -print_final_stats=1 -artifact_prefix="$CRASHES/$t-" "$work"; then
        vc_say "$t: no crash, leak or sanitizer report"
    else
        vc_say "$t: FAILED — see the report above and tests/fuzz/crashes/$t-*"
        failed=1
    fi
    if [ "${VC_FUZZ_MERGE:-0}" = 1 ]; then
        "$BUILD/tests/fuzz/$t" -merge=1 "$FUZZ_DIR/corpus/$t" "$work" >/dev/null 2>&1 || true
        vc_say "$t: merged new coverage into tests/fuzz/corpus/$t"
    fi
done
exit "$failed"
