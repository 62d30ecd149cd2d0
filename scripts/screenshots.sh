#!/usr/bin/env bash
# Opens each page of the console under Xvfb at 1280x800 on a freshly seeded database (a month of
# realistic use) and saves PNGs to docs/screenshots/. Look at every one before calling a console
# change done.
#   scripts/screenshots.sh [LANGUAGE]   (en by default; nb, sv, da, fi)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
vc_install_packages "${VC_BUILD_PACKAGES[@]}" xvfb xauth
BUILD="${VC_TEST_BUILD_DIR:-$VC_ROOT/build-test}"
[ -f "$BUILD/build.ninja" ] || cmake -S "$VC_ROOT" -B "$BUILD" -G Ninja -DVC_WERROR=ON >/dev/null
cmake --build "$BUILD" --target verify-console vc_seed_demo >/dev/null

LANGUAGE="${1:-en}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BUILD/tests/integration/vc_seed_demo" "$WORK/data" 3000 30
printf '[listener]\nenabled=true\naddress=127.0.0.1:0\n' > "$WORK/console.ini"
OUT="$VC_ROOT/docs/screenshots"
[ "$LANGUAGE" = en ] || OUT="$OUT/$LANGUAGE"
rm -f "$OUT"/*.png
VERIFY_CONSOLE_SETTINGS="$WORK/console.ini" QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    "$BUILD/app/verify-console" --data-dir "$WORK/data" --language "$LANGUAGE" \
    --screenshots "$OUT"
ls -1 "$OUT"/*.png
