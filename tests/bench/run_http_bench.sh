#!/usr/bin/env bash
# HTTP benchmark, all in one run on this machine:
#   - raw fsync commit rate (bench_engine: single-row INSERT commits, WAL, synchronous=FULL)
#   - nginx `return 200` on loopback (the baseline for a trivial HTTP answer)
#   - the HTTP transport alone (bench_transport: a fixed answer the size of a status, to GETs and
#     to POSTs, which go through the dispatch pool), and the same transport storing each POST
#     body as one row through the product's Database: the cheapest durable request
#     (synchronous=FULL, group commit, no API work), and NORMAL beside it
#   - verifyd (synchronous=FULL, delivery worker running): POST /v1/verify/start,
#     POST /v1/verify/check (each session verified once), GET /v1/verify/{id}
#   - a simulated slower disk (SLOW_FSYNC_US, default 3000: every fsync that much longer, by
#     LD_PRELOAD): the raw commit rate and verifyd's durable starts again, side by side
# driven by wrk. Prints a markdown table for docs/PERFORMANCE.md.
# nginx, the transport alone and the status GET run in ROUNDS alternating rounds (default 5) and
# each is reported as its median run: this machine's speed drifts from minute to minute, and
# runs taken side by side keep the ratio honest.
#   [ROUNDS=N] tests/bench/run_http_bench.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/scripts/setup.sh"
BUILD="${1:-$ROOT/build-test}"
DURATION="${2:-10}"
CONNS="${3:-64}"
ROUNDS="${ROUNDS:-5}"
vc_install_packages wrk nginx-light sqlite3
cmake --build "$BUILD" --target verifyd verifyctl bench_engine bench_transport bench_slow_fsync \
    >/dev/null

WORK=$(mktemp -d)
NGINX_PORT=18781
VERIFY_PORT=18782
TRANSPORT_PORT=18783
STORE_PORT=18785
cleanup() {
    [ -n "${VERIFYD_PID:-}" ] && kill "$VERIFYD_PID" 2>/dev/null && wait "$VERIFYD_PID" 2>/dev/null
    [ -n "${TRANSPORT_PID:-}" ] && kill "$TRANSPORT_PID" 2>/dev/null && wait "$TRANSPORT_PID" 2>/dev/null
    [ -n "${SLOW_PID:-}" ] && kill "$SLOW_PID" 2>/dev/null && wait "$SLOW_PID" 2>/dev/null
    [ -n "${STORE_PID:-}" ] && kill "$STORE_PID" 2>/dev/null && wait "$STORE_PID" 2>/dev/null
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- nginx: return 200 --------------------------------------------------------------------
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx-access.log;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { default_type application/json; return 200 '{"status":"ok"}'; }
    }
}
NGINX
nginx -c "$WORK/nginx.conf" -p "$WORK"

# --- the transport alone ----------------------------------------------------------------------
"$BUILD/tests/bench/bench_transport" "$TRANSPORT_PORT" > "$WORK/transport.out" 2>&1 &
TRANSPORT_PID=$!

# --- verifyd ----------------------------------------------------------------------------------
"$BUILD/app/verifyd" --data-dir "$WORK/data" --listen "127.0.0.1:$VERIFY_PORT" \
    > "$WORK/verifyd.out" 2> "$WORK/verifyd.log" &
VERIFYD_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/verifyd.out" 2>/dev/null && break; sleep 0.1; done
KEY=$(grep -oE 'vk_[a-z0-9]{8}_[A-Za-z0-9]{32}' "$WORK/verifyd.out" | head -n 1)
CTL=("$BUILD/app/verifyctl" --data-dir "$WORK/data")
# Callers supply the code (so checks need no outbox read); every start uses a new number.
"${CTL[@]}" services update default allow_custom_code=true starts_per_recipient_per_hour=1000 \
    starts_per_key_per_hour=0 starts_per_service_per_hour=0 \
    >/dev/null
URL="http://127.0.0.1:$VERIFY_PORT"

