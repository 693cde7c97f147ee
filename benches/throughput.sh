#!/usr/bin/env bash
# End-to-end throughput: generates (once) a tree of source-like files and
# times `leakguard scan` over it with the files in page cache.
# Usage: benches/throughput.sh [SIZE_MB (default 500)] [DIR (default /tmp/leakguard-bench-tree)]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-500}
dir=${2:-/tmp/leakguard-bench-tree-$size_mb}

cargo build --release --quiet
cargo fetch --quiet
if [ ! -d "$dir" ]; then
  python3 benches/gen_tree.py "$dir" "$size_mb"
fi
bin=target/release/leakguard
# Warm the page cache, then measure.
$bin scan "$dir" --format json -o /dev/null --fail-on never
best=""
for run in 1 2 3; do
  start=$(date +%s.%N)
  $bin scan "$dir" --format json -o /tmp/leakguard-bench.json --fail-on never
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc -l)
  if [ -z "$best" ] || (( $(echo "$wall < $best" | bc -l) )); then best=$wall; fi
done
python3 - "$best" <<'PY'
import json, sys
wall = float(sys.argv[1])
r = json.load(open("/tmp/leakguard-bench.json"))
s = r["stats"]
mb = s["bytes"] / 1e6
print(f"files {s['files']}  bytes {mb:.0f} MB  findings {len(r['findings'])}")
print(f"wall {wall:.2f} s (best of 3)  throughput {mb / wall:.0f} MB/s")
PY
