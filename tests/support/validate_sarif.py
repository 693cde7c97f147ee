#!/usr/bin/env python3
"""Validates a SARIF log against the official SARIF 2.1.0 JSON schema.
Usage: validate_sarif.py SCHEMA LOG   (exit 0 valid, 1 invalid with errors on stdout)"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
for e in errors:
    print(f"{'/'.join(map(str, e.path))}: {e.message}")
sys.exit(1 if errors else 0)
