#!/usr/bin/env bash
# Installs the real clients and servers the tests run against, if they are missing: Debian's mosquitto and
# nginx, and the Node packages (mqtt.js) from petrel-it's committed lock file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v mosquitto_sub >/dev/null 2>&1 || need+=(mosquitto-clients)
command -v mosquitto >/dev/null 2>&1 || need+=(mosquitto)
# nginx is started by the tests themselves (NginxWebSocketIT), on a free loopback port with its own config.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# The PostgreSQL store tests start a throwaway server from these binaries (scripts/lib/postgres.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ "${#need[@]}" -gt 0 ]; then
  echo "test: installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

"$ROOT/scripts/install-node-packages.sh"
