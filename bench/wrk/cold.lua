-- Cold search: the same ten kinds with values that change on every request, so no answer comes from a
-- cache. Each thread cycles through the ten kinds in order (an equal mix, like pgbench's scripts of
-- equal weight); values come from a number that threads interleave, so no two requests are the same.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local searches = dofile(os.getenv("BENCH_WRK_DIR") .. "/searches.lua")
local n = -1
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
-- The warm-up takes its values from elsewhere (BENCH_COLD_OFFSET), so the measured run repeats none.
local offset = tonumber(os.getenv("BENCH_COLD_OFFSET") or "0")
function request()
  n = n + 1
  return wrk.format("GET", searches.cold(n % 10, offset + math.floor(n / 10) * threads + thread_number))
end
