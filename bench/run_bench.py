"""Performance benchmark (a script, not a test): prints every budget's measurement in one run.

    .venv/bin/python -m bench.run_bench [--runs 11]

Measures
1. the map figure's JSON size per rerun (budget ≤ 40 KB);
2. each page's server-side run time, median of warm reruns under AppTest (budget < 100 ms each;
   the map's compare view and a story chapter included);
3. in headless Debian Chromium: navigation → map drawn for the map page and for a bare Streamlit
   page with one plotly choropleth (the framework floor), and their ratio (budget ≤ 1.25×);
4. slider change → redrawn map on the map page (budget ≤ 300 ms median), and the bytes the
   page receives over the websocket per step, in all and the map's share (budget ≤ 12 KB);
5. navigation → drawn for the timeline and gifts pages;
6. the map page in Korean against English, in the browser and in the server's rerun (budget ≤ 1.1×).
Numbers vary with the machine; compare ratios, and rerun before quoting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import statistics
import time

from atlas.core import links
from atlas.core.paths import PROJECT_ROOT as ROOT
from tests.support.server import CHROMIUM_ARGS, chromium_path, free_port, start_server

# Cached loaders called outside a server log a harmless "missing ScriptRunContext" warning each;
# streamlit resets logger levels when it loads its config, so the logger is disabled instead.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

DRAWN = "() => [...document.querySelectorAll('.choroplethlocation')].filter(p => (p.getAttribute('d') || '').length > 20).length >= 150"
BUDGETS = {"figure_kb": 40.0, "ratio": 1.25, "slider_ms": 150.0, "server_ms": 100.0, "step_kb": 12.0, "korean_ratio": 1.1}


def figure_size() -> float:
    from atlas.data.loading import load_relations_data, read_table
    from atlas.figures.maps import recognition_map
    from atlas.queries.relations import RelationsIndex, relations_at

    index = RelationsIndex(load_relations_data())
    centroids = read_table("centroids")
    sizes = []
    for year in (1950, 1975, 1991, dt.date.today().year):
        when = min(dt.date(year, 12, 31), dt.date.today())
        sizes.append(len(recognition_map(relations_at(index, when), centroids, "x").to_json().encode()))
    return max(sizes) / 1024


def server_side(page: str, runs: int, params: dict | None = None) -> float:
    from streamlit.testing.v1 import AppTest

    from atlas.core import i18n

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    # AppTest formats the widgets' values for the next run in this thread: in the page's language.
    with i18n.language((params or {}).get("lang", i18n.ENGLISH)):
        at.switch_page(page).run()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# The year step's clock, kept in the page: armed with the year expected, it notes the keydown's
# time and the first animation frame after the map's title names that year.
STEP_CLOCK = """() => {
  const clock = (window.__atlasStepClock = { year: null, pressed: null, painted: null, done: false });
  clock.arm = (year) => Object.assign(clock, { year: String(year), pressed: null, painted: null, done: false });
  document.addEventListener("keydown", (event) => { if (clock.pressed === null) clock.pressed = event.timeStamp; }, true);
  const check = () => {
    if (clock.year === null || clock.done || clock.painted !== null) return;
    const title = document.querySelector(".js-plotly-plot .gtitle");
    if (title && title.textContent.includes(clock.year)) {
      clock.painted = -1;
      requestAnimationFrame(() => { clock.painted = performance.now(); clock.done = true; });
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}"""


def _is_map_message(data: bytes | str) -> bool:
    """A websocket message carrying the map component (its share of a step's bytes)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    message = ForwardMsg()
    message.ParseFromString(data if isinstance(data, bytes) else data.encode())
    return message.WhichOneof("type") == "delta" and message.delta.new_element.WhichOneof("type") == "bidi_component"


def browser_times(runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    results: dict[str, float] = {}
    app_port, floor_port = free_port(), free_port()
    app = start_server(ROOT / "app.py", app_port)
    floor = start_server(ROOT / "bench" / "floor_app.py", floor_port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)

            def time_to(url: str, ready: str) -> float:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(url)
                page.wait_for_function(ready, polling="raf", timeout=60_000)
                elapsed = page.evaluate("performance.now()")
                context.close()
                return elapsed

            # Warm both servers (first sessions import plotly and fill caches).
            time_to(f"http://127.0.0.1:{app_port}/map", DRAWN)
            time_to(f"http://127.0.0.1:{floor_port}/", DRAWN)
            time_to(f"http://127.0.0.1:{app_port}/map?lang=ko", DRAWN)
            app_times, floor_times, korean_times = [], [], []
            for _ in range(runs):  # interleaved, so machine noise hits all alike
                floor_times.append(time_to(f"http://127.0.0.1:{floor_port}/", DRAWN))
                app_times.append(time_to(f"http://127.0.0.1:{app_port}/map", DRAWN))
                korean_times.append(time_to(f"http://127.0.0.1:{app_port}/map?lang=ko", DRAWN))
            results["floor_ms"] = statistics.median(floor_times)
            results["map_ms"] = statistics.median(app_times)
            results["map_korean_ms"] = statistics.median(korean_times)
            # Median of paired ratios: each pair ran back to back, so drift cancels out.
            results["ratio"] = statistics.median(a / f for a, f in zip(app_times, floor_times, strict=True))
            results["korean_ratio"] = statistics.median(k / a for k, a in zip(korean_times, app_times, strict=True))

            points = "() => document.querySelectorAll('.js-plotly-plot .scatterlayer .point').length > 40"
            results["timeline_ms"] = statistics.median(
                time_to(f"http://127.0.0.1:{app_port}/timeline", points) for _ in range(runs)
            )
            gifts_drawn = "() => document.querySelectorAll('.choroplethlocation').length >= 10"
            results["gifts_ms"] = statistics.median(
                time_to(f"http://127.0.0.1:{app_port}/gifts", gifts_drawn) for _ in range(runs)
            )

            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            received: list[bytes] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.append(data)))
            page.goto(f"http://127.0.0.1:{app_port}/{links.map_at(1960)}")
            page.wait_for_function(DRAWN, polling="raf", timeout=60_000)
            slider = page.locator('[data-testid="stSlider"] input[type="range"], [data-testid="stSlider"] [role="slider"]').first
            slider.focus()
            page.wait_for_timeout(1_000)
            # Timed in the page: from the key's press (the slider commits its value on keydown) to the
            # first painted frame whose map title names the new year. Playwright's own round trips
            # (~25 ms to press, ~20-40 ms to notice) are no part of what a visitor waits for; the
            # harness's figure, which includes them, is reported beside it.
            page.evaluate(STEP_CLOCK)
            steps, harness_steps, step_kb, map_kb = [], [], [], []
            for year in range(1961, 1961 + max(runs, 10)):
                received.clear()
                page.evaluate("(year) => window.__atlasStepClock.arm(year)", year)
                start = page.evaluate("performance.now()")
                slider.press("ArrowRight")
                page.wait_for_function("() => window.__atlasStepClock.done", polling="raf", timeout=30_000)
                harness_steps.append(page.evaluate("performance.now()") - start)
                steps.append(page.evaluate("window.__atlasStepClock.painted - window.__atlasStepClock.pressed"))
                page.wait_for_timeout(700)  # the run's last messages (not timed)
                step_kb.append(sum(len(data) for data in received) / 1024)
                map_kb.append(sum(len(data) for data in received if _is_map_message(data)) / 1024)
            results["slider_harness_ms"] = statistics.median(harness_steps)
            results["slider_ms"] = statistics.median(steps)
            results["slider_ws_kb"] = statistics.median(step_kb)
            results["slider_ws_kb_max"] = max(step_kb)
            results["slider_map_kb"] = statistics.median(map_kb)
            context.close()
            browser.close()
    finally:
        app.terminate()
        floor.terminate()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    size = figure_size()
    server = {
        "home": server_side("app_pages/home.py", args.runs),
        "map": server_side("app_pages/map.py", args.runs, {"year": "1975", "country": "FRA"}),
        "map_korean": server_side("app_pages/map.py", args.runs, {"year": "1975", "country": "FRA", "lang": "ko"}),
        "timeline": server_side("app_pages/timeline.py", args.runs),
        "gifts": server_side("app_pages/gifts.py", args.runs),
        "data": server_side("app_pages/data.py", args.runs, {"dataset": "gifts", "q": "kkfonline"}),
        "country": server_side("app_pages/country.py", args.runs, {"country": "DEU"}),
        "country_dissolved": server_side("app_pages/country.py", args.runs, {"country": "SUN"}),
        "map_compare": server_side("app_pages/map.py", args.runs, {"year": "1992", "compare": "1988"}),
        "story": server_side("app_pages/story.py", args.runs, {"chapter": "4"}),
    }
    browser = browser_times(args.runs)
    ratio = browser.pop("ratio")
    korean_ratio = browser.pop("korean_ratio")
    report = {
        "map_figure_kb": round(size, 1),
        "server_rerun_median_ms": {k: round(v, 1) for k, v in server.items()},
        "browser_median_ms": {k: round(v) for k, v in browser.items() if k.endswith("_ms")},
        "slider_step_websocket_kb": {k: round(v, 1) for k, v in browser.items() if k.endswith(("_kb", "_kb_max"))},
        "map_vs_floor_ratio": round(ratio, 2),
        "korean_map_vs_english_ratio": round(korean_ratio, 2),
        "korean_map_server_vs_english_ratio": round(server["map_korean"] / server["map"], 2),
    }
    print(json.dumps(report, indent=2))
    checks = [
        *((f"{name} server rerun < 100 ms", ms < BUDGETS["server_ms"]) for name, ms in server.items()),
        ("map figure ≤ 40 KB", size <= BUDGETS["figure_kb"]),
        ("map page ≤ 1.25 × floor", ratio <= BUDGETS["ratio"]),
        ("Korean map page ≤ 1.1 × English (browser)", korean_ratio <= BUDGETS["korean_ratio"]),
        ("Korean map page ≤ 1.1 × English (server rerun)", server["map_korean"] / server["map"] <= BUDGETS["korean_ratio"]),
        ("slider → redraw ≤ 150 ms", browser["slider_ms"] <= BUDGETS["slider_ms"]),
        ("slider step ≤ 12 KB over the websocket", browser["slider_ws_kb"] <= BUDGETS["step_kb"]),
    ]
    for label, ok in checks:
        print(f"{'PASS' if ok else 'OVER'}  {label}")


if __name__ == "__main__":
    main()
