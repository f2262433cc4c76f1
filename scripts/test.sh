#!/usr/bin/env bash
# Runs Petrel's whole test suite on a fresh machine: installs what the tests need (Debian packages, Node
# packages), starts a throwaway PostgreSQL server for the store tests, then builds and runs every test with
# Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
find_java
echo "test: using $JAVA ($("$JAVA" -version 2>&1 | head -n 1))"

"$ROOT/scripts/install-test-deps.sh"

trap postgres_stop EXIT
postgres_start
# The PostgreSQL tests fail rather than skip when this is set and the server is missing.
export PETREL_TEST_POSTGRESQL_REQUIRED=true

cd "$ROOT"
mvn -B -ntp verify "$@"
