#!/usr/bin/env bash
# Telemetry ingest through the device API: simulated MQTT 5 devices publish telemetry at a fixed rate into the
# device platform's telemetry store; prints points/s sustained, latency to storage and the loss check.
# Usage: scripts/bench-ingest.sh [devices=100] [rate=50] [keys=10] [seconds=30] [warmup=10] [store=memory]
# store is memory, sqlite or postgresql; for postgresql a throwaway server is started unless
# PETREL_TEST_POSTGRESQL_URL names one.
# JVM options come from PETREL_JAVA_OPTS, as for ./petrel; by default a fixed 2 GiB heap, so that the heap's
# growth during the run does not show as latency.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
find_java

WORK="$(mktemp -d)"
trap 'postgres_stop; rm -rf "$WORK"' EXIT
if [[ " $* " == *" store=postgresql "* ]] && [ -z "${PETREL_TEST_POSTGRESQL_URL:-}" ]; then
  postgres_start
fi
cd "$ROOT"
# In one reactor, so that Petrel's own modules resolve to their fresh classes and never to an installed jar.
mvn -B -ntp -q test-compile dependency:build-classpath -pl petrel-it -am -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="petrel-it/target/test-classes:petrel-testkit/target/classes:petrel-server/target/classes"
CP="$CP:petrel-security/target/classes:petrel-platform/target/classes:petrel-mqtt/target/classes"
CP="$CP:petrel-store/target/classes:petrel-engine/target/classes:petrel-api/target/classes:$(cat "$WORK/cp.txt")"
# Leak detection off: the test suite runs it at its strictest, which costs far more than what is measured here.
"$JAVA" $PETREL_JVM_FLAGS ${PETREL_JAVA_OPTS:--Xms2g -Xmx2g} -Dio.netty.leakDetection.level=disabled -cp "$CP" \
    io.petrel.it.bench.TelemetryIngestBench "$@"
