# Finds a JDK of version 21 or later: $JAVA_HOME first, then java on the PATH, then /usr/lib/jvm/*.
# Sourced by ./petrel and the scripts; sets JAVA_HOME, JAVA and PETREL_JVM_FLAGS.

java_major() {
  "$1" -version 2>&1 | head -n 1 | sed -E 's/.*version "([0-9]+)(\.[^"]*)?".*/\1/'
}

find_java() {
  local candidate major best="" best_major=0
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge 21 ]; then
      if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME/bin/java" ]; then
        best="$candidate"; best_major="$major"; break
      fi
      if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "petrel: no JDK 21 or later found (looked at \$JAVA_HOME, the PATH and /usr/lib/jvm)." >&2
    echo "petrel: install one, for example: apt-get install openjdk-21-jdk-headless" >&2
    return 1
  fi
  JAVA="$best"
  JAVA_HOME="$(cd "$(dirname "$best")/.." && pwd)"
  export JAVA_HOME
  PETREL_JVM_FLAGS="--enable-native-access=ALL-UNNAMED"
  if [ "$best_major" -ge 24 ]; then
    # Netty still reaches for sun.misc.Unsafe; JDK 24+ warns about it unless told otherwise.
    PETREL_JVM_FLAGS="$PETREL_JVM_FLAGS --sun-misc-unsafe-memory-access=allow"
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
