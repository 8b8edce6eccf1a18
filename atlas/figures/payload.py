"""A map figure split for the browser: a ``base`` that rarely changes and a per-date ``frame``.

Why: a year step used to send the whole figure JSON again (~36 KB) although only the states'
colours, hover rows and the title change; the layout, the traces' styling and the legend are the
same every year. The map component (``atlas/web/map_chart``) sends the base once per session and
chart, keyed by its ``version`` (a hash the browser remembers), and on a step only a ``patch``:
the frame's cells that differ from the frame the browser already holds (``diff``). The browser
applies it with the JavaScript twin of ``apply_patch`` and ``assemble`` in ``static/atlas_map.js``.

Pure (plain JSON-able dicts in and out, no streamlit), so the split is tested on its own.

Shapes:

- ``frame`` = ``{"data": [{path: value} per trace], "layout": {path: value}}`` where a path is a
  dotted attribute name (``"marker.color"``, ``"title.text"``);
- ``patch`` = the same shape with only the changed paths; a list value whose cells mostly stayed
  is sent sparse, as ``{"i": [indices], "v": [new values]}`` (a dict, never a frame value).
"""

from __future__ import annotations

import copy
import hashlib
import json

# Per-date attributes of a trace: the states drawn, their colour values and hover rows. Anything
# else (colour scale, line widths, names, hover template) belongs to the base.
TRACE_PATHS = ("locations", "z", "customdata", "lon", "lat", "text", "hovertext", "marker.color")
LAYOUT_PATHS = ("title.text",)
# A changed list is sent sparse when at most this share of its cells changed.
SPARSE_SHARE = 0.5


def _take(container: dict, path: str):
    """Remove ``path`` from ``container`` (dotted, nested dicts) and return its value, or None."""
    *parents, last = path.split(".")
    for name in parents:
        container = container.get(name)
        if not isinstance(container, dict):
            return None
    return container.pop(last, None)


def _put(container: dict, path: str, value) -> None:
    """Set ``path`` in ``container``, copying the nested dicts on the way (the base is shared)."""
    *parents, last = path.split(".")
    for name in parents:
        container[name] = dict(container.get(name) or {})
        container = container[name]
    container[last] = value


def split(figure: dict) -> tuple[dict, dict]:
    """``(base, frame)`` of a plotly figure dict (``json.loads(fig.to_json())``); ``figure`` is left as is.

    A trace's ``marker.color`` is per-date only when it is a list (one colour per dot); a single
    colour (a legend swatch) stays in the base.
    """
    base = copy.deepcopy(figure)
    data = []
    for trace in base.get("data", []):
        cells = {}
        for path in TRACE_PATHS:
            if path == "marker.color" and not isinstance(trace.get("marker", {}).get("color"), list):
                continue
            value = _take(trace, path)
            if value is not None:
                cells[path] = value
        data.append(cells)
    layout = {}
    for path in LAYOUT_PATHS:
        value = _take(base.setdefault("layout", {}), path)
        if value is not None:
            layout[path] = value
    return base, {"data": data, "layout": layout}


def assemble(base: dict, frame: dict) -> dict:
    """The figure ``split`` took apart: ``assemble(*split(f)) == f``."""
    traces = []
    for trace, cells in zip(base.get("data", []), frame["data"], strict=True):
        trace = dict(trace)
        for path, value in cells.items():
            _put(trace, path, value)
        traces.append(trace)
    layout = dict(base.get("layout", {}))
    for path, value in frame["layout"].items():
        _put(layout, path, value)
    return {**base, "data": traces, "layout": layout}


def canonical(value) -> str:
    """Compact, key-sorted JSON: equal content, equal text (what ``version`` hashes)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def version(value) -> str:
    """A short content hash: the id under which the browser keeps a base or a frame."""
    return hashlib.sha1(canonical(value).encode()).hexdigest()[:16]


def _cells_patch(old: dict, new: dict) -> dict:
    patch = {}
    for path, value in new.items():
        before = old.get(path)
        if before == value:
            continue
        if isinstance(before, list) and isinstance(value, list) and len(before) == len(value):
            changed = [i for i, (a, b) in enumerate(zip(before, value, strict=True)) if a != b]
            if len(changed) <= SPARSE_SHARE * len(value):
                patch[path] = {"i": changed, "v": [value[i] for i in changed]}
                continue
        patch[path] = value
    return patch


def diff(old: dict, new: dict) -> dict | None:
    """The patch turning frame ``old`` into frame ``new``, or None when they do not line up
    (another number of traces, or a path that disappeared): then the whole frame is sent."""
    if len(old["data"]) != len(new["data"]):
        return None
    if any(set(a) - set(b) for a, b in zip(old["data"], new["data"], strict=True)) or set(old["layout"]) - set(new["layout"]):
        return None
    return {
        "data": [_cells_patch(a, b) for a, b in zip(old["data"], new["data"], strict=True)],
        "layout": _cells_patch(old["layout"], new["layout"]),
    }


def _apply_cells(cells: dict, patch: dict) -> dict:
    out = dict(cells)
    for path, value in patch.items():
        if isinstance(value, dict):  # sparse: a frame's values are lists or strings, never dicts
            updated = list(out[path])
            for i, cell in zip(value["i"], value["v"], strict=True):
                updated[i] = cell
            out[path] = updated
        else:
            out[path] = value
    return out


def apply_patch(frame: dict, patch: dict) -> dict:
    """``diff``'s inverse: ``apply_patch(old, diff(old, new)) == new`` (``old`` is left as is)."""
    return {
        "data": [_apply_cells(cells, p) for cells, p in zip(frame["data"], patch["data"], strict=True)],
        "layout": _apply_cells(frame["layout"], patch["layout"]),
    }
