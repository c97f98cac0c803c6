#!/usr/bin/env bash
# Startup and memory, side by side in one run on one machine (by hand; results in docs/PERFORMANCE.md):
#   (1) this service as a plain jar on Java 25,
#   (2) the same jar with its AOT cache (ops/aot/train.sh),
#   (3) a bare Quarkus application with the same extensions and none of our code, generated and built
#       here by the Quarkus Maven plugin (one entity, one Flyway migration, one endpoint reading it),
#   (4) the same bare application with its own AOT cache, trained on its endpoint.
# For each: time from launching the JVM to the first 200 (ours: GET /api/listings?size=1; bare: GET
# /entities), polled every 10 ms, on a restart (an existing H2 database, as a replica restarts), and
# resident memory idle (5 s after that answer) and after a search load (wrk, 10 s, 8 connections:
# our cold searches, the bare application's endpoint). Variants alternate run by run, so the machine's
# noise falls on all of them alike. Medians of BENCH_STARTUPS runs (default 5).
#
#   ./mvnw package -DskipTests && cp -r target/quarkus-app /tmp/bench-h2-app
#   bench/startup.sh                       # BENCH_H2_APP=/tmp/bench-h2-app, BENCH_JAVA_OPTS="-Xmx256m"
#   bench/startup.sh --smoke               # 1 run each, 2 s of load: proves the harness (CI)
#
# Prints a markdown table and writes results.jsonl in BENCH_OUT. Exit status non-zero when a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source ops/java-home.sh

smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1
runs=${BENCH_STARTUPS:-$([ $smoke = 1 ] && echo 1 || echo 5)}
load_seconds=${BENCH_SECONDS:-$([ $smoke = 1 ] && echo 2 || echo 10)}
app=${BENCH_H2_APP:-/tmp/bench-h2-app}
java_opts=${BENCH_JAVA_OPTS:--Xmx256m}
port=${BENCH_PORT:-18190}
out=${BENCH_OUT:-$(mktemp -d /tmp/bench-startup.XXXXXX)}
quarkus_version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
export BENCH_WRK_DIR="$root/bench/wrk" BENCH_THREADS=2 BENCH_PLATFORMS=4

log() { echo "[startup $(date +%H:%M:%S)] $*" >&2; }
for tool in wrk curl; do command -v $tool >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }; done
[ -f "$app/quarkus-run.jar" ] || { echo "bench: no $app/quarkus-run.jar (see the top of this script)" >&2; exit 2; }

pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

# --- The bare application, generated and built here, with the extensions of our pom.xml.
bare="$out/bare"
rm -rf "$bare"
log "generating the bare Quarkus $quarkus_version application in $bare"
extensions=$(sed -n 's:.*<artifactId>quarkus-\([a-z0-9-]*\)</artifactId>.*:\1:p' pom.xml \
  | grep -v -e '^maven-plugin$' -e '^junit$' -e '^bom$' -e '^jdbc-postgresql$' | sort -u | paste -sd, -)
(cd "$out" && "$root/mvnw" -B -ntp -q io.quarkus:quarkus-maven-plugin:"$quarkus_version":create \
  -DplatformGroupId=io.quarkus -DplatformArtifactId=quarkus-bom -DplatformVersion="$quarkus_version" \
  -DprojectGroupId=bench -DprojectArtifactId=bare -Dextensions="$extensions" > "$out/bare-create.log" 2>&1) \
  || { tail -20 "$out/bare-create.log" >&2; exit 1; }
