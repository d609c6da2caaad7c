#!/usr/bin/env bash
# A helpdesk outage under a burst, then the helpdesk back: the Zendesk stand-in answers 503 (Retry-After: 5) while
# wrk posts signed X dm.received webhooks until [messages] are acknowledged (default 100000); then the stand-in is up
# again and the script waits until every acknowledged DM has reached it. It reports the acknowledgement rate during
# the outage, the drain rate after it, lost (acknowledged but never delivered) and duplicated DMs (delivered twice,
# by their id), the hub's maximum RSS and the stand-in's refused calls.
# Usage: bench/backlog.sh [messages] [connections]; the settings of bench/hub.sh (BENCH_CUSTOMERS, BENCH_TREE, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-100000}
CONNECTIONS=${2:-16}
# shellcheck source=bench/hub.sh
source bench/hub.sh

echo "== $(nproc) cores, $(java -version 2>&1 | head -1), hub of commit $(git -C "$TREE" rev-parse --short HEAD)," \
  "healthy $STARTUP_MS ms after java -jar; $BENCH_CUSTOMERS customers; the helpdesk down until $MESSAGES are in"
curl -s -X POST "$STANDIN/down" >/dev/null
ACKED=0
T0=$(date +%s%3N)
while [ "$ACKED" -lt "$MESSAGES" ]; do
  wrk -t2 -c"$CONNECTIONS" -d10s -s bench/x-dm-received.lua "$URL" >"$WORK/wrk.txt"
  ACKED=$((ACKED + $(acknowledged "$WORK/wrk.txt")))
  echo "   $ACKED acknowledged, RSS $(rss_mb) MB"
done
T1=$(date +%s%3N)
echo "== acknowledged with the helpdesk down: $ACKED in $((T1 - T0)) ms = $((ACKED * 1000 / (T1 - T0)))/s;" \
  "the stand-in refused $(stat refused) calls"
curl -s -X POST "$STANDIN/up" >/dev/null
drain "$ACKED" unique
T2=$(stat last_ms)
UNIQUE=$(stat unique)
echo "== drained: $UNIQUE DMs delivered $((T2 - T1)) ms after the helpdesk came back = $((UNIQUE * 1000 / (T2 - T1)))/s;" \
  "lost $((ACKED > UNIQUE ? ACKED - UNIQUE : 0)), duplicated $(stat duplicates); RSS max $(sort -n "$WORK/rss.txt" | tail -1) MB"
