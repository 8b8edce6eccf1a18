"""A year step paints the new year at once, in plotly's own colours, and plotly's redraw agrees.

The map component (``static/atlas_map.js``, ``paintAhead``) fills the shapes and dots of a year
step and sets the title itself, then lets ``Plotly.react`` redraw: these tests catch a painted
colour that plotly would not draw, a title without its colours, and hover text left a year behind.
"""

from __future__ import annotations

from tests.support.browser import HOVER_TEXT, INTERIOR_POINT, title_of_map, wait_for_map

SLIDER = '[data-testid="stSlider"] [role="slider"], [data-testid="stSlider"] input[type="range"]'
# Every shape's and dot's fill, by code (shapes) or point index (dots).
FILLS = """() => Object.fromEntries(
  [...document.querySelectorAll('.choroplethlayer path.choroplethlocation')].map(p => [p.__data__.loc, p.getAttribute('fill')])
  .concat([...document.querySelectorAll('.scatterlayer path.point')].map(p => ['dot' + p.__data__.i, p.style.fill])))"""
# Snapshot the fills at the first moment the map's title names ``year`` (the painted step).
WATCH = """(year) => {
  window.__stepFills = null;
  const observer = new MutationObserver(() => {
    const title = document.querySelector('.js-plotly-plot .gtitle');
    if (title && title.textContent.includes(String(year)) && !window.__stepFills) {
      window.__stepFills = (FILLS)();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}""".replace("FILLS", FILLS)


def step_to(page, year: int) -> tuple[dict, dict]:
    """Press → to ``year``: the fills when its title appeared, and the fills once plotly has redrawn."""
    page.evaluate(WATCH, year)
    page.locator(SLIDER).first.press("ArrowRight")
    page.wait_for_function("() => window.__stepFills", timeout=30_000)
    first = page.evaluate("window.__stepFills")
    page.wait_for_timeout(1_500)
    return first, page.evaluate(FILLS)


def test_a_painted_year_step_has_plotlys_colours_when_its_title_shows(page, server_url):
    page.goto(f"{server_url}/map?year=1989")
    wait_for_map(page)
    page.locator(SLIDER).first.focus()
    page.wait_for_timeout(1_000)
    before = page.evaluate(FILLS)
    for year in (1990, 1991, 1992):
        first, settled = step_to(page, year)
        assert first == settled, f"{year}: painted fills differ from plotly's: " + str(
            {k: (first.get(k), settled.get(k)) for k in settled if first.get(k) != settled.get(k)}
        )
        changed = [code for code in settled if settled[code] != before.get(code)]
        assert changed, f"{year}: no colour changed"  # 1990-1992: unification, the USSR's end…
        before = settled
    assert "1992" in title_of_map(page)
    assert "year=1992" in page.url
    assert page.offsite.blocked == []


def test_hover_follows_a_painted_step(page, server_url):
    page.goto(f"{server_url}/map?year=1989")
    wait_for_map(page)
    page.locator(SLIDER).first.focus()
    page.wait_for_timeout(1_000)
    x, y = page.evaluate(INTERIOR_POINT, "NAM")
    page.mouse.move(x, y)
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('Namibia')", timeout=10_000)
    assert "Diplomatic relations" not in page.evaluate(HOVER_TEXT)  # independent on 21 March 1990: none in 1989
    page.locator(SLIDER).first.focus()
    step_to(page, 1990)
    page.mouse.move(x + 40, y + 40)
    page.mouse.move(x, y)
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('Namibia')", timeout=10_000)
    assert "Diplomatic relations" in page.evaluate(HOVER_TEXT), page.evaluate(HOVER_TEXT)
