#!/usr/bin/env bash
# Commits compared in one sitting, because this machine's speed drifts between runs: bench/run.sh on each checkout
# in turn, round after round, then the median of each figure per checkout.
# Usage: bench/compare.sh <checkout>... (each with its jar built; make one with `git worktree add`);
# BENCH_ROUNDS (3), BENCH_DURATION (20s), BENCH_WARMUP (5s), and bench/run.sh's BENCH_* settings.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-3}
OUT=$(mktemp -d /tmp/bluebird-compare.XXXXXX)
for round in $(seq "$ROUNDS"); do
  i=0
  for tree in "$@"; do
    i=$((i + 1))
    BENCH_FLOOR=0 BENCH_TREE="$tree" bench/run.sh "${BENCH_DURATION:-20s}" 16 "${BENCH_WARMUP:-5s}" \
      >"$OUT/$i.$round.txt" 2>&1 || echo "!! $tree round $round failed: $OUT/$i.$round.txt"
    grep -E '^== (acknowledged|delivered|hub CPU)' "$OUT/$i.$round.txt" | sed "s|^|$tree #$round |"
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "| checkout | acknowledged/s | ack p99 ms | delivered/s | end to end p99 ms | CPU ms a message | RSS max MB |"
echo "|---|---|---|---|---|---|---|"
i=0
for tree in "$@"; do
  i=$((i + 1))
  files=("$OUT/$i".*.txt)
  ack=$(for f in "${files[@]}"; do sed -n 's/^== acknowledged: .* = \([0-9]*\)\/s.*/\1/p' "$f"; done | median)
  p99=$(for f in "${files[@]}"; do sed -n 's/^ack latency .* p99 \([0-9.]*\) ms, p99.9.*/\1/p' "$f"; done | median)
  del=$(for f in "${files[@]}"; do sed -n 's/^== delivered: .* = \([0-9]*\)\/s.*/\1/p' "$f"; done | median)
  e2e=$(for f in "${files[@]}"; do sed -n 's/.*end to end p50 [0-9]* ms, p99 \([0-9]*\) ms.*/\1/p' "$f"; done | median)
  cpu=$(for f in "${files[@]}"; do sed -n 's/.* cores in the window, \([0-9.]*\) ms a message.*/\1/p' "$f"; done | median)
  rss=$(for f in "${files[@]}"; do sed -n 's/.*RSS max \([0-9]*\) MB.*/\1/p' "$f"; done | median)
  echo "| $(git -C "$tree" log -1 --format='%h %s' | cut -c1-60) | $ack | $p99 | $del | $e2e | $cpu | $rss |"
done
echo "(medians of $ROUNDS rounds; each run's output in $OUT)"
