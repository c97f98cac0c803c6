#!/bin/sh
# Trains the AOT cache (JEP 483/514/515) of a packaged service: runs APP_DIR/quarkus-run.jar with
# -XX:AOTCacheOutput on a fresh database with the example data, drives it through the API with
# ops/aot/workload.sh, stops it with SIGTERM as an orchestrator would, and lets the JVM write
# APP_DIR/app.aot as it exits. Then records the fingerprint of the build it was trained on
# (APP_DIR/app.aot.build), which ops/aot/start.sh checks before it uses the cache.
#
#   ops/aot/train.sh target/quarkus-app
#   ops/aot/start.sh target/quarkus-app            # runs the service with the cache
#
# The JVM that trains must be the one that runs the cache (same release and build, same GC and heap
# options): JAVA_TOOL_OPTIONS is honoured by both. The H2 build trains on an H2 database of its own
# in a temporary directory; the PostgreSQL build on the database of QUARKUS_DATASOURCE_JDBC_URL,
# which must be a throwaway one (the example data is loaded into it). POSIX sh, so the Dockerfile's
# Alpine training stage runs it as it is.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 QUARKUS_APP_DIR" >&2; exit 2; }
app=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../java-home.sh"
[ -f "$app/quarkus-run.jar" ] || { echo "aot: no $app/quarkus-run.jar; package the service first" >&2; exit 2; }

port=${AOT_TRAIN_PORT:-18299}
rounds=${AOT_TRAIN_ROUNDS:-20}
key="aot-train-$$-$(date +%s)"
hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
work=$(mktemp -d)
pid=""
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

rm -f "$app/app.aot" "$app/app.aot.build"
echo "aot: training $app/app.aot with $(java -version 2>&1 | head -1)"
started=$(date +%s)
(cd "$work" && exec java -XX:AOTCacheOutput="$app/app.aot" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
  -Ddirectory.example-data=true -Ddirectory.security.curator-key-hashes="$hash" -Ddirectory.rate-limit.enabled=false \
  -Dquarkus.http.access-log.enabled=false -Dquarkus.shutdown.delay=0s -jar "$app/quarkus-run.jar") > "$work/service.log" 2>&1 &
pid=$!

deadline=$(( $(date +%s) + 180 ))
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
    echo "aot: the training service did not become ready:" >&2; tail -40 "$work/service.log" >&2; exit 1
  fi
  sleep 0.2
done

if ! sh "$here/workload.sh" "http://127.0.0.1:$port" "$key" "$rounds"; then
  tail -40 "$work/service.log" >&2; exit 1
fi

# SIGTERM: a normal JVM exit, at which the JVM assembles the cache (in a child JVM of its own).
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
if [ ! -s "$app/app.aot" ]; then
  echo "aot: the JVM wrote no cache (exit status $status):" >&2; tail -40 "$work/service.log" >&2; exit 1
fi
sh "$here/fingerprint.sh" "$app" > "$app/app.aot.build"
echo "aot: $app/app.aot, $(( $(wc -c < "$app/app.aot") / 1048576 )) MiB, trained in $(( $(date +%s) - started )) s"
