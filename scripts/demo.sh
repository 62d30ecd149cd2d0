#!/usr/bin/env bash
# A short guided tour through verifyctl: start a verification, read the message from the local
# outbox, check a wrong and then the right code, show the events and statistics.
#   scripts/demo.sh [PATH_TO_VERIFYCTL]   (scripts/run.sh --demo builds it first)
set -euo pipefail
CTL="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-run/app/verifyctl}"

step() { printf '\n\033[1;34m%s\033[0m\n' "$*"; }
show() { printf '\033[2m$ verifyctl %s\033[0m\n' "$*"; "$CTL" "$@"; }

# A Norwegian mobile number that changes each run, so repeated demos stay within the limit of
# five verifications per recipient per hour. Delivery is to the local outbox only.
NUMBER="+474$(date +%s | tail -c 8)"

step "1. An application starts a verification by SMS (here through verifyctl)"
STARTED=$(show start --channel sms --recipient "$NUMBER" --reference demo-signup)
echo "$STARTED"
ID=$(echo "$STARTED" | grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}' | head -n 1)

step "2. The message, as the local outbox received it (the embedded stand-in for a phone)"
show outbox --session "$ID"
CODE=$("$CTL" --json outbox --session "$ID" | grep '"text"' | grep -oE '\b[0-9]{6}\b' | head -n 1)

step "3. The user mistypes the code once"
show check "$ID" 000000 || true

step "4. ...then types the code from the message"
show check "$ID" "$CODE"

step "5. Everything that happened, as events"
show events "$ID"

step "6. Statistics"
show stats
