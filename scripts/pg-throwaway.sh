#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server for the database tests and prints its DATABASE_URL.
# Usage: eval "$(scripts/pg-throwaway.sh start)"; …; scripts/pg-throwaway.sh stop
# PostgreSQL refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${HEADWAY_PG_PORT:-55432}
STATE=${TMPDIR:-/tmp}/headway-pg-$PORT

run_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$PGBIN/initdb" ]; then
      echo "echo 'PostgreSQL 15 binaries not found in $PGBIN (apt-get install -y postgresql)' >&2"
      exit 1
    fi
    rm -rf "$STATE"; mkdir -p "$STATE"; chmod 755 "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres: "$STATE"
    run_pg "$PGBIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
    run_pg "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE -c max_connections=300" start >/dev/null
    "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc 'create database headway_test' >/dev/null
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/headway_test"
    ;;
  stop)
    [ -d "$STATE/data" ] && run_pg "$PGBIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null || true
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
