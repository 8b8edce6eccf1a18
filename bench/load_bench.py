"""Load benchmark (a script, not a test): a class opening the atlas at once, measured against the floor.

    .venv/bin/python -m bench.load_bench [--sessions 30] [--repeats 3] [--browsers 5]

For each page of the app, N sessions open it at the same moment through Streamlit's own
websocket protocol (no browsers): connect to ``/_stcore/stream``, send the ``rerun_script``
message a browser sends for that page, and read forward messages until ``script_finished``.
The same burst goes to a bare one-line Streamlit app (``bench/hello_app.py``, the framework's
own floor) on the same machine, interleaved with the pages so that machine noise hits both: once
as Streamlit runs it by default (a full garbage collection after each script run: the floor the
budget is measured against) and once with that collection off, as the atlas runs (reported beside
it as the stricter ratio).

Reported per page: p50/p95 seconds from connect to script finished, their ratio to the floor's
(median over repeats; budget p95 ≤ 1.3 × floor), the server's CPU milliseconds per session (a
measure that machine load hardly moves), errors (failed connections, scripts that did
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
import os
import statistics
from pathlib import Path

from atlas.core.paths import PROJECT_ROOT as ROOT
from tests.support.protocol import burst
from tests.support.server import CHROMIUM_ARGS, chromium_path, free_port, start_server

logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def protocol_bursts(sessions: int, repeats: int) -> dict:
    """Each page's burst against two floors, interleaved so machine noise hits all alike.

    The floor is a bare one-line app (bench/hello_app.py) served twice with this project's
    .streamlit/config.toml: once with Streamlit's default full garbage collection after every
    script run (the framework's own per-session work; the budget's floor), and once with it off as
    the atlas runs (``runner.postScriptGC = false``): the stricter comparison, reported beside it.
    """
    ports = {name: free_port() for name in ("app", "floor", "floor_same_config")}
    framework_default = {**os.environ, "STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}
    servers = {
        "app": start_server(ROOT / "app.py", ports["app"]),
        "floor": start_server(ROOT / "bench" / "hello_app.py", ports["floor"], env=framework_default),
        "floor_same_config": start_server(ROOT / "bench" / "hello_app.py", ports["floor_same_config"]),
    }
    ws = {name: f"ws://127.0.0.1:{port}/_stcore/stream" for name, port in ports.items()}
    report: dict = {"sessions": sessions, "repeats": repeats, "pages": {}}
    try:
        pages = app_pages()
        for page in pages:  # warm: the first session of a process fills the shared caches
            asyncio.run(burst(ws["app"], page, 1))
        for name in ("floor", "floor_same_config"):
            asyncio.run(burst(ws[name], "", 1))
        for page in pages:
            times: dict[str, list[float]] = {"app": [], "floor": [], "floor_same_config": []}
            ratios: dict[str, list[float]] = {"p50": [], "p95": [], "p95_same_config": []}
            cpu: dict[str, list[float]] = {"app": [], "floor": []}
            sent, errors = [], []
            for _ in range(repeats):
                runs = {}
                for name in ("floor", "floor_same_config", "app"):
                    before = cpu_seconds(servers[name].pid)
                    runs[name] = asyncio.run(burst(ws[name], page if name == "app" else "", sessions))
                    if name in cpu:
                        cpu[name].append((cpu_seconds(servers[name].pid) - before) / sessions * 1000)
                    times[name] += [r.seconds for r in runs[name]]
                    errors += [r.error for r in runs[name] if r.error]
                seconds = {name: [r.seconds for r in run] for name, run in runs.items()}
                ratios["p50"].append(percentile(seconds["app"], 0.5) / percentile(seconds["floor"], 0.5))
                ratios["p95"].append(percentile(seconds["app"], 0.95) / percentile(seconds["floor"], 0.95))
                ratios["p95_same_config"].append(
                    percentile(seconds["app"], 0.95) / percentile(seconds["floor_same_config"], 0.95)
                )
                sent += [r.bytes_received for r in runs["app"]]
            report["pages"][page or "home"] = {
                "p50_s": round(percentile(times["app"], 0.5), 2),
                "p95_s": round(percentile(times["app"], 0.95), 2),
                "floor_p95_s": round(percentile(times["floor"], 0.95), 2),
                "ratio_p50": round(statistics.median(ratios["p50"]), 2),
                "ratio_p95": round(statistics.median(ratios["p95"]), 2),
                "ratio_p95_same_config": round(statistics.median(ratios["p95_same_config"]), 2),
                "cpu_ms_per_session": round(statistics.median(cpu["app"]), 1),
                "floor_cpu_ms_per_session": round(statistics.median(cpu["floor"]), 1),
                "errors": len(errors),
                "error_kinds": sorted(set(errors)),
                "kb_per_session": round(statistics.median(sent) / 1024, 1),
            }
            print(page or "home", json.dumps(report["pages"][page or "home"]), flush=True)
        report["server_peak_mb"] = round(peak_memory_mb(servers["app"].pid), 1)
        report["floor_peak_mb"] = round(peak_memory_mb(servers["floor"].pid), 1)
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(10)
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
