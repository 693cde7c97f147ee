#!/usr/bin/env bash
# Noise benchmark (issue #13): how many generic findings leakguard reports on
# real code that holds no real secrets, per 100 MB, with each finding listed
# for review by hand. Not a test: the corpora are whatever this machine has.
#   - the crate sources `cargo fetch` leaves in ~/.cargo/registry/src
#   - the Python standard library and site-packages of `python3`
# Usage: benches/noise.sh [--bin PATH] [--out DIR]
#   --bin   the leakguard binary (default target/release/leakguard, built if missing)
#   --out   where the per-corpus finding lists go (default /tmp/leakguard-noise)
# Prints one line per corpus: MB scanned, generic findings, per 100 MB, and
# all findings; the list (rule, path:line, masked line) is in OUT/NAME.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/leakguard
OUT=/tmp/leakguard-noise
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$BIN" ] || cargo build --release --quiet
mkdir -p "$OUT"
# Absolute: each corpus is scanned from inside its directory.
BIN=$(realpath "$BIN"); OUT=$(realpath "$OUT")
PY_LIB=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
CRATES=$(ls -d ~/.cargo/registry/src/*/ 2>/dev/null | head -1)
printf '%-10s %9s %9s %12s %9s\n' corpus MB generic "generic/100MB" all
for spec in "crates:$CRATES" "python:$PY_LIB"; do
  name=${spec%%:*}; dir=${spec#*:}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then echo "$name: no corpus on this machine" >&2; continue; fi
  # --no-ignore: site-packages and crates carry .gitignore files that would hide code.
  # Scanned from inside, so the listed paths are relative to the corpus.
  (cd "$dir" && "$BIN" scan . --no-ignore --format json --fail-on never -o "$OUT/$name.json" --quiet 2>/dev/null) \
    || (cd "$dir" && "$BIN" scan . --no-ignore --format json --fail-on never -o "$OUT/$name.json")
  python3 - "$OUT/$name.json" "$OUT/$name.txt" "$name" "$dir" <<'PY'
import json, sys
report, listing, name, root = sys.argv[1:]
r = json.load(open(report))
# Secret scanners' own sources (ripsecrets lands here when compare.sh
# installs it) are fixtures of fake secrets, not ordinary code.
r["findings"] = [f for f in r["findings"] if not f["path"].startswith(("ripsecrets-", "./ripsecrets-"))]
mb = r["stats"]["bytes"] / 1e6
generic = [f for f in r["findings"] if f["rule_id"].startswith(("generic-", "connstr-", "credfile-", "password-hash-"))]
with open(listing, "w") as out:
    for f in sorted(r["findings"], key=lambda f: (f["rule_id"], f["path"], f["line"])):
        out.write(f'{f["rule_id"]}\t{f["path"]}:{f["line"]}\t{f.get("context") or f.get("preview") or ""}\n')
print(f"{name:<10} {mb:9.1f} {len(generic):9d} {len(generic) / mb * 100:12.2f} {len(r['findings']):9d}")
PY
done
echo "finding lists: $OUT/*.txt"
