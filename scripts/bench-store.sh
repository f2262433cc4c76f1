#!/usr/bin/env bash
# Store benchmarks for docs/benchmarks.md: group-commit write throughput (SQLite with and without fsync, and
# PostgreSQL on a throwaway local server), startup with 1M retained messages and 100k sessions, and 10k offline
# sessions x 1,000 queued messages. Usage: scripts/bench-store.sh [DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
find_java
DIR="${1:-$(mktemp -d /tmp/petrel-bench.XXXXXX)}"
cd "$ROOT"
# In one reactor run, so that the Petrel modules resolve to their target/classes.
mvn -B -ntp -q test-compile dependency:build-classpath -pl petrel-server -am -Dmdep.outputFile="$DIR/cp.txt" \
  -Dmdep.includeScope=test
CP="petrel-server/target/test-classes:petrel-server/target/classes:$(cat "$DIR/cp.txt")"
run() { "$JAVA" -Xmx4g -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" io.petrel.server.bench.StoreBenchmark "$DIR" "$@"; }
run writes 200000
trap postgres_stop EXIT
postgres_start
run writes 200000 "$PETREL_TEST_POSTGRESQL_URL"
postgres_stop
run retained 1000000
run sessions 100000
run queues 10000
echo "bench: data in $DIR"
