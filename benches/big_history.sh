#!/usr/bin/env bash
# A big history in bounded memory (issue #19): leakguard scan --git over a
# generated repository of at least 150,000 commits shaped like a long-lived
# project (git/git: 203,000 commits, 262,000 blobs), beside Kingfisher when
# it is installed (benches/compare.sh --install-peers), in one run.
# git/git itself is not reachable from the benchmark machines, so the
# repository is generated (benches/gen_history.py: real crate sources, added
# over the first commits then edited two files per commit, renames,
# deletions, merged feature branches), once, and cached.
#
# Prints, per tool: wall time, peak RSS, commits/s and blobs/s; then
# leakguard restricted to 1 core and to 2 cores (taskset) to show how the
# scan scales. Writes the table to /tmp/leakguard-big-history.md.
#
# Usage: benches/big_history.sh [COMMITS (default 150000)] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-150000}
dir=${2:-/tmp/leakguard-bench-history-big-$commits}
peers=${LEAKGUARD_PEERS_DIR:-$HOME/.cache/leakguard-peers}

cargo build --release --quiet
leakguard=$PWD/target/release/leakguard
if [ ! -f "$dir/.git/leakguard-bench-ready" ]; then
  cargo fetch --quiet
  rm -rf "$dir"
  python3 benches/gen_history.py history "$dir" --commits "$commits" --edits 2
  touch "$dir/.git/leakguard-bench-ready"
fi
echo "repository: $dir ($(du -sh "$dir/.git" | cut -f1) in .git)"
kingfisher=$(ls "$peers"/venv/lib/python3*/site-packages/kingfisher/bin/kingfisher 2>/dev/null | head -1 || true)
[ -n "$kingfisher" ] || kingfisher=$(command -v kingfisher || true)
jobs=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Warm the page cache once: every run reads the same packs.
cat "$dir"/.git/objects/pack/*.pack >/dev/null

# measure NAME OUT CMD...: one run under /usr/bin/time; appends a row.
rows=()
measure() {
  local name=$1 out=$2
  shift 2
  local t=$work/time
  /usr/bin/time -v -o "$t" "$@" >/dev/null 2>"$work/stderr" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$t")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$t")
  rows+=("$name|$wall|$rss|$out")
  printf '%-28s wall %7.1f s  peak RSS %5d MB\n' "$name" "$wall" "$rss"
}

lg=("$leakguard" scan --git "$dir" --format json --fail-on never -q)
measure "leakguard ($jobs cores)" "$work/lg.json" "${lg[@]}" -o "$work/lg.json"
if command -v taskset >/dev/null; then
  measure "leakguard (1 core)" "$work/lg1.json" taskset -c 0 "${lg[@]}" -o "$work/lg1.json"
  if [ "$jobs" -ge 2 ]; then
    measure "leakguard (2 cores)" "$work/lg2.json" taskset -c 0,1 "${lg[@]}" -o "$work/lg2.json"
  fi
fi
if [ -n "$kingfisher" ]; then
  kf=("$kingfisher" scan --no-validate --no-update-check --quiet --format json
    --jobs "$jobs" --max-file-size 10 --no-binary)
  mkdir -p "$work/warm" && echo "x = 1" >"$work/warm/a.txt"
  "${kf[@]}" "$work/warm" -o "$work/warm.json" >/dev/null 2>&1 || true
  measure "kingfisher ($jobs cores)" "$work/kf.json" "${kf[@]}" "$dir/.git" -o "$work/kf.json"
else
  echo "kingfisher: not installed (benches/compare.sh --install-peers installs it)"
fi

python3 - "$work/lg.json" "${rows[@]}" <<'PY' | tee /tmp/leakguard-big-history.md
import json, sys
stats = json.load(open(sys.argv[1]))["stats"]
commits, blobs, mb = stats["commits"], stats["blobs"], stats["bytes"] / 1e6
print(f"\n{commits:,} commits, {blobs:,} unique blobs, {mb:,.0f} MB of content\n")
print("| run | wall | peak RSS | commits/s | blobs/s | MB/s |")
print("|---|--:|--:|--:|--:|--:|")
lg_wall = None
for row in sys.argv[2:]:
    name, wall, rss, out = row.split("|")
    wall = float(wall)
    if lg_wall is None:
        lg_wall = wall
    ratio = f" ({wall / lg_wall:.2f}x)" if name.startswith("kingfisher") else ""
    print(f"| {name} | {wall:.1f} s{ratio} | {int(rss):,} MB | {commits / wall:,.0f} | {blobs / wall:,.0f} | {mb / wall:,.0f} |")
PY
