#!/usr/bin/env bash
# The benchmark, by hand: in one run on one machine, per database and size, measures with wrk (and
# json-server) and prints markdown tables with every ratio against the targets of docs/PERFORMANCE.md
# (written with SVG charts of throughput and p99 per size into BENCH_OUT: report.md, throughput.svg, p99.svg):
# the constant endpoint, warm, cold and text searches, the search index's full build, a restart that
# resumes it, the live heap, and (PostgreSQL) how soon an import through one instance is found on another.
#
#   bench/run.sh            full run: BENCH_SIZES="10000 100000" BENCH_DBS="h2 postgresql" BENCH_SECONDS=10
#   bench/run.sh --smoke    CI: 300 listings, 2 s a step, both databases, fails on any error
#   bench/run.sh --load-only   only generate (and cache) the databases of BENCH_SIZES, e.g. before a full run
#
# Needs the packaged service for each database (./mvnw package -DskipTests, and -Ppostgresql), copied
# apart because both builds write target/quarkus-app: BENCH_H2_APP and BENCH_PG_APP name the
# quarkus-app directories (default /tmp/bench-h2-app, /tmp/bench-pg-app). Needs wrk, psql, jcmd (the
# JDK's), node 20 and `npm ci` in bench/ (json-server; Vega-Lite for the charts). PostgreSQL: BENCH_PG_HOST/PORT/USER (127.0.0.1, 5432,
# postgres, trust auth); the run owns the database directory_bench (and directory_bench_c_* caches).
#
# Other settings: BENCH_CONNECTIONS (8), BENCH_THREADS (2), BENCH_WARMUP seconds (10), BENCH_HEAP (256m,
# what the k8s memory limit of 512Mi gives with MaxRAMPercentage=50 in the Dockerfile), BENCH_SEED (1), BENCH_PEER_SIZES
# (sizes at which json-server runs, default the sizes up to 100000), BENCH_STARTUPS (3 startups, median),
# BENCH_CACHE (1: keep each loaded database in /tmp/bench-cache and directory_bench_c_* and reuse it
# while bench/generate.mjs and the migrations are unchanged), BENCH_OUT (results directory).
# Exit status: non-zero when a step failed or any request answered an error (non-2xx/3xx, socket error).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The service runs on a JDK 25 (JAVA_HOME when it is one, else the first found; see ops/java-home.sh).
source ops/java-home.sh

smoke=0
load_only=0
[ "${1:-}" = "--smoke" ] && smoke=1
# --load-only: fill the cache of loaded databases (a long job at 1M) and measure nothing else.
[ "${1:-}" = "--load-only" ] && load_only=1
if [ $smoke = 1 ]; then
  : "${BENCH_SIZES:=300}" "${BENCH_SECONDS:=2}" "${BENCH_WARMUP:=1}" "${BENCH_STARTUPS:=1}" "${BENCH_CACHE:=0}"
fi
sizes=${BENCH_SIZES:-"10000 100000"}
dbs=${BENCH_DBS:-"h2 postgresql"}
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-10}
connections=${BENCH_CONNECTIONS:-8}
threads=${BENCH_THREADS:-2}
heap=${BENCH_HEAP:-256m}
# More JVM options (none by default, like the Dockerfile), e.g. BENCH_JAVA_OPTS=-XX:+UseSerialGC to try a collector.
java_opts=${BENCH_JAVA_OPTS:-}
seed=${BENCH_SEED:-1}
startups=${BENCH_STARTUPS:-3}
use_cache=${BENCH_CACHE:-1}
peer_sizes=${BENCH_PEER_SIZES:-$(for s in $sizes; do if [ "$s" -le 100000 ]; then echo -n "$s "; fi; done)}
h2_app=${BENCH_H2_APP:-/tmp/bench-h2-app}
pg_app=${BENCH_PG_APP:-/tmp/bench-pg-app}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
pg_db=directory_bench
port=${BENCH_PORT:-18180}
peer_port=$((port + 1))
cache=${BENCH_CACHE_DIR:-/tmp/bench-cache}
out=${BENCH_OUT:-$(mktemp -d /tmp/bench-run.XXXXXX)}
mkdir -p "$out" "$cache"
results="$out/results.jsonl"
: > "$results"
export BENCH_WRK_DIR="$root/bench/wrk" BENCH_THREADS="$threads"

