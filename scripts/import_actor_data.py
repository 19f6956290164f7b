#!/usr/bin/env python3
"""Rebuild the attribute series of Sources/PactData/Resources/CSTO/actors.yaml from the
actor-year table in data/actor-year/ (the published series of the primary datasets).

    python3 scripts/import_actor_data.py            # rewrite actors.yaml
    python3 scripts/import_actor_data.py --check    # exit 1 if actors.yaml differs from a rebuild
    python3 scripts/import_actor_data.py --compare  # print the capability-index comparison (docs/DATA.md)

Which series feeds which attribute (one dataset per attribute, never spliced):
  population            World Bank WDI SP.POP.TOTL, persons
  gdp                   World Bank WDI NY.GDP.MKTP.CD, current US$
  military_expenditure  SIPRI Military Expenditure Database, current US$ m (SIPRI's cell flags kept)
  active_personnel      World Bank WDI MS.MIL.TOTL.P1 (IISS), persons, to 2020
  regime_score          V-Dem v2x_polyarchy (electoral democracy index, 0-1) with its 68% bounds,
                        stored with `unit: hundred` so the model sees 0-100

Published values are copied digit for digit from the table. The only computed values are the
military-expenditure estimates for years SIPRI leaves blank: the year's WDI GDP times the
military burden (SIPRI spending / WDI GDP) interpolated linearly between the nearest years SIPRI
covers (the nearest one's burden at either end of the series). Each such value says so in its
source. Personnel after 2020 is not estimated: the as-of rule carries the 2020 figure forward
and shows its year. Standard library only.
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "data", "actor-year", "actor_year.csv")
FLAGS = os.path.join(ROOT, "data", "actor-year", "sipri_flags.csv")
ACTORS = os.path.join(ROOT, "Sources", "PactData", "Resources", "CSTO", "actors.yaml")
YEARS = range(1999, 2025)

SOURCES = {
    "population": "World Bank, World Development Indicators, SP.POP.TOTL (population, total), persons; July 2026 download",
    "gdp": "World Bank, World Development Indicators, NY.GDP.MKTP.CD (GDP, current US$); July 2026 download",
    "military_expenditure": "SIPRI Military Expenditure Database, 2025 release, current US$ m, https://doi.org/10.55163/CQGC9685",
    "active_personnel": "World Bank, World Development Indicators, MS.MIL.TOTL.P1 (armed forces personnel incl. paramilitary; source IISS, The Military Balance), updated 2026-04-08; no value after 2020, so later dates carry the 2020 figure forward and show its year",
    "regime_score": "V-Dem Country-Year dataset v15 (Coppedge et al. 2025, doi:10.23696/vdemds25), electoral democracy index v2x_polyarchy, 0-1 shown as 0-100; low/high are V-Dem's 68% highest-posterior-density bounds (v2x_polyarchy_codelow/codehigh)",
}
# (attribute, indicator, dataset prefix, unit keyword in actors.yaml)
SERIES = [
    ("population", "population", "World Bank", "one"),
    ("gdp", "gdp", "World Bank", "one"),
    ("military_expenditure", "milex", "SIPRI", "million"),
    ("active_personnel", "military_personnel", "World Bank", "one"),
    ("regime_score", "v2x_polyarchy", "V-Dem", "hundred"),
]

HEADER = """\
# Actors of the CSTO dataset: the member states, the former members and the states that
# matter to the alliance's crises. Ids are ISO 3166-1 alpha-3 codes; every other file
# refers to actors by these ids.
#
# GENERATED: the five attribute series are rebuilt from data/actor-year/actor_year.csv by
# `python3 scripts/import_actor_data.py`; edit the table or the script, not the numbers here.
# Names, kinds and capitals are kept from this file when it is rebuilt.
#
# Layout of one actor:
#   - id: KAZ                    # ISO 3166-1 alpha-3 (or an upper-case name for a non-state actor)
#     name: Kazakhstan
#     kind: state                # state | nonstate
#     capital: {place: Astana, latitude: 51.1694, longitude: 71.4491}   # decimal degrees
#     population:                # one series per attribute, all five required:
#       unit: one                #   one | hundred | thousand | million | billion (multiplies every value)
#       source: "..."            #   the series' source, used by every value without its own
#       values:                  #   year: value, or year: {value: V, source: "..."} to cite
#         2000: 14883626         #   a different source (or flag) for that one figure
#     gdp:                       # gross domestic product, current US dollars (World Bank WDI)
#     military_expenditure:      # current US dollars (SIPRI, published in US$ m)
#     active_personnel:          # armed-forces personnel incl. paramilitary (WDI from IISS)
#     regime_score:              # V-Dem electoral democracy index, 0-1 published, 0-100 in the model;
#                                #   a value may carry {low: L, high: H}, V-Dem's 68% bounds
#
# Years. A value's year is the year it describes.
#
# The as-of rule. For a date D, Pact uses for each attribute the latest observation at or
# before D's year; for dates before an actor's first observation, the first observation.
# Every figure shown keeps the year it was observed, so a value carried forward (personnel
# after 2020, the one blank GDP year) shows the year it is from.
#
# Values are the publishers' figures digit for digit, in their units. The only computed
# values are military expenditure for years SIPRI leaves blank: the year's WDI GDP times the
# military burden (SIPRI spending / WDI GDP) interpolated between the nearest years SIPRI
# covers; each says "Pact estimate" and how it was made in its own source.

