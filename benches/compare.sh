#!/usr/bin/env bash
# End-to-end comparison with other secret scanners (issue #7): leakguard and,
# when installed, Kingfisher, detect-secrets and ripsecrets on the same two
# corpora, built once and cached in /tmp like the other benches:
#   tree     a directory of real crate sources (benches/gen_tree.py), --tree-mb MB
#   history  a git repository of --commits commits (benches/gen_history.py)
# Prints one table (wall time, MB/s, peak RSS, findings, and each tool's wall
# time over leakguard's) and writes it to /tmp/leakguard-compare.md.
#
# Usage: benches/compare.sh [--install-peers] [--tree-mb N] [--commits N] [--quick] [--timeout S]
#   --install-peers  install the other scanners into ${LEAKGUARD_PEERS_DIR:-~/.cache/leakguard-peers}
#                    (a Python venv with kingfisher-bin and detect-secrets from PyPI;
#                    `cargo install ripsecrets --root DIR`), then run the comparison
#   --tree-mb N      size of the tree corpus (default 1024)
#   --commits N      commits in the history corpus (default 20000)
#   --quick          small corpora (50 MB, 500 commits) for a smoke run
#   --timeout S      stop any one scan after S seconds (default 600) and report
#                    it as "> S": detect-secrets needs hours for 1 GB
#
# What makes the comparison fair (and where it cannot be):
# - Every tool scans the same directory. The generated tree has no .gitignore
#   or .ignore files and no binary or archive files, so leakguard (honours
#   ignore files, skips binary files), Kingfisher (ignores them) and
#   detect-secrets --all-files see one file set. ripsecrets has no option to
#   scan hidden files and skips them (about 3% of the tree's files, mostly
#   .cargo_vcs_info.json and .github/).
# - No network: Kingfisher --no-validate --no-update-check, detect-secrets
#   --no-verify; leakguard and ripsecrets never validate.
# - File size limit: leakguard's default --max-file-size 10M; Kingfisher's
#   default is 256 MB, so it gets --max-file-size 10 (MB). No tree file is
#   anywhere near either limit.
# - Threads: leakguard and ripsecrets use every core, Kingfisher gets
#   --jobs $(nproc), detect-secrets uses its default process pool (one per core).
# - Kingfisher skips binary files here (--no-binary) as leakguard always does;
#   in the history run this keeps it from scanning .git's pack files as files.
#   Its other defaults (Base64 decoding, archive extraction, dedup of repeated
#   findings) are left on. Its compiled rule cache is warmed before timing.
# - History: leakguard scan --git and Kingfisher on the repository's .git
#   (every blob in the object store, plus .git's few loose text files).
#   detect-secrets and ripsecrets only scan files: "n/a".
# - The tree is the crate sources copied round-robin until it is large
#   enough (copy0, copy1, …), so about three files in four are byte-identical
#   to another file. leakguard scans identical contents once and reports
#   each copy under its own path (stats.duplicates counts them). The
#   tree-unique corpus is copy0 alone (one copy of each crate source; what
#   duplicates it has are the registry's own, such as license files), scanned
#   by leakguard and Kingfisher, for the speed per byte.
# - MB/s is the corpus's content size over wall time, the same divisor for
#   every tool: the tree's file bytes, or for history the unique blob bytes
#   leakguard reports. Page cache is warmed before each run.
# - Peak RSS is GNU time's maximum resident set size: the largest single
#   process, so detect-secrets' worker processes are not summed.
# Setup (builds, corpus generation, installs) runs under nice; the timed
# scans run at the caller's priority.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

peers=${LEAKGUARD_PEERS_DIR:-$HOME/.cache/leakguard-peers}
tree_mb=""
commits=""
install=0
quick=0
limit=600
while [ $# -gt 0 ]; do
  case $1 in
    --install-peers) install=1 ;;
    --tree-mb) tree_mb=$2; shift ;;
    --commits) commits=$2; shift ;;
    --quick) quick=1 ;;
    --timeout) limit=$2; shift ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  tree_mb=${tree_mb:-50}
  commits=${commits:-500}
else
  tree_mb=${tree_mb:-1024}
  commits=${commits:-20000}
fi
setup=(nice -n 15)
jobs=$(nproc)

# --- tools -------------------------------------------------------------------

if [ ! -x /usr/bin/time ]; then
  echo "compare.sh: /usr/bin/time missing; installing the Debian package 'time' (GNU time, for peak RSS)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -q time >/dev/null
fi

if [ "$install" = 1 ]; then
  echo "installing peers into $peers"
  mkdir -p "$peers"
  [ -x "$peers/venv/bin/pip" ] || "${setup[@]}" python3 -m venv "$peers/venv"
  "${setup[@]}" "$peers/venv/bin/pip" install --quiet --upgrade kingfisher-bin detect-secrets
  "${setup[@]}" cargo install --quiet --locked ripsecrets --root "$peers"
fi