curator="bench-curator-$RANDOM$RANDOM"
curator_hash=$(printf %s "$curator" | sha256sum | cut -d' ' -f1)
# Cached databases are keyed by the generator and the migrations: a migration that rewrites rows
# (V4 updates every listing) on a restored copy leaves dead rows and unanalyzed tables behind.
generator_hash=$(cat bench/generate.mjs src/main/resources/db/migration/* src/main/java/db/migration/* | sha256sum | cut -c1-10)
failures=0

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
fail() { log "FAILED: $*"; failures=$((failures + 1)); }
record() { echo "$1" >> "$results"; }
psql_admin() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
platforms_for() { if [ "$1" -ge 10000 ]; then echo 300; else echo $(( ($1 + 39) / 40 > 5 ? ($1 + 39) / 40 : 5 )); fi; }

for tool in wrk node curl; do command -v $tool >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }; done
[ -x bench/node_modules/.bin/json-server ] || { echo "bench: run 'npm ci' in bench/ first (json-server)" >&2; exit 2; }

service_pid=""
peer_pid=""
stop_service() {
  if [ -n "$service_pid" ]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
  fi
}
stop_peer() {
  if [ -n "$peer_pid" ]; then
    kill "$peer_pid" 2>/dev/null || true
    wait "$peer_pid" 2>/dev/null || true
    peer_pid=""
  fi
}
trap 'stop_service; stop_peer' EXIT

# A fresh, empty database of this kind, in the working directory $2 (H2) or as directory_bench.
fresh_database() {
  local db=$1 dir=$2
  rm -rf "$dir" && mkdir -p "$dir"
  if [ "$db" = postgresql ]; then
    psql_admin -c "drop database if exists $pg_db with (force)"
    psql_admin -c "create database $pg_db template template0 locale_provider icu icu_locale 'en-US'"
  fi
}

# Starts the service of database $1 in directory $2 with extra -D options; sets service_pid and
# service_started_ns (just before the JVM is launched). The search index lives on disk in $2, as on a
# deployment's volume; BENCH_INDEX_NAME names another one (a second instance).
start_service() {
  local db=$1 dir=$2; shift 2
  local listen=${BENCH_LISTEN_PORT:-$port} index="$dir/${BENCH_INDEX_NAME:-search-index}"
  local app=$h2_app
  [ "$db" = postgresql ] && app=$pg_app
  [ -f "$app/quarkus-run.jar" ] || { echo "bench: no $app/quarkus-run.jar (see the top of bench/run.sh)" >&2; exit 2; }
  local database=()
  if [ "$db" = postgresql ]; then
    database=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$pg_db"
      QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD=)
  fi
  # The H2 build keeps its default JDBC URL: ./data under the working directory.
  service_started_ns=$(date +%s%N)
  # shellcheck disable=SC2086 # the JVM options are words
  (cd "$dir" && exec env "${database[@]}" java -Xmx"$heap" $java_opts -XX:+ExitOnOutOfMemoryError \
    -Dquarkus.http.port="$listen" -Ddirectory.search-index.path="$index" -Ddirectory.rate-limit.enabled=false -Dquarkus.http.access-log.enabled=false \
    -Dquarkus.shutdown.delay=0s -Ddirectory.security.curator-key-hashes="$curator_hash" "$@" \
    -jar "$app/quarkus-run.jar" >> "$dir/service.log" 2>&1) &
  service_pid=$!
}

# Waits until $1 answers 200; prints the milliseconds since the service was launched.
wait_for() {
  local path=$1 deadline=$((SECONDS + 300))
  until curl -sf -o /dev/null "http://127.0.0.1:$port$path"; do
    kill -0 "$service_pid" 2>/dev/null || { echo "bench: the service exited; see its log" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { echo "bench: no answer from $path in 300 s" >&2; return 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - service_started_ns) / 1000000 ))
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Waits until the service (and PostgreSQL) are idle: wrk stops sending at the end of a step, but the
# service goes on with the requests in flight, which would otherwise load the next step. Idle: the
# service used under 20 % of a core over a second and no statement of directory_bench is active.
settle() {
  local db=$1 deadline=$((SECONDS + ${BENCH_SETTLE_SECONDS:-180})) before after active
  while [ $SECONDS -lt $deadline ]; do
    before=$(cpu_ticks "$service_pid"); sleep 1; after=$(cpu_ticks "$service_pid")
    active=0
    if [ "$db" = postgresql ]; then
      active=$(psql_admin -c "select count(*) from pg_stat_activity where datname = '$pg_db' and state = 'active'")
    fi
    [ $((after - before)) -lt $(( $(getconf CLK_TCK) / 5 )) ] && [ "$active" = 0 ] && return
  done
  log "$db: still busy after ${BENCH_SETTLE_SECONDS:-180} s of waiting; measuring anyway"
}

# The constant JSON endpoint: GET /api (the API index) once it exists, else the liveness check.
limit_path() {
  if curl -sf -o /dev/null "http://127.0.0.1:$port/api"; then echo /api; else echo /q/health/live; fi
}

# wrk with one of bench/wrk/*.lua; appends a result line {db,size,step,...} and checks for errors.
run_wrk() {
  local db=$1 size=$2 step=$3 script=$4 url=$5 duration=${6:-$seconds}
  local output load1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  if ! output=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "bench/wrk/$script" "$url" 2>&1); then
    fail "$db $size $step: wrk failed: $output"; return
  fi
  local json
  json=$(grep '^{"requests"' <<< "$output" | tail -1)
  [ -n "$json" ] || { fail "$db $size $step: wrk printed no result: $output"; return; }
  [ "$step" = warmup ] && return
  record "{\"db\":\"$db\",\"size\":$size,\"step\":\"$step\",\"path\":\"/${url#http://127.0.0.1:*/}\",\"load1\":$load1,${json#\{}"
  node -e 'const r = JSON.parse(process.argv[1]); process.exit(r.requests > 0 && r.non2xx + r.connectErrors + r.readErrors + r.writeErrors + r.timeouts === 0 ? 0 : 1)' "$json" \
    || fail "$db $size $step: errors or no requests: $json"
  log "$db $size $step: $json"
}

