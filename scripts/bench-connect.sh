#!/usr/bin/env bash
# Connect rate: anonymous, password and org-token logins against Petrel, and anonymous and password logins
# against Mosquitto with the same password file, in one run on this machine. Results go to stdout.
# Usage: scripts/bench-connect.sh [connects per mode] [concurrency]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
find_java
CONNECTS="${1:-2000}"
CONCURRENCY="${2:-32}"
# Mosquitto listens on fixed loopback ports of the benchmark range.
MQ_ANON=24883
MQ_PASS=24884

WORK="$(mktemp -d)"
trap 'kill "$MQ_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mosquitto_passwd -c -b "$WORK/passwd" bench bench-password
cat > "$WORK/mosquitto.conf" <<CONF
per_listener_settings true
listener $MQ_ANON 127.0.0.1
allow_anonymous true
listener $MQ_PASS 127.0.0.1
allow_anonymous false
password_file $WORK/passwd
max_connections -1
CONF
# Started as root, Mosquitto drops to its own user, which must be able to read the password file.
chmod 0755 "$WORK"
chmod 0644 "$WORK/passwd"
mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
MQ_PID=$!
for _ in $(seq 1 50); do
  (echo > "/dev/tcp/127.0.0.1/$MQ_PASS") 2>/dev/null && break
  kill -0 "$MQ_PID" 2>/dev/null || { cat "$WORK/mosquitto.log" >&2; exit 1; }
  sleep 0.1
done

cd "$ROOT"
# In one reactor, so that Petrel's own modules resolve to their fresh classes and never to an installed jar.
mvn -B -ntp -q test-compile dependency:build-classpath -pl petrel-it -am -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="petrel-it/target/test-classes:petrel-testkit/target/classes:petrel-server/target/classes:petrel-security/target/classes"
CP="$CP:petrel-mqtt/target/classes:petrel-engine/target/classes:petrel-api/target/classes:$(cat "$WORK/cp.txt")"
"$JAVA" -cp "$CP" io.petrel.it.bench.ConnectRateBench "$CONNECTS" "$CONCURRENCY" "$MQ_ANON" "$MQ_PASS" "$WORK/passwd"
