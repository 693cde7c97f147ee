#!/usr/bin/env python3
"""The GitHub Action's job summary (action.yml): counts of findings by
severity and the most severe findings, as Markdown, from a leakguard JSON
report. Redacted: it shows each finding's preview (first four characters
and an ellipsis), never a `secret` key, even from a --no-redact report.

Usage: action_summary.py REPORT.json EXIT_CODE >> "$GITHUB_STEP_SUMMARY"
"""
import json
import sys

SEVERITIES = ["critical", "high", "medium", "low", "info"]
TOP = 20


def cell(text):
    """Text safe in a Markdown table cell: markup characters escaped, no
    line breaks."""
    text = str(text if text is not None else "")
    text = text.replace("&", "&amp;").replace("\r", " ").replace("\n", " ")
    return "".join("\\" + c if c in "\\`*_[]<>|~#!" else c for c in text)


def main():
    path, code = sys.argv[1], sys.argv[2]
    print("## leakguard")
    print()
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError):
        print(f"The scan could not run (exit code {cell(code)}): see the step's log.")
        return
    findings = report.get("findings", [])
    stats = report.get("stats", {})
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.get("severity")] = counts.get(f.get("severity"), 0) + 1
    if code == "1":
        verdict = "**Failed**: findings at or above the fail-on level."
    elif code == "0":
        verdict = "Passed: nothing at or above the fail-on level."
    else:
        verdict = f"The scan could not run (exit code {cell(code)})."
    print(verdict)
    print()
    print("| " + " | ".join(SEVERITIES) + " | total |")
    print("|" + "---:|" * (len(SEVERITIES) + 1))
    print("| " + " | ".join(str(counts[s]) for s in SEVERITIES) + f" | {len(findings)} |")
    print()
    if stats.get("blobs") is not None:
        scope = f"{stats.get('blobs')} blobs in {stats.get('commits')} commits"
    else:
        scope = f"{stats.get('files', 0)} files"
    suppressed = sum((stats.get("suppressed") or {}).values())
    print(f"Scanned {scope} in {stats.get('duration_ms', 0)} ms; {suppressed} findings suppressed (allowlists, baseline, inline, confidence).")
    print()
    if not findings:
        return
    # The report lists findings most severe first.
    print(f"### Top findings ({min(TOP, len(findings))} of {len(findings)})")
    print()
    print("| severity | rule | location | secret | commit |")
    print("|---|---|---|---|---|")
    for f in findings[:TOP]:
        where = f"{f.get('path')}:{f.get('line')}"
        if f.get("repository"):
            where = f"{f['repository']}: {where}"
        commit = (f.get("commit") or "")[:12]
        if f.get("in_head") is False:
            commit += " (not in HEAD)"
        print(f"| {cell(f.get('severity'))} | {cell(f.get('rule_id'))} | {cell(where)} "
              f"| {cell(f.get('preview'))} | {cell(commit)} |")
    print()
    print("Secrets are shown by their first four characters only. Rotate each real one, then remove it from the code and history.")


if __name__ == "__main__":
    main()
