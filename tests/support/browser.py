"""What browser tests read off a drawn page: shapes drawn, the map's title, the hover text, interior points."""

from __future__ import annotations

DRAWN_SHAPES = """() => [...document.querySelectorAll('.choroplethlocation')]
    .filter(p => (p.getAttribute('d') || '').length > 20).length"""

# For every drawn shape at least 14x14 px: the point deepest inside it (farthest from any sample
# outside it, on a 16x16 grid over its box, tested with isPointInFill), where a visitor aims.
INTERIOR_POINTS = """() => {
  const out = [], n = 16;
  for (const el of document.querySelectorAll('.choroplethlocation')) {
    const code = el.__data__ && el.__data__.loc;
    const box = el.getBoundingClientRect();
    if (!code || box.width < 14 || box.height < 14) continue;
    const svg = el.ownerSVGElement, inverse = el.getScreenCTM().inverse();
    const inside = [], outside = [];
    for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) {
      const pt = svg.createSVGPoint();
      pt.x = box.left + box.width * i / n; pt.y = box.top + box.height * j / n;
      (el.isPointInFill(pt.matrixTransform(inverse)) ? inside : outside).push([pt.x, pt.y]);
    }
    if (!inside.length) continue;
    const depth = p => Math.min(...outside.map(q => Math.hypot(p[0] - q[0], p[1] - q[1])));
    inside.sort((a, b) => depth(b) - depth(a));
    out.push({code, x: inside[0][0], y: inside[0][1]});
  }
  return out;
}"""
HOVER_TEXT = "() => [...document.querySelectorAll('.hoverlayer .hovertext')].map(h => h.textContent).join(' | ')"


def wait_for_map(page, minimum: int = 150) -> int:
    page.wait_for_function(f"() => ({DRAWN_SHAPES})() >= {minimum}", timeout=60_000)
    return page.evaluate(DRAWN_SHAPES)


def title_of_map(page) -> str:
    return page.locator(".js-plotly-plot .gtitle").first.text_content() or ""


# The point deepest inside one country's shape (by ISO-3 code), where a visitor would click it.
INTERIOR_POINT = """(code) => {
    const el = [...document.querySelectorAll('.choroplethlocation')].find(p => p.__data__ && p.__data__.loc === code);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const svg = el.ownerSVGElement;
    const inverse = el.getScreenCTM().inverse();
    const inside = [];
    for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
        const pt = svg.createSVGPoint();
        pt.x = box.left + box.width * i / 20; pt.y = box.top + box.height * j / 20;
        if (el.isPointInFill(pt.matrixTransform(inverse))) inside.push([pt.x, pt.y]);
    }
    if (!inside.length) return null;
    const mx = inside.reduce((s, p) => s + p[0], 0) / inside.length, my = inside.reduce((s, p) => s + p[1], 0) / inside.length;
    inside.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
    return inside[0];
}"""
