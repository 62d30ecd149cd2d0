#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Verify Console with warnings as errors and runs the
# whole test suite with CTest. Prints the output of failing tests; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

VC_TEST_PACKAGES=(valgrind curl)
vc_install_packages "${VC_BUILD_PACKAGES[@]}" "${VC_TEST_PACKAGES[@]}"

BUILD="${VC_TEST_BUILD_DIR:-$VC_ROOT/build-test}"
vc_say "Building into $BUILD (warnings are errors)"
vc_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_WERROR=ON -DVC_BUILD_TESTS=ON

vc_say "Running the test suite"
cd "$BUILD"
export QT_QPA_PLATFORM=offscreen
if ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"; then
    vc_say "All tests passed"
else
    vc_say "Some tests failed (see above)"
    exit 1
fi
