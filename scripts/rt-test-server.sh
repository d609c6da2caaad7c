#!/usr/bin/env bash
# A real Request Tracker 5 for the integration tests, from Debian's packages (SQLite database, made by the package).
#   scripts/rt-test-server.sh start   installs RT if missing, starts it on a free loopback port, waits for REST2,
#                                     prints the base URL (also written to target/rt/url)
#   scripts/rt-test-server.sh stop    stops the server started by start
# REST2 then answers at <url>/REST/2.0/ with basic auth root:password (the package's default account).
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=target/rt
mkdir -p "$STATE"

install_rt() {
  if [ ! -x /usr/share/request-tracker5/libexec/rt-server ]; then
    echo "Installing Request Tracker 5 from Debian's packages (about 50 MB)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends request-tracker5 rt5-db-sqlite >&2
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "${1:-}" in
  start)
    install_rt
    if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
      cat "$STATE/url"
      exit 0
    fi
    PORT=$(free_port)
    setsid /usr/share/request-tracker5/libexec/rt-server --port "$PORT" >"$STATE/rt.log" 2>&1 &
    echo $! >"$STATE/pid"
    URL="http://127.0.0.1:$PORT"
    for _ in $(seq 1 120); do
      if curl -sf -u root:password "$URL/REST/2.0/queues/all" >/dev/null 2>&1; then
        # the custom field that holds each ticket's conversation id, once per RT database
        MARKER=/var/lib/request-tracker5/bluebird-initialdata-applied
        if [ ! -f "$MARKER" ]; then
          /usr/sbin/rt-setup-database-5 --action insert --skip-create --datafile scripts/rt-initialdata \
            >"$STATE/initialdata.log" 2>&1
          touch "$MARKER"
        fi
        # the hub's RT user and the scrip that posts agents' answers and resolved tickets to the hub
        SCRIP_MARKER=/var/lib/request-tracker5/bluebird-scrip-applied
        if [ ! -f "$SCRIP_MARKER" ]; then
          /usr/sbin/rt-setup-database-5 --action insert --skip-create --datafile scripts/rt-initialdata-scrip \
            >"$STATE/initialdata-scrip.log" 2>&1
          touch "$SCRIP_MARKER"
        fi
        echo "$URL" >"$STATE/url"
        echo "$URL"
        exit 0
      fi
      sleep 0.5
    done
    echo "Request Tracker did not answer on $URL within 60 s; see $STATE/rt.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$STATE/pid" ]; then
      PID=$(cat "$STATE/pid")
      kill -- -"$PID" 2>/dev/null || kill "$PID" 2>/dev/null || true
      rm -f "$STATE/pid" "$STATE/url"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
