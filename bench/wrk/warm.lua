-- Warm search: the ten reference searches with fixed values, repeated (after the first round, the
-- service may answer each from its cache).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local searches = dofile(os.getenv("BENCH_WRK_DIR") .. "/searches.lua")
local n = 0
function request()
  n = n + 1
  return wrk.format("GET", searches.warm[(n + thread_number * 5) % #searches.warm + 1])
end