# The kingfisher-bin wheel's console script is a Python shim that runs the
# bundled binary; time the binary itself, not the interpreter start-up.
kingfisher=$(ls "$peers"/venv/lib/python3*/site-packages/kingfisher/bin/kingfisher 2>/dev/null | head -1 || true)
[ -n "$kingfisher" ] || kingfisher=$(command -v kingfisher || true)
detect_secrets=$peers/venv/bin/detect-secrets
[ -x "$detect_secrets" ] || detect_secrets=$(command -v detect-secrets || true)
ripsecrets=$peers/bin/ripsecrets
[ -x "$ripsecrets" ] || ripsecrets=$(command -v ripsecrets || true)

"${setup[@]}" cargo build --release --quiet
leakguard=$repo/target/release/leakguard

# --- corpora -----------------------------------------------------------------

tree=/tmp/leakguard-bench-tree-$tree_mb
history=/tmp/leakguard-bench-history-$commits
need_sources() { [ -n "$(ls -A ~/.cargo/registry/src 2>/dev/null)" ] || "${setup[@]}" cargo fetch --quiet; }
if [ ! -d "$tree" ]; then
  need_sources
  # Built under a temporary name, so an interrupted run leaves no half tree.
  rm -rf "$tree.partial"
  "${setup[@]}" python3 benches/gen_tree.py "$tree.partial" "$tree_mb"
  mv "$tree.partial" "$tree"
fi
if [ ! -f "$history/.git/leakguard-bench-ready" ]; then
  need_sources
  rm -rf "$history"
  "${setup[@]}" python3 benches/gen_history.py history "$history" --commits "$commits"
  touch "$history/.git/leakguard-bench-ready"
fi
tree_bytes=$(find "$tree" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
unique=$tree/copy0
unique_bytes=$(find "$unique" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
tree_files=$(find "$tree" -type f | wc -l)

# --- runs --------------------------------------------------------------------

# Raw outputs are kept until the next run, to look into the findings.
work=/tmp/leakguard-compare
rm -rf "$work"
mkdir -p "$work"
results=$work/results.tsv
: >"$results"

warm() {
  if [ "$1" = tree ]; then
    find "$tree" -type f -print0 | xargs -0 cat >/dev/null
  elif [ "$1" = tree-unique ]; then
    find "$unique" -type f -print0 | xargs -0 cat >/dev/null
  else
    find "$history/.git" -type f -print0 | xargs -0 cat >/dev/null
  fi
}

# measure TOOL CORPUS FORMAT OUT CMD…: one timed run (stopped after $limit s);
# appends a result row. FORMAT says how to count findings in OUT. Exit codes
# are not trusted (each tool has its own "found something" code): a run
# counts as failed when its output does not parse.
measure() {
  local tool=$1 corpus=$2 format=$3 out=$4
  shift 4
  warm "$corpus"
  local tf=$work/time.txt rc=0
  # GNU time's peak RSS covers timeout's child: the largest waited-for process.
  /usr/bin/time -v -o "$tf" timeout --kill-after=10 "$limit" "$@" \
    >"$work/stdout" 2>"$work/stderr" || rc=$?
  case $format in ripsecrets | detect-secrets) cp "$work/stdout" "$out" ;; esac
  python3 - "$tool" "$corpus" "$format" "$out" "$tf" "$work/stderr" "$rc" >>"$results" <<'PY'
import json, re, sys
tool, corpus, fmt, out, tf, err, rc = sys.argv[1:]
t = open(tf).read()
if rc in ("124", "137"):
    print(f"{tool}\t{corpus}\ttimeout\t-\ttimeout")
    sys.exit()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
h, m, s = wall.groups()
wall = int(h or 0) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
try:
    if fmt == "leakguard":
        findings = len(json.load(open(out))["findings"])
    elif fmt == "kingfisher":
        findings = len(json.load(open(out))["findings"])
    elif fmt == "detect-secrets":
        findings = sum(len(v) for v in json.load(open(out))["results"].values())
    elif fmt == "ripsecrets":
        # --only-matching: one "path:line:secret" line per match.
        findings = sum(1 for line in open(out, errors="replace") if line.strip())
except (OSError, ValueError, KeyError) as e:
    tail = open(err, errors="replace").read().strip().splitlines()[-3:]
    print(f"compare.sh: {tool} on {corpus}: output unreadable ({e}): {' | '.join(tail)}", file=sys.stderr)
    findings = "error"
print(f"{tool}\t{corpus}\t{wall:.2f}\t{rss:.0f}\t{findings}")
PY
}

na() { printf '%s\t%s\tn/a\tn/a\tn/a\n' "$1" "$2" >>"$results"; }

versions="leakguard $("$leakguard" --version | awk '{ print $2 }')"
echo "tree: $tree ($tree_files files, $((tree_bytes / 1000000)) MB); history: $history ($commits commits)"

echo "leakguard: tree, tree-unique, history"
measure leakguard tree leakguard "$work/lg-tree.json" \
  "$leakguard" scan "$tree" --format json -o "$work/lg-tree.json" --fail-on never
measure leakguard tree-unique leakguard "$work/lg-unique.json" \
  "$leakguard" scan "$unique" --format json -o "$work/lg-unique.json" --fail-on never
measure leakguard history leakguard "$work/lg-history.json" \
  "$leakguard" scan --git "$history" --format json -o "$work/lg-history.json" --fail-on never
history_bytes=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["stats"]["bytes"])' "$work/lg-history.json")

