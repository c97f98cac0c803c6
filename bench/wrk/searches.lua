-- The ten reference searches of the benchmark, in the API's syntax (warm: fixed values) and the
-- varying values that make each a cache miss (cold). Shared by warm.lua and cold.lua.
local searches = {}

-- The generator's platform slugs (bench/generate.mjs): bench-<name>-<nnn>, platform 0 the largest.
local first = {"Data", "Label", "Signal", "Prompt", "Eval", "Insight", "Human", "Quality", "Rater", "Feedback",
  "Crowd", "Expert", "Annotate", "Tuning", "Judge", "Verity", "Clarity", "Gold", "Vector", "Aligned"}
local second = {"works", "hub", "loop", "lab", "forge", "base", "point", "bridge", "line", "scale", "nest", "desk",
  "panel", "grid", "craft"}
function searches.platform_slug(i)
  local name = first[i % 20 + 1] .. second[math.floor(i / 20) % 15 + 1]
  return string.format("bench-%s-%03d", string.lower(name), i)
end
local platforms = tonumber(os.getenv("BENCH_PLATFORMS") or "5")

searches.countries = {"IN", "US", "PH", "BR", "MX", "NG", "KE", "DE", "FR", "ES", "GB", "CA", "AU", "JP", "KR", "PK",
  "BD", "ZA", "EG", "AR", "CO", "CL", "PE", "PL", "IT", "NL", "SE", "PT", "ID", "VN", "TH", "MY", "SG", "IE", "NZ",
  "GH", "MA", "LK", "NP", "UY"}
searches.languages = {"es", "pt", "de", "fr", "hi", "ja", "zh", "ar", "it", "ko", "tl", "sw", "pl", "tr", "vi", "id", "nl"}
searches.words = {"python", "rust", "java", "sql", "calculus", "physics", "statistics", "cardiology", "tax", "law",
  "travel", "cooking", "history", "music", "translation", "grammar", "rate", "compare", "fact-check", "review",
  "weekly", "assessment", "guidelines", "spanish", "german", "code", "tests", "poetry", "chemistry", "accounting"}
searches.credentials = {"law-degree", "medical-license", "cpa", "phd", "pe-license", "bar-admission", "cfa"}
searches.tiers = {"general-writing", "coding", "languages", "stem-math", "domain-expert"}
searches.task_types = {"PREFERENCE_COMPARISON", "RESPONSE_RATING", "PROMPT_RESPONSE_WRITING", "CODE_EVALUATION",
  "RED_TEAMING", "FACT_CHECKING", "TRANSLATION_REVIEW"}

-- The fixed reference searches (warm), one per kind.
searches.warm = {
  "/api/listings",
  "/api/listings?country=IN&facets=tier,country",
  "/api/listings?speaks=en,es&holds=law-degree&sort=-pay",
  "/api/listings?language=es&facets=platform,taskType",
  "/api/listings?tier=coding&taskType=CODE_EVALUATION&page=2",
  "/api/listings?platform=" .. searches.platform_slug(0) .. "&sort=title",
  "/api/listings?minPay=30&includeUnknownPay=true&sort=-pay",
  "/api/listings?q=python&facets=tier",
  "/api/listings?postedAfter=2026-10-01T00:00:00Z&country=BR",
  "/api/listings?country=US&speaks=en&tier=general-writing,languages&minPay=18&facets=platform,tier,taskType,country,language,status",
}

local function at(list, n) return list[n % #list + 1] end

-- Search kind `kind` (0-9, the order of searches.warm) with values varied by v, a number unique to
-- the request. Every cold request also carries a postedAfter unique to it and before any listing (so
-- the result set is the same), which makes every request a distinct cache key: none is answered
-- from the cache.
function searches.cold(kind, v)
  local unique = string.format("2025-01-01T%02d:%02d:%02d.%03dZ", math.floor(v / 3600000) % 24,
    math.floor(v / 60000) % 60, math.floor(v / 1000) % 60, v % 1000)
  local page = v % 5
  local path
  if kind == 0 then
    path = "/api/listings?page=" .. page
  elseif kind == 1 then
    path = "/api/listings?country=" .. at(searches.countries, v) .. "&facets=tier,country"
  elseif kind == 2 then
    path = "/api/listings?speaks=en," .. at(searches.languages, v) .. "&holds=" .. at(searches.credentials, v)
      .. "&sort=-pay&page=" .. page
  elseif kind == 3 then
    path = "/api/listings?language=" .. at(searches.languages, v) .. "&facets=platform,taskType"
  elseif kind == 4 then
    path = "/api/listings?tier=" .. at(searches.tiers, v) .. "&taskType=" .. at(searches.task_types, v * 3 + 1)
      .. "&page=" .. page
  elseif kind == 5 then
    path = "/api/listings?platform=" .. searches.platform_slug(v % platforms) .. "&sort=title&page=" .. page % 2
  elseif kind == 6 then
    path = "/api/listings?minPay=" .. (10 + v % 110) .. "&includeUnknownPay=true&sort=-pay&page=" .. page
  elseif kind == 7 then
    path = "/api/listings?q=" .. at(searches.words, v) .. "&facets=tier"
  elseif kind == 8 then
    -- postedAfter is this kind's own filter: a day in the generator's range, with the unique seconds.
    return string.format("/api/listings?postedAfter=2026-%02d-%02dT%s&country=%s", 3 + v % 8, 1 + v % 28,
      string.sub(unique, 12), at(searches.countries, v))
  else
    path = "/api/listings?country=" .. at(searches.countries, v) .. "&speaks=en&tier=" .. at(searches.tiers, v)
      .. "," .. at(searches.tiers, v + 2) .. "&minPay=" .. (15 + v % 40)
      .. "&facets=platform,tier,taskType,country,language,status"
  end
  return path .. "&postedAfter=" .. unique
end

-- A cold text search of `words` (1 or 2) words of q, varied by v; relevance order, the default with q.
function searches.text(words, v)
  local unique = string.format("2025-01-01T%02d:%02d:%02d.%03dZ", math.floor(v / 3600000) % 24,
    math.floor(v / 60000) % 60, math.floor(v / 1000) % 60, v % 1000)
  local q = at(searches.words, v)
  if words == 2 then
    q = q .. "+" .. at(searches.words, v * 7 + 3)
  end
  return "/api/listings?q=" .. q .. "&postedAfter=" .. unique
end

return searches
