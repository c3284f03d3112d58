#!/usr/bin/env bash
# Transforms benchmark: N synthetic events loaded straight into raw.events (DuckDB read_csv, no
# Kafka), then the time of a full transform run, and of an incremental run after one new day.
#   bench/transforms.sh [EVENTS] [WORK_DIR]      (defaults: 5000000, /tmp/funnelstream-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-5000000}"
work="${2:-/tmp/funnelstream-bench}"
input="$work/input-$events-oct-apr"

./funnelstream --version >/dev/null           # builds the app jar if needed
mvn -q -B test-compile                        # the bench harness lives with the tests
if [ ! -d "$input" ]; then
  ./funnelstream generate --out "$input" --events "$events" --months 2019-10..2020-04 --seed 42
fi
# JAVA_OPTS for e.g. -Dfunnelstream.duckdb.memory=4GB; logs (FUNNELSTREAM_LOG_LEVEL=TRACE: per statement)
# go to $work/transforms/bench.log.
mkdir -p "$work/transforms"
java -Xmx1g ${JAVA_OPTS:-} -cp target/test-classes:target/funnelstream.jar dev.funnelstream.bench.TransformBench \
  "$input" "$work/transforms" 2>"$work/transforms/bench.log"
echo "$events" > "$work/transforms/after-full.events"   # which size after-full.duckdb holds
