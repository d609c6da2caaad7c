#!/usr/bin/env bash
# Start-up to healthy, measured from outside: the packaged hub on its embedded defaults with a fresh data directory,
# started as `java -jar target/bluebird.jar` and with the class-data archive of scripts/cds.sh, in turn, round after
# round (a shared machine's speed drifts); prints each start and the medians.
# Usage: bench/startup.sh [rounds] (5); BENCH_JAVA_OPTS are the JVM options of both (-Xmx256m).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
[ -f target/bluebird.jar ] || mvn -q -B -DskipTests package
[ target/cds/bluebird.jsa -nt target/bluebird.jar ] || scripts/cds.sh >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
WORK=$(mktemp -d /tmp/bluebird-startup.XXXXXX)
# the H2 settings of config/application.yaml, in a database of the run's own
H2_SETTINGS=$(sed -n 's/^ *url: jdbc:h2:file:[^;]*//p' config/application.yaml | head -1)
trap 'rm -rf "$WORK"' EXIT

# milliseconds from the exec of java to the first 200 of /actuator/health
start() {
  rm -rf "$WORK/data"
  local t0 hub
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  BLUEBIRD_API_TOKEN=startup java ${BENCH_JAVA_OPTS:--Xmx256m} "$@" --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$WORK/data/db$H2_SETTINGS" \
    --spring.artemis.embedded.data-directory="$WORK/data/artemis" --bluebird.broker.listen= >"$WORK/hub.log" 2>&1 &
  hub=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $hub 2>/dev/null || { cat "$WORK/hub.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill $hub
  wait $hub 2>/dev/null || true
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for round in $(seq "$ROUNDS"); do
  plain=$(start -jar target/bluebird.jar)
  cds=$(start -XX:SharedArchiveFile=target/cds/bluebird.jsa -jar target/cds/bluebird.jar)
  echo "round $round: java -jar $plain ms, with the class-data archive $cds ms"
  echo "$plain" >>"$WORK/plain"
  echo "$cds" >>"$WORK/cds"
done
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD), $ROUNDS rounds:" \
  "java -jar $(median <"$WORK/plain") ms, with the class-data archive $(median <"$WORK/cds") ms (medians)"
