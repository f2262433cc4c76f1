#!/usr/bin/env bash
# Runs Petrel's whole test suite on a fresh machine: installs what the tests need (Debian packages, Node
# packages), then builds and runs every test with Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
find_java
echo "test: using $JAVA ($("$JAVA" -version 2>&1 | head -n 1))"

"$ROOT/scripts/install-test-deps.sh"

cd "$ROOT"
mvn -B -ntp verify "$@"
