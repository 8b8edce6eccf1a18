"""Load benchmark (a script, not a test): a class opening the atlas at once, measured against the floor.

    .venv/bin/python bench/load_bench.py [--sessions 30] [--repeats 3] [--browsers 5]

For each page of the app, N sessions open it at the same moment through Streamlit's own
websocket protocol (no browsers): connect to ``/_stcore/stream``, send the ``rerun_script``
message a browser sends for that page, and read forward messages until ``script_finished``.
The same burst goes to a bare one-line Streamlit app (``bench/hello_app.py``, the framework's
own floor) on the same machine, interleaved with the pages so that machine noise hits both.

Reported per page: p50/p95 seconds from connect to script finished, their ratio to the floor's
(median over repeats; budget p95 ≤ 1.3 × floor), errors (failed connections, scripts that did
not finish successfully, exception elements), bytes sent to each session, and the server's
peak resident memory (VmHWM). Then a small burst of real headless Chromium sessions opening the
map page at once: time from navigation to the map drawn in each.

Every loop is bounded (sessions, repeats, a timeout per session) and only talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

from tests.conftest import CHROMIUM_ARGS, chromium_path, free_port, start_server  # noqa: E402
from tests.protocol import burst  # noqa: E402

BUDGET_RATIO = 1.3
MAP_DRAWN = (
    "() => [...document.querySelectorAll('.choroplethlocation')]"
    ".filter(p => (p.getAttribute('d') || '').length > 20).length >= 150"
)


def app_pages() -> list[str]:
    """URL paths of the app's pages ('' is Home), read from app.py's st.Page declarations."""
    import re

    source = (ROOT / "app.py").read_text(encoding="utf-8")
    return [""] + re.findall(r'url_path="([^"]+)"', source)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident set (VmHWM) in MiB, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def protocol_bursts(sessions: int, repeats: int) -> dict:
    app_port, floor_port = free_port(), free_port()
    app = start_server(ROOT / "app.py", app_port)
    floor = start_server(ROOT / "bench" / "hello_app.py", floor_port)
    app_ws, floor_ws = (f"ws://127.0.0.1:{p}/_stcore/stream" for p in (app_port, floor_port))
    report: dict = {"sessions": sessions, "repeats": repeats, "pages": {}}
    try:
        pages = app_pages()
        for page in pages:  # warm: the first session of a process fills the shared caches
            asyncio.run(burst(app_ws, page, 1))
        asyncio.run(burst(floor_ws, "", 1))
        for page in pages:
            ratios50, ratios95, times, floors, sent, errors = [], [], [], [], [], []
            for _ in range(repeats):
                floor_run = asyncio.run(burst(floor_ws, "", sessions))
                page_run = asyncio.run(burst(app_ws, page, sessions))
                f_times = [r.seconds for r in floor_run]
                p_times = [r.seconds for r in page_run]
                ratios50.append(percentile(p_times, 0.5) / percentile(f_times, 0.5))
                ratios95.append(percentile(p_times, 0.95) / percentile(f_times, 0.95))
                times += p_times
                floors += f_times
                sent += [r.bytes_received for r in page_run]
                errors += [r.error for r in page_run + floor_run if r.error]
            report["pages"][page or "home"] = {
                "p50_s": round(percentile(times, 0.5), 2),
                "p95_s": round(percentile(times, 0.95), 2),
                "floor_p50_s": round(percentile(floors, 0.5), 2),
                "floor_p95_s": round(percentile(floors, 0.95), 2),
                "ratio_p50": round(statistics.median(ratios50), 2),
                "ratio_p95": round(statistics.median(ratios95), 2),
                "errors": len(errors),
                "error_kinds": sorted(set(errors)),
                "kb_per_session": round(statistics.median(sent) / 1024, 1),
            }
            print(page or "home", json.dumps(report["pages"][page or "home"]), flush=True)
        report["server_peak_mb"] = round(peak_memory_mb(app.pid), 1)
        report["floor_peak_mb"] = round(peak_memory_mb(floor.pid), 1)
    finally:
        app.terminate()
        floor.terminate()
        app.wait(10)
        floor.wait(10)
    return report


def browser_burst(count: int) -> dict:
    """``count`` real headless Chromium sessions opening the map page at once: navigation → map drawn."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    app = start_server(ROOT / "app.py", port)
    # Each page records, in its own clock, the moment the map is drawn: no waiting order bias.
    recorder = f"""
        (function poll() {{
            if (({MAP_DRAWN})()) {{ window.__drawnAt = performance.now(); return; }}
            requestAnimationFrame(poll);
        }})();
    """
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            warm = browser.new_page()
            warm.goto(f"http://127.0.0.1:{port}/map")
            warm.wait_for_function(MAP_DRAWN, timeout=120_000)
            warm.close()
            contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(count)]
            pages = []
            for context in contexts:
                context.add_init_script(recorder)
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{port}/map", wait_until="commit")
                pages.append(page)
            drawn = []
            for page in pages:
                page.wait_for_function("() => window.__drawnAt !== undefined", timeout=180_000)
                drawn.append(page.evaluate("window.__drawnAt"))
            browser.close()
    finally:
        app.terminate()
        app.wait(10)
    return {"browsers": count, "p50_ms": round(statistics.median(drawn)), "max_ms": round(max(drawn))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--browsers", type=int, default=5, help="0 skips the Chromium burst")
    args = parser.parse_args()
    report = protocol_bursts(args.sessions, args.repeats)
    if args.browsers:
        report["chromium_map_burst"] = browser_burst(args.browsers)
    print(json.dumps(report, indent=2))
    for page, row in report["pages"].items():
        ok = row["ratio_p95"] <= BUDGET_RATIO and row["errors"] == 0
        print(f"{'PASS' if ok else 'OVER'}  {page}: p95 {row['ratio_p95']} × floor (≤ {BUDGET_RATIO}), {row['errors']} errors")


if __name__ == "__main__":
    main()
