#!/usr/bin/env bash
# The hub under a burst of X DMs, measured from outside: wrk posts signed X Activity API dm.received deliveries to
# POST /webhooks/x of the packaged jar, running on its embedded defaults (Artemis with its persistent journal, H2
# file) with one Zendesk helpdesk pointed at a fast counting stand-in (bench/ZendeskStandIn.java). After a warm-up
# that is left to drain, one measured window; then the script waits until the stand-in has every acknowledged
# message, and prints acknowledgements, ack latency, tickets delivered, end-to-end latency, RSS and CPU, and the
# machine's floor for durable queueing (bench/broker-floor.sh) with the hub's rate as a fraction of it.
# Usage: bench/run.sh [duration] [connections] [warm-up]; BENCH_CUSTOMERS (64) customers write in turn;
# BENCH_TREE runs the hub of another checkout (to compare commits in one sitting); BENCH_FLOOR=0 skips the floor;
# BENCH_JAVA_OPTS are the hub's JVM options, BENCH_HUB_ARGS more of its settings (--bluebird.process.consumers=8);
# BENCH_DB_OPTS is added to the H2 URL (;PAGE_SIZE=4096); BENCH_JFR=1 records a flight; BENCH_KEEP=1 keeps logs.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
WARMUP=${3:-10s}

# shellcheck source=bench/hub.sh
source bench/hub.sh

echo "== $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), hub of commit $(git -C "$TREE" rev-parse --short HEAD) in $TREE"
echo "== hub healthy $STARTUP_MS ms after java -jar; $BENCH_CUSTOMERS customers; warm-up $WARMUP, then wrk -t2 -c$CONNECTIONS -d$DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/x-dm-received.lua "$URL" >"$WORK/warmup.txt"
drain "$(acknowledged "$WORK/warmup.txt")"
curl -s -X POST "$STANDIN/reset" >/dev/null

measured_load "$DURATION" "$CONNECTIONS"
cat "$WORK/wrk.txt"
ACKED=$(acknowledged "$WORK/wrk.txt")
drain "$ACKED"
T2=$(stat last_ms)
C2=$(cpu_ticks)
DELIVERED=$(stat messages)
RSS_MAX=$(sort -n "$WORK/rss.txt" | tail -1)
HZ=$(getconf CLK_TCK)
ACK_RATE=$(echo "scale=0; $ACKED * 1000 / ($T1 - $T0)" | bc)
echo "== acknowledged: $ACKED in $(( T1 - T0 )) ms = $ACK_RATE/s; non-2xx: $(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")"
echo "== delivered: $DELIVERED messages ($(stat creates) creates, $(stat updates) updates) in $(( T2 - T0 )) ms" \
  "(window + drain, to the last ticket call) = $(echo "scale=0; $DELIVERED * 1000 / ($T2 - $T0)" | bc)/s;" \
  "end to end p50 $(stat e2e_p50_ms) ms, p99 $(stat e2e_p99_ms) ms; duplicated $(stat duplicates), updates looked up in audits $(stat audit_lookups), creates repeated $(stat idempotency_hits)"
echo "== hub CPU: $(echo "scale=2; ($C1 - $C0) / $HZ * 1000 / ($T1 - $T0)" | bc) cores in the window," \
  "$(echo "scale=2; ($C2 - $C0) * 1000 / $HZ / $DELIVERED" | bc) ms a message; RSS max $RSS_MAX MB"
echo "== hub CPU in the window by part: $(cpu_parts "$WORK/threads0.txt" "$WORK/threads1.txt")"
if [ "${BENCH_FLOOR:-1}" = 1 ]; then
  kill $HUB; wait $HUB 2>/dev/null || true
  FLOOR=$(bench/broker-floor.sh "${DURATION%s}" "${WARMUP%s}" | tee "$WORK/floor.txt" | awk '/^floor:/ {print $2}')
  echo "== floor (artemis perf client, persistent 1 KB, embedded journal settings): $FLOOR messages/s;" \
    "the hub acknowledges $(echo "scale=2; $ACK_RATE / $FLOOR" | bc) of it"
fi