rm -rf "$bare/src/test" "$bare/src/main/resources/import.sql"
mkdir -p "$bare/src/main/resources/db/migration"
cat > "$bare/src/main/resources/db/migration/V1__entity.sql" <<'SQL'
create sequence myentity_seq start with 1 increment by 50;
create table myentity (id bigint primary key, field varchar(255));
insert into myentity (id, field) values (1, 'field-1');
SQL
cat > "$bare/src/main/resources/application.properties" <<'PROPERTIES'
quarkus.datasource.jdbc.url=jdbc:h2:file:./data/bare;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0
quarkus.datasource.username=bare
quarkus.flyway.migrate-at-start=true
quarkus.hibernate-orm.schema-management.strategy=none
quarkus.swagger-ui.always-include=true
quarkus.http.access-log.enabled=false
%prod.quarkus.log.console.json.enabled=true
PROPERTIES
cat > "$bare/src/main/java/bench/GreetingResource.java" <<'JAVA'
package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/entities")
public class GreetingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<MyEntity> list() {
        return MyEntity.listAll();
    }
}
JAVA
(cd "$bare" && "$root/mvnw" -B -ntp -q package -DskipTests > "$out/bare-build.log" 2>&1) || { tail -20 "$out/bare-build.log" >&2; exit 1; }
bare_app="$bare/target/quarkus-app"
log "bare application built: extensions $extensions"

# A copy of our build, so its cache is ours alone; its database, prepared once: the example data.
ours_app="$out/ours-app"
rm -rf "$ours_app" && cp -a "$app" "$ours_app" && rm -f "$ours_app"/app.aot*

# start VARIANT DIR [JVM options...]: launches the variant in DIR, the given options last (so they win);
# sets pid and started_ns.
start() {
  local variant=$1 dir=$2 jar options=()
  shift 2
  case $variant in
    ours) jar=$ours_app/quarkus-run.jar ;;
    ours-aot) jar=$ours_app/quarkus-run.jar; options=(-XX:AOTCache="$ours_app/app.aot" -XX:AOTMode=on) ;;
    bare) jar=$bare_app/quarkus-run.jar ;;
    bare-aot) jar=$bare_app/quarkus-run.jar; options=(-XX:AOTCache="$bare_app/app.aot" -XX:AOTMode=on) ;;
  esac
  started_ns=$(date +%s%N)
  # shellcheck disable=SC2086 # the JVM options are words
  (cd "$dir" && exec java $java_opts "${options[@]}" -Dquarkus.http.port="$port" -Ddirectory.rate-limit.enabled=false \
    -Ddirectory.example-data=false -Dquarkus.http.access-log.enabled=false -Dquarkus.shutdown.delay=0s "$@" \
    -jar "$jar" >> "$dir/service.log" 2>&1) &
  pid=$!
}
first_path() { case $1 in ours*) echo "/api/listings?size=1" ;; *) echo "/entities" ;; esac; }
wait_first() { # prints ms from launch to the first 200 of $1
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "http://127.0.0.1:$port$1"; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: the service exited: $(tail -5 "$2/service.log")" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { echo "bench: no answer in 120 s" >&2; return 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - started_ns) / 1000000 ))
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }

# Databases: ours with the example data (loaded once, then copied for every run); the bare one migrated.
prepare() {
  local variant=$1 dir="$out/prepared-$1"
  rm -rf "$dir" && mkdir -p "$dir"
  start "$variant" "$dir" -Ddirectory.example-data=true
  wait_first "$(first_path "$variant")" "$dir" > /dev/null
  stop
}
prepare ours
prepare bare

# The AOT caches: ours by its own training (ops/aot/train.sh, the workload the image uses), the bare
# one by its endpoint and health checks, each with the JVM options measured here.
log "training our AOT cache"
JAVA_TOOL_OPTIONS="$java_opts" sh ops/aot/train.sh "$ours_app" > "$out/train-ours.log" 2>&1 || { tail -20 "$out/train-ours.log" >&2; exit 1; }
log "training the bare application's AOT cache"
dir="$out/train-bare"; rm -rf "$dir" && cp -r "$out/prepared-bare" "$dir"
start bare "$dir" -XX:AOTCacheOutput="$bare_app/app.aot"
wait_first /entities "$dir" > /dev/null
for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$port/entities"; curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready"; done
stop
[ -s "$bare_app/app.aot" ] || { echo "bench: the bare application wrote no AOT cache" >&2; exit 1; }

