#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Verify Console and starts it on its embedded defaults:
# SQLite in your data folder (~/.local/share/verify-console, or $VERIFY_DATA_DIR) and local-outbox
# delivery, so nothing leaves the machine. With a display it starts the console (verify-console,
# which also serves the HTTP API on 127.0.0.1:8780); without one it starts verifyd and prints a
# curl example that works as printed. Stop it by closing the window or with Ctrl-C.
#   scripts/run.sh [--demo | --headless]
#     --demo: a short guided tour through verifyctl instead
#     --headless: verifyd even when a display is available
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

vc_install_packages "${VC_BUILD_PACKAGES[@]}"
BUILD="$VC_ROOT/build-run"
vc_say "Building into $BUILD"
vc_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_BUILD_TESTS=OFF
CTL="$BUILD/app/verifyctl"
DATA="${VERIFY_DATA_DIR:-$HOME/.local/share/verify-console}"
LISTEN="${VERIFY_LISTEN:-127.0.0.1:8780}"

if [ "${1:-}" = "--demo" ]; then
    exec "$VC_ROOT/scripts/demo.sh" "$CTL"
fi
if [ "${1:-}" != "--headless" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    vc_say "Starting the console (data: $DATA)"
    exec "$BUILD/app/verify-console" --data-dir "$DATA"
fi

# A verify key for the example below, valid for one day (keys are listed and revoked with
# `verifyctl keys list|revoke`).
KEY=$("$CTL" --data-dir "$DATA" --json keys create --name "run.sh example $(date +%F)" \
      --scope verify --expires 1 | sed -n 's/.*"key": "\(.*\)".*/\1/p')
NUMBER="+474$(date +%s | tail -c 8)"

cat <<EOT

Verify Console is starting on http://$LISTEN (data: $DATA).
In another terminal, start a verification, read the code from the local outbox, and check it:

  curl -s -X POST http://$LISTEN/v1/verify/start \\
       -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \\
       -d '{"channel": "sms", "recipient": "$NUMBER"}'
  $CTL --data-dir $DATA outbox --limit 1
  curl -s -X POST http://$LISTEN/v1/verify/check \\
       -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \\
       -d '{"session_id": "SESSION_ID", "code": "CODE"}'

API reference: docs/API.md. The key above expires tomorrow; on its first start verifyd also
prints an admin key, once.

EOT
exec "$BUILD/app/verifyd" --data-dir "$DATA" --listen "$LISTEN"
