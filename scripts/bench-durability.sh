#!/usr/bin/env bash
# Broker-level durability figures for docs/benchmarks.md, in one run on this machine:
#  - QoS 1 throughput to persistent sessions: Petrel durable (SQLite, fsync on and off), Petrel memory, and
#    Mosquitto with persistence on, all driven by the same load tool (io.petrel.it.bench.PersistentQos1Load);
#  - restart time and heap of a server whose store holds 1M retained messages, 100k sessions, or 10k offline
#    sessions with 1,000 queued messages each (the databases scripts/bench-store.sh leaves in its directory).
# Usage: scripts/bench-durability.sh [STORE_BENCH_DIR [all|throughput|restart]]. Servers listen on
# 127.0.0.1:23890 only. The combined restart (1M retained and 100k sessions in one store) needs sqlite3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
find_java
STORE_DIR="${1:-}"
PARTS="${2:-all}"
OUT="$(mktemp -d /tmp/petrel-durability.XXXXXX)"
PORT=23890
PID=""
cd "$ROOT"

mvn -B -ntp -q package -DskipTests -pl petrel-cli -am
mvn -B -ntp -q test-compile dependency:build-classpath -pl petrel-it -am -Dmdep.outputFile="$OUT/cp.txt" \
  -Dmdep.includeScope=test
CP="petrel-it/target/test-classes:$(cat "$OUT/cp.txt")"

stop_server() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
  fi
}
trap stop_server EXIT

# Starts Petrel on a data directory and waits (at most 10 minutes) for it to accept clients.
start_petrel() {
  local data="$1"; shift
  mkdir -p "$data"
  "$JAVA" -Xmx4g --enable-native-access=ALL-UNNAMED -jar petrel-cli/target/petrel.jar serve --data-dir "$data" \
    -p "$PORT" --set sys.interval=0 --set http.enabled=false --set listeners.tls.enabled=false \
    --set listeners.ws.enabled=false --set listeners.wss.enabled=false "$@" >"$data.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 6000); do
    grep -q "Petrel .* started" "$data.log" && return 0
    kill -0 "$PID" 2>/dev/null || { cat "$data.log"; return 1; }
    sleep 0.1
  done
  echo "bench: Petrel did not start in time" >&2
  return 1
}

load() {
  "$JAVA" -Xmx1g -cp "$CP" io.petrel.it.bench.PersistentQos1Load 127.0.0.1 "$PORT" 4 4 100 5 20
}

if [ "$PARTS" != restart ]; then
echo "== QoS 1 to persistent sessions: 4 publishers (window 100 each), 4 persistent subscribers, 64-byte payloads"
for mode in durable durable-no-fsync memory; do
  case "$mode" in
    durable) args=() ;;
    durable-no-fsync) args=(--set store.sqlite.fsync=false) ;;
    memory) args=(--set store.durability=memory) ;;
  esac
  start_petrel "$OUT/$mode" "${args[@]}"
  echo "petrel $mode: $(load)"
  stop_server
done
mkdir -p "$OUT/mosquitto"
cat >"$OUT/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
persistence true
persistence_location $OUT/mosquitto/
max_inflight_messages 100
max_queued_messages 1000
CONF
mosquitto -c "$OUT/mosquitto.conf" >"$OUT/mosquitto.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do grep -q "running" "$OUT/mosquitto.log" && break; sleep 0.1; done
echo "mosquitto $(mosquitto -h | head -n 1 | awk '{print $3}') persistence on: $(load)"
stop_server
fi

if [ -n "$STORE_DIR" ] && [ "$PARTS" != throughput ]; then
  echo "== Restart on a full store (time to accept clients, heap after a full GC)"
  if command -v sqlite3 >/dev/null && [ -f "$STORE_DIR/retained.db" ] && [ -f "$STORE_DIR/sessions.db" ]; then
    cp "$STORE_DIR/retained.db" "$OUT/combined.db"
    sqlite3 "$OUT/combined.db" "ATTACH '$STORE_DIR/sessions.db' AS s; INSERT INTO sessions SELECT * FROM s.sessions;
      INSERT INTO subscriptions SELECT * FROM s.subscriptions;"
  fi
  for db in retained sessions combined queues; do
    src="$STORE_DIR/$db.db"
    [ "$db" != combined ] || src="$OUT/combined.db"
    [ -f "$src" ] || continue
    mkdir -p "$OUT/restart-$db"
    cp "$src" "$OUT/restart-$db/petrel.db"
    started=$(date +%s%N)
    start_petrel "$OUT/restart-$db"
    ready=$(( ($(date +%s%N) - started) / 1000000 ))
    "$JAVA_HOME/bin/jcmd" "$PID" GC.run >/dev/null
    heap=$("$JAVA_HOME/bin/jcmd" "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -n 1)
    restored=$(grep -o "Restored .*" "$OUT/restart-$db.log" | head -n 1)
    echo "$db: accepting clients ${ready} ms after launch; $restored; heap $heap"
    stop_server
  done
fi
echo "bench: logs in $OUT"
