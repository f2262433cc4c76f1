#!/usr/bin/env bash
# Installs the Node packages the integration tests run (mqtt.js) from the committed package-lock.json. The lock
# file records no download addresses; npm takes each package from the configured registry.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/petrel-it/src/test/node"

echo "test: installing Node packages in petrel-it/src/test/node"
(cd "$NODE_DIR" && npm ci --no-audit --no-fund --omit-lockfile-registry-resolved >/dev/null)
