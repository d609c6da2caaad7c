# Sourced by the benchmarks: starts the counting Zendesk stand-in and the packaged hub on its embedded defaults
# (pointed at it), waits until both answer, and defines what the benchmarks read: stat <key> of the stand-in, the
# hub's cpu_ticks and rss_mb, measured_load <duration> <connections>, acknowledged <wrk output>, drain <count> [key]. The hub's RSS is sampled each second
# into $WORK/rss.txt. Everything started is stopped on exit, and $WORK removed unless BENCH_KEEP=1.
PORT=${BENCH_PORT:-18080}
STANDIN_PORT=${BENCH_STANDIN_PORT:-18081}
export BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-64} BENCH_X_SECRET=bench-consumer-secret BENCH_X_ACCOUNT=4337869213

# another benchmark's hub on the port would answer for this one, and both would measure each other
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" || curl -s -o /dev/null "http://127.0.0.1:$STANDIN_PORT/"; then
  echo "port $PORT or $STANDIN_PORT is in use: another benchmark still running?" >&2
  exit 1
fi
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
# the hub runs in its own tree: the jar, and the routes/ and config/ it reads from its working directory
TREE=$(cd "${BENCH_TREE:-.}" && pwd)
[ -f "$TREE/target/bluebird.jar" ] || (cd "$TREE" && mvn -q -B -DskipTests package)
# BENCH_CDS=1: the extracted jar with its class-data archive (scripts/cds.sh), as README's faster start runs it
JAR=(-jar target/bluebird.jar)
if [ "${BENCH_CDS:-0}" = 1 ]; then
  [ "$TREE/target/cds/bluebird.jsa" -nt "$TREE/target/bluebird.jar" ] || (cd "$TREE" && scripts/cds.sh >/dev/null)
  JAR=(-XX:SharedArchiveFile=target/cds/bluebird.jsa -jar target/cds/bluebird.jar)
fi

# the H2 settings of the tree's own configuration, in a database of the run's own
H2_SETTINGS=$(sed -n 's/^ *url: jdbc:h2:file:[^;]*//p' "$TREE/config/application.yaml" | head -1)
WORK=$(mktemp -d /tmp/bluebird-bench.XXXXXX)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
java bench/ZendeskStandIn.java "$STANDIN_PORT" >"$WORK/standin.log" 2>&1 &
PIDS+=($!)
STANDIN="http://127.0.0.1:$STANDIN_PORT"
# the stand-in compiles itself first: let it finish, so that it does not count in the hub's start-up
until curl -sf "$STANDIN/stats" >/dev/null; do sleep 0.2; done

# the stand-in keeps no rate limit: requests-per-minute=0 and updates-per-minute=0 below, so that the hub's own pace is what is measured
JFR=()
[ "${BENCH_JFR:-0}" = 1 ] && JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR_FILE:-/tmp/bluebird-bench.jfr},settings=profile")
START=$(date +%s%N)
# shellcheck disable=SC2086
X_CONSUMER_SECRET=$BENCH_X_SECRET X_ACCOUNT_ID=$BENCH_X_ACCOUNT ZENDESK_BASE_URL=$STANDIN \
ZENDESK_CLIENT_ID=bench ZENDESK_CLIENT_SECRET=bench-client-secret BLUEBIRD_API_TOKEN=bench-token \
  bash -c 'cd "$0" && exec "$@"' "$TREE" \
  java ${BENCH_JAVA_OPTS:--Xmx1g} "${JFR[@]}" "${JAR[@]}" --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/db$H2_SETTINGS${BENCH_DB_OPTS:-}" \
  --spring.artemis.embedded.data-directory="$WORK/artemis" --bluebird.broker.listen= \
  --bluebird.routing.default-helpdesk=zendesk --bluebird.survey.enabled=false \
  --bluebird.helpdesks.zendesk.requests-per-minute=0 --bluebird.helpdesks.zendesk.updates-per-minute=0 \
  --logging.level.io.bluebird=WARN ${BENCH_HUB_ARGS:-} >"$WORK/hub.log" 2>&1 &
HUB=$!
PIDS+=($HUB)
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $HUB 2>/dev/null || { cat "$WORK/hub.log"; exit 1; }
  sleep 0.1
done
STARTUP_MS=$(( ($(date +%s%N) - START) / 1000000 ))

stat() { curl -s "$STANDIN/stats" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$HUB/stat"; }
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$HUB/status"; }
# the hub's CPU ticks per part, from its threads' names: "<part> <ticks>" lines, to subtract two of them by cpu_parts
thread_ticks() {
  for t in /proc/$HUB/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' <"$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null | awk '
    { n = $1; part = "other" }
    n ~ /JmsConsumer|^Camel/ { part = "camel stages (process, delivery)" }
    n ~ /^http-nio|^task-/ { part = "HTTP (Tomcat, platform-http)" }
    n ~ /ActiveMQ|activemq|Thread-[0-9]+_\(/ { part = "broker (embedded Artemis)" }
    n ~ /HttpClient/ { part = "HTTP client (helpdesk calls)" }
    n ~ /^C[12]_Compiler|Sweeper/ { part = "JIT compilers" }
    n ~ /^GC_|^G1_|^VM_Thread/ { part = "GC and VM" }
    { ticks[part] += $2 }
    END { for (p in ticks) print p "\t" ticks[p] }'
}
# the share of each part between two thread_ticks files
cpu_parts() {
  awk -F'\t' 'NR == FNR { before[$1] = $2; next } { d[$1] = $2 - before[$1]; total += d[$1] }
    END { for (p in d) if (total > 0) printf "%s %.0f%%, ", p, 100 * d[p] / total; print "" }' "$1" "$2" \
    | sed 's/, $//'
}
URL="http://127.0.0.1:$PORT/webhooks/x"
# one measured window: wrk's signed X DMs for $1 at $2 connections (its output in $WORK/wrk.txt), with the time (T0, T1,
# ms), the hub's CPU ticks (C0, C1) and its threads' ticks ($WORK/threads0.txt, threads1.txt) on either side
measured_load() {
  T0=$(date +%s%3N)
  C0=$(cpu_ticks)
  thread_ticks >"$WORK/threads0.txt"
  wrk -t2 -c"$2" -d"$1" --latency -s bench/x-dm-received.lua "$URL" >"$WORK/wrk.txt"
  T1=$(date +%s%3N)
  C1=$(cpu_ticks)
  thread_ticks >"$WORK/threads1.txt"
}
acknowledged() { awk '/requests in/ {n = $1} /Non-2xx/ {e = $NF} END {print n - e}' "$1"; }
# waits until the stand-in's figure $2 (messages unless given) is at least $1 and stays put for 2 s (wrk does not
# count the requests still open when it stops, but the hub may have taken them); gives up after 60 s without progress
drain() {
  local key=${2:-messages} before=-1 still=0
  while [ "$(stat "$key")" -lt "$1" ] || [ $still -lt 4 ]; do
    sleep 0.5
    if [ "$(stat "$key")" = "$before" ]; then still=$((still + 1)); else still=0; fi
    [ $still -lt 120 ] || { echo "!! stand-in stuck at $(stat "$key") of $1 $key"; break; }
    before=$(stat "$key")
  done
}
( while kill -0 $HUB 2>/dev/null; do rss_mb; sleep 1; done ) >"$WORK/rss.txt" &
PIDS+=($!)
