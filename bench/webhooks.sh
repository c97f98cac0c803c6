#!/usr/bin/env bash
# Webhook delivery, by hand (results go to docs/PERFORMANCE.md and docs/RELIABILITY.md): in one run,
#   - commit-to-receipt latency with a healthy receiver at 100 listing writes a second (target p99 < 1 s),
#     on H2 and on PostgreSQL;
#   - kill -9 of the delivering instance during deliveries and a restart on the same database: every
#     event received at least once;
#   - two instances on one PostgreSQL database, both delivering: no webhook-id received twice.
# Prints a markdown table of the results against the targets (bench/webhooks.mjs says how each is measured).
#
#   bench/webhooks.sh
#
# Needs the packaged service for each database (./mvnw package -DskipTests, and -Ppostgresql), copied
# apart as for bench/run.sh: BENCH_H2_APP and BENCH_PG_APP name the quarkus-app directories (default
# /tmp/bench-h2-app, /tmp/bench-pg-app). Needs psql and node 20. PostgreSQL: BENCH_PG_HOST/PORT/USER
# (127.0.0.1, 5432, postgres, trust auth); the run owns the database directory_bench_wh.
# Other settings: BENCH_WH_RATE (100 writes a second), BENCH_WH_CONNECTIONS (8 writes in flight at most),
# BENCH_WH_SECONDS (10), BENCH_WH_WARMUP (10 seconds of writes before the latency is measured), BENCH_WH_CRASH_SECONDS (5),
# BENCH_WH_CRASH_DELAY_MS (20, how long the receiver takes to answer during the crash, so that deliveries
# are still under way when it comes), BENCH_WH_LATENCY_DBS ("h2 postgresql"), BENCH_WH_SCENARIOS
# ("latency crash pair"), BENCH_HEAP (256m), BENCH_SERVICE_OPTS (more -D options), BENCH_OUT (logs).
# Exit status: non-zero when a request failed, a signature did not verify or an event was lost; a missed
# latency or duplicate target is reported in the table only. About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
# The service runs on a JDK 25 (JAVA_HOME when it is one, else the first found; see ops/java-home.sh).
source ops/java-home.sh
for tool in node psql; do command -v $tool >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }; done
scenarios=${BENCH_WH_SCENARIOS:-"latency crash pair"}
latency_dbs=${BENCH_WH_LATENCY_DBS:-"h2 postgresql"}
if [[ " $scenarios " == *" latency "* && " $latency_dbs " == *" h2 "* ]]; then
  [ -f "${BENCH_H2_APP:-/tmp/bench-h2-app}/quarkus-run.jar" ] || { echo "bench: no ${BENCH_H2_APP:-/tmp/bench-h2-app}/quarkus-run.jar (see the top of this script)" >&2; exit 2; }
fi
if [[ " $scenarios " == *" crash "* || " $scenarios " == *" pair "* || " $latency_dbs " == *" postgresql "* ]]; then
  [ -f "${BENCH_PG_APP:-/tmp/bench-pg-app}/quarkus-run.jar" ] || { echo "bench: no ${BENCH_PG_APP:-/tmp/bench-pg-app}/quarkus-run.jar (see the top of this script)" >&2; exit 2; }
fi
exec node bench/webhooks.mjs
