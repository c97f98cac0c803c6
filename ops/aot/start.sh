#!/bin/sh
# Starts the packaged service with its AOT cache when the cache was trained on this very build and
# JVM (ops/aot/train.sh wrote its fingerprint next to it), and without it otherwise, saying so in one
# line. A missing, stale or foreign cache never stops the service: it only starts slower.
#
#   ops/aot/start.sh QUARKUS_APP_DIR [JVM options and -D properties...]
#
# The production image's entry point. The JVM options of the training run must be those of this run
# (JAVA_TOOL_OPTIONS applies to both); the JVM itself refuses a cache whose GC or heap layout differ.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 QUARKUS_APP_DIR [JVM options...]" >&2; exit 2; }
app=$(cd "$1" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
# A JDK or JRE 25: JAVA_HOME when it is one, else the java on PATH or under /usr/lib/jvm.
. "$here/../java-home.sh"

cache="$app/app.aot"
if [ ! -f "$cache" ]; then
  echo "AOT cache $cache not found: starting without it (ops/aot/train.sh makes one)" >&2
elif [ "$(cat "$app/app.aot.build" 2>/dev/null)" != "$(sh "$here/fingerprint.sh" "$app")" ]; then
  echo "AOT cache $cache was trained on another build or JVM: starting without it (ops/aot/train.sh makes a new one)" >&2
else
  set -- -XX:AOTCache="$cache" "$@"
fi
exec java "$@" -jar "$app/quarkus-run.jar"
