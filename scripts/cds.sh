#!/usr/bin/env bash
# A faster start for the packaged hub, the way Spring Boot's "Efficient deployments" recommends: the jar extracted
# (classes load from plain jars instead of the nested ones) and a class-data sharing archive made by one training
# run (the JVM maps the classes it would otherwise load, verify and parse on every start). Roughly halves the time
# to healthy; see bench/RESULTS.md. Java 17's dynamic archive, so no new JVM is needed.
#   scripts/cds.sh [jar]   builds target/cds/ from target/bluebird.jar (default); then, from the project root:
#   java -XX:SharedArchiveFile=target/cds/bluebird.jsa -jar target/cds/bluebird.jar
# Run it again after every build: an archive only matches the exact jars it was made from (the JVM says so and
# starts without it otherwise). The training run uses a throw-away database and broker and no channel secrets.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/bluebird.jar}
OUT=target/cds
rm -rf "$OUT"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT" >/dev/null
TRAIN=$(mktemp -d /tmp/bluebird-cds.XXXXXX)
trap 'rm -rf "$TRAIN"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# A full start (Camel builds its routes after Spring's refresh, so exiting at the refresh would miss those classes),
# then an orderly stop: the JVM writes the archive as it exits.
BLUEBIRD_API_TOKEN=training java -XX:ArchiveClassesAtExit="$OUT/bluebird.jsa" -Xlog:cds=error -jar "$OUT/bluebird.jar" \
  --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$TRAIN/db" \
  --spring.artemis.embedded.data-directory="$TRAIN/artemis" --bluebird.broker.listen= >"$TRAIN/hub.log" 2>&1 &
HUB=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $HUB 2>/dev/null || { cat "$TRAIN/hub.log" >&2; exit 1; }
  sleep 0.2
done
kill -TERM $HUB
wait $HUB || true
[ -s "$OUT/bluebird.jsa" ] || { echo "no archive written; the training run's log:" >&2; cat "$TRAIN/hub.log" >&2; exit 1; }
echo "$OUT/bluebird.jsa ($(du -m "$OUT/bluebird.jsa" | cut -f1) MB); start with:"
echo "java -XX:SharedArchiveFile=$OUT/bluebird.jsa -jar $OUT/bluebird.jar"