# json-server serving the same listings (written by the generator as JSON), its nearest searches.
run_peer() {
  local size=$1 file="$cache/peer-$size-$seed-$generator_hash.json"
  if [ ! -s "$file" ] || [ "$use_cache" != 1 ]; then
    node bench/generate.mjs - - "$size" "$seed" --json="$file.tmp" --json-only > /dev/null && mv "$file.tmp" "$file"
  fi
  # json-server changes its file on writes only; a copy keeps the cached one pristine anyway.
  cp "$file" "$out/peer-db.json"
  bench/node_modules/.bin/json-server --port "$peer_port" --quiet "$out/peer-db.json" > "$out/peer.log" 2>&1 &
  peer_pid=$!
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "http://127.0.0.1:$peer_port/listings?_limit=1"; do
    [ $SECONDS -lt $deadline ] && kill -0 "$peer_pid" 2>/dev/null || { fail "json-server did not start: $(tail -5 "$out/peer.log")"; stop_peer; return; }
    sleep 0.2
  done
  BENCH_PLATFORMS=$(platforms_for "$size") run_wrk peer "$size" warmup peer.lua "http://127.0.0.1:$peer_port" "$warmup"
  BENCH_PLATFORMS=$(platforms_for "$size") run_wrk json-server "$size" cold peer.lua "http://127.0.0.1:$peer_port"
  stop_peer
}

