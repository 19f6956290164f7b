#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema (draft 2020-12).

Usage: check_schema.py SCHEMA_FILE DOCUMENT_FILE

Prints every violation with its location and exits 1 when there is one; exits 3 when the
jsonschema package is not installed, so a caller can skip with a message.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("the Python package jsonschema is not installed")
    sys.exit(3)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        document = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(document)"
        print(f"{sys.argv[2]}: at {where}: {error.message[:300]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
