#!/usr/bin/env bash
# Memory of the packaged service under JVM options side by side (by hand; results in
# docs/PERFORMANCE.md): per directory size and per set of options, on PostgreSQL, the service is
# started on the loaded directory, and measured when ready (the search index built), idle and
# after BENCH_WARMUP (10) and BENCH_SECONDS (20) of cold searches (wrk -t2 -c8, bench/wrk/cold.lua):
#   - time to ready, and requests/s and p99 of the load (what an option costs in speed);
#   - resident memory: when ready, and the peak (VmHWM) after the load;
#   - the live heap after a full collection (jcmd GC.run, then GC.heap_info), the heap it needs.
# Sets of options run one after the other per size, each on the same database (the load only reads).
#
#   BENCH_SIZES="100000 1000000" bench/memory.sh
#
# Needs the loaded directories that `bench/run.sh --load-only` keeps (directory_bench_c_<size>_...),
# the PostgreSQL build in BENCH_PG_APP (/tmp/bench-pg-app), wrk. BENCH_OPTION_SETS: option sets
# separated by "|" (default: G1, Serial and Parallel, each with and without compact object headers,
# all with -Xmx256m, what the 512 MiB pod gives with MaxRAMPercentage=50).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source ops/java-home.sh

sizes=${BENCH_SIZES:-"100000 1000000"}
seconds=${BENCH_SECONDS:-20}
app=${BENCH_PG_APP:-/tmp/bench-pg-app}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
port=${BENCH_PORT:-18195}
out=${BENCH_OUT:-$(mktemp -d /tmp/bench-memory.XXXXXX)}
heap=${BENCH_HEAP:-256m}
default_sets="-XX:+UseG1GC|-XX:+UseG1GC -XX:+UseCompactObjectHeaders|-XX:+UseSerialGC|-XX:+UseSerialGC -XX:+UseCompactObjectHeaders|-XX:+UseParallelGC|-XX:+UseParallelGC -XX:+UseCompactObjectHeaders"
IFS='|' read -r -a option_sets <<< "${BENCH_OPTION_SETS:-$default_sets}"
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
export BENCH_WRK_DIR="$root/bench/wrk" BENCH_THREADS=2 BENCH_PLATFORMS=300
psql_admin() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
log() { echo "[memory $(date +%H:%M:%S)] $*" >&2; }
[ -f "$app/quarkus-run.jar" ] || { echo "bench: no $app/quarkus-run.jar" >&2; exit 2; }

pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT
failures=0

for size in $sizes; do
  template=$(psql_admin -c "select datname from pg_database where datname like 'directory\_bench\_c\_${size}\_%' order by datname limit 1")
  [ -n "$template" ] || { echo "bench: no loaded directory of $size listings; run BENCH_SIZES=$size bench/run.sh --load-only" >&2; exit 2; }
  psql_admin -c "drop database if exists directory_bench_mem with (force)"
  psql_admin -c "create database directory_bench_mem template $template"
  for options in "${option_sets[@]}"; do
    dir="$out/$size-$(echo "$options" | tr -c 'A-Za-z0-9' '_')"
    mkdir -p "$dir"
    started_ns=$(date +%s%N)
    # shellcheck disable=SC2086 # the JVM options are words
    (cd "$dir" && exec env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/directory_bench_mem" \
      QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD= \
      java -Xmx"$heap" $options -XX:+ExitOnOutOfMemoryError -Dquarkus.http.port="$port" -Ddirectory.rate-limit.enabled=false \
      -Ddirectory.example-data=false -Dquarkus.http.access-log.enabled=false -Dquarkus.shutdown.delay=0s \
      -jar "$app/quarkus-run.jar" > "$dir/service.log" 2>&1) &
    pid=$!
    deadline=$((SECONDS + 300))
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
      kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ] || { log "$size [$options]: not ready: $(tail -3 "$dir/service.log")"; failures=$((failures + 1)); stop; continue 2; }
      sleep 0.1
    done
    ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
    ready_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    # Warm-up (JIT, pool, database caches) on other values than the measured run.
    BENCH_COLD_OFFSET=100000000 wrk -t2 -c8 -d"${BENCH_WARMUP:-10}s" --timeout 10s -s bench/wrk/cold.lua "http://127.0.0.1:$port" > /dev/null 2>&1 || true
    wrk_json=$(wrk -t2 -c8 -d"${seconds}s" --timeout 10s -s bench/wrk/cold.lua "http://127.0.0.1:$port" 2>&1 | grep '^{"requests"' | tail -1 || true)
    [ -n "$wrk_json" ] || { log "$size [$options]: wrk printed nothing"; failures=$((failures + 1)); wrk_json='{}'; }
    kill -0 "$pid" 2>/dev/null || { log "$size [$options]: the service died under load: $(tail -3 "$dir/service.log")"; failures=$((failures + 1)); pid=""; continue; }
    peak_rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    jcmd "$pid" GC.run > /dev/null
    # The heap's lines (G1: one for the whole heap; Serial and Parallel: one per generation), not Metaspace's; "|| true": a format without them must not end the run.
    live_kb=$(jcmd "$pid" GC.heap_info | grep -E '^ *(garbage-first heap|DefNew|Tenured|PSYoungGen|ParOldGen)' \
      | grep -oE 'used [0-9]+K' | grep -oE '[0-9]+' | awk '{sum += $1} END {print sum + 0}' || true)
    after_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    stop
    echo "{\"size\":$size,\"options\":\"$options\",\"heap\":\"$heap\",\"readyMs\":$ready_ms,\"readyRssKb\":$ready_rss,\"peakRssKb\":$peak_rss,\"rssAfterGcKb\":$after_rss,\"liveHeapKb\":${live_kb:-null},\"load\":$wrk_json}" >> "$results"
    log "$size [$options]: ready in $ready_ms ms, RSS ready $((ready_rss / 1024)) MiB, peak $((peak_rss / 1024)) MiB, live heap $(( ${live_kb:-0} / 1024 )) MiB; load $wrk_json"
  done
done
psql_admin -c "drop database if exists directory_bench_mem with (force)"

node - "$results" <<'NODE' | tee "$out/report.md"
const rows = require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const mib = (kb) => (kb == null ? "–" : Math.round(kb / 1024));
console.log("| listings | JVM options | ready s | RSS ready MiB | peak RSS MiB | live heap MiB | cold req/s | p99 ms |");
console.log("|---:|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.size.toLocaleString("en-US")} | \`-Xmx${r.heap} ${r.options}\` | ${(r.readyMs / 1000).toFixed(1)} | ${mib(r.readyRssKb)} | ${mib(r.peakRssKb)} | ${mib(r.liveHeapKb)} | ${r.load.rps ?? "–"} | ${r.load.p99 ?? "–"} |`);
}
NODE
[ "$failures" = 0 ] || { log "$failures measurement(s) failed"; exit 1; }
