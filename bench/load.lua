-- wrk script for bench/load: the paths given after `--` in turn, and a count of every answer
-- that is not 2xx (wrk's own count lets 3xx pass).
threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths, turn, bad = args, 0, 0
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  io.write(string.format("non-2xx: %d\n", total))
end
