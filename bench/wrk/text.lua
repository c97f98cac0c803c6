-- Text search, cold: one and two words of q (in turn), each request with a postedAfter unique to it
-- and before every listing, so that none is answered from the cache. Words from bench/generate.mjs.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local searches = dofile(os.getenv("BENCH_WRK_DIR") .. "/searches.lua")
local n = -1
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
function request()
  n = n + 1
  return wrk.format("GET", searches.text(n % 2 + 1, math.floor(n / 2) * threads + thread_number))
end
