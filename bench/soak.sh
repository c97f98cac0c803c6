#!/usr/bin/env bash
# Soak run, by hand: the packaged service on a fresh H2 database, SOAK_SECONDS (default 600) of
# mixed reads and writes at SOAK_RATE requests a second (default 40), resident memory sampled
# every 10 s, then an audit of every acknowledged write. Results go to docs/RELIABILITY.md by hand.
#   ./mvnw package -DskipTests && bench/soak.sh      (SOAK_JAR=path/to/quarkus-run.jar to soak another build)
# SOAK_JAVA_OPTS adds JVM options; with -XX:NativeMemoryTracking=summary the run ends with the JVM's own
# account of its memory (heap, metaspace, code cache, threads, malloc), to tell settling from a leak.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
seconds=${SOAK_SECONDS:-600}
rate=${SOAK_RATE:-40}
port=${SOAK_PORT:-18090}
curator="soak-curator-$RANDOM$RANDOM"
partner="soak-partner-$RANDOM$RANDOM"
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
work=$(mktemp -d)
jar="${SOAK_JAR:-$PWD/target/quarkus-app/quarkus-run.jar}"
# shellcheck disable=SC2086 # the JVM options are words
(cd "$work" && exec java -Xmx256m ${SOAK_JAVA_OPTS:-} -Dquarkus.http.port="$port" \
  -Ddirectory.security.curator-key-hashes="$(hash "$curator")" \
  -Ddirectory.security.partner-key-hashes="$(hash "$partner")" \
  -Ddirectory.rate-limit.partner-per-minute=1000000 -Ddirectory.rate-limit.curator-per-minute=1000000 \
  -Dquarkus.http.access-log.enabled=false -jar "$jar" > "$work/service.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do sleep 0.5; done
echo "service pid $pid ready; soaking for ${seconds}s at ${rate}/s"
( while kill -0 $pid 2>/dev/null; do echo "$(date +%s) $(ps -o rss= -p $pid | tr -d ' ')"; sleep 10; done ) > "$work/rss.txt" &
if [[ "${SOAK_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then jcmd $pid VM.native_memory baseline > /dev/null; fi
node bench/soak.mjs "http://127.0.0.1:$port" "$curator" "$partner" "$seconds" "$rate" | tee "$work/result.json"
status=${PIPESTATUS[0]}
echo "resident memory (KiB), every 10 s:"
awk '{print $2}' "$work/rss.txt" | tr '\n' ' '; echo
awk 'NR==1{first=$2} {last=$2; if ($2>max) max=$2} END {printf "first %d KiB, last %d KiB, peak %d KiB\n", first, last, max}' "$work/rss.txt"
if [[ "${SOAK_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  echo "native memory, against the baseline taken when the service was ready:"
  jcmd $pid VM.native_memory summary.diff | grep -E '^(Total|-)' | grep -v '^-  *$' || true
fi
grep -c '"level":"ERROR"' "$work/service.log" | sed 's/^/error log lines: /' || true
exit "$status"
