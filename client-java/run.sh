#!/usr/bin/env bash
# Generates the Java client from the committed OpenAPI document with openapi-generator, compiles it and
# runs the partner scenario (PartnerScenarioTest) with it against the packaged service, which
# ops/with-service.sh starts on a fresh database. Package the service first (./mvnw package).
#
# Fails on a generator warning that generator-warnings.txt does not explain (a warning is how the
# generator says it dropped or changed something of the document), on a compile error and on any failed
# step of the scenario.
set -euo pipefail
cd "$(dirname "$0")"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
../ops/with-service.sh ../mvnw -B -ntp -f pom.xml clean verify 2>&1 | tee "$log" || status=$?

# The generator's own output: from its goal's banner to the next goal's.
generator_warnings="$(sed -n '/^\[INFO\] --- openapi-generator:/,/^\[INFO\] --- /p' "$log" \
  | sed -n 's/^\[WARNING\] //p' | grep -vE -f <(grep -vE '^(#|$)' generator-warnings.txt) || true)"
if [[ -n "$generator_warnings" ]]; then
  echo "openapi-generator warned about the document in ways generator-warnings.txt does not explain:" >&2
  echo "$generator_warnings" >&2
  status=1
fi
exit $status
