-- Cold searches over the example data (bench/startup.sh): the kinds of cold.lua but the platform one,
-- whose generated slugs the example data does not have. Values change on every request, so no answer
-- comes from a cache.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local searches = dofile(os.getenv("BENCH_WRK_DIR") .. "/searches.lua")
local kinds = {0, 1, 2, 3, 4, 6, 7, 8, 9}
local n = -1
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
function request()
  n = n + 1
  return wrk.format("GET", searches.cold(kinds[n % #kinds + 1], math.floor(n / #kinds) * threads + thread_number))
end
