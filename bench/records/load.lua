-- wrk script: GETs to paths made from BENCH_PATH (with "{id}") and ids drawn at random from the file BENCH_IDS;
-- at the end one line, labelled BENCH_LABEL, with requests/s, latency percentiles, "failed" (answers with a status
-- of 400 or more, as wrk counts them) and "socket-errors" (connect, read and write errors and timeouts). Each of
-- wrk's threads runs its own copy of this script (its own ids and random numbers).
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do
  local id = line:match("^%s*(.-)%s*$")
  if id ~= "" then ids[#ids + 1] = id end
end
assert(#ids > 0, "no ids in " .. os.getenv("BENCH_IDS"))
local template = os.getenv("BENCH_PATH")
-- a different sequence in every thread: the time and the address of a fresh table
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)

wrk.headers["Accept"] = "application/fhir+json"

function request()
  local path = template:gsub("{id}", ids[math.random(#ids)])
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("%-14s concurrency %3d  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms"
      .. "  failed %d  socket-errors %d  all %d\n", os.getenv("BENCH_LABEL") or "load",
      tonumber(os.getenv("BENCH_CONCURRENCY") or "0"), summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.requests))
end
