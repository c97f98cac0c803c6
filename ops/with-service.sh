#!/usr/bin/env bash
# Runs a command against the packaged service as an operator runs it: the jar from `./mvnw package`
# on a free port, in a fresh working directory (so a fresh H2 database with the example data), in the
# prod profile with freshly made curator and partner keys, and webhooks allowed to reach receivers on 127.0.0.1. The command gets DIRECTORY_URL, CURATOR_KEY
# and PARTNER_KEY in its environment; the service is stopped afterwards, and its log's tail is shown
# when the command fails. The command's exit status is this script's.
#
# Usage: ops/with-service.sh COMMAND [ARGS...]   (the command runs in the caller's directory)
# Used by the client scenarios: client/run-e2e.sh (TypeScript) and client-java/run.sh (Java).
set -euo pipefail
[[ $# -gt 0 ]] || { echo "Usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
# A JDK 25 for `java`, whatever the machine's default (JAVA_HOME when set).
source "$root/ops/java-home.sh"

jar="$root/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || { echo "Package the service first (./mvnw package): $jar is missing" >&2; exit 1; }

workdir="$(mktemp -d)"
log="$workdir/service.log"
service_pid=""
: >"$log"
stop_service() {
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap stop_service EXIT

random_key() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
curator_key="$(random_key)"
partner_key="$(random_key)"

# Port 0: the service takes a free port and logs it, so parallel runs never collide.
(cd "$workdir" && exec java -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 \
  -Ddirectory.security.curator-key-hashes="$(sha256 "$curator_key")" \
  -Ddirectory.security.partner-key-hashes="$(sha256 "$partner_key")" \
  -Ddirectory.webhooks.allow-private-hosts=127.0.0.1 \
  -jar "$jar" >"$log" 2>&1) &
service_pid=$!

url=""
for _ in $(seq 1 120); do
  kill -0 "$service_pid" 2>/dev/null || { cat "$log" >&2; echo "The service exited while starting" >&2; exit 1; }
  port="$(grep -oE 'Listening on: http://[^ \":]+:[0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)"
  if [[ -n "$port" ]] && curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
    url="http://127.0.0.1:$port"
    break
  fi
  sleep 0.5
done
[[ -n "$url" ]] || { cat "$log" >&2; echo "The service did not become ready within 60 s" >&2; exit 1; }
echo "The packaged service is ready at $url (working directory $workdir)"

status=0
DIRECTORY_URL="$url" CURATOR_KEY="$curator_key" PARTNER_KEY="$partner_key" "$@" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- service log ---" >&2
  tail -n 50 "$log" >&2
fi
exit $status
