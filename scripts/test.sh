#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Verify Console with warnings as errors and runs the
# whole test suite with CTest. Prints the output of failing tests; exits non-zero on any failure.
# Then, under AddressSanitizer and UndefinedBehaviorSanitizer (docs/SECURITY.md, "What CI runs"):
#   VC_TEST_SANITIZERS=subset (default, what CI runs): a short libFuzzer run of every fuzz target
#       (build-fuzz, clang-14): request bodies, templates, recipients
#   VC_TEST_SANITIZERS=1: also the unit and integration tests again (build-asan, g++)
#   VC_TEST_SANITIZERS=0: nothing more
#   scripts/test.sh [CTEST_ARGS]   the suite, then the sanitizer stage above
#   scripts/test.sh --sanitize     the WHOLE suite under the sanitizers, nothing else
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

SANITIZE_ONLY=0
if [ "${1:-}" = --sanitize ]; then
    SANITIZE_ONLY=1
    shift
fi

VC_TEST_PACKAGES=(valgrind curl python3-aiosmtpd openssl kannel kannel-extras
                  clang-14 libclang-rt-14-dev lld-14)
vc_install_packages "${VC_BUILD_PACKAGES[@]}" "${VC_TEST_PACKAGES[@]}"

export QT_QPA_PLATFORM=offscreen
failed=0
# Runs ctest in DIR with the remaining arguments; remembers a failure and goes on.
vc_ctest() {
    local dir="$1"
    shift
    if (cd "$dir" && ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"); then
        vc_say "Passed"
    else
        vc_say "Some tests failed (see above)"
        failed=1
    fi
}
vc_configure() {
    local dir="$1"
    shift
    [ -f "$dir/build.ninja" ] && cmake "$dir" "$@" >/dev/null && return 0
    cmake -S "$VC_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
}
vc_elapsed() { printf '%dm%02ds' $((SECONDS / 60)) $((SECONDS % 60)); }

if [ "$SANITIZE_ONLY" = 0 ]; then
    BUILD="${VC_TEST_BUILD_DIR:-$VC_ROOT/build-test}"
    vc_say "Building into $BUILD (warnings are errors)"
    vc_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_WERROR=ON -DVC_BUILD_TESTS=ON
    vc_say "Running the test suite ($(vc_elapsed))"
    vc_ctest "$BUILD" "$@"
fi

SANITIZERS="${VC_TEST_SANITIZERS:-subset}"
if [ "$SANITIZE_ONLY" = 1 ] || [ "$SANITIZERS" = 1 ]; then
    ASAN="${VC_ASAN_BUILD_DIR:-$VC_ROOT/build-asan}"
    vc_configure "$ASAN" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_WERROR=ON -DVC_BUILD_TESTS=ON \
        -DVC_BUILD_BENCH=OFF -DVC_SANITIZE=ON
    if [ "$SANITIZE_ONLY" = 1 ]; then
        vc_say "Building into $ASAN with ASan and UBSan ($(vc_elapsed))"
        cmake --build "$ASAN" -j "$(nproc)"
        vc_say "Running the whole test suite under the sanitizers ($(vc_elapsed))"
        vc_ctest "$ASAN" "$@"
    else
        # The unit and integration tests (VC_SANITIZE_LABELS): docs/SECURITY.md.
        labels="${VC_SANITIZE_LABELS:-unit|integration}"
        mapfile -t targets < <(ctest --test-dir "$ASAN" -N -L "$labels" |
            sed -n 's/^ *Test *#[0-9]*: \(tst_[a-z0-9_]*\)$/\1/p')
        vc_say "Building the $labels tests into $ASAN with ASan and UBSan ($(vc_elapsed))"
        cmake --build "$ASAN" -j "$(nproc)" --target "${targets[@]}"
        vc_say "Running the $labels tests under the sanitizers ($(vc_elapsed))"
        vc_ctest "$ASAN" -L "$labels"
    fi
fi

if [ "$SANITIZE_ONLY" = 0 ] && [ "$SANITIZERS" != 0 ]; then
    FUZZ="${VC_FUZZ_BUILD_DIR:-$VC_ROOT/build-fuzz}"
    vc_say "Building the fuzz targets into $FUZZ (clang-14, libFuzzer, ASan, UBSan)" \
        "($(vc_elapsed))"
    CC=clang-14 CXX=clang++-14 vc_configure "$FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DVC_WERROR=ON -DVC_BUILD_TESTS=OFF -DVC_BUILD_BENCH=OFF -DVC_FUZZ=ON
    cmake --build "$FUZZ" -j "$(nproc)" --target vc_fuzz_targets
    vc_say "Fuzzing each target briefly ($(vc_elapsed))"
    vc_ctest "$FUZZ" -L fuzz
fi

if [ "$failed" = 0 ]; then
    vc_say "All tests passed ($(vc_elapsed))"
else
    vc_say "Some tests failed (see above) ($(vc_elapsed))"
    exit 1
fi
