#!/usr/bin/env bash
# Refreshes translations/*.ts from the console's sources: new strings arrive unfinished (translate
# them in Qt Linguist or by hand), strings no longer used are dropped. English holds only plural
# forms. tst_translations fails until every catalogue is complete again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUPDATE=/usr/lib/qt6/bin/lupdate
cd "$ROOT"
for ts in translations/verify_console_*.ts; do
    lang=$(basename "$ts" .ts)
    lang=${lang#verify_console_}
    extra=()
    [ "$lang" = en ] && extra=(-pluralonly)
    "$LUPDATE" -no-obsolete -locations none "${extra[@]}" -source-language en \
        -target-language "$lang" ui app/verify-console -ts "$ts"
done
