#!/usr/bin/env bash
# The door alone: the packaged hub takes signed X dm.received webhooks onto bluebird.inbound as in bench/run.sh, but
# with the process stage left out (routes/process.yaml excluded, the broker given room to keep what queues up), so
# that the request threads' work is measured without the stages competing for the cores. After a warm-up, one window:
# acknowledged/s, ack latency, and the hub's CPU per webhook (from /proc), which on this noisy machine varies less
# than the rate does.
# Usage: bench/door.sh [duration] [connections] [warm-up]; the settings of bench/hub.sh (BENCH_TREE, BENCH_JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15s}
CONNECTIONS=${2:-16}
WARMUP=${3:-15s}
BENCH_HUB_ARGS="--camel.main.routes-exclude-pattern=file:routes/process.yaml --bluebird.broker.memory=400MB ${BENCH_HUB_ARGS:-}"
# shellcheck source=bench/hub.sh
source bench/hub.sh

echo "== door alone: hub of commit $(git -C "$TREE" rev-parse --short HEAD); warm-up $WARMUP, then wrk -t2 -c$CONNECTIONS -d$DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/x-dm-received.lua "$URL" >/dev/null
measured_load "$DURATION" "$CONNECTIONS"
ACKED=$(acknowledged "$WORK/wrk.txt")
HZ=$(getconf CLK_TCK)
grep '^ack latency' "$WORK/wrk.txt" || true
echo "== door acknowledged: $ACKED in $(( T1 - T0 )) ms = $(( ACKED * 1000 / (T1 - T0) ))/s;" \
  "hub CPU $(echo "scale=3; ($C1 - $C0) * 1000 / $HZ / $ACKED" | bc) ms a webhook," \
  "$(echo "scale=2; ($C1 - $C0) / $HZ * 1000 / ($T1 - $T0)" | bc) cores; RSS $(rss_mb) MB"
echo "== hub CPU by part: $(cpu_parts "$WORK/threads0.txt" "$WORK/threads1.txt")"
