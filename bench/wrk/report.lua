-- Shared by every wrk script: a done() that prints one JSON line (requests, seconds, requests per second,
-- p50/p90/p99 in milliseconds, errors including non-2xx/3xx answers), which run.sh parses.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end

-- Each thread gets its own number, so threads start at different places in a cycle.
local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end
