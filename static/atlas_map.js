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

// Paint ahead (issue 18's year step): plotly recomputes the whole geo plot when a choropleth's
// values change (Plotly.react took ~90 ms a step, most of the step). When the new frame differs
// from the one drawn only in the shapes' values, the dots' colours and a one-line title (a year
// step), the changed shapes and dots are filled and the title set directly, the way plotly styles
// them, and Plotly.react follows at once to bring hover, selection and everything else in line
// (it redraws the same colours). Anything else, or anything unexpected, leaves it all to react.
// A colour as plotly writes it into the page ("rgb(0, 114, 178)"), so a painted fill reads the same.
function plotlyColour(colour) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return hex ? `rgb(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)})` : colour;
}

function colourOf(trace) {
  const scale = trace.colorscale, low = trace.zmin, high = trace.zmax;
  if (!Array.isArray(scale) || typeof low !== "number" || typeof high !== "number" || high <= low) return null;
  return (z) => {
    const t = (z - low) / (high - low);
    let colour = scale[0][1];
    for (const [at, c] of scale) { if (at <= t) colour = c; else break; }
    return plotlyColour(colour);
  };
}

function sameCell(a, b) {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((value, i) => value === b[i]);
}

// Whether ``next`` differs from ``drawn`` (both frames of one base) only in the cells ``allowed``
// lets change: per trace, the path names that may differ.
function onlyChanged(drawn, next, allowed) {
  if (drawn.data.length !== next.data.length) return false;
  const parts = [...drawn.data.map((cells, i) => [cells, next.data[i], allowed.data[i] || []]), [drawn.layout, next.layout, allowed.layout]];
  return parts.every(([old, now, free]) => {
    const keys = new Set([...Object.keys(old), ...Object.keys(now)]);
    return [...keys].every((key) => free.includes(key) || sameCell(old[key], now[key]));
  });
}

const STEP_CELLS = { data: [["z", "customdata"], ["marker.color", "customdata"]], layout: ["title.text"] };

function paintAhead(chart, drawn, version, frame, figure) {
  if (!drawn || drawn.version !== version || !chart._fullLayout) return false;
  if (!onlyChanged(drawn.frame, frame, STEP_CELLS)) return false;
  const shapes = figure.data[0], dots = figure.data[1];
  if (!shapes || shapes.type !== "choropleth" || !dots || dots.type !== "scattergeo") return false;
  const title = frame.layout["title.text"];
  const titleNode = chart.querySelector(".gtitle");
  if (typeof title !== "string" || /[<&]/.test(title) || !titleNode || titleNode.querySelector("tspan")) return false;
  const colour = colourOf(shapes);
  const paths = chart.querySelectorAll(".choroplethlayer path.choroplethlocation");
  const points = chart.querySelectorAll(".scatterlayer path.point");  // only the dots' trace has points
  const dotColours = dots.marker && dots.marker.color;
  if (!colour || !paths.length || !Array.isArray(dotColours) || points.length !== dotColours.length) return false;
  if (![...points].every((point) => point.__data__ && dotColours[point.__data__.i] !== undefined)) return false;
  const index = new Map(shapes.locations.map((code, i) => [code, i]));
  const fills = [];
  for (const path of paths) {
    const i = index.get(path.__data__ && path.__data__.loc);
    if (i === undefined) return false;  // not the shapes plotly drew from this frame's locations
    fills.push([path, colour(shapes.z[i])]);
  }
  fills.forEach(([path, fill]) => { if (path.getAttribute("fill") !== fill) path.setAttribute("fill", fill); });
  points.forEach((point) => { point.style.fill = plotlyColour(dotColours[point.__data__.i]); });
  titleNode.textContent = title;
  titleNode.setAttribute("data-unformatted", title);
  return true;
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
    // run interrupts it before its messages go out), so ask again until the map draws: every 2 s,
    // then every 5 s (it gave up after ten asks, which a busy server could outlast, leaving the
    // map on the year before).
    if (chart.atlasAsked !== data.frame_id) {
      chart.atlasAsked = data.frame_id;
      chart.atlasAskCount = 0;
      const ask = () => {
        if (chart.atlasAsked !== data.frame_id || !chart.isConnected) return;
        chart.atlasAskCount += 1;
        chart.atlasTrigger("missing", `${data.frame_id}:${chart.atlasAskCount}`);
        chart.atlasRetry = setTimeout(ask, chart.atlasAskCount < 10 ? 2000 : 5000);
      };
      ask();
    }
    return;
  }
  chart.atlasAsked = null;
  clearTimeout(chart.atlasRetry);
  keepFrame(data.frame_id, frame);
  // Text shown to the visitor arrives translated in `data.text` (atlas/web/map_chart.py).
  const ticket = (chart.atlasTicket = (chart.atlasTicket || 0) + 1);
  loadPlotly(data.script, data.text && data.text.load_failed).then(() => {
    if (paintAhead(chart, chart.atlasDrawn, data.version, frame, assemble(base, frame))) {
      // Let the browser show the painted step before plotly's full redraw takes the thread; a
      // newer step painted meanwhile makes this redraw pointless (it would flash this year back).
      return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))).then(() => {
        if (ticket === chart.atlasTicket) return draw();
      });
    }
    return draw();
  }).catch((error) => { chart.textContent = String(error.message || error); });

  function draw() {
    const Plotly = window.Plotly;
    const figure = assemble(base, frame);
    const page = getComputedStyle(parentElement);
    const layout = Object.assign({}, figure.layout, {
      font: Object.assign({}, figure.layout.font, { color: page.color, family: page.fontFamily }),
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      autosize: true,
    });
    chart.atlasDrawn = { version: data.version, frame };
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
  }
}
