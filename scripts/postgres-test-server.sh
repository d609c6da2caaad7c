#!/usr/bin/env bash
# A throwaway PostgreSQL (Debian's server packages) for the tests that run the hub on PostgreSQL.
#   scripts/postgres-test-server.sh start    installs the server with apt-get if missing, creates a cluster with
#                                            database and user bluebird, starts it on a free loopback port (the same
#                                            port again after a stop, so that a running hub reconnects) and prints the
#                                            JDBC URL (also written to target/postgres/url)
#   scripts/postgres-test-server.sh stop     stops it (fast shutdown: open connections are cut, as in an outage); its
#                                            data stays, so a start brings back what was committed
#   scripts/postgres-test-server.sh fresh    stops it, drops the cluster and starts an empty one
#   scripts/postgres-test-server.sh status   exit 0 and the URL while it accepts connections, exit 3 otherwise
# Clients connect with user bluebird, password bluebird. The cluster is owned by the postgres user (PostgreSQL refuses
# to run as root) and lives under /tmp, one per checkout: the postgres user may not be allowed into the checkout
# (a clone under /root, say).
set -euo pipefail
cd "$(dirname "$0")/.."
SELF=$(pwd)/scripts/postgres-test-server.sh
STATE=/tmp/bluebird-postgres-$(pwd | cksum | cut -d' ' -f1)
DATA=$STATE/data
mkdir -p "$STATE" target/postgres

bin_dir() {
  # the newest installed major version; nothing (and no failure) before the install
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

install_postgres() {
  local bin
  bin=$(bin_dir)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ] || [ ! -x "$bin/initdb" ]; then
    echo "Installing PostgreSQL from Debian's packages (about 40 MB)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends postgresql >&2
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

# runs a command as the postgres user (from root), or as oneself otherwise
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

create_cluster() {
  local bin=$1
  rm -rf "$DATA" "$STATE/database"
  mkdir -p "$DATA"
  echo bluebird >"$STATE/pwfile"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres: "$STATE"
  fi
  # the superuser is bluebird itself: a test database, no other role needed
  as_postgres "$bin/initdb" -D "$DATA" -U bluebird --pwfile="$STATE/pwfile" -A scram-sha-256 -E UTF8 --no-locale \
    >"$STATE/initdb.log" 2>&1
  rm -f "$STATE/pwfile"
  free_port >"$STATE/port"
  # loopback only; the socket in the data directory, not /var/run/postgresql (which may not exist)
  cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $(cat "$STATE/port")
unix_socket_directories = '$DATA'
fsync = on
max_connections = 200
EOF
  echo "$(date -u +%FT%TZ) cluster created" >"$STATE/created"
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$(cat "$STATE/port")/bluebird"
}

accepting() {
  local bin=$1
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$STATE/port" 2>/dev/null || echo 0)" -d bluebird -U bluebird
}

BIN=""
case "${1:-}" in
  start)
    install_postgres
    BIN=$(bin_dir)
    if [ -f "$STATE/created" ] && accepting "$BIN"; then
      url | tee target/postgres/url
      exit 0
    fi
    [ -f "$STATE/created" ] && [ -f "$DATA/PG_VERSION" ] || create_cluster "$BIN"
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null
    for _ in $(seq 1 120); do
      if accepting "$BIN"; then
        if [ ! -f "$STATE/database" ]; then
          PGPASSWORD=bluebird "$BIN/psql" -q -h 127.0.0.1 -p "$(cat "$STATE/port")" -U bluebird -d postgres \
            -c "create database bluebird" >/dev/null
          touch "$STATE/database"
        fi
        url | tee target/postgres/url
        exit 0
      fi
      sleep 0.5
    done
    echo "PostgreSQL did not accept connections on $(url) within 60 s; see $DATA/server.log" >&2
    exit 1
    ;;
  stop)
    BIN=$(bin_dir)
    if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
      as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -f target/postgres/url
    ;;
  fresh)
    "$SELF" stop
    rm -rf "$STATE"
    exec "$SELF" start
    ;;
  status)
    BIN=$(bin_dir)
    if [ -n "$BIN" ] && [ -f "$STATE/created" ] && accepting "$BIN"; then
      url
      exit 0
    fi
    echo "not running" >&2
    exit 3
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
