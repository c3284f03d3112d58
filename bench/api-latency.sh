#!/usr/bin/env bash
# API latency benchmark: 50 concurrent clients (wrk) on each dashboard endpoint in turn, while the
# synthetic shop is replayed at about RATE events/s with the whole pipeline running (embedded Kafka,
# loader, Flink job, transforms every 30 s). Each endpoint is measured twice: paced (each client
# asks every PACE_MS, default 200 ms: ~250 requests/s, many dashboards' worth) and flat out (each
# client asks again as soon as it has its answer: the server's capacity, latency = queueing).
#   bench/api-latency.sh [RATE] [SECONDS_PER_ENDPOINT] [WORK_DIR]   (defaults: 10000, 15, /tmp/funnelstream-api)
# LAYOUT=front: the run at a lower CPU priority (nice -n 10) and the clients on a dashboard front in a
# process of its own (./funnelstream serve beside the run) instead of on the run's own server.
# Needs wrk (Debian: apt-get install -y wrk). Prints one markdown row per endpoint and load; the
# endpoint's first ask (which waits for its query, later ones are answered from the cache) is timed
# on its own before wrk starts.
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-10000}"
seconds="${2:-15}"
work="${3:-/tmp/funnelstream-api}"
port=18080
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

./funnelstream --version >/dev/null    # builds the app jar if needed
rm -rf "$work" && mkdir -p "$work"
# The synthetic shop makes 10M events over October: ~3.73 events per second of shop time.
speed=$(awk -v r="$rate" 'BEGIN { printf "%d", r / (10000000 / (31 * 86400)) }')
layout="${LAYOUT:-one-process}"
nice=()
[ "$layout" = front ] && nice=(nice -n 10)
"${nice[@]}" ./funnelstream run --data-dir "$work/data" --port "$port" --speed "$speed" --events 10000000 --months 2019-10 \
  >"$work/run.out" 2>"$work/run.log" &
app=$!
front=""
trap 'kill $app $front 2>/dev/null; wait $app $front 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
until curl -sf "$base/health" >/dev/null; do
  kill -0 $app 2>/dev/null || { echo "the run died; see $work/run.log" >&2; exit 1; }
  sleep 1
done
if [ "$layout" = front ]; then
  ./funnelstream serve --data-dir "$work/data" --port $((port + 1)) >"$work/front.out" 2>"$work/front.log" &
  front=$!
  base="http://127.0.0.1:$((port + 1))"
  until curl -sf "$base/health" >/dev/null; do
    kill -0 $front 2>/dev/null || { echo "the front died; see $work/front.log" >&2; exit 1; }
    sleep 1
  done
fi
sleep 45   # let the stream settle and the first transforms run

header() { curl -s "$base/api/header"; }
# wrk prints 850.00us, 12.34ms or 1.20s
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/ && $1 !~ /ms$/) v *= 1000; printf "%.1f", v }'; }
h=$(header)
from=$(echo "$h" | sed -E 's/.*"last_hour":\{"from":"([^"]*)".*/\1/')
to=$(echo "$h" | sed -E 's/.*"last_hour":\{"from":"[^"]*","to":"([^"]*)".*/\1/')
endpoints=(
  "/api/header"
  "/api/report/revenue-by-category?limit=15"
  "/api/report/revenue-by-top-category?limit=15"
  "/api/report/top-brands?limit=15"
  "/api/report/daily-revenue"
  "/api/report/conversion-funnel?from=$from&to=$to"
  "/api/report/conversion-funnel?category=electronics"
  "/api/report/trending-products"
  "/api/trending/sparklines"
  "/api/categories"
)

echo "| endpoint | first ask ms | load | requests/s | p50 ms | p99 ms | replay events/s during |"
echo "|---|---|---|---|---|---|---|"
for e in "${endpoints[@]}"; do
 # The first ask of a query waits for its SQL (then the cache answers): timed alone, left out of wrk's figures.
 first=$(curl -s -o /dev/null -w '%{time_total}' "$base$e" | awk '{ printf "%.0f", $1 * 1000 }')
 for load in paced flat-out; do
  script=()
  [ "$load" = paced ] && script=(-s bench/pace.lua)
  before=$(curl -s "$base/api/status" | grep -o '"events" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
  out=$(wrk -t2 -c50 -d"${seconds}s" --latency "${script[@]}" "$base$e")
  after=$(curl -s "$base/api/status" | grep -o '"events" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  eps=$(awk -v a="$before" -v b="$after" -v s="$seconds" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) printf "%d", (b - a) / s; else print "?" }')
  shown=$(echo "$e" | sed -E 's/from=[^&]*&to=[^&]*/from=<last hour>/')
  echo "| \`$shown\` | $first | $load | $rps | $p50 | $p99 | $eps${errors:+ ($errors non-2xx)} |"
 done
done
