#!/usr/bin/env bash
# End-to-end benchmark: N synthetic events from .csv.gz files to raw.events and, with the Flink
# job (on by default), its aggregates to processed.*; --speed max, embedded Kafka, Flink and DuckDB,
# one process. Prints wall time, events/s and peak RSS.
#   bench/ingest.sh [EVENTS] [WORK_DIR]      (defaults: 5000000, /tmp/funnelstream-bench)
#   RUN_FLAGS=--no-flink bench/ingest.sh      the raw layer only, as measured for issue 2
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-5000000}"
work="${2:-/tmp/funnelstream-bench}"
input="$work/input-$events"

./funnelstream --version >/dev/null   # builds the jar if needed, outside the timing
if [ ! -d "$input" ]; then
  ./funnelstream generate --out "$input" --events "$events" --months 2019-10..2019-12 --seed 42
fi
rm -rf "$work/data"
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" ./funnelstream run --input "$input" --speed max --until-drained \
  --data-dir "$work/data" --port 0 --format json ${RUN_FLAGS:-} > "$work/status.json" 2> "$work/run.log"
end=$(date +%s.%N)
python3 - "$work" "$events" "$start" "$end" <<'PY'
import json, re, sys
work, events, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
status = json.load(open(f"{work}/status.json"))
t = open(f"{work}/time.txt").read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
wall = end - start
assert status["input_rows"] == events == status["events"] + status["duplicates"] + status["quarantined"], status
print(f"events={events} wall={wall:.1f}s rate={events / wall:,.0f} events/s (whole command, start-up included) "
      f"cpu={cpu:.0f}s ({cpu / events * 1e6:.1f} us/event) peak_rss={rss_kb / 1024 / 1024:.2f} GB")
landed = re.search(r"Raw layer landed: every record of the replay, ([\d.]+) s after it started", open(f"{work}/run.log").read())
if landed:
    # The issue's own measure: from the first row read to the last event in raw.events (no start-up,
    # no final transform run, no Flink job).
    print(f"to raw.events: {float(landed.group(1)):.1f}s from the replay's start, {events / float(landed.group(1)):,.0f} events/s")
for line in open(f"{work}/run.log"):
    if "Live analytics job finished" in line or "aggregate records landed" in line:
        print(line.strip())
PY