if [ -n "$kingfisher" ]; then
  versions="$versions, kingfisher $("$kingfisher" --version | awk '{ print $2 }')"
  kf=("$kingfisher" scan --no-validate --no-update-check --quiet --format json
    --jobs "$jobs" --max-file-size 10 --no-binary)
  # Compile and cache its Vectorscan rule database outside the timed runs.
  mkdir -p "$work/warm" && echo "x = 1" >"$work/warm/a.txt"
  "${kf[@]}" "$work/warm" -o "$work/warm.json" >/dev/null 2>&1 || true
  echo "kingfisher: tree, tree-unique, history"
  measure kingfisher tree kingfisher "$work/kf-tree.json" "${kf[@]}" "$tree" -o "$work/kf-tree.json"
  measure kingfisher tree-unique kingfisher "$work/kf-unique.json" \
    "${kf[@]}" "$unique" -o "$work/kf-unique.json"
  measure kingfisher history kingfisher "$work/kf-history.json" \
    "${kf[@]}" "$history/.git" -o "$work/kf-history.json"
else
  echo "kingfisher: not installed (--install-peers installs it)"
fi
if [ -n "$detect_secrets" ]; then
  versions="$versions, detect-secrets $("$detect_secrets" --version)"
  echo "detect-secrets: tree"
  # Paths are reported relative to the working directory: scan from the tree.
  (cd "$tree" && measure detect-secrets tree detect-secrets "$work/ds-tree.json" \
    "$detect_secrets" scan --all-files --no-verify .)
  na detect-secrets tree-unique
  na detect-secrets history
else
  echo "detect-secrets: not installed (--install-peers installs it)"
fi
if [ -n "$ripsecrets" ]; then
  versions="$versions, ripsecrets $("$ripsecrets" --version | awk '{ print $2 }')"
  echo "ripsecrets: tree"
  measure ripsecrets tree ripsecrets "$work/rs-tree.txt" "$ripsecrets" --only-matching "$tree"
  na ripsecrets tree-unique
  na ripsecrets history
else
  echo "ripsecrets: not installed (--install-peers installs it)"
fi

# --- table -------------------------------------------------------------------

python3 - "$results" "$tree_bytes" "$history_bytes" "$versions" "$tree" "$history" "$commits" "$jobs" "$limit" "$unique_bytes" \
  >"$work/table.md" <<'PY'
import sys
results, tree_bytes, history_bytes, versions, tree, history, commits, jobs, limit, unique_bytes = sys.argv[1:]
size = {"tree": int(tree_bytes), "tree-unique": int(unique_bytes), "history": int(history_bytes)}
rows = [line.rstrip("\n").split("\t") for line in open(results)]
lg = {r[1]: float(r[2]) for r in rows if r[0] == "leakguard"}
table = [["tool", "corpus", "wall s", "MB/s", "peak RSS MB", "findings", "leakguard speed ratio"]]
for tool, corpus, wall, rss, findings in rows:
    if wall == "n/a":
        table.append([tool, corpus, "n/a", "n/a", "n/a", "n/a", "n/a"])
        continue
    if wall == "timeout":
        w = float(limit)
        table.append([tool, corpus, f"> {w:.0f}", f"< {size[corpus] / 1e6 / w:.1f}", "-", "-",
                      f"> {w / lg[corpus]:.0f}" if lg.get(corpus) else "-"])
        continue
    w = float(wall)
    mbs = f"{size[corpus] / 1e6 / w:.0f}" if w > 0 else "-"
    ratio = "1.00" if tool == "leakguard" else (f"{w / lg[corpus]:.2f}" if lg.get(corpus) else "-")
    table.append([tool, corpus, f"{w:.2f}", mbs, rss, findings, ratio])
widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
def line(r):
    return "| " + " | ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
print(f"Corpora: tree {tree} ({size['tree'] / 1e6:.0f} MB of files); tree-unique {tree}/copy0 "
      f"({size['tree-unique'] / 1e6:.0f} MB); history {history} "
      f"({commits} commits, {size['history'] / 1e6:.0f} MB of unique blobs). {jobs} cores.")
print(f"Versions: {versions}.")
print("Ratio: the tool's wall time over leakguard's on the same corpus (above 1: leakguard is faster).")
print(f"\"> {limit}\": stopped after the --timeout of {limit} s (no findings count).")
print()
print(line(table[0]))
print("|" + "|".join(("-" * (w + 1) + ":" if i >= 2 else "-" * (w + 2)) for i, w in enumerate(widths)) + "|")
for r in table[1:]:
    print(line(r))
PY
cp "$work/table.md" /tmp/leakguard-compare.md
echo
cat "$work/table.md"
echo
echo "(written to /tmp/leakguard-compare.md; each tool's output is in $work/)"
