// The atlas's map component (Streamlit components v2): draws a plotly figure with the locally
// served geo bundle and sends a clicked state's ISO-3 code back. Constant code: no data is ever
// written into it (the figure arrives in `data`). Loaded by atlas/web/map_chart.py.
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