# A database of $2 listings: restored from the cache, or generated through the API and then cached.
loaded_database() {
  local db=$1 size=$2 dir=$3
  local key="$db-$size-$seed-$generator_hash"
  local cached_pg="directory_bench_c_${size}_${seed}_${generator_hash}"
  if [ "$use_cache" = 1 ]; then
    if [ "$db" = h2 ] && [ -d "$cache/$key/data" ]; then
      rm -rf "$dir" && mkdir -p "$dir" && cp -r "$cache/$key/data" "$dir/data"
      log "$db $size: restored from $cache/$key"; return
    fi
    if [ "$db" = postgresql ] && [ "$(psql_admin -c "select count(*) from pg_database where datname = '$cached_pg'")" = 1 ]; then
      rm -rf "$dir" && mkdir -p "$dir"
      psql_admin -c "drop database if exists $pg_db with (force)"
      psql_admin -c "create database $pg_db template $cached_pg"
      log "$db $size: restored from database $cached_pg"; return
    fi
  fi
  fresh_database "$db" "$dir"
  start_service "$db" "$dir" -Ddirectory.example-data=false
  wait_for /q/health/ready > /dev/null
  log "$db $size: generating $size listings through the API"
  local timing
  timing=$(node bench/generate.mjs "http://127.0.0.1:$port" "$curator" "$size" "$seed")
  record "{\"db\":\"$db\",\"size\":$size,\"step\":\"load\",${timing#\{}"
  log "$db $size load: $timing"
  stop_service
  if [ "$db" = postgresql ]; then
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -qc "vacuum analyze"
  fi
  if [ "$use_cache" = 1 ]; then
    if [ "$db" = h2 ]; then
      rm -rf "${cache:?}/$key" && mkdir -p "$cache/$key" && cp -r "$dir/data" "$cache/$key/data"
    else
      psql_admin -c "drop database if exists $cached_pg"
      # A template must have no other session (a service left running by hand would fail the copy).
      psql_admin -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$pg_db'" > /dev/null
      psql_admin -c "create database $cached_pg template $pg_db"
    fi
  fi
}

# An import of 1000 listings through this instance, and how soon a second instance on the same database
# finds all of them: the second applies the change log before it answers, so its first search should.
measure_visibility() {
  local db=$1 size=$2 dir=$3 other_port=$((port + 2)) first_pid=$service_pid
  BENCH_LISTEN_PORT=$other_port BENCH_INDEX_NAME=search-index-2 start_service "$db" "$dir" -Ddirectory.example-data=false
  local other_pid=$service_pid
  local deadline=$((SECONDS + 600))
  until curl -sf -o /dev/null "http://127.0.0.1:$other_port/q/health/ready"; do
    [ $SECONDS -lt $deadline ] && kill -0 "$other_pid" 2>/dev/null || { fail "$db $size: the second instance did not start"; break; }
    sleep 0.2
  done
  local timing
  timing=$(node -e '
    const [base, other, key] = process.argv.slice(1);
    const batch = "visible" + Date.now();
    (async () => {
      const first = (await (await fetch(base + "/api/platforms?size=1")).json()).items[0];
      const platform = first.slug;
      const applyUrl = "https://" + first.officialDomains[0] + "/apply";
      const listings = Array.from({ length: 1000 }, (_, i) => ({ platform, externalId: `${batch}-${i}`,
        title: `Imported ${batch} ${i}`, description: "A listing of the visibility benchmark.", taskType: "RESPONSE_RATING",
        payTier: "general-writing", status: "OPEN", applyUrl, postedAt: "2026-11-27T00:00:00Z" }));
      const started = performance.now();
      const imported = await fetch(base + "/api/listings/import", { method: "POST", body: JSON.stringify({ listings }),
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + key } });
      if (imported.status !== 200) throw new Error("import answered " + imported.status + " " + await imported.text());
      const answered = performance.now();
      let found = 0, searches = 0;
      while (found < 1000 && performance.now() - answered < 30000) {
        searches++;
        found = (await (await fetch(other + "/api/listings?size=1&q=" + batch)).json()).totalItems;
      }
      console.log(JSON.stringify({ importMs: answered - started, visibleMs: performance.now() - answered, searches, found }));
    })().catch((e) => { console.error(e); process.exit(1); });' "http://127.0.0.1:$port" "http://127.0.0.1:$other_port" "$curator") \
    || { fail "$db $size visibility: $timing"; timing=""; }
  if [ -n "$timing" ]; then
    record "{\"db\":\"$db\",\"size\":$size,\"step\":\"visibility\",${timing#\{}"
    log "$db $size import through one instance, found through another: $timing"
  fi
  kill "$other_pid" 2>/dev/null || true
  wait "$other_pid" 2>/dev/null || true
  service_pid=$first_pid
}

# Startup to the first answered request: a fresh, empty database that gets the example data.
measure_startup() {
  local db=$1 dir="$out/$db-startup" times=() load1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  for _ in $(seq "$startups"); do
    fresh_database "$db" "$dir"
    start_service "$db" "$dir" -Ddirectory.example-data=true
    local ms
    ms=$(wait_for "/api/listings?size=1") || { fail "$db startup"; stop_service; return; }
    times+=("$ms")
    stop_service
  done
  local median started
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
  started=$(grep -o 'started in [0-9.]*s' "$dir/service.log" | tail -1 | grep -o '[0-9.]*' || echo null)
  record "{\"db\":\"$db\",\"size\":0,\"step\":\"startup\",\"ms\":$median,\"all\":[$(IFS=,; echo "${times[*]}")],\"quarkusStartedSeconds\":${started:-null},\"load1\":$load1}"
  log "$db startup to first answer: ${times[*]} ms (median $median), Quarkus says started in ${started}s"
}

