#!/usr/bin/env bash
# The rate limits across replicas under load, by hand (results go to docs/PERFORMANCE.md):
#   ./mvnw package -DskipTests && bench/shared-limits.sh        (BENCH_SECONDS, default 10)
# Starts a redis-server of its own on a free port and pairs of the packaged service (embedded H2, each
# in its own directory): one client's requests alternating between two instances with the buckets in
# Redis, then in each instance's memory, side by side; then Redis killed during load and started again.
# Needs redis-server and node 20. Exits non-zero on a failed step or on any 5xx answer.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/java-home.sh
jar="${BENCH_JAR:-$PWD/target/quarkus-app/quarkus-run.jar}"
[ -f "$jar" ] || { echo "no packaged service at $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install -y redis-server" >&2; exit 1; }
node bench/shared-limits.mjs "$jar" "${BENCH_SECONDS:-10}"
