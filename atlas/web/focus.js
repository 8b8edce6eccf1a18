// Moves keyboard focus to a record that just opened and brings it into view (Streamlit components
// v2). Constant code: the selector and token arrive in `data` and are only used with
// querySelector. Loaded by atlas/web/focus.py.
export default function (component) {
  const { data, parentElement } = component;
  // The same record on a later rerun (a year step, a Play tick): leave focus where the visitor put it.
  if (parentElement.atlasToken === data.token) return;
  parentElement.atlasToken = data.token;
  let tries = 0;
  const go = () => {
    const target = document.querySelector(data.selector);
    if (!target) {
      if (tries++ < 60) setTimeout(go, 50);
      return;
    }
    if (data.only_if_lost && document.activeElement && document.activeElement !== document.body) return;
    if (!target.hasAttribute("tabindex") && !target.matches("button, a, input, select, textarea")) {
      target.setAttribute("tabindex", "-1");
    }
    target.style.scrollMarginTop = "4.5rem";  // clear of Streamlit's fixed header
    target.focus({ preventScroll: true });
    const box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ block: "start" });
  };
  requestAnimationFrame(go);
}
