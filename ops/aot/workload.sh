#!/bin/sh
# The AOT cache's training workload: what the directory's clients do, through the public API, against
# a running service with the example data. Every endpoint, the common searches with filters, facets,
# sorts and pages, conditional reads, the feeds, curator writes (create, replace, merge patch, delete,
# import) and the usual refusals (400, 401, 404, 412, 415, 422, 428), repeated so that the JIT's
# profiles of the hot paths are recorded too (JEP 515), not only the classes they load.
#
#   ops/aot/workload.sh BASE_URL CURATOR_KEY [ROUNDS]
#
# POSIX sh and curl only, so that the Dockerfile's training stage (Alpine, the runtime JRE) runs it as
# it is. Exits non-zero when an answer is not the one expected: a cache trained on errors would be
# trained on the wrong code.
set -eu
base=$1
key=$2
rounds=${3:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check EXPECTED_STATUS curl-arguments...: one request, its status compared with the expected one.
check() {
  expected=$1; shift
  status=$(curl -s -o "$work/body" -w '%{http_code}' "$@") || status=000
  if [ "$status" != "$expected" ]; then
    failures=$((failures + 1))
    echo "workload: expected $expected, got $status for $*: $(head -c 300 "$work/body")" >&2
  fi
}
curator() { check "$@" -H "Authorization: Bearer $key"; }
etag() { curl -s -o /dev/null -D - -H "Authorization: Bearer $key" "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p'; }

# Reads that every page of a frontend makes, many per round, in one curl process per round (one
# connection, as a browser keeps its own).
searches="$work/searches.curl"
for path in \
  "/api" \
  "/api/listings" \
  "/api/listings?size=1" \
  "/api/listings?country=IN&speaks=en,es&holds=law-degree&minPay=30&sort=-pay&facets=tier,country" \
  "/api/listings?country=US&facets=tier,country,platform,taskType,language,status" \
  "/api/listings?speaks=en&holds=medical-degree&sort=-pay" \
  "/api/listings?language=de&facets=platform,taskType" \
  "/api/listings?tier=coding&taskType=CODE_EVALUATION&page=2&size=5" \
  "/api/listings?tier=coding,stem-math&sort=title" \
  "/api/listings?platform=outlier&sort=title" \
  "/api/listings?minPay=20&maxPay=60&includeUnknownPay=true&sort=-pay" \
  "/api/listings?q=code&facets=tier" \
  "/api/listings?q=rate+answers" \
  "/api/listings?postedAfter=2026-01-01T00:00:00Z&country=PH" \
  "/api/listings?updatedAfter=2026-01-01T00:00:00Z&sort=-updatedAt" \
  "/api/listings?status=OPEN,PAUSED,CLOSED&sort=postedAt&size=50" \
  "/api/listings/feed" \
  "/api/listings/feed?country=IN&tier=coding" \
  "/api/listings/changes?limit=100" \
  "/api/platforms" \
  "/api/platforms?country=PH&sort=name" \
  "/api/platforms?speaks=en&paymentMethod=PAYPAL&sort=-openListings" \
  "/api/platforms/outlier" \
  "/api/pay-tiers" \
  "/api/pay-tiers/coding" \
  "/api/eligibility/countries" \
  "/api/eligibility/languages" \
  "/q/health/ready" \
  "/q/health/live"; do
  printf 'url = "%s%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{url}\\n"\n' "$base" "$path" >> "$searches"
done

i=0
while [ $i -lt "$rounds" ]; do
  i=$((i + 1))
  # Every read above answers 200.
  curl -s --config "$searches" > "$work/statuses"
  bad=$(grep -vc '^200 ' "$work/statuses" || true)
  if [ "$bad" != 0 ]; then
    failures=$((failures + bad)); grep -v '^200 ' "$work/statuses" | sed 's/^/workload: not 200: /' >&2
  fi
  # Searches that no cache has seen: values change every round.
  check 200 "$base/api/listings?country=IN&minPay=$((10 + i))&sort=-pay&facets=tier,country,platform"
  check 200 "$base/api/listings?q=answers&page=$(( (i % 3) + 1 ))&size=$((5 + i))"
  check 200 "$base/api/listings?postedAfter=2026-0$(( (i % 9) + 1 ))-01T00:00:00Z&facets=taskType"

  # One listing, then the same with its ETag: 304.
  id=$(curl -s "$base/api/listings?size=1" | sed -n 's/^{"items":\[{"id":\([0-9]*\).*/\1/p')
  check 200 "$base/api/listings/$id"
  check 304 -H "If-None-Match: $(etag "$base/api/listings/$id")" "$base/api/listings/$id"

  # Curator writes: a pay tier, a platform and listings, changed and deleted again.
  tier="aot-tier-$i"
  platform="aot-platform-$i"
  curator 201 -X POST "$base/api/pay-tiers" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$tier\",\"name\":\"Training tier $i\",\"description\":\"A tier of the training run.\",\"publishedRange\":{\"min\":20,\"max\":40,\"currency\":\"USD\"}}"
  curator 201 -X POST "$base/api/platforms" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$platform\",\"name\":\"Training platform $i\",\"websiteUrl\":\"https://example.org\",\"description\":\"A platform of the training run.\",\"audience\":\"GENERALIST\",\"taskTypes\":[\"RESPONSE_RATING\"],\"payTiers\":[\"$tier\"],\"paymentMethods\":[\"PAYPAL\"],\"payoutSchedule\":\"WEEKLY\",\"assessmentRequired\":true,\"identityVerification\":false,\"eligibility\":{\"countries\":[\"US\",\"IN\"],\"languages\":[\"en\"]}}"
  listing="{\"platform\":\"$platform\",\"externalId\":\"aot-$i\",\"title\":\"Rate answers $i\",\"description\":\"Rate answers in English.\",\"taskType\":\"RESPONSE_RATING\",\"payTier\":\"$tier\",\"pay\":{\"min\":15,\"max\":20,\"currency\":\"USD\",\"unit\":\"HOUR\"},\"status\":\"OPEN\",\"applyUrl\":\"https://example.org/apply\",\"postedAt\":\"2026-11-27T10:00:00Z\"}"
  curl -s -o "$work/created" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -X POST "$base/api/listings" -d "$listing"
  created=$(sed -n 's/^{"id":\([0-9]*\).*/\1/p' "$work/created")
  if [ -z "$created" ]; then
    failures=$((failures + 1)); echo "workload: the listing was not created: $(head -c 300 "$work/created")" >&2
    continue
  fi
  check 200 "$base/api/listings?platform=$platform"
  curator 428 -X PATCH "$base/api/listings/$created" -H 'Content-Type: application/merge-patch+json' -d '{"status":"PAUSED"}'
  curator 412 -X PATCH "$base/api/listings/$created" -H 'Content-Type: application/merge-patch+json' \
    -H 'If-Match: "stale"' -d '{"status":"PAUSED"}'
  curator 200 -X PATCH "$base/api/listings/$created" -H 'Content-Type: application/merge-patch+json' \
    -H "If-Match: $(etag "$base/api/listings/$created")" -d '{"status":"PAUSED","pay":{"max":25}}'
  curator 200 -X PUT "$base/api/listings/$created" -H 'Content-Type: application/json' \
    -H "If-Match: $(etag "$base/api/listings/$created")" -d "$listing"
  curator 200 -X PATCH "$base/api/platforms/$platform" -H 'Content-Type: application/merge-patch+json' \
    -H "If-Match: $(etag "$base/api/platforms/$platform")" -d '{"eligibility":{"countries":["US","IN","PH"]}}'
  curator 200 -X POST "$base/api/listings/import" -H 'Content-Type: application/json' \
    -d "{\"listings\":[$(echo "$listing" | sed "s/\"aot-$i\"/\"aot-import-$i-a\"/"),$(echo "$listing" | sed "s/\"aot-$i\"/\"aot-import-$i-b\"/")]}"
  check 200 "$base/api/listings/changes?limit=50"
  curator 409 -X DELETE "$base/api/pay-tiers/$tier" -H "If-Match: $(etag "$base/api/pay-tiers/$tier")"
  curator 204 -X DELETE "$base/api/listings/$created" -H "If-Match: $(etag "$base/api/listings/$created")"

  # Refusals, as clients get them: problem details.
  check 400 "$base/api/listings?sort=nonsense"
  check 400 "$base/api/listings?colour=blue"
  check 400 "$base/api/listings?country=XX"
  check 404 "$base/api/listings/999999999"
  check 404 "$base/api/platforms/no-such-platform"
  check 401 -X POST "$base/api/listings" -H 'Content-Type: application/json' -d "$listing"
  curator 415 -X POST "$base/api/listings" -H 'Content-Type: text/plain' -d "$listing"
  curator 422 -X POST "$base/api/listings" -H 'Content-Type: application/json' -d '{"title":""}'
  curator 400 -X POST "$base/api/listings" -H 'Content-Type: application/json' -d '{"title":'
done

# The documents partners read, once: generating them is startup work too.
check 200 "$base/q/openapi"
check 200 "$base/q/openapi?format=json"
check 200 "$base/q/metrics"

if [ "$failures" != 0 ]; then
  echo "workload: $failures unexpected answers in $rounds rounds" >&2
  exit 1
fi
echo "workload: $rounds rounds against $base, every answer as expected"
