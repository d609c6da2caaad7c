#!/usr/bin/env bash
# A standalone ActiveMQ Artemis 2.40.0 (the embedded broker's version) for the tests that run the hub in
# spring.artemis.mode=native, from the apache-artemis distribution on Maven Central.
#   scripts/artemis-test-server.sh start   installs it under target/tools if missing, creates a broker instance under
#                                          target/artemis with the address settings and queues the README asks of an
#                                          external broker, starts it on a free loopback port (the same port again
#                                          after a stop, so that a running hub reconnects), prints the URL (also
#                                          written to target/artemis/url)
#   scripts/artemis-test-server.sh stop    stops it; its journal stays, so a start brings back what was queued
# Clients connect with user bluebird, password bluebird. Remove target/artemis (stopped) for an empty broker.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=2.40.0
TOOLS=target/tools
HOME_DIR=$TOOLS/apache-artemis-$VERSION
STATE=target/artemis
INSTANCE=$STATE/broker
mkdir -p "$STATE"

install_artemis() {
  if [ ! -x "$HOME_DIR/bin/artemis" ]; then
    echo "Installing apache-artemis $VERSION from Maven Central (about 70 MB)..." >&2
    mkdir -p "$TOOLS"
    mvn -q -B dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin \
      -DoutputDirectory="$TOOLS" >&2
    # unpacked beside, then moved: whole or not at all
    rm -rf "$TOOLS/unpack" && mkdir "$TOOLS/unpack"
    tar xzf "$TOOLS/apache-artemis-$VERSION-bin.tar.gz" -C "$TOOLS/unpack"
    mv "$TOOLS/unpack/apache-artemis-$VERSION" "$HOME_DIR"
    rm -rf "$TOOLS/unpack" "$TOOLS/apache-artemis-$VERSION-bin.tar.gz"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

create_instance() {
  local port
  port=$(free_port)
  # --nio: libaio is often missing (the embedded broker uses NIO too); one CORE acceptor on loopback, no web console
  "$HOME_DIR/bin/artemis" create --silent --force --user bluebird --password bluebird --allow-anonymous \
    --host 127.0.0.1 --default-port "$port" --nio --autocreate --java-memory 512M --no-web \
    --no-amqp-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor \
    --queues bluebird.inbound:anycast,bluebird.dead-letters:anycast "$INSTANCE" >"$STATE/create.log"
  # The rules io.bluebird.broker.BrokerConfiguration gives the embedded broker. The other queues the hub uses
  # (bluebird.tickets.<helpdesk>, bluebird.outbound.<channel>, bluebird.helpdesk.*) are created on first use.
  sed -i 's|^\( *\)<address-settings>|&\
\1   <address-setting match="bluebird.#">\
\1      <dead-letter-address>bluebird.dead-letters</dead-letter-address>\
\1      <max-delivery-attempts>10</max-delivery-attempts>\
\1      <redelivery-delay>1000</redelivery-delay>\
\1      <redelivery-delay-multiplier>2</redelivery-delay-multiplier>\
\1      <max-redelivery-delay>60000</max-redelivery-delay>\
\1      <auto-create-queues>true</auto-create-queues>\
\1      <auto-create-addresses>true</auto-create-addresses>\
\1   </address-setting>|' "$INSTANCE/etc/broker.xml"
  grep -q 'match="bluebird.#"' "$INSTANCE/etc/broker.xml"
  echo "$port" >"$STATE/port"
}

running() {
  [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null
}

case "${1:-}" in
  start)
    if running; then
      cat "$STATE/url"
      exit 0
    fi
    install_artemis
    [ -f "$INSTANCE/etc/broker.xml" ] && [ -f "$STATE/port" ] || create_instance
    URL="tcp://127.0.0.1:$(cat "$STATE/port")"
    setsid "$INSTANCE/bin/artemis" run >>"$STATE/broker.log" 2>&1 </dev/null &
    echo $! >"$STATE/pid"
    for _ in $(seq 1 120); do
      # the acceptor opens once the broker is active
      if running && (exec 3<>"/dev/tcp/127.0.0.1/$(cat "$STATE/port")") 2>/dev/null; then
        echo "$URL" >"$STATE/url"
        echo "$URL"
        exit 0
      fi
      running || break
      sleep 0.5
    done
    echo "Artemis did not listen on $URL within 60 s; see $STATE/broker.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$STATE/pid" ]; then
      PID=$(cat "$STATE/pid")
      kill -- -"$PID" 2>/dev/null || kill "$PID" 2>/dev/null || true
      # gone, so that a start right after can take the port again
      for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
      rm -f "$STATE/pid" "$STATE/url"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
