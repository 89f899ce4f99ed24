#!/usr/bin/env python3
"""Opens diplomap's exports with the tools analysts use and checks what they find.

    exports.py DIR

DIR holds map.csv, map.json, map.graphml, map.gexf and map.geojson written by
`diplomap export`. GraphML and GEXF must load in networkx with the same nodes
and edges as the JSON; every GeoJSON geometry must be valid for shapely; the
CSV must round-trip to the JSON's cells.
"""
import csv
import json
import sys
from pathlib import Path

import networkx as nx
from shapely.geometry import shape


def main(folder):
    folder = Path(folder)
    doc = json.loads((folder / "map.json").read_text())
    dyads = {(d["focus"], d["partner"]) for d in doc["dyads"]}
    sides = set(doc["focus"]) | set(doc["partners"])

    for name, graph in (("graphml", nx.read_graphml(folder / "map.graphml")),
                        ("gexf", nx.read_gexf(folder / "map.gexf", version="1.3"))):
        edges = {tuple(sorted(e)) for e in graph.edges()}
        assert set(graph.nodes()) == sides, f"{name}: nodes {sorted(graph.nodes())} != {sorted(sides)}"
        assert edges == {tuple(sorted(d)) for d in dyads}, f"{name}: edges differ from the JSON dyads"
        scores = [data["score"] for _, _, data in graph.edges(data=True)]
        assert all(-1 <= s <= 1 for s in scores), f"{name}: score out of range"
        print(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges: ok")

    features = json.loads((folder / "map.geojson").read_text())["features"]
    for feature in features:
        assert shape(feature["geometry"]).is_valid, f"geojson: invalid geometry for {feature['properties']}"
    kinds = {f["geometry"]["type"] for f in features}
    assert kinds == {"MultiPolygon", "LineString"}, kinds
    print(f"geojson: {len(features)} features, geometries valid: ok")

    with open(folder / "map.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = {(c["focus"], c["partner"], c["issue"]): c for c in doc["cells"]}
    assert len(rows) == len(cells), f"csv: {len(rows)} rows, json: {len(cells)} cells"
    for row in rows:
        cell = cells[(row["focus"], row["partner"], row["issue"])]
        assert abs(float(row["score"]) - cell["score"]) < 0.0005, row
        assert row["basis"] == cell["basis"], row
        assert row["votes_only"] == ("true" if cell["basis"] == "votes" else "false"), row
    votes_only = sum(row["votes_only"] == "true" for row in rows)
    assert votes_only > 0, "csv: no cell marked as resting on UN votes alone"
    print(f"csv: {len(rows)} rows round-trip to the JSON cells, {votes_only} marked votes_only: ok")


if __name__ == "__main__":
    main(sys.argv[1])
