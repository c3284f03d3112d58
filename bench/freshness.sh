#!/usr/bin/env bash
# Freshness benchmark: the synthetic shop replayed at about RATE events/s with the Flink job live;
# the time from a record's appearance on the raw topic to its count in processed.funnel_minute.
#   bench/freshness.sh [RATE] [SECONDS] [WORK_DIR] [PACE]   (defaults: 10000, 60, /tmp/funnelstream-fresh, steady)
# PACE steady: RATE events every second (run --speed RATE/s); shop: the shop's daily rhythm sped up
# to RATE on average (busy and quiet hours alternate every ~30 s at 10,000/s). WARMUP=S: seconds
# not measured at the start (default 20; the start-up backlog takes longer to clear near capacity).
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-10000}"
seconds="${2:-60}"
work="${3:-/tmp/funnelstream-fresh}"
pace="${4:-steady}"

./funnelstream --version >/dev/null           # builds the app jar if needed
mvn -q -B test-compile                        # the bench harness lives with the tests
rm -rf "$work"
java_opts="-Xmx1g -XX:+UseParallelGC"                 # as ./funnelstream starts the app
if [ "$(id -u)" = 0 ]; then java_opts="$java_opts -XX:ThreadPriorityPolicy=1"; fi
java $java_opts -Dwarmup.seconds="${WARMUP:-20}" -cp target/test-classes:target/funnelstream.jar \
  dev.funnelstream.bench.FreshnessBench "$work" "$rate" "$seconds" "$pace" 2>"$work.log"
