-- wrk script: each connection waits PACE_MS (default 200) between its requests, so 50 connections
-- make about 250 requests/s, like many open dashboards (a page asks about once a second), instead
-- of asking as fast as the server answers. wrk times each request from send to answer.
local pause = tonumber(os.getenv("PACE_MS") or "200")

function delay()
  return pause
end
