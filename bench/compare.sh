#!/usr/bin/env bash
# Compares Petrel with Mosquitto on this machine: installs Mosquitto from Debian if it is missing, builds the
# petrel jar if needed, then runs `petrel bench compare`, which starts both brokers on 127.0.0.1 (Mosquitto on
# --port, default 22100, Petrel on the next port), runs the same scenarios against each and prints a Markdown
# table. Any option is passed on: bench/compare.sh --duration 5 --only fan-out
# The default run takes about four minutes. Both brokers are stopped by PID when it ends.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"
find_java

if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  echo "compare: installing mosquitto from Debian" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends mosquitto >/dev/null
fi
MOSQUITTO="$(command -v mosquitto || echo /usr/sbin/mosquitto)"

JAR="$ROOT/petrel-cli/target/petrel.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT" -path '*/src/main/*' -newer "$JAR" -print -quit)" ]; then
  echo "compare: building petrel.jar" >&2
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl petrel-cli -am package) >&2
fi

echo "compare: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# shellcheck disable=SC2086
exec "$JAVA" $PETREL_JVM_FLAGS -jar "$JAR" bench compare --mosquitto "$MOSQUITTO" "$@"
