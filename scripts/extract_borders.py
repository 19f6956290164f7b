#!/usr/bin/env python3
"""Cut the country outlines the workbench map needs out of Natural Earth's 1:110m Admin 0 layer.

Usage: python3 scripts/extract_borders.py ne_110m_admin_0_countries.geojson [OUTPUT]

The input is Natural Earth's "Admin 0 - Countries" at 1:110m as GeoJSON (version 4.1.0 for the
shipped file: the release whose properties carry NE_ID and WIKIDATAID but not NAME_FA), as
distributed in geojson/ of Natural Earth's vector repository (nvkelso/natural-earth-vector).

Keeps every country whose outline reaches into the map's region (the members, the lead state
and their neighbours), clips the rings to that region, rounds coordinates to 0.05 degree and
drops repeated points, so the shipped file stays small. Re-running it on the same input gives
the same file byte for byte.

Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
"""
import json
import sys

# The region drawn: roughly the Caucasus, Central Asia and European Russia, with a margin.
WEST, EAST, SOUTH, NORTH = 15.0, 110.0, 25.0, 66.0
STEP = 0.05
SOURCE = "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries"
VERSION = "4.1.0"
LICENCE = "public domain (Natural Earth terms of use, naturalearthdata.com)"
DEFAULT_OUTPUT = "Sources/PactReport/Resources/Maps/countries-110m.json"


def clip(ring, inside, intersect):
    """One Sutherland-Hodgman pass of a closed ring against one edge of the region."""
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(intersect(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(intersect(previous, current))
    return out


def at_x(x):
    return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def at_y(y):
    return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def clip_to_region(ring):
    ring = [tuple(p) for p in ring[:-1]] if ring and ring[0] == ring[-1] else [tuple(p) for p in ring]
    for inside, intersect in (
        (lambda p: p[0] >= WEST, at_x(WEST)),
        (lambda p: p[0] <= EAST, at_x(EAST)),
        (lambda p: p[1] >= SOUTH, at_y(SOUTH)),
        (lambda p: p[1] <= NORTH, at_y(NORTH)),
    ):
        if not ring:
            break
        ring = clip(ring, inside, intersect)
    return ring


def rounded(ring):
    points = []
    for lon, lat in ring:
        p = [round(round(lon / STEP) * STEP, 2), round(round(lat / STEP) * STEP, 2)]
        if not points or points[-1] != p:
            points.append(p)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points if len(points) >= 3 else None


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        collection = json.load(f)
    countries = []
    for feature in collection["features"]:
        props = feature["properties"]
        code = props.get("ISO_A3") if props.get("ISO_A3") not in (None, "-99") else props.get("ADM0_A3")
        rings = []
        for polygon in polygons(feature["geometry"]):
            # The outer ring only: at this scale the region's countries have no holes worth drawing.
            ring = rounded(clip_to_region(polygon[0]))
            if ring:
                rings.append(ring)
        if rings:
            countries.append({"id": code, "name": props.get("NAME"), "rings": rings})
    countries.sort(key=lambda c: c["id"])
    document = {
        "source": SOURCE,
        "version": VERSION,
        "licence": LICENCE,
        "credit": "Made with Natural Earth",
        "region": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "countries": countries,
    }
    output = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    with open(output, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{output}: {len(countries)} countries, {sum(len(r) for c in countries for r in c['rings'])} points")


if __name__ == "__main__":
    main(sys.argv)
