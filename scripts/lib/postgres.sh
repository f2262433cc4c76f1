#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary directory, on a loopback port,
# removed again by postgres_stop. Source this file, then call postgres_start; it exports
# PETREL_TEST_POSTGRESQL_URL, which the PostgreSQL store tests read. The port is PG_TEST_PORT if set, else
# the first of 23432-23531 on which nothing listens, so that two test runs on one machine do not collide.

PG_TEST_PORT="${PG_TEST_PORT:-}"
PG_TEST_DIR=""

postgres_free_port() {
  local port
  for port in $(seq 23432 23531); do
    # A connection that fails means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "postgres: no free port in 23432-23531" >&2
  return 1
}

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
  [ -n "$PG_TEST_PORT" ] || PG_TEST_PORT="$(postgres_free_port)" || return 1
  PG_TEST_DIR="$(mktemp -d /tmp/petrel-pg.XXXXXX)"
  chmod 755 "$PG_TEST_DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$PG_TEST_DIR"
  postgres_as_owner "$bin/initdb" -D "$PG_TEST_DIR/data" -U petrel -A trust --no-sync -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  postgres_as_owner "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  postgres_as_owner "$bin/psql" -q -h 127.0.0.1 -p "$PG_TEST_PORT" -U petrel -d postgres \
    -c "CREATE DATABASE petrel_test" >/dev/null
  export PETREL_TEST_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$PG_TEST_PORT/petrel_test?user=petrel"
  echo "postgres: test server on 127.0.0.1:$PG_TEST_PORT ($("$bin/postgres" --version))"
}

postgres_stop() {
  [ -n "$PG_TEST_DIR" ] || return 0
  local bin
  bin="$(postgres_bin)" || return 0
  postgres_as_owner "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}
