#!/usr/bin/env bash
# The hub under a burst of X DMs, measured from outside: wrk posts signed X Activity API dm.received deliveries to
# POST /webhooks/x of the packaged jar, running on its embedded defaults (Artemis with its persistent journal, H2
# file) with one Zendesk helpdesk pointed at a fast counting stand-in (bench/ZendeskStandIn.java). After a warm-up
# that is left to drain, one measured window; then the script waits until the stand-in has every acknowledged
# message, and prints acknowledgements, ack latency, tickets delivered, end-to-end latency, RSS and CPU, and the
# machine's floor for durable queueing (bench/broker-floor.sh) with the hub's rate as a fraction of it.
# Usage: bench/run.sh [duration] [connections] [warm-up]; BENCH_CUSTOMERS (64) customers write in turn;
# BENCH_TREE runs the hub of another checkout (to compare commits in one sitting); BENCH_FLOOR=0 skips the floor;
# BENCH_JAVA_OPTS are the hub's JVM options; BENCH_JFR=1 records a flight; BENCH_KEEP=1 keeps logs and data.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
WARMUP=${3:-10s}
PORT=${BENCH_PORT:-18080}
STANDIN_PORT=${BENCH_STANDIN_PORT:-18081}
export BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-64} BENCH_X_SECRET=bench-consumer-secret BENCH_X_ACCOUNT=4337869213

command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
# the hub runs in its own tree: the jar, and the routes/ and config/ it reads from its working directory
TREE=$(cd "${BENCH_TREE:-.}" && pwd)
[ -f "$TREE/target/bluebird.jar" ] || (cd "$TREE" && mvn -q -B -DskipTests package)

WORK=$(mktemp -d /tmp/bluebird-bench.XXXXXX)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
java bench/ZendeskStandIn.java "$STANDIN_PORT" >"$WORK/standin.log" 2>&1 &
PIDS+=($!)
STANDIN="http://127.0.0.1:$STANDIN_PORT"

JFR=()
[ "${BENCH_JFR:-0}" = 1 ] && JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR_FILE:-/tmp/bluebird-bench.jfr},settings=profile")
START=$(date +%s%N)
# shellcheck disable=SC2086
X_CONSUMER_SECRET=$BENCH_X_SECRET X_ACCOUNT_ID=$BENCH_X_ACCOUNT ZENDESK_BASE_URL=$STANDIN \
ZENDESK_CLIENT_ID=bench ZENDESK_CLIENT_SECRET=bench-client-secret BLUEBIRD_API_TOKEN=bench-token \
  bash -c 'cd "$0" && exec "$@"' "$TREE" \
  java ${BENCH_JAVA_OPTS:--Xmx1g} "${JFR[@]}" -jar target/bluebird.jar --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" \
  --spring.artemis.embedded.data-directory="$WORK/artemis" --bluebird.broker.listen= \
  --bluebird.routing.default-helpdesk=zendesk --bluebird.survey.enabled=false \
  --logging.level.io.bluebird=WARN >"$WORK/hub.log" 2>&1 &
HUB=$!
PIDS+=($HUB)
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $HUB 2>/dev/null || { cat "$WORK/hub.log"; exit 1; }
  sleep 0.1
done
STARTUP_MS=$(( ($(date +%s%N) - START) / 1000000 ))
until curl -sf "$STANDIN/stats" >/dev/null; do sleep 0.2; done

stat() { curl -s "$STANDIN/stats" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$HUB/stat"; }
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$HUB/status"; }
acknowledged() { awk '/requests in/ {n = $1} /Non-2xx/ {e = $NF} END {print n - e}' "$1"; }
# waits until the stand-in has at least this many messages and no more come for 2 s (wrk does not count the
# requests still open when it stops, but the hub may have taken them); gives up after 60 s without progress
drain() {
  local before=-1 still=0
  while [ "$(stat messages)" -lt "$1" ] || [ $still -lt 4 ]; do
    sleep 0.5
    if [ "$(stat messages)" = "$before" ]; then still=$((still + 1)); else still=0; fi
    [ $still -lt 120 ] || { echo "!! stand-in stuck at $(stat messages) of $1 messages"; break; }
    before=$(stat messages)
  done
}
RSS_MAX=0
( while kill -0 $HUB 2>/dev/null; do rss_mb; sleep 1; done ) >"$WORK/rss.txt" &
PIDS+=($!)

URL="http://127.0.0.1:$PORT/webhooks/x"
echo "== $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), hub of commit $(git -C "$TREE" rev-parse --short HEAD) in $TREE"
echo "== hub healthy $STARTUP_MS ms after java -jar; $BENCH_CUSTOMERS customers; warm-up $WARMUP, then wrk -t2 -c$CONNECTIONS -d$DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/x-dm-received.lua "$URL" >"$WORK/warmup.txt"
drain "$(acknowledged "$WORK/warmup.txt")"
curl -s -X POST "$STANDIN/reset" >/dev/null

T0=$(date +%s%3N)
C0=$(cpu_ticks)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/x-dm-received.lua "$URL" | tee "$WORK/wrk.txt"
T1=$(date +%s%3N)
C1=$(cpu_ticks)
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
  "end to end p50 $(stat e2e_p50_ms) ms, p99 $(stat e2e_p99_ms) ms"
echo "== hub CPU: $(echo "scale=2; ($C1 - $C0) / $HZ * 1000 / ($T1 - $T0)" | bc) cores in the window," \
  "$(echo "scale=2; ($C2 - $C0) * 1000 / $HZ / $DELIVERED" | bc) ms a message; RSS max $RSS_MAX MB"
if [ "${BENCH_FLOOR:-1}" = 1 ]; then
  kill $HUB; wait $HUB 2>/dev/null || true
  FLOOR=$(bench/broker-floor.sh "${DURATION%s}" "${WARMUP%s}" | tee "$WORK/floor.txt" | awk '/^floor:/ {print $2}')
  echo "== floor (artemis perf client, persistent 1 KB, embedded journal settings): $FLOOR messages/s;" \
    "the hub acknowledges $(echo "scale=2; $ACK_RATE / $FLOOR" | bc) of it"
fi
