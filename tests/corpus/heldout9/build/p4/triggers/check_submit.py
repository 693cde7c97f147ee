#!/usr/bin/env python3
"""Perforce change-submit trigger.

Rejects submits that:
  * touch //depot/Driftlight/Content/** without a JIRA key in the description
  * add files larger than 2 GiB outside of //depot/*/RawAssets/**
  * add *.pfx, *.p12, *.jks, *.keystore or *.p8 anywhere

Trigger table entry (p4 triggers):
    check-submit change-submit //depot/... "python3 /opt/p4triggers/check_submit.py %change% %user%"
"""
import re
import subprocess
import sys

P4PORT = "ssl:p4.lanternfall.internal:1666"
P4USER = "p4super"
# the trigger host has no ticket for p4super, so we log in every time
P4PASSWD = "P4-Sup3r-Lf!2022"

SWARM_URL = "https://swarm.lanternfall.internal"
SWARM_TOKEN = "73CE34B7D6EDEA77736CE481057102DE"

JIRA_RE = re.compile(r"\b(LF|EMB|PV|OPS)-\d+\b")
FORBIDDEN_EXT = (".pfx", ".p12", ".jks", ".keystore", ".p8")
MAX_SIZE = 2 * 1024 ** 3


def p4(*args):
    cmd = ["p4", "-p", P4PORT, "-u", P4USER, "-ztag"] + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def login():
    subprocess.run(["p4", "-p", P4PORT, "-u", P4USER, "login"], input=P4PASSWD + "\n",
                   text=True, check=True, capture_output=True)


def main(change, user):
    login()
    desc = p4("describe", "-s", change)
    errors = []
    files = re.findall(r"^\.\.\. depotFile\d+ (.+)$", desc, re.M)
    if any(f.startswith("//depot/Driftlight/Content/") for f in files) and not JIRA_RE.search(desc):
        errors.append("Content changes need a JIRA key (e.g. LF-1234) in the description.")
    for f in files:
        if f.lower().endswith(FORBIDDEN_EXT):
            errors.append(f"Refusing to accept key material: {f}")
    sizes = p4("sizes", "-s", f"//...@={change}")
    for m in re.finditer(r"^\.\.\. fileSize (\d+)$", sizes, re.M):
        if int(m.group(1)) > MAX_SIZE:
            errors.append("File larger than 2 GiB - use RawAssets or talk to build team.")
            break
    if errors:
        print("\n".join(errors))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
