-- The benchmark's load, one scenario per wrk run (bench/run sets the environment):
--   SCENARIO  floor | view | seed | history-seed | pages | history-pages | entity | create | update |
--             preview | page1000 | deep | sortname | substring
--   TOKEN     the bearer token (for create: one token per project, comma separated, each of a
--             writer of that project alone, so that every request carries a token of the size
--             the floor's carries); LINKS the links the data generator made; THREADS wrk's -t;
--   OFFSET    where the create and update scenarios start numbering (no two create runs overlap).
-- Ids follow org.hse.api.bench.DataGenerator: the n-th item of a table is <prefix>-0000-4000-8000-<n>.
-- The writer's project is project 1: links 1..L/20, incidents and actions 1..I, offices 1..10;
-- creates go to every other project (2..20), each with the token of a writer of that project, so
-- that the reads of project 1 find the data the generator made however long the run creates.
-- The history- scenarios are their plain twins with history true (the generator deleted one link
-- in a hundred, with its history, for them to find).

local scenario = os.getenv("SCENARIO")
local token = os.getenv("TOKEN")
local links = tonumber(os.getenv("LINKS"))
local threads = tonumber(os.getenv("THREADS") or "1")
local offset = tonumber(os.getenv("OFFSET") or "0")

-- wrk runs LuaJIT (Lua 5.1): no integer division operator
local function idiv(a, b)
  return math.floor(a / b)
end

local PROJECTS, OFFICES, PER_INCIDENT = 20, 10, 5
local incidents = idiv(links, PROJECTS * PER_INCIDENT) -- incidents (and actions) per project
local projectLinks = idiv(links, PROJECTS)

local function id(prefix, n)
  return string.format("%s-0000-4000-8000-%012d", prefix, n)
end
local PROJECT1 = id("10000000", 1)

local function headers_of(bearer)
  return { ["Authorization"] = "Bearer " .. bearer, ["Content-Type"] = "application/json" }
end

local tokens = {}
for each in string.gmatch(token, "[^,]+") do
  tokens[#tokens + 1] = headers_of(each)
end
local json = tokens[1]

local created = 0
local all_threads = {}
function setup(thread)
  thread:set("tid", created)
  created = created + 1
  all_threads[#all_threads + 1] = thread
end

local next_request, on_response

-- a new pair for every create, in projects 2..20 in turn (with that project's writer): incident
-- k of the project with its action k + s, where the shift s skips the multiples of I/5 (the
-- generated links' own shifts), so that no pair is linked twice; OFFSET keeps runs apart (a create
-- run's RESULT line ends with next=, the number after the highest it used, where the next may start)
local function create()
  local p = offset + tid + counter * threads
  counter = counter + 1
  top = p
  local project = p % (PROJECTS - 1) + 2
  local q = idiv(p, PROJECTS - 1)
  local k = q % incidents
  local r = idiv(q, incidents)
  local fifth = idiv(incidents, PER_INCIDENT)
  local s = r + 1 + idiv(r, fifth - 1)
  local first = (project - 1) * incidents
  local incident = first + k + 1
  local action = first + (k + s) % incidents + 1
  local body = string.format(
    '{"office_incident_id":"%s","entity_type":"ACTION","entity_id":"%s",'
      .. '"subtenant_id":"%s","tenant_id":"%s","description":"Linked by the benchmark"}',
    id("30000000", incident), id("40000000", action),
    id("20000000", (project - 1) * OFFICES + incident % OFFICES + 1), id("10000000", project))
  return wrk.format("POST", "/v2/incident-action/create", tokens[(project - 1) % #tokens + 1], body)
end

-- each thread (one connection) updates its own ten links in turn: a first view of each gives its
-- ETag, then every update sends If-Match with the ETag of the previous answer
local function update()
  local slot = counter % 10
  counter = counter + 1
  local n = (offset + tid * 10 + slot) % projectLinks + 1
  pending = n
  local path = "/v2/incident-action/%s/" .. id("50000000", n)
  if etags[n] == nil then
    return wrk.format("GET", path:format("view"), json)
  end
  local headers = { ["If-Match"] = etags[n] }
  for k, v in pairs(json) do headers[k] = v end
  return wrk.format("PUT", path:format("update"), headers,
    string.format('{"description":"Reviewed by the benchmark, round %d"}', counter))
end

function init(args)
  math.randomseed(tid * 7919 + os.time())
  counter = 0
  etags = {}
  local random_link = function() return id("50000000", math.random(projectLinks)) end
  local get = function(path) return wrk.format("GET", path, json) end
  local requests = {
    floor = function() return get("/floor/noop") end,
    view = function() return get("/v2/incident-action/view/" .. random_link()) end,
    seed = function()
      return wrk.format("POST", "/v2/incident-action/index", json, string.format(
        '{"filter":{"office_incident_id":"%s"},"per-page":20,"page":1,"sort":"action_name"}',
        id("30000000", math.random(incidents))))
    end,
    ["history-seed"] = function()
      return wrk.format("POST", "/v2/incident-action/index", json, string.format(
        '{"filter":{"office_incident_id":"%s"},"per-page":20,"page":1,"sort":"action_name",'
          .. '"history":true}',
        id("30000000", math.random(incidents))))
    end,
    pages = function() return get("/v2/incident-action/index?per-page=20&page=" .. math.random(50)) end,
    ["history-pages"] = function()
      return get("/v2/incident-action/index?history=1&per-page=20&page=" .. math.random(50))
    end,
    entity = function()
      return get("/v2/incident-action/index?filter%5Bentity_id%5D=" .. id("40000000", math.random(incidents)))
    end,
    create = create,
    update = update,
    preview = function() return wrk.format("DELETE", "/v2/incident-action/delete/" .. random_link(), json) end,
    page1000 = function()
      return get("/v2/incident-action/index?per-page=1000&page=" .. math.random(math.max(1, idiv(projectLinks, 1000))))
    end,
    -- 90 % deep into every link there is (page 9000 at a million), as an admin sees them
    deep = function() return get(string.format("/v2/incident-action/index?per-page=100&page=%d", idiv(links * 9, 1000))) end,
    sortname = function() return get("/v2/incident-action/index?sort=action_name&per-page=20") end,
    substring = function() return get("/v2/incident-action/index?filter%5Baction_name%5D=drill&per-page=20") end,
  }
  next_request = requests[scenario]
  if next_request == nil then
    error("unknown SCENARIO " .. tostring(scenario))
  end
end

function request()
  return next_request()
end

function response(status, headers, body)
  if scenario == "update" and pending ~= nil then
    etags[pending] = headers["ETag"] or headers["Etag"] or headers["etag"]
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  local next_pair = ""
  if scenario == "create" then
    local highest = offset - 1
    for _, thread in ipairs(all_threads) do
      highest = math.max(highest, thread:get("top") or highest)
    end
    next_pair = string.format(" next=%d", highest + 1)
  end
  io.write(string.format("RESULT %s requests=%d rps=%.1f p50=%.1f p99=%.1f errors=%d timeouts=%d%s\n",
    scenario, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, errors.timeout, next_pair))
end