failures=0
load1=$(cut -d' ' -f1 /proc/loadavg)
for run in $(seq "$runs"); do
  for variant in ours ours-aot bare bare-aot; do
    dir="$out/run-$variant-$run"
    rm -rf "$dir" && cp -r "$out/prepared-${variant%-aot}" "$dir"
    start "$variant" "$dir"
    if ! ms=$(wait_first "$(first_path "$variant")" "$dir"); then failures=$((failures + 1)); stop; continue; fi
    cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
    sleep 5
    idle=$(rss_kb)
    if [ "${variant%-aot}" = ours ]; then
      wrk -t2 -c8 -d"${load_seconds}s" -s bench/wrk/example-cold.lua "http://127.0.0.1:$port" > "$dir/wrk.txt" 2>&1 || failures=$((failures + 1))
    else
      wrk -t2 -c8 -d"${load_seconds}s" "http://127.0.0.1:$port/entities" > "$dir/wrk.txt" 2>&1 || failures=$((failures + 1))
    fi
    loaded=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    rps=$(awk '/Requests\/sec/ {print $2}' "$dir/wrk.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$dir/wrk.txt"); non2xx=${non2xx:-0}
    [ "$non2xx" = 0 ] || { log "$variant: $non2xx error answers under load"; failures=$((failures + 1)); }
    started=$(grep -o 'started in [0-9.]*s' "$dir/service.log" | tail -1 | grep -o '[0-9.]*' || echo null)
    stop
    echo "{\"variant\":\"$variant\",\"run\":$run,\"firstAnswerMs\":$ms,\"cpuMs\":$cpu_ms,\"quarkusStartedSeconds\":${started:-null},\"idleRssKb\":$idle,\"peakRssAfterLoadKb\":$loaded,\"loadRps\":${rps:-0},\"load1\":$load1}" >> "$results"
    log "$variant run $run: first answer $ms ms (cpu $cpu_ms ms), idle RSS $((idle / 1024)) MiB, peak after load $((loaded / 1024)) MiB, ${rps:-0} req/s"
  done
done

node - "$results" "$java_opts" <<'NODE' | tee "$out/report.md"
const rows = require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const of = (v, k) => median(rows.filter((r) => r.variant === v).map((r) => r[k]));
const names = { ours: "this service, plain jar", "ours-aot": "this service, AOT cache", bare: "bare Quarkus, plain jar", "bare-aot": "bare Quarkus, AOT cache" };
console.log(`JVM options: \`${process.argv[3]}\`; ${rows.filter((r) => r.variant === "ours").length} runs per variant, medians.\n`);
console.log("| variant | first answer ms | CPU ms to it | Quarkus \"started in\" s | RSS idle MiB | peak RSS after load MiB | req/s under load |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const v of Object.keys(names)) {
  const all = rows.filter((r) => r.variant === v).map((r) => r.firstAnswerMs).join(", ");
  console.log(`| ${names[v]} | ${of(v, "firstAnswerMs")} (${all}) | ${of(v, "cpuMs")} | ${of(v, "quarkusStartedSeconds")} | ${Math.round(of(v, "idleRssKb") / 1024)} | ${Math.round(of(v, "peakRssAfterLoadKb") / 1024)} | ${of(v, "loadRps")} |`);
}
const r1 = of("ours-aot", "firstAnswerMs") / of("ours", "firstAnswerMs");
const r2 = of("ours-aot", "firstAnswerMs") / of("bare-aot", "firstAnswerMs");
const r3 = of("bare-aot", "firstAnswerMs") / of("bare", "firstAnswerMs");
console.log(`\n- AOT / plain, this service: ${r1.toFixed(2)} (target at most 0.35: ${r1 <= 0.35 ? "met" : "**missed**"})`);
console.log(`- this service's AOT / bare application's AOT: ${r2.toFixed(2)} (target at most 1.5: ${r2 <= 1.5 ? "met" : "**missed**"})`);
console.log(`- for comparison, AOT / plain of the bare application: ${r3.toFixed(2)}`);
NODE
[ "$failures" = 0 ] || { log "$failures run(s) failed"; exit 1; }
