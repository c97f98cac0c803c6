-- The limit: one constant JSON document of the same service, the URL given to wrk.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
