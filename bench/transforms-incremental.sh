#!/usr/bin/env bash
# The incremental transform run after one new day, warm and repeated (the noise here is +-15%): each
# round starts from the warehouse bench/transforms.sh kept after its full run (run that first, with
# the same EVENTS and WORK_DIR), lands the held-back day and times one run.
# SLICES above 1 lands the day in that many slices with a run after each (what a live run does).
#   bench/transforms-incremental.sh [EVENTS] [ROUNDS] [WORK_DIR] [SLICES]   (defaults: 5000000, 5, /tmp/funnelstream-bench, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-5000000}"
rounds="${2:-5}"
work="${3:-/tmp/funnelstream-bench}"
slices="${4:-1}"

./funnelstream --version >/dev/null           # builds the app jar if needed
mvn -q -B test-compile                        # the bench harness lives with the tests
# The kept warehouse is per size: transforms.sh writes it to $work/transforms for the last size it ran.
if ! grep -q "^$events$" "$work/transforms/after-full.events" 2>/dev/null; then
  echo "bench/transforms-incremental.sh: run bench/transforms.sh $events first" >&2
  exit 2
fi
java -Xmx1g ${JAVA_OPTS:-} -cp target/test-classes:target/funnelstream.jar dev.funnelstream.bench.IncrementalBench \
  "$work/transforms" "$rounds" "$slices" 2>"$work/transforms/incremental.log"
