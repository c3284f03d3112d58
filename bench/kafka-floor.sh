#!/usr/bin/env bash
# The floor under bench/ingest.sh: N records through the embedded broker with the replay's
# transactional producer and the loader's read-committed consumer, and nothing else (no CSV, no
# validation, no JSON, no warehouse). Keys and values are made beforehand from one input file.
#   bench/kafka-floor.sh [RECORDS] [WORK_DIR]   (defaults: 5000000, /tmp/funnelstream-floor)
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-5000000}"
work="${2:-/tmp/funnelstream-floor}"

./funnelstream --version >/dev/null           # builds the app jar if needed
mvn -q -B test-compile                        # the bench harness lives with the tests
rm -rf "$work"
mkdir -p "$work"
./funnelstream generate --out "$work/input" --events 300000 --months 2019-10..2019-10 --seed 42 >/dev/null
java -Xmx1g -XX:+UseParallelGC -cp target/test-classes:target/funnelstream.jar \
  dev.funnelstream.bench.KafkaFloorBench "$work" "$records" "$work/input/2019-Oct.csv.gz" 2>"$work.log"
