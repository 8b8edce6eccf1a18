// The atlas's map component (Streamlit components v2): draws a plotly figure with the locally
// served geo bundle and sends a clicked state's ISO-3 code back. Constant code: no data is ever
// written into it (the figure arrives in `data`). Imported by the component atlas/web/map_chart.py registers.
//
// The figure arrives in parts (atlas/figures/payload.py): a `base` (layout, trace styling,
// config) only when this page has not been sent it, then per run a `frame` (the per-date cells)
// whole or as a `patch` against a frame sent before. Both are kept here by id; a missing one is
// asked for with the trigger value `missing`.
let loading = null;
function loadPlotly(src, failed) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { loading = null; reject(new Error(failed || "The map's script did not load.")); };
      document.head.appendChild(script);
    });
  }
  return loading;
}


// Kept on the window, not in the module: it outlives a re-imported module, and a test can clear it.
const store = (window.__atlasMapStore = window.__atlasMapStore || { bases: new Map(), frames: new Map() });
const FRAMES_KEPT = 64;

function keepFrame(id, frame) {
  store.frames.delete(id);
  store.frames.set(id, frame);
  while (store.frames.size > FRAMES_KEPT) store.frames.delete(store.frames.keys().next().value);
}

// The twin of payload.apply_patch: a path's unchanged array is the same object as before, so
// Plotly.react skips what did not change.
function applyCells(cells, patch) {
  const out = Object.assign({}, cells);
  for (const [path, value] of Object.entries(patch)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const updated = out[path].slice();
      value.i.forEach((index, n) => { updated[index] = value.v[n]; });
      out[path] = updated;
    } else {
      out[path] = value;
    }
  }
  return out;
}

function applyPatch(frame, patch) {
  return { data: frame.data.map((cells, i) => applyCells(cells, patch.data[i])), layout: applyCells(frame.layout, patch.layout) };
}

function put(container, path, value) {
  const names = path.split(".");
  const last = names.pop();
  for (const name of names) {
    container[name] = Object.assign({}, container[name]);
    container = container[name];
  }
  container[last] = value;
}

// The twin of payload.assemble, on a fresh copy of the base (plotly may write into what it is given).
function assemble(base, frame) {
  const figure = structuredClone(base.figure);
  figure.data.forEach((trace, i) => { for (const [path, value] of Object.entries(frame.data[i])) put(trace, path, value); });
  figure.layout = figure.layout || {};
  for (const [path, value] of Object.entries(frame.layout)) put(figure.layout, path, value);
  return figure;
}

// The frame `data` describes, or null when this page lacks what it builds on.
function frameOf(data) {
  if (store.frames.has(data.frame_id)) return store.frames.get(data.frame_id);
  if (data.frame) return data.frame;
  const reference = store.frames.get(data.ref);
  return reference ? applyPatch(reference, data.patch) : null;
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
  if (data.base) store.bases.set(data.version, data.base);
  const base = store.bases.get(data.version);
  const frame = frameOf(data);
  if (!base || !frame) {
    // Ask once per payload; Python's next run sends base and frame whole. A run can be lost (a newer
    // run interrupts it before its messages go out), so ask again every 2 s until the map draws.
    if (chart.atlasAsked !== data.frame_id) {
      chart.atlasAsked = data.frame_id;
      chart.atlasAskCount = 0;
      const ask = () => {
        if (chart.atlasAsked !== data.frame_id || !chart.isConnected) return;
        chart.atlasAskCount += 1;
        chart.atlasTrigger("missing", `${data.frame_id}:${chart.atlasAskCount}`);
        if (chart.atlasAskCount < 10) chart.atlasRetry = setTimeout(ask, 2000);
      };
      ask();
    }
    return;
  }
  chart.atlasAsked = null;
  clearTimeout(chart.atlasRetry);
  keepFrame(data.frame_id, frame);
  // Text shown to the visitor arrives translated in `data.text` (atlas/web/map_chart.py).
  loadPlotly(data.script, data.text && data.text.load_failed).then((Plotly) => {
    const figure = assemble(base, frame);
    const page = getComputedStyle(parentElement);
    const layout = Object.assign({}, figure.layout, {
      font: Object.assign({}, figure.layout.font, { color: page.color, family: page.fontFamily }),
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      autosize: true,
    });
    return Plotly.react(chart, figure.data, layout, base.config).then(() => {
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
