#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary directory, on a loopback port,
# removed again by postgres_stop. Source this file, then call postgres_start; it exports
# PETREL_TEST_POSTGRESQL_URL, which the PostgreSQL store tests read.

PETREL_PG_PORT="${PETREL_PG_PORT:-23432}"
PETREL_PG_DIR=""

postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres: no PostgreSQL server binaries under /usr/lib/postgresql (scripts/install-test-deps.sh installs them)" >&2
    return 1
  fi
  echo "$dir"
}

# Runs a command as the unprivileged postgres user when we are root: the server refuses to run as root.
postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_start() {
  local bin
  bin="$(postgres_bin)" || return 1
  PETREL_PG_DIR="$(mktemp -d /tmp/petrel-pg.XXXXXX)"
  chmod 755 "$PETREL_PG_DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$PETREL_PG_DIR"
  postgres_as_owner "$bin/initdb" -D "$PETREL_PG_DIR/data" -U petrel -A trust --no-sync -E UTF8 >"$PETREL_PG_DIR/initdb.log" 2>&1 \
    || { cat "$PETREL_PG_DIR/initdb.log" >&2; return 1; }
  postgres_as_owner "$bin/pg_ctl" -D "$PETREL_PG_DIR/data" -l "$PETREL_PG_DIR/server.log" -w -t 60 \
    -o "-p $PETREL_PG_PORT -k $PETREL_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$PETREL_PG_DIR/server.log" >&2; return 1; }
  postgres_as_owner "$bin/psql" -q -h 127.0.0.1 -p "$PETREL_PG_PORT" -U petrel -d postgres \
    -c "CREATE DATABASE petrel_test" >/dev/null
  export PETREL_TEST_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$PETREL_PG_PORT/petrel_test?user=petrel"
  echo "postgres: test server on 127.0.0.1:$PETREL_PG_PORT ($("$bin/postgres" --version))"
}

postgres_stop() {
  [ -n "$PETREL_PG_DIR" ] || return 0
  local bin
  bin="$(postgres_bin)" || return 0
  postgres_as_owner "$bin/pg_ctl" -D "$PETREL_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PETREL_PG_DIR"
  PETREL_PG_DIR=""
}
