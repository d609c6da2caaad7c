#!/usr/bin/env bash
# The hub under load: wrk posts new SocialMessages to POST /api/messages of the packaged jar running on its
# embedded defaults (Artemis, H2 file, the jms helpdesk), then the script waits until every accepted message has
# been processed into a ticket event, and prints both rates. Usage: bench/run.sh [duration] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-18080}

command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
[ -f target/bluebird.jar ] || mvn -q -B -DskipTests package

WORK=$(mktemp -d /tmp/bluebird-bench.XXXXXX)
BLUEBIRD_API_TOKEN=bench-token java -Xmx1g -jar target/bluebird.jar --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/db;WRITE_DELAY=0" \
  --spring.artemis.embedded.data-directory="$WORK/artemis" --bluebird.broker.listen= \
  --logging.level.io.bluebird=WARN >"$WORK/hub.log" 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null; wait $HUB 2>/dev/null; rm -rf "$WORK"' EXIT

until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 1; done
processed() {
  curl -s "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^camel_exchanges_succeeded_total\{.*routeId="ticket-event"/ {print int($NF)} END {}' | head -1
}

echo "== $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== wrk -t2 -c$CONNECTIONS -d$DURATION POST /api/messages"
START=$(date +%s.%N)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-message.lua "http://127.0.0.1:$PORT/api/messages" \
  | tee "$WORK/wrk.txt"
ACCEPTED=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
ERRORS=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
ACCEPTED=$((ACCEPTED - ${ERRORS:-0}))
while [ "$(processed)" -lt "$ACCEPTED" ]; do sleep 0.5; done
END=$(date +%s.%N)
echo "== $ACCEPTED messages accepted (202) and processed into ticket events in $(echo "$END - $START" | bc) s:" \
  "$(echo "scale=1; $ACCEPTED / ($END - $START)" | bc) messages/s end to end"
