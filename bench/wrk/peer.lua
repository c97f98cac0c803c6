-- The peer: json-server (0.17, bench/package.json) serving the same listings, asked the nearest
-- equivalent of each cold search in its own filter syntax, with the same varying values. It has no
-- OR over fields, no "worldwide or this country", no facets and no exclusions, so each query here
-- asks it for less work than the service does (noted per kind).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local searches = dofile(os.getenv("BENCH_WRK_DIR") .. "/searches.lua")
local n = -1
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local platforms = tonumber(os.getenv("BENCH_PLATFORMS") or "5")
local function at(list, i) return list[i % #list + 1] end

local function peer(kind, v)
  local page = v % 5 + 1 -- json-server pages from 1
  local newest = "&_sort=postedAt&_order=desc&_limit=20"
  if kind == 0 then
    return "/listings?status=OPEN" .. newest .. "&_page=" .. page
  elseif kind == 1 then -- listings naming the country (not the worldwide ones), no facets
    return "/listings?status=OPEN&effectiveEligibility.countries_like=" .. at(searches.countries, v) .. newest .. "&_page=1"
  elseif kind == 2 then -- required languages among en|xx: a regular expression on the list
    return "/listings?status=OPEN&effectiveEligibility.languages_like=^(en|" .. at(searches.languages, v)
      .. ")?$&_sort=pay.max&_order=desc&_limit=20&_page=" .. page
  elseif kind == 3 then
    return "/listings?status=OPEN&effectiveEligibility.languages_like=" .. at(searches.languages, v) .. newest .. "&_page=1"
  elseif kind == 4 then
    return "/listings?status=OPEN&payTier.slug=" .. at(searches.tiers, v) .. "&taskType=" .. at(searches.task_types, v * 3 + 1)
      .. newest .. "&_page=" .. page
  elseif kind == 5 then
    return "/listings?status=OPEN&platform.slug=" .. searches.platform_slug(v % platforms)
      .. "&_sort=title&_order=asc&_limit=20&_page=" .. (page % 2 + 1)
  elseif kind == 6 then -- pay.max >= minPay (json-server cannot also keep unknown pay)
    return "/listings?status=OPEN&pay.max_gte=" .. (10 + v % 110) .. "&_sort=pay.max&_order=desc&_limit=20&_page=" .. page
  elseif kind == 7 then -- full-text q over every field
    return "/listings?status=OPEN&q=" .. at(searches.words, v) .. newest .. "&_page=1"
  elseif kind == 8 then
    return string.format("/listings?status=OPEN&postedAt_gte=2026-%02d-%02dT00:00:00Z&effectiveEligibility.countries_like=%s%s&_page=1",
      3 + v % 8, 1 + v % 28, at(searches.countries, v), newest)
  else
    return "/listings?status=OPEN&effectiveEligibility.countries_like=" .. at(searches.countries, v)
      .. "&payTier.slug=" .. at(searches.tiers, v) .. "&payTier.slug=" .. at(searches.tiers, v + 2)
      .. "&pay.max_gte=" .. (15 + v % 40) .. newest .. "&_page=1"
  end
end

function request()
  n = n + 1
  return wrk.format("GET", peer(n % 10, math.floor(n / 10) * threads + thread_number))
end
