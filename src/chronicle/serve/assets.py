"""Files the dashboard needs, all found on this machine: its own static folder, plotly.min.js from
the installed plotly package, and Natural Earth world borders from the npm ``world-atlas`` package
that ``make install`` puts into the virtual environment (or CHRONICLE_WORLD_ATLAS: its
countries-110m.json). Nothing is fetched from the network."""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

ATLAS = Path("share", "chronicle", "node_modules", "world-atlas", "countries-110m.json")


def static_dir() -> Path:
    return Path(str(resources.files("chronicle.serve").joinpath("static")))


def plotly_js() -> Path | None:
    """plotly.min.js as the plotly wheel ships it; None when plotly is not installed."""
    try:
        found = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    except ModuleNotFoundError:
        return None
    path = Path(str(found))
    return path if path.is_file() else None


def atlas_path() -> Path | None:
    """countries-110m.json of world-atlas: CHRONICLE_WORLD_ATLAS, else the one in this environment."""
    given = os.environ.get("CHRONICLE_WORLD_ATLAS")
    for candidate in ([Path(given)] if given else []) + [Path(sys.prefix) / ATLAS]:
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def borders() -> dict[str, Any]:
    """Country borders as one polyline trace: ``lon`` and ``lat`` lists, None between rings."""
    path = atlas_path()
    if path is None:
        return {"lon": [], "lat": [], "source": None}
    topo = json.loads(path.read_text(encoding="utf-8"))
    lons: list[float | None] = []
    lats: list[float | None] = []
    for ring in _rings(topo):
        previous = None
        for lon, lat in ring:
            if previous is not None and abs(lon - previous) > 180:  # the line crosses the antimeridian: cut it
                lons.append(None)
                lats.append(None)
            lons.append(round(lon, 3))
            lats.append(round(lat, 3))
            previous = lon
        lons.append(None)
        lats.append(None)
    return {"lon": lons, "lat": lats, "source": "Natural Earth 1:110m via world-atlas (" + path.name + ")"}


def _rings(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc of a TopoJSON topology, decoded (quantised, delta-encoded) to lon/lat points."""
    scale, translate = topo.get("transform", {}).get("scale"), topo.get("transform", {}).get("translate")
    rings = []
    for arc in topo.get("arcs", []):
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            if scale:
                x, y = x + dx, y + dy
                points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
            else:
                points.append((dx, dy))
        rings.append(points)
    return rings
