#!/usr/bin/env python3
"""Validates leakguard JSON reports and JSON Lines output against
docs/report.schema.json (JSON Schema 2020-12).
Usage: validate_report.py SCHEMA FILE...   A FILE ending in .jsonl is checked
line by line against $defs/jsonlLine (the last line against $defs/jsonlStats);
any other FILE is one report. Exit 0 when all are valid, 1 with the errors on
stdout."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
report = jsonschema.Draft202012Validator(schema)
def part(name):
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
line = part("jsonlLine")
stats = part("jsonlStats")

failed = False
def check(validator, instance, where):
    global failed
    for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
        failed = True
        print(f"{where}: /{'/'.join(map(str, e.path))}: {e.message}")

for name in sys.argv[2:]:
    text = open(name).read()
    if name.endswith(".jsonl"):
        lines = text.splitlines()
        if not lines:
            failed = True
            print(f"{name}: empty")
        for n, raw in enumerate(lines, 1):
            validator = stats if n == len(lines) else line
            check(validator, json.loads(raw), f"{name}:{n}")
    else:
        check(report, json.loads(text), name)
sys.exit(1 if failed else 0)
