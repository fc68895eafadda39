-- wrk script for the token endpoint benchmark (run.sh). Each wrk thread keeps a pool of grants read from a file:
-- refresh tokens (mode "refresh") or authorization codes (mode "code"). Every request takes one value from the pool,
-- so each value is sent exactly once; a refresh answer puts its new refresh token back, so each connection goes on
-- with the newest token of some chain. When the run ends, done() writes what is left (the newest token of every
-- chain that was not in flight) to the file given, for the next run.
--
-- Arguments after "--": mode, file to read, file to write, "Basic ..." header value, number of threads,
-- redirect_uri (form-encoded) and code_verifier (code mode only).

local threads = {}
local count = 0

function setup(thread)
   thread:set("id", count)
   count = count + 1
   table.insert(threads, thread)
end

function init(args)
   mode = args[1]
   output = args[3]
   local authorization = args[4]
   local total = tonumber(args[5])
   redirect_uri = args[6]
   code_verifier = args[7]
   headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Accept"] = "application/json",
      ["Authorization"] = authorization,
   }
   pool = {}
   exhausted = 0
   local i = 0
   for line in io.lines(args[2]) do
      if line ~= "" then
         if i % total == id then
            table.insert(pool, line)
         end
         i = i + 1
      end
   end
end

function request()
   local value = table.remove(pool)
   if value == nil then
      -- Nothing left to send: the request fails and counts as an error, and the run reports it.
      exhausted = exhausted + 1
      value = "none-left"
   end
   local body
   if mode == "refresh" then
      body = "grant_type=refresh_token&refresh_token=" .. value
   else
      body = "grant_type=authorization_code&code=" .. value .. "&redirect_uri=" .. redirect_uri
         .. "&code_verifier=" .. code_verifier
   end
   return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
   if mode == "refresh" and status == 200 then
      local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
      if token then
         table.insert(pool, token)
      end
   end
end

function done(summary, latency, requests)
   local left = {}
   local exhausted = 0
   local output = nil
   for _, thread in ipairs(threads) do
      output = output or thread:get("output")
      exhausted = exhausted + (thread:get("exhausted") or 0)
      for _, value in ipairs(thread:get("pool") or {}) do
         table.insert(left, value)
      end
   end
   if output and output ~= "" then
      local file = io.open(output, "w")
      for _, value in ipairs(left) do
         file:write(value, "\n")
      end
      file:close()
   end
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d status_errors=%d exhausted=%d left=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.connect + e.read + e.write + e.timeout, e.status, exhausted, #left))
end