wrk_summary() { # a wrk output file; prints "rps p50 p99 non2xx"
    local rps p50 p99 bad
    rps=$(awk '/Requests\/sec/ {print $2}' "$1")
    p50=$(awk '$1=="50%" {print $2}' "$1")
    p99=$(awk '$1=="99%" {print $2}' "$1")
    bad=$(awk '/Non-2xx/ {print $5}' "$1"); bad=${bad:-0}
    echo "$rps $p50 $p99 $bad"
}
wrk_run() { # name, then wrk arguments; prints "rps p50 p99 non2xx"
    local name="$1"; shift
    wrk -t2 -c"${CONNS}" -d"${DURATION}s" --latency "$@" > "$WORK/$name.wrk"
    wrk_summary "$WORK/$name.wrk"
}
median_run() { # name: the summary of the median of the rounds "name-1" .. "name-$ROUNDS"
    local file
    file=$(for f in "$WORK/$1"-*.wrk; do echo "$(awk '/Requests\/sec/ {print $2}' "$f") $f"; done |
           sort -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2) {print $2}')
    wrk_summary "$file"
}

# --- raw fsync commits (same disk, same run) --------------------------------------------------
RAW=$("$BUILD/tests/bench/bench_engine" --only raw-full --seconds "$DURATION" | tail -n 1 |
      awk -F'|' '{gsub(/ /, "", $5); print $5}')

# --- starts -----------------------------------------------------------------------------------
cat > "$WORK/start.lua" <<LUA
-- setup() runs in wrk's main Lua state; thread:set() puts "tid" in each thread's own state.
local counter = 0
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function init(args) prefix = (tid % 5 == 0) and "70" or ((tid % 5 == 1) and "72" or "73") end
function request()
    counter = counter + 1
    local body = string.format('{"channel":"sms","recipient":"+46%s%07d","custom_code":"135790"}',
                               prefix, counter)
    return wrk.format("POST", "/v1/verify/start",
        {["X-API-Key"] = "$KEY", ["Content-Type"] = "application/json"}, body)
