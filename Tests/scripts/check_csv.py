#!/usr/bin/env python3
"""Checks that a CSV file is one tidy table, as pandas or R would load it.

Usage: check_csv.py FILE [NUMERIC_COLUMN ...]

Fails (exit 1, one line per problem) when the file has no header, a row with a different
number of fields than the header, a blank line, a duplicate column name, a column whose
non-empty values are partly numeric and partly not, a '-' placeholder for a missing value, or
when a named column is not numeric throughout (empty fields count as missing, not as text).
"""
import csv
import sys


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def main():
    path, expected_numeric = sys.argv[1], sys.argv[2:]
    problems = []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, strict=True))
    if not rows:
        print(f"{path}: empty")
        return 1
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header):
        problems.append(f"duplicate column names in {header}")
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            problems.append(f"line {number}: {len(row)} fields, header has {len(header)}")
    rectangular = [row for row in body if len(row) == len(header)]
    for index, name in enumerate(header):
        values = [row[index] for row in rectangular if row[index] != ""]
        if "-" in values:
            problems.append(f"column '{name}': '-' written for a missing value")
        numeric = [v for v in values if is_number(v)]
        if numeric and len(numeric) != len(values) and name not in expected_numeric:
            text = [v for v in values if not is_number(v)][:3]
            problems.append(f"column '{name}': mixes numbers and text, e.g. {text}")
        if name in expected_numeric and len(numeric) != len(values):
            text = [v for v in values if not is_number(v)][:3]
            problems.append(f"column '{name}' should be numeric, has {text}")
    for name in expected_numeric:
        if name not in header:
            problems.append(f"expected column '{name}' is missing from {header}")
    for problem in problems:
        print(f"{path}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
