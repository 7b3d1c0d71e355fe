-- wrk: each request signs one dossier awaiting the signatory's signature, through the HTTP API
-- (POST /api/tenants/{t}/signatures, one dossier, the PIN: render, PAdES B-LT, store, register).
-- One connection per thread (wrk -tN -cN); thread i signs dossiers i, i+N, i+2N… of ROKHSA_IDS and
-- stops when it has none left. wrk itself always runs for its -d: a thread that ran out notes when
-- it stopped, and the rate is the signatures over the longest thread's own time. (wrk calls the
-- first thread's request() once to check it, unsent: that thread's first dossier stays unsigned.) Environment: ROKHSA_IDS (a file, one dossier id a line),
-- ROKHSA_TOKEN (the signatory's bearer token), ROKHSA_TENANT, ROKHSA_PIN, ROKHSA_THREADS.
-- See signatures.sh, which runs it.

local threads = {}

local function now()
  local date = io.popen("date +%s%N")
  local ns = tonumber(date:read("*a"))
  date:close()
  return ns / 1e9
end

function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("ROKHSA_IDS")) do
    if line ~= "" then table.insert(all, line) end
  end
  local n = tonumber(os.getenv("ROKHSA_THREADS"))
  mine = {}
  for i = index, #all, n do table.insert(mine, all[i]) end
  nextId = 1
  signed = 0
  refused = 0
  firstRefusal = ""
  path = "/api/tenants/" .. os.getenv("ROKHSA_TENANT") .. "/signatures"
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("ROKHSA_TOKEN"),
  }
  pin = os.getenv("ROKHSA_PIN")
  started = now()
  stopped = 0
end

function request()
  local id = mine[nextId]
  nextId = nextId + 1
  signing = id ~= nil
  if id == nil then
    -- Out of dossiers: stop; this request is never measured as a signature.
    wrk.thread:stop()
    return wrk.format("GET", "/api/version")
  end
  return wrk.format("POST", path, headers,
    '{"dossiers": ["' .. id .. '"], "pin": "' .. pin .. '"}')
end

function response(status, headers, body)
  if not signing then return end
  if status == 200 and string.find(body, '"signed":true', 1, true) then
    signed = signed + 1
  else
    refused = refused + 1
    if firstRefusal == "" then firstRefusal = status .. " " .. string.sub(body, 1, 300) end
  end
  if nextId > #mine then
    stopped = now()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local ok, bad, why, seconds = 0, 0, "", 0
  for _, thread in ipairs(threads) do
    local took = summary.duration / 1e6
    if thread:get("stopped") > 0 then took = thread:get("stopped") - thread:get("started") end
    if took > seconds then seconds = took end
    ok = ok + thread:get("signed")
    bad = bad + thread:get("refused")
    local first = thread:get("firstRefusal")
    if why == "" and first ~= nil then why = first end
  end
  io.write(string.format(
    "signed %d, refused %d in %.1f s: %.1f signatures/s; latency p50 %.0f ms, p95 %.0f ms,"
      .. " p99 %.0f ms, max %.0f ms\n",
    ok, bad, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  if why ~= "" then io.write("first refusal: " .. why .. "\n") end
end
