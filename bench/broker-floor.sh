#!/usr/bin/env bash
# The physical floor of durable queueing on this machine: a standalone Artemis 2.40.0 (the embedded broker's
# version) with the journal the hub's embedded broker gets, loaded by Artemis' own `artemis perf client` in the
# hub's pattern (persistent 1 KiB messages, one committed send per message, transacted consumers). Figures of
# bench/run.sh can be divided by the last line, `floor: <N> messages/s`.
# Usage: bench/broker-floor.sh [duration s, default 30] [warmup s, default 10]
set -euo pipefail
DURATION=${1:-30}
WARMUP=${2:-10}
VERSION=2.40.0
CACHE=${BENCH_CACHE:-$HOME/.cache/bluebird-bench}
HOME_DIR=$CACHE/apache-artemis-$VERSION

# The broker instance lives on the same disk as bench/run.sh's journal (/tmp), and goes away on exit.
WORK=$(mktemp -d /tmp/bluebird-floor.XXXXXX)
BROKER=
cleanup() {
  if [ -n "$BROKER" ]; then kill "$BROKER" 2>/dev/null || true; wait "$BROKER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Once: the distribution from Maven Central (through mvn, the way this machine reaches it), unpacked in the cache.
if [ ! -x "$HOME_DIR/bin/artemis" ]; then
  mkdir -p "$CACHE"
  mvn -q -B dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin \
    -DoutputDirectory="$CACHE" >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log"; exit 1; }
  tar xzf "$CACHE/apache-artemis-$VERSION-bin.tar.gz" -C "$WORK" # whole or not at all in the cache
  mv "$WORK/apache-artemis-$VERSION" "$CACHE/"
fi

PORT=${BENCH_BROKER_PORT:-61716}
while ss -ltnH "sport = :$PORT" | grep -q .; do PORT=$((PORT + 1)); done

# --nio: Spring Boot's ArtemisEmbeddedConfigurationFactory sets JournalType.NIO when persistent (Artemis' own
# default would be ASYNCIO). --no-autotune: the embedded broker never auto-tunes; it keeps ConfigurationImpl's
# NIO buffer timeout. One acceptor, on loopback only; no web console.
"$HOME_DIR/bin/artemis" create --user x --password x --allow-anonymous --silent --nio --no-autotune --no-web \
  --default-port "$PORT" --no-amqp-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor \
  "$WORK/broker" >"$WORK/create.log"
# The rest of ConfigurationImpl's defaults, which BrokerConfiguration (address settings and an acceptor only)
# leaves alone; `create` writes journal-pool-files 10 where the embedded default is -1 (the broker then warns
# AMQ222269, as the hub's does), and leaves the others out.
XML=$WORK/broker/etc/broker.xml
sed -i -e "s|tcp://0.0.0.0:$PORT|tcp://127.0.0.1:$PORT|" -e 's|<journal-pool-files>[^<]*<|<journal-pool-files>-1<|' \
  -e 's|\( *\)<journal-file-size>.*|&\n\1<journal-sync-transactional>true</journal-sync-transactional>\n\1<journal-sync-non-transactional>true</journal-sync-non-transactional>\n\1<journal-buffer-timeout>3333333</journal-buffer-timeout>\n\1<journal-buffer-size>501760</journal-buffer-size>\n\1<journal-max-io>1</journal-max-io>|' \
  "$XML"
echo "== journal (as the embedded broker's): $(grep -oE '<journal-(type|datasync|sync-[a-z-]+|buffer-[a-z]+|max-io|file-size|min-files|pool-files)>[^<]*' "$XML" \
  | sed 's|<journal-||; s|>|=|' | paste -sd' ')"

"$WORK/broker/bin/artemis" run >"$WORK/broker.log" 2>&1 &
BROKER=$!
for _ in $(seq 60); do grep -q AMQ221007 "$WORK/broker.log" && break; sleep 0.5; done
grep -q AMQ221007 "$WORK/broker.log" || { cat "$WORK/broker.log"; exit 1; }

# The hub's pattern: 16 producers like wrk -c16, each HTTP request being one persistent send committed alone
# (--commit-interval 1, as Camel's transacted JMS producer does, --max-pending 1), and 4 transacted consumers
# (--tx) like the process stage. --threads 16: perf client runs each thread's producers in turn and commit()
# blocks, so with fewer threads than producers the threads, not the journal, would set the rate.
echo "== $(nproc) cores; artemis perf client, ${DURATION}s after ${WARMUP}s warm-up, 1024-byte persistent messages"
"$HOME_DIR/bin/artemis" perf client --url "tcp://127.0.0.1:$PORT" --user x --password x \
  --persistent --message-size 1024 --producers 16 --consumers 4 --threads 16 --max-pending 1 \
  --commit-interval 1 --tx --duration "$DURATION" --warmup "$WARMUP" queue://bluebird.floor </dev/null >"$WORK/perf.log" 2>&1 \
  || { cat "$WORK/perf.log"; exit 1; }
sed -n '/SUMMARY/,$p' "$WORK/perf.log"
# The summary gives totals only, so the rates come from perf client's per-second samples after warm-up:
# min, median and max of one metric (completed = persistent sends acknowledged, received = consumed and committed).
rates() {
  awk -v m="$1:" '/warmup false/ {on = 1; next} /warmup true/ {on = 0} on && $2 == m {print $3}' "$WORK/perf.log" \
    | sort -n | awk '{a[NR] = $1} END { if (!NR) exit 1
        printf "%d %d %d\n", a[1], (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[NR] }'
}
read -r CMIN CMED CMAX < <(rates completed)
read -r RMIN RMED RMAX < <(rates received)
echo "--- per second after warm-up (min / median / max): completed $CMIN / $CMED / $CMAX, received $RMIN / $RMED / $RMAX"
# The floor: the median rate at which messages went through the durable queue, in and out.
echo "floor: $RMED messages/s"