log "results in $out; sizes: $sizes; databases: $dbs; $seconds s a step, $connections connections, $threads threads"
for db in $dbs; do
  [ $load_only = 1 ] || measure_startup "$db"
  for size in $sizes; do
    dir="$out/$db-$size"
    loaded_database "$db" "$size" "$dir"
    [ $load_only = 0 ] || continue
    rm -rf "$dir/search-index"
    start_service "$db" "$dir" -Ddirectory.example-data=false
    ready_ms=$(wait_for /q/health/ready) || { fail "$db $size: the service did not start"; stop_service; continue; }
    build_ms=$(grep -o 'Search index built: [0-9]* listings in [0-9]* ms' "$dir/service.log" | tail -1 | sed 's/.* in \([0-9]*\) ms/\1/')
    index_bytes=$(du -sb "$dir/search-index" | cut -f1)
    record "{\"db\":\"$db\",\"size\":$size,\"step\":\"index-build\",\"ms\":${build_ms:-null},\"readyMs\":$ready_ms,\"indexBytes\":$index_bytes}"
    log "$db $size: search index built in ${build_ms:-?} ms ($index_bytes bytes on disk), ready after $ready_ms ms"
    base="http://127.0.0.1:$port"
    limit=$(limit_path)
    export BENCH_PLATFORMS
    BENCH_PLATFORMS=$(platforms_for "$size")
    # Warm-up (JIT, connection pool, database caches), with other values than the measured cold run.
    BENCH_COLD_OFFSET=100000000 run_wrk "$db" "$size" warmup cold.lua "$base" "$warmup"
    settle "$db"
    run_wrk "$db" "$size" warmup limit.lua "$base$limit" "$(( (warmup + 1) / 2 ))"
    run_wrk "$db" "$size" limit limit.lua "$base$limit"
    settle "$db"
    run_wrk "$db" "$size" warm warm.lua "$base"
    settle "$db"
    run_wrk "$db" "$size" cold cold.lua "$base"
    settle "$db"
    run_wrk "$db" "$size" text text.lua "$base"
    rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$service_pid/status")
    record "{\"db\":\"$db\",\"size\":$size,\"step\":\"rss\",\"peakKb\":$rss_kb}"
    log "$db $size peak RSS: $((rss_kb / 1024)) MiB"
    # The live heap: what is left after a full collection (the index itself is off the heap, mapped).
    "$JAVA_HOME/bin/jcmd" "$service_pid" GC.run > /dev/null
    heap_kb=$("$JAVA_HOME/bin/jcmd" "$service_pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
    record "{\"db\":\"$db\",\"size\":$size,\"step\":\"heap\",\"liveKb\":${heap_kb:-null}}"
    log "$db $size live heap after a full GC: $(( ${heap_kb:-0} / 1024 )) MiB"
    if [ "$db" = postgresql ]; then measure_visibility "$db" "$size" "$dir"; fi
    stop_service
    # A restart resumes from the index on disk instead of building it again.
    start_service "$db" "$dir" -Ddirectory.example-data=false
    restart_ms=$(wait_for /q/health/ready) || { fail "$db $size: the restart"; restart_ms=null; }
    grep -q 'Search index opened at change' "$dir/service.log" || fail "$db $size: the restart did not resume the index"
    record "{\"db\":\"$db\",\"size\":$size,\"step\":\"restart\",\"readyMs\":$restart_ms}"
    log "$db $size: ready $restart_ms ms after a restart"
    stop_service
    if [[ " $peer_sizes " == *" $size "* ]] && ! grep -q "\"db\":\"json-server\",\"size\":$size," "$results"; then
      run_peer "$size"
    fi
  done
done

[ $load_only = 1 ] || node bench/report.mjs "$results" "$out" | tee "$out/report.md"
[ "$failures" = 0 ] || { log "$failures step(s) failed"; exit 1; }
