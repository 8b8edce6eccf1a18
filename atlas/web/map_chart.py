"""The world maps (recognition map, story, country locator), drawn by plotly.js's own geo bundle instead of Streamlit's plotly chart.

Why: ``st.plotly_chart`` loads Streamlit's plotly chunk, the whole of plotly.js (4.7 MB); on a
fresh visit the browser spent ~0.85 s of its main thread just evaluating it, and the map page
drew its map at 1.3× a bare one-choropleth page. plotly.js publishes partial bundles; the geo one
(``static/plotly-geo.min.js``, plotly.js-geo-dist-min 4.1.1, MIT, served locally: no CDN) has
everything a choropleth and scattergeo need in 1.4 MB. Measured on the same machine: the map page
went from 1.30× to 0.93× the floor.

The figure is the same plotly figure the pure builders make (``atlas/figures/maps.py``); only the
drawing moves. A click on a shape or a dot sends its ISO-3 code back as the trigger value
``selected`` (read by ``map_page.selected_code``). The text colour and font follow the app's
theme, read from the page each time the map is drawn; Streamlit draws a component again when the
theme changes, so a switch to dark mode during a visit is followed too (tested).
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

# Constant code: no data is ever written into it (the figure goes in ``data``).
_JS = """
let loading = null;
function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { loading = null; reject(new Error("The map's script did not load.")); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let chart = parentElement.querySelector(".atlas-map");
  if (!chart) {
    chart = document.createElement("div");
    chart.className = "atlas-map";
    parentElement.appendChild(chart);
  }
  chart.atlasTrigger = setTriggerValue;  // the newest callback, for the click handler bound once
  if (!chart.atlasObserver) {
    // plotly's "responsive" follows the window only; the map's box also changes when the sidebar
    // opens or closes, a tab shows it, or presentation mode resizes it.
    let frame = 0;
    chart.atlasObserver = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!chart.isConnected) return chart.atlasObserver.disconnect();  // the page was left
        // Hidden (a closed tab, a page being swapped out): nothing to fit until it shows again.
        if (!window.Plotly || !chart.data || chart.offsetParent === null) return;
        window.Plotly.Plots.resize(chart).catch(() => {});
      });
    });
    chart.atlasObserver.observe(chart);
  }
  loadPlotly(data.script).then((Plotly) => {
    const figure = JSON.parse(data.figure);
    const page = getComputedStyle(parentElement);
    const layout = Object.assign({}, figure.layout, {
      font: Object.assign({}, figure.layout.font, { color: page.color, family: page.fontFamily }),
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      autosize: true,
    });
    return Plotly.react(chart, figure.data, layout, data.config).then(() => {
      if (chart.atlasBound || !data.clickable) return;
      chart.atlasBound = true;
      chart.on("plotly_click", (event) => {
        const point = event && event.points && event.points[0];
        if (!point) return;
        const custom = point.customdata;
        const code = point.location || (Array.isArray(custom) ? custom[custom.length - 1] : null);
        if (typeof code === "string") chart.atlasTrigger("selected", code);
      });
    });
  }).catch((error) => { chart.textContent = String(error.message || error); });
}
"""
_CSS = """
.atlas-map { width: 100%; height: 100%; }
"""
# A plotly figure carries its own styles, which a shadow root would keep out: not isolated.
_MAP = st.components.v2.component("atlas_map", js=_JS, css=_CSS, isolate_styles=False)
# Relative, like the geometry's URL: it keeps working on sub-pages and behind a base URL path.
SCRIPT_URL = "app/static/plotly-geo.min.js"


def draw(
    figure: go.Figure, *, key: str, config: dict, on_select: Callable[[], None] | None = None, height: str = "stretch"
) -> None:
    """Draw ``figure`` filling its container; with ``on_select``, a click calls it with the code in
    ``st.session_state[key]["selected"]`` (without, clicks do nothing and cost no rerun)."""
    callbacks = {"on_selected_change": on_select} if on_select else {}
    _MAP(
        key=key,
        data={
            "figure": figure.to_json(),
            "config": {**config, "responsive": True},
            "script": SCRIPT_URL,
            "clickable": on_select is not None,
        },
        width="stretch",
        height=height,
        **callbacks,
    )
