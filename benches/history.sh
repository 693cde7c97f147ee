#!/usr/bin/env bash
# History scan throughput: `leakguard scan --git` over a generated repository
# of real crate sources (built once with benches/gen_history.py and cached):
# 20,000 commits with merged feature branches, over 100,000 unique blobs.
# Prints commits/s, blobs/s, MB/s and peak RSS.
# Usage: benches/history.sh [COMMITS (default 20000)] [DIR (default /tmp/leakguard-bench-history-COMMITS)]
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-20000}
dir=${2:-/tmp/leakguard-bench-history-$commits}

cargo build --release --quiet
bin=$PWD/target/release/leakguard
if [ ! -f "$dir/.git/leakguard-bench-ready" ]; then
  cargo fetch --quiet
  rm -rf "$dir"
  python3 benches/gen_history.py history "$dir" --commits "$commits"
  touch "$dir/.git/leakguard-bench-ready"
fi
echo "repository: $dir ($(du -sh "$dir/.git" | cut -f1) in .git)"

out=/tmp/leakguard-bench-history.json
# Warm the page cache (pack files), then measure one run.
cat "$dir"/.git/objects/pack/*.pack >/dev/null
timefile=$(mktemp)
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v -o "$timefile" "$bin" scan --git "$dir" --format json -o "$out" --fail-on never
else
  "$bin" scan --git "$dir" --format json -o "$out" --fail-on never
fi
end=$(date +%s.%N)
python3 - "$start" "$end" "$out" "$timefile" <<'PY'
import json, re, sys
start, end, out, timefile = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
wall = end - start
r = json.load(open(out))
s = r["stats"]
mb = s["bytes"] / 1e6
print(f"commits {s['commits']}  unique blobs scanned {s['blobs']}  content {mb:.0f} MB  "
      f"skipped {s['skipped']}  findings {len(r['findings'])}")
print(f"wall {wall:.2f} s  ->  {s['commits'] / wall:,.0f} commits/s  {s['blobs'] / wall:,.0f} blobs/s  "
      f"{mb / wall:.0f} MB/s")
text = open(timefile).read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
cpu = re.search(r"Percent of CPU this job got: (\d+)%", text)
if rss:
    print(f"peak RSS {int(rss.group(1)) / 1024:.0f} MB  CPU {cpu.group(1) if cpu else '?'}%")
PY
rm -f "$timefile"