actors:
"""


def read_table():
    table = {}
    with open(TABLE, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["actor"], int(row["year"]), row["indicator"], row["source_dataset"].split()[0])
            table[key] = row["value"]
    return table


def read_flags():
    flags = {}
    with open(FLAGS, newline="") as f:
        for row in csv.DictReader(f):
            if row["sipri_cell"] != "...":
                flags[(row["actor"], int(row["year"]))] = row["flag"]
    return flags


def value(table, actor, year, indicator, dataset):
    return table.get((actor, year, indicator, dataset.split()[0]))


def read_identities():
    """The id, name, kind and capital lines of every actor, in file order."""
    identities = []
    with open(ACTORS) as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^  - id: (\S+)$", line)
        if m:
            block = [line]
            for follow in lines[i + 1:i + 4]:
                block.append(follow)
            assert block[1].startswith("    name: ") and block[2].startswith("    kind: ") and block[3].startswith("    capital: "), block
            identities.append((m.group(1), block))
    return identities


def fmt(x):
    """A computed number, rounded to 0.1 (US$ m) and written without a trailing .0."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def milex_estimates(table, actor):
    """Burden-based estimates for the years SIPRI leaves blank: {year: (value, source)}."""
    burden = {}
    for y in YEARS:
        m, g = value(table, actor, y, "milex", "SIPRI"), value(table, actor, y, "gdp", "World")
        if m is not None and g is not None:
            burden[y] = float(m) * 1e6 / float(g)
    covered = sorted(burden)
    result = {}
    for y in YEARS:
        if value(table, actor, y, "milex", "SIPRI") is not None:
            continue
        g = value(table, actor, y, "gdp", "World")
        if g is None or not covered:
            continue
        before = [c for c in covered if c < y]
        after = [c for c in covered if c > y]
        if before and after:
            a, b = before[-1], after[0]
            share = burden[a] + (burden[b] - burden[a]) * (y - a) / (b - a)
            how = f"interpolated between {a} ({burden[a] * 100:.2f}%) and {b} ({burden[b] * 100:.2f}%)"
        else:
            a = before[-1] if before else after[0]
            share = burden[a]
            how = f"that of {a}, the nearest year SIPRI covers"
        estimate = float(g) * share / 1e6
        result[y] = (fmt(estimate),
                     f"Pact estimate: SIPRI has no figure for {y}; World Bank WDI GDP of {y} times a military burden of "
                     f"{share * 100:.2f}% ({how}; SIPRI spending over WDI GDP)")
    return result


def render(table, flags):
    out = [HEADER]
    for actor, block in read_identities():
        out.extend(block)
        for attribute, indicator, dataset, unit in SERIES:
            out.append(f"    {attribute}:")
            out.append(f"      unit: {unit}")
            out.append(f"      source: \"{SOURCES[attribute]}\"")
            out.append("      values:")
            estimates = milex_estimates(table, actor) if attribute == "military_expenditure" else {}
            for y in YEARS:
                v = value(table, actor, y, indicator, dataset)
                if attribute == "regime_score" and v is not None:
                    low = value(table, actor, y, indicator + "_codelow", dataset)
                    high = value(table, actor, y, indicator + "_codehigh", dataset)
                    out.append(f"        {y}: {{value: {v}, low: {low}, high: {high}}}")
                elif attribute == "military_expenditure" and v is not None and (actor, y) in flags:
                    out.append(f"        {y}: {{value: {v}, source: \"{SOURCES[attribute]}; cell flag: {flags[(actor, y)]}\"}}")
                elif v is not None:
                    out.append(f"        {y}: {v}")
                elif y in estimates:
                    number, source = estimates[y]
                    out.append(f"        {y}: {{value: {number}, source: \"{source}\"}}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def compare(table):
    """Capability index candidates against COW CINC (renormalised to the dataset's actors), 1999-2016."""
    actors = [a for a, _ in read_identities()]

    def shares(year, indicator, dataset):
        raw = {a: float(value(table, a, year, indicator, dataset) or 0) for a in actors}
        total = sum(raw.values())
        return {a: raw[a] / total if total else 0 for a in actors}

    def index(year, weights):
        parts = {k: shares(year, *k) for k in weights}
        return {a: sum(w * parts[k][a] for k, w in weights.items()) for a in actors}

    pact_cinc = {("milex", "SIPRI"): 1 / 6, ("military_personnel", "World"): 1 / 6,
                 ("gdp", "World"): 1 / 3, ("population", "World"): 1 / 3}
    equal = {k: 1 / 4 for k in pact_cinc}
    old = {("milex", "SIPRI"): 0.4, ("gdp", "World"): 0.3, ("military_personnel", "World"): 0.2, ("population", "World"): 0.1}
    for name, weights in [("dimension weights 1/6,1/6,1/3,1/3", pact_cinc), ("equal 1/4", equal), ("old 0.4/0.3/0.2/0.1", old)]:
        errors = []
        for y in range(1999, 2017):
            cow = shares(y, "cinc", "Correlates")
            mine = index(y, weights)
            errors += [abs(mine[a] - cow[a]) for a in actors]
        print(f"{name}: mean absolute difference from COW CINC (renormalised) 1999-2016 = {sum(errors) / len(errors):.4f}")


def main():
    table, flags = read_table(), read_flags()
    if "--compare" in sys.argv:
        compare(table)
        return 0
    text = render(table, flags)
    if "--check" in sys.argv:
        with open(ACTORS) as f:
            same = f.read() == text
        print("actors.yaml matches the table" if same else "actors.yaml differs from a rebuild: run scripts/import_actor_data.py")
        return 0 if same else 1
    with open(ACTORS, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(ACTORS, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
