#!/bin/sh
# Scans every repository listed in a file (one clone URL or local path per
# line) on one machine, JOBS at a time, then merges the reports
# (docs/scale.md). Usage: deploy/scan-all.sh repos.txt OUT_DIR [JOBS]
set -eu
list=$1
out=$2
jobs=${3:-4}
mkdir -p "$out/reports" "$out/clones"
# One line per repository: clone (bare) if it is a URL, scan, write a report.
grep -v '^[[:space:]]*\(#\|$\)' "$list" | xargs -P "$jobs" -I{} sh -c '
  repo=$1; out=$2
  name=$(printf "%s" "$repo" | sed -e "s#^[a-z+]*://##" -e "s#\.git\$##" | tr "/:@" "___")
  case $repo in
    *://*|*@*:*) git clone --quiet --mirror "$repo" "$out/clones/$name.git"; path=$out/clones/$name.git ;;
    *) path=$repo ;;
  esac
  leakguard scan --git "$path" --format json --fail-on never -q -o "$out/reports/$name.json"
' _ {} "$out"
leakguard report merge "$out"/reports/*.json --format html -o "$out/org-report.html" --fail-on never
leakguard report merge "$out"/reports/*.json --format json -o "$out/org-report.json" --fail-on never
exec leakguard report merge "$out"/reports/*.json --format text