end
LUA
commit_counts() { # prints "commits writes" from the metrics
    curl -s "$URL/metrics" | awk '$1 == "vc_store_commits_total" {c=$2}
                                  $1 == "vc_store_writes_total" {w=$2} END {print c, w}'
}
cpu_ticks() { # CPU clock ticks (user + system) of verifyd, then of its writer thread alone
    local writer=0 task
    for task in /proc/"$VERIFYD_PID"/task/*; do
        [ "$(cat "$task/comm" 2>/dev/null)" = vc-writer ] && writer=$(awk '{print $14 + $15}' "$task/stat")
    done
    echo "$(awk '{print $14 + $15}' "/proc/$VERIFYD_PID/stat") $writer"
}
read -r COMMITS0 WRITES0 < <(commit_counts)
read -r CPU0 WRITER_CPU0 < <(cpu_ticks)
read -r START_RPS START_P50 START_P99 START_BAD < <(wrk_run start -s "$WORK/start.lua" "$URL")
read -r CPU1 WRITER_CPU1 < <(cpu_ticks)
read -r COMMITS1 WRITES1 < <(commit_counts)
STARTS_RUN=$(sqlite3 "$WORK/data/verify.db" "SELECT COUNT(*) FROM sessions")
TICK_US=$(echo "1000000 / $(getconf CLK_TCK)" | bc -l)

# --- the cheapest durable request, right after the starts -------------------------------------
# bench_transport stores each POST body (the start's own body) as one row and answers once it is
# committed: the transport, the hand-over to the writer and the group commit, and nothing else.
store_run() { # full|normal: prints "rps p50 p99 non2xx"
    "$BUILD/tests/bench/bench_transport" "$STORE_PORT" --store "$WORK/store-$1" "$1" \
        > "$WORK/store-$1.out" 2>&1 &
    STORE_PID=$!
    for _ in $(seq 100); do grep -q "listening on" "$WORK/store-$1.out" 2>/dev/null && break; sleep 0.1; done
    wrk_run "store-$1" -s "$WORK/start.lua" "http://127.0.0.1:$STORE_PORT"
    kill "$STORE_PID" && wait "$STORE_PID" 2>/dev/null || true
    STORE_PID=
}
# A POST the transport answers with its fixed body: like every POST, it runs on the dispatch pool
# (the hand-over a durable request needs), but stores nothing.
read -r POST_RPS POST_P50 POST_P99 POST_BAD < <(wrk_run transport-post -s "$WORK/start.lua" \
                                                "http://127.0.0.1:$TRANSPORT_PORT")
read -r STORE_RPS STORE_P50 STORE_P99 STORE_BAD < <(store_run full)
read -r NORMAL_RPS NORMAL_P50 NORMAL_P99 NORMAL_BAD < <(store_run normal)

# --- checks: each stored session verified once ------------------------------------------------
sqlite3 "$WORK/data/verify.db" "SELECT id FROM sessions WHERE status IN ('pending', 'delivered')" \
    > "$WORK/ids.txt"
cat > "$WORK/check.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
local n = 0
function request()
    n = n + 1
    -- thread 0 takes the even ids, thread 1 the odd ones: each session is checked once
    local i = (((n - 1) * 2 + tid) % #ids) + 1
    local body = string.format('{"session_id":"%s","code":"135790"}', ids[i])
    return wrk.format("POST", "/v1/verify/check",
        {["X-API-Key"] = "$KEY", ["Content-Type"] = "application/json"}, body)
end
LUA
VERIFIED_BEFORE=$(sqlite3 "$WORK/data/verify.db" "SELECT COUNT(*) FROM sessions WHERE status = 'verified'")
read -r CHECK_RPS CHECK_P50 CHECK_P99 CHECK_BAD < <(wrk_run check -s "$WORK/check.lua" "$URL")
VERIFIED=$(( $(sqlite3 "$WORK/data/verify.db" "SELECT COUNT(*) FROM sessions WHERE status = 'verified'") - VERIFIED_BEFORE ))

# --- nginx, the transport alone and status, in alternating rounds ----------------------------
SESSION=$(head -n 1 "$WORK/ids.txt")
ROUND_RATIOS=""
for round in $(seq "$ROUNDS"); do
    read -r rps_nginx _ < <(wrk_run "nginx-$round" "http://127.0.0.1:$NGINX_PORT/")
    wrk_run "transport-$round" "http://127.0.0.1:$TRANSPORT_PORT/" >/dev/null
    read -r rps_status _ < <(wrk_run "status-$round" -H "X-API-Key: $KEY" "$URL/v1/verify/$SESSION")
    ROUND_RATIOS+=" $(printf '%.2f' "$(echo "$rps_status / $rps_nginx" | bc -l)")"
done
read -r NGX_RPS NGX_P50 NGX_P99 NGX_BAD < <(median_run nginx)
read -r TRANSPORT_RPS TRANSPORT_P50 TRANSPORT_P99 TRANSPORT_BAD < <(median_run transport)
read -r STATUS_RPS STATUS_P50 STATUS_P99 STATUS_BAD < <(median_run status)

# --- mixed: status GETs of many sessions while starts run ------------------------------------
# The read cache (docs/ARCHITECTURE.md) must keep answering from memory while this process's
# own commits land: wrk polls 1,000 sessions on 48 connections while a second wrk starts new
# sessions on 16.
head -n 1000 "$WORK/ids.txt" > "$WORK/poll.txt"
cat > "$WORK/poll.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/poll.txt") do ids[#ids + 1] = line end
local n = 0
function request()
    n = n + 1
    return wrk.format("GET", "/v1/verify/" .. ids[(n % #ids) + 1], {["X-API-Key"] = "$KEY"})
end
LUA
cache_counts() { # hits misses of the status cache
    curl -s "$URL/metrics" | awk '/vc_read_cache_total\{cache="status",result="hit"\}/ {h=$2}
        /vc_read_cache_total\{cache="status",result="miss"\}/ {m=$2} END {print h, m}'
}
read -r HITS0 MISSES0 < <(cache_counts)
wrk -t1 -c16 -d"${DURATION}s" --latency -s "$WORK/start.lua" "$URL" > "$WORK/mixed-start.wrk" &
MIXED_START_PID=$!
read -r POLL_RPS POLL_P50 POLL_P99 POLL_BAD < <(CONNS=48 wrk_run poll -s "$WORK/poll.lua" "$URL")
wait "$MIXED_START_PID"
MIXED_START_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/mixed-start.wrk")
read -r HITS1 MISSES1 < <(cache_counts)
HIT_SHARE=$(echo "100 * ($HITS1 - $HITS0) / ($HITS1 - $HITS0 + $MISSES1 - $MISSES0)" | bc -l)

STARTED=$(sqlite3 "$WORK/data/verify.db" "SELECT COUNT(*) FROM sessions")

# --- a simulated slower disk: raw commits and starts with every fsync SLOW_FSYNC_US longer --------
# This machine's fsync is cheap (a fraction of a millisecond), so its raw rate is high and the
# start rate is set by CPU. Many disks take milliseconds; the group commit is built for them.
SLOW_FSYNC_US="${SLOW_FSYNC_US:-3000}"
SLOW_PORT=18784
SLOW_LIB="$BUILD/tests/bench/libbench_slow_fsync.so"
RAW_SLOW=$(LD_PRELOAD="$SLOW_LIB" VC_SLOW_FSYNC_US="$SLOW_FSYNC_US" \
           "$BUILD/tests/bench/bench_engine" --only raw-full --seconds "$DURATION" | tail -n 1 |
           awk -F'|' '{gsub(/ /, "", $5); print $5}')
LD_PRELOAD="$SLOW_LIB" VC_SLOW_FSYNC_US="$SLOW_FSYNC_US" "$BUILD/app/verifyd" \
    --data-dir "$WORK/slow" --listen "127.0.0.1:$SLOW_PORT" > "$WORK/slow.out" 2> "$WORK/slow.log" &
SLOW_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/slow.out" 2>/dev/null && break; sleep 0.1; done
SLOW_KEY=$(grep -oE 'vk_[a-z0-9]{8}_[A-Za-z0-9]{32}' "$WORK/slow.out" | head -n 1)
"$BUILD/app/verifyctl" --data-dir "$WORK/slow" services update default allow_custom_code=true \
    starts_per_recipient_per_hour=1000 starts_per_key_per_hour=0 starts_per_service_per_hour=0 \
    >/dev/null
sed "s/$KEY/$SLOW_KEY/" "$WORK/start.lua" > "$WORK/start-slow.lua"
read -r SLOW_START_RPS _ _ _ < <(wrk_run start-slow -s "$WORK/start-slow.lua" \
                                 "http://127.0.0.1:$SLOW_PORT")
kill "$SLOW_PID" && wait "$SLOW_PID" 2>/dev/null || true
SLOW_PID=
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "kernel $(uname -r), $(df -T "$WORK" | awk 'NR==2 {print $2}') under $WORK"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)," \
     "wrk -t2 -c$CONNS -d${DURATION}s, nginx/transport/status: median of $ROUNDS alternating rounds"
echo
echo "| what | requests/s | p50 | p99 | non-2xx | vs baseline |"
echo "|---|---:|---:|---:|---:|---:|"
printf "| raw single-row INSERT commit (fsync) | %s | | | | 1.00x |\n" "$RAW"
printf "| nginx return 200 | %s | %s | %s | %s | 1.00x |\n" "$NGX_RPS" "$NGX_P50" "$NGX_P99" "$NGX_BAD"
printf "| HTTP transport alone, fixed answer | %s | %s | %s | %s | %.2fx nginx |\n" \
    "$TRANSPORT_RPS" "$TRANSPORT_P50" "$TRANSPORT_P99" "$TRANSPORT_BAD" \
    "$(echo "$TRANSPORT_RPS / $NGX_RPS" | bc -l)"
printf "| HTTP transport alone, POST, fixed answer from the dispatch pool | %s | %s | %s | %s | %.2fx raw |\n" \
    "$POST_RPS" "$POST_P50" "$POST_P99" "$POST_BAD" "$(echo "$POST_RPS / $RAW" | bc -l)"
printf "| HTTP transport + one row per POST, durable (group commit, no API work) | %s | %s | %s | %s | %.2fx raw |\n" \
    "$STORE_RPS" "$STORE_P50" "$STORE_P99" "$STORE_BAD" "$(echo "$STORE_RPS / $RAW" | bc -l)"
printf "| the same, synchronous=NORMAL (not durable) | %s | %s | %s | %s | %.2fx raw |\n" \
    "$NORMAL_RPS" "$NORMAL_P50" "$NORMAL_P99" "$NORMAL_BAD" "$(echo "$NORMAL_RPS / $RAW" | bc -l)"
printf "| verifyd POST /v1/verify/start (durable) | %s | %s | %s | %s | %.2fx raw |\n" \
    "$START_RPS" "$START_P50" "$START_P99" "$START_BAD" "$(echo "$START_RPS / $RAW" | bc -l)"
# Once every stored session is verified, further checks are cheap 409s: count verifications only
# (a lower bound when the sessions ran out before the end of the run).
CHECK_DURABLE=$(echo "$VERIFIED / $DURATION" | bc -l)
printf "| verifyd POST /v1/verify/check (durable verifications, at least) | %.0f | %s | %s | | %.2fx raw |\n" \
    "$CHECK_DURABLE" "$CHECK_P50" "$CHECK_P99" "$(echo "$CHECK_DURABLE / $RAW" | bc -l)"
printf "| verifyd GET /v1/verify/{id} | %s | %s | %s | %s | %.2fx nginx |\n" \
    "$STATUS_RPS" "$STATUS_P50" "$STATUS_P99" "$STATUS_BAD" "$(echo "$STATUS_RPS / $NGX_RPS" | bc -l)"
printf "| verifyd GET /v1/verify/{id} of 1,000 sessions, while starts run | %s | %s | %s | %s | %.2fx nginx |\n" \
    "$POLL_RPS" "$POLL_P50" "$POLL_P99" "$POLL_BAD" "$(echo "$POLL_RPS / $NGX_RPS" | bc -l)"
printf "| verifyd POST /v1/verify/start meanwhile (16 connections) | %s | | | | |\n" "$MIXED_START_RPS"
echo
# Each round runs nginx and the status GET seconds apart, so its ratio is the fairest single
# comparison on a machine whose speed drifts from minute to minute; the table's ratio divides
# the medians of rounds that may be minutes apart.
MEDIAN_RATIO=$(echo "$ROUND_RATIOS" | tr ' ' '\n' | grep . | sort -n |
               awk -v n="$ROUNDS" 'NR == int((n + 1) / 2) {print}')
echo "Status GET / nginx, round by round:$ROUND_RATIOS; median of the rounds: ${MEDIAN_RATIO}x."
printf "Status reads answered from memory during the mixed run: %.1f %%.\n" "$HIT_SHARE"
printf "Group commit during the start run: %d writes in %d commits, %.1f per commit (a start is one write; local-outbox deliveries are written a batch at a time).\n" \
    "$((WRITES1 - WRITES0))" "$((COMMITS1 - COMMITS0))" \
    "$(echo "($WRITES1 - $WRITES0) / ($COMMITS1 - $COMMITS0)" | bc -l)"
printf "CPU per durable start (its delivery included): verifyd %.0f us, of which the writer thread %.0f us; 3x raw would leave at most %.0f us of this machine's %d cores per start, wrk and the kernel included.\n" \
    "$(echo "($CPU1 - $CPU0) * $TICK_US / $STARTS_RUN" | bc -l)" \
    "$(echo "($WRITER_CPU1 - $WRITER_CPU0) * $TICK_US / $STARTS_RUN" | bc -l)" \
    "$(echo "$(nproc) * 1000000 / (3 * $RAW)" | bc -l)" "$(nproc)"
printf "Simulated slower disk (every fsync %d us longer, LD_PRELOAD): raw commits %s/s, durable starts %s/s, %.2fx raw.\n" \
    "$SLOW_FSYNC_US" "$RAW_SLOW" "$SLOW_START_RPS" "$(echo "$SLOW_START_RPS / $RAW_SLOW" | bc -l)"
echo "Sessions stored: $STARTED; verified by the check run: $VERIFIED" \
     "(checks of an already verified session answer 409 and count as non-2xx)."
