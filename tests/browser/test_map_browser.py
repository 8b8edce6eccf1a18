"""The recognition map as a visitor uses it, in headless Chromium against a running server."""

from __future__ import annotations

import pytest

from tests.support.browser import HOVER_TEXT, INTERIOR_POINTS, title_of_map, wait_for_map
from tests.support.server import ARTIFACTS

pytestmark = pytest.mark.browser


def names_by_code(page) -> dict[str, str]:
    """ISO-3 -> the name the hover shows, from the figure's own data."""
    return page.evaluate(
        """() => { const gd = document.querySelector('.js-plotly-plot'); const out = {};
        for (const t of gd.data) for (const row of (t.customdata || [])) out[row[row.length - 1]] = row[0];
        return out; }"""
    )


@pytest.fixture
def wide_page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def test_pointing_inside_a_country_names_that_country(wide_page, server_url):
    page = wide_page
    page.goto(f"{server_url}/map?year=1975")
    wait_for_map(page)
    page.wait_for_timeout(500)
    names = names_by_code(page)
    targets = page.evaluate(INTERIOR_POINTS)
    assert len(targets) > 50
    wrong = []
    for target in targets:
        page.mouse.move(target["x"], target["y"])
        expected = names[target["code"]]
        try:
            page.wait_for_function(f"() => ({HOVER_TEXT})().length > 0 && ({HOVER_TEXT})().includes({expected!r})", timeout=3_000)
        except Exception:  # noqa: BLE001 - a miss is recorded, the rate is asserted below
            wrong.append((target["code"], page.evaluate(HOVER_TEXT)[:40]))
    share = 1 - len(wrong) / len(targets)
    assert share >= 0.97, (share, wrong)

    # A dot still wins when the pointer is on it, and a click opens the record pointed at.
    dot = page.evaluate(
        """() => { const gd = document.querySelector('.js-plotly-plot');
             const trace = gd.data.findIndex(t => t.type === 'scattergeo' && (t.customdata || []).length);
             const i = gd.data[trace].customdata.findIndex(row => row[row.length - 1] === 'MLT');
             const dots = gd.querySelectorAll('.scattergeo.trace')[trace - 1].querySelectorAll('.point');
             if (i < 0 || !dots[i]) return null; const b = dots[i].getBoundingClientRect();
             return {x: b.left + b.width / 2, y: b.top + b.height / 2}; }"""
    )
    assert dot is not None
    page.mouse.move(dot["x"], dot["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('Malta')", timeout=5_000)
    germany = next(t for t in targets if t["code"] == "DEU")
    page.mouse.move(germany["x"], germany["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('Germany')", timeout=5_000)
    page.mouse.down()
    page.mouse.up()
    panel = page.locator(".st-key-country_panel h3")
    panel.wait_for(timeout=30_000)
    assert panel.inner_text().strip() == "Germany"
    assert "country=DEU" in page.url


def test_the_map_fills_its_box_when_the_sidebar_closes(wide_page, server_url):
    """The map's width follows its box, not only the window: closing the sidebar widens it, and
    pointing at a country still names it afterwards."""
    page = wide_page
    page.goto(f"{server_url}/map?year=1975")
    wait_for_map(page)
    drawn_width = "() => document.querySelector('.js-plotly-plot .main-svg').getBoundingClientRect().width"
    box_width = "() => document.querySelector('.st-key-map_frame').getBoundingClientRect().width"
    before = page.evaluate(drawn_width)
    assert abs(before - page.evaluate(box_width)) < 4
    page.locator('[data-testid="stSidebar"]').hover()  # the close button shows on hover, as for a visitor
    page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    page.wait_for_function(
        f"() => ({drawn_width})() > {before} + 150 && Math.abs(({drawn_width})() - ({box_width})()) < 4", timeout=10_000
    )
    settled = page.evaluate(drawn_width)
    for _ in range(20):  # the sidebar slides away: wait until the width stops changing
        page.wait_for_timeout(250)
        settled, previous = page.evaluate(drawn_width), settled
        if settled == previous:
            break
    # The wider map is taller too: a northern country stays within the 900 px window.
    china = next(t for t in page.evaluate(INTERIOR_POINTS) if t["code"] == "CHN")
    assert china["y"] < 900
    page.mouse.move(china["x"], china["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('China')", timeout=5_000)


def test_tapping_a_country_on_a_phone_opens_that_country(browser, server_url):
    """On a 390 px touch screen, a tap inside India opens India, not the Maldives' dot nearby."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server_url}/map?year=1975")
    wait_for_map(page)
    page.locator(".js-plotly-plot").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    india = next(t for t in page.evaluate(INTERIOR_POINTS) if t["code"] == "IND")
    page.touchscreen.tap(india["x"], india["y"])
    panel = page.locator(".st-key-country_panel h3")
    panel.wait_for(timeout=30_000)
    assert panel.inner_text().strip() == "India"
    assert "country=IND" in page.url
    context.close()


def test_leaving_the_map_and_coming_back_raises_no_error(wide_page, server_url):
    """Map → Gift exchanges (Streamlit's own plotly) → map, by the sidebar: no script error in the
    page, and pointing and clicking still open a record."""
    page = wide_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server_url}/map?year=1975")
    wait_for_map(page)
    page.get_by_role("link", name="Gift exchanges").click()
    wait_for_map(page, minimum=10)
    page.get_by_role("link", name="Recognition map").click()
    wait_for_map(page)
    france = next(t for t in page.evaluate(INTERIOR_POINTS) if t["code"] == "FRA")
    page.mouse.move(france["x"], france["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('France')", timeout=5_000)
    page.mouse.down()
    page.mouse.up()
    page.locator(".st-key-country_panel h3").wait_for(timeout=30_000)
    assert page.locator(".st-key-country_panel h3").inner_text().strip() == "France"
    assert errors == []


def test_the_map_follows_the_colour_scheme_changing_during_a_visit(browser, server_url):
    """A system switching to dark while the map is open (sunset, a projector's laptop): the map's
    text follows the page's without a rerun, so its title stays readable."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    page.goto(f"{server_url}/map?year=1975")
    wait_for_map(page)
    brightness = """() => { const fill = getComputedStyle(document.querySelector('.js-plotly-plot .gtitle')).fill;
        const [r, g, b] = fill.match(/\\d+/g).map(Number); return (r + g + b) / 3; }"""
    assert page.evaluate(brightness) < 100  # dark text on the light page
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(f"() => ({brightness})() > 150", timeout=10_000)
    context.close()


def map_year(page) -> int:
    text = title_of_map(page)
    return int(text.rsplit(" ", 1)[-1])


def url_params(page) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(page.url).query))


def test_play_plays_pauses_and_stops(page, server_url):
    frames = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    page.goto(f"{server_url}/map?year=1950")
    wait_for_map(page)
    page.get_by_role("button", name="Play").click()
    page.wait_for_timeout(9_000)
    assert map_year(page) >= 1955
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for(timeout=15_000)
    page.wait_for_timeout(1_500)  # a tick already on its way may land
    paused = map_year(page)
    page.wait_for_timeout(3_000)
    assert map_year(page) == paused  # paused means paused
    page.wait_for_function(f"() => location.search.includes('year={paused}')", timeout=10_000)
    page.get_by_role("button", name="Play").click()  # resume from the year shown
    page.wait_for_function(f"() => /{paused + 2}$/.test(document.querySelector('.gtitle').textContent)", timeout=15_000)
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for(timeout=15_000)

    # Near the end: it stops by itself at the last year, and then nothing keeps rerunning.
    last = __import__("datetime").date.today().year
    page.goto(f"{server_url}/map?year={last - 2}")
    wait_for_map(page)
    page.get_by_role("button", name="Play").click()
    page.wait_for_function(f"() => document.querySelector('.gtitle').textContent.includes('{last}')", timeout=20_000)
    page.get_by_role("button", name="Play").wait_for(timeout=15_000)
    page.wait_for_timeout(1_500)
    before = len(frames)
    page.wait_for_timeout(4_000)
    assert len(frames) - before <= 1, "the app kept rerunning after Play stopped"
    assert "year" not in url_params(page)  # the last year is the map's default: the address leaves it out


def open_record(page) -> str:
    panel = page.locator(".st-key-country_panel h3")
    return panel.inner_text().strip() if panel.count() else ""


def assert_url_is_the_view(page, country: str | None) -> None:
    """The address bar holds the year the map's title shows and the record that is open."""
    year = map_year(page)
    page.wait_for_function(
        f"() => new URLSearchParams(location.search).get('year') === '{year}'"
        f" && new URLSearchParams(location.search).get('country') === {country!r}".replace("None", "null"),
        timeout=15_000,
    )


def test_the_address_bar_is_the_view(page, server_url, browser):
    page.goto(f"{server_url}/map?year=1960")
    wait_for_map(page)
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.gtitle').textContent.endsWith('1961')", timeout=30_000)
    assert_url_is_the_view(page, None)
    page.locator(".st-key-year_forward button").first.click()
    page.wait_for_function("() => document.querySelector('.gtitle').textContent.endsWith('1962')", timeout=30_000)
    assert_url_is_the_view(page, None)

    # Click a country at the middle of its shape.
    france = next(t for t in page.evaluate(INTERIOR_POINTS) if t["code"] == "FRA")
    page.mouse.move(france["x"], france["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('France')", timeout=5_000)
    page.mouse.down()
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('.st-key-country_panel h3')?.textContent === 'France'", timeout=30_000)
    assert_url_is_the_view(page, "FRA")

    # The picker opens another record; a dissolved state too.
    picker = page.get_by_role("combobox", name="Find a country")
    picker.click()
    picker.fill("Soviet")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.st-key-country_panel h3')?.textContent.startsWith('Soviet Union')", timeout=30_000
    )
    assert_url_is_the_view(page, "SUN")
    page.locator(".st-key-year_back button").first.click()
    page.wait_for_function("() => document.querySelector('.gtitle').textContent.endsWith('1961')", timeout=30_000)
    assert open_record(page).startswith("Soviet Union")  # the record stays open across years
    assert_url_is_the_view(page, "SUN")

    # A fresh browser opening the address sees the same view.
    shared = page.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    fresh = context.new_page()
    fresh.goto(shared)
    wait_for_map(fresh)
    fresh.locator(".st-key-country_panel h3").wait_for(timeout=30_000)
    assert map_year(fresh) == 1961 and open_record(fresh).startswith("Soviet Union")
    context.close()

    page.get_by_role("button", name="Close").click()
    page.wait_for_function("() => !document.querySelector('.st-key-country_panel')", timeout=30_000)
    assert_url_is_the_view(page, None)


# How a control (and its wrappers up to 3 levels up) looks: outline, shadow, border. Visible focus
# means the focused control looks different from the same control unfocused.
LOOK = """el => { const out = []; for (let e = el, i = 0; e && i < 4; i++, e = e.parentElement) {
    const s = getComputedStyle(e); out.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor].join(' ')); }
    return out.join(';'); }"""


def tab_to(page, is_target: str) -> None:
    """Press Tab until ``is_target`` (a JS expression on ``el``) holds for the focused element."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({is_target}); }}"):
            return
    pytest.fail(f"Tab never reached {is_target}")


def tab_to_with_visible_focus(page, control: str, is_target: str, name: str) -> None:
    """Tab to ``control`` (a JS expression for the element) and check it then looks focused."""
    unfocused = page.evaluate(f"() => ({LOOK})({control})")
    tab_to(page, is_target)
    assert page.evaluate(f"() => ({LOOK})(document.activeElement)") != unfocused, f"no visible focus on {name}"


def test_keyboard_only_opens_and_closes_a_record(page, server_url):
    page.goto(f"{server_url}/map?year=2001")
    wait_for_map(page)
    tab_to_with_visible_focus(
        page,
        "document.querySelector('[data-testid=stSelectbox] input')",
        "el.tagName === 'INPUT' && !!el.closest('[data-testid=stSelectbox]')",
        "the picker",
    )
    page.keyboard.type("Germany")
    page.wait_for_function("() => document.querySelectorAll('[role=option]').length > 0", timeout=15_000)
    # The list ranks the closest match first; Enter takes the highlighted option.
    assert page.locator('[role="option"]').first.text_content().strip() == "Germany"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.st-key-country_panel h3')?.textContent === 'Germany'", timeout=30_000)
    assert "country=DEU" in page.url
    tab_to_with_visible_focus(
        page, "document.querySelector('.st-key-close_country button')", "el.textContent.trim() === 'Close'", "Close"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('.st-key-country_panel')", timeout=30_000)
    assert "country=" not in page.url


LAYOUT = """() => {
  const box = e => { if (!e) return null; const b = e.getBoundingClientRect(); return {l: b.left, t: b.top, r: b.right, b: b.bottom, w: b.width, h: b.height}; };
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
  const label = document.querySelector('[data-testid="stMetricLabel"]');
  const fills = [...new Set([...document.querySelectorAll('.choroplethlocation')].map(p => getComputedStyle(p).fill))];
  const background = getComputedStyle(document.querySelector('.stApp')).backgroundColor;
  return {
    viewport: innerWidth, pageWidth: document.documentElement.scrollWidth,
    plot: box(document.querySelector('.js-plotly-plot .main-svg')), legend: box(document.querySelector('.legend')),
    title: box(document.querySelector('.gtitle')), modebar: box(document.querySelector('.modebar')),
    geo: box(document.querySelector('.geolayer')),
    legendFont: parseFloat(getComputedStyle(document.querySelector('.legendtext')).fontSize),
    // Cut: Streamlit's "…" on the label's text box, or its text running past the label.
    labelCut: label ? [label, ...label.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1
      && (getComputedStyle(e).textOverflow === 'ellipsis' || e === label)) : null,
    // Year controls whose label Streamlit ends with an ellipsis ("B…" for Back), by their text.
    controlsCut: [...document.querySelectorAll(['year', 'year_typed', 'year_back', 'year_forward', 'play']
        .map(key => `.st-key-${key} label, .st-key-${key} button`).join(', '))]
      .filter(el => el.getBoundingClientRect().width > 0 && [el, ...el.querySelectorAll('*')].some(e =>
        getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1))
      .map(el => el.innerText.trim()),
    backgroundLuminance: lum(background),
    fillContrasts: fills.map(f => Math.abs(lum(f) - lum(background)) + rgb(f).reduce((s, v, i) => s + Math.abs(v - rgb(background)[i]), 0) / 765),
  };
}"""


def overlaps(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.parametrize(
    ("width", "height", "scheme", "query"),
    [
        (390, 844, "light", ""),
        (1024, 768, "light", ""),
        (1280, 800, "dark", ""),
        (1920, 1080, "light", "&present=1"),
        (1920, 1080, "dark", ""),
    ],
)
def test_nothing_is_cut_at_any_width_in_either_scheme(browser, server_url, width, height, scheme, query):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server_url}/map?year=1975{query}")
    wait_for_map(page)
    page.get_by_text("Parties with relations on").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1_000)
    layout = page.evaluate(LAYOUT)
    page.screenshot(path=str(ARTIFACTS / f"map-{width}-{scheme}{'-present' if query else ''}.png"))
    context.close()

    assert layout["pageWidth"] <= layout["viewport"], "the page scrolls sideways"
    plot, legend = layout["plot"], layout["legend"]
    assert plot["r"] <= layout["viewport"] + 1
    # The legend is inside the figure (so never clipped), and the title is clear of the modebar.
    assert plot["l"] - 1 <= legend["l"] and legend["r"] <= plot["r"] + 1 and legend["b"] <= plot["b"] + 1, (legend, plot)
    assert not overlaps(layout["title"], layout["modebar"]), (layout["title"], layout["modebar"])
    assert layout["labelCut"] is False, "the count's label is cut"
    # Every year control shows its whole label (Back and Next were "B…" and "N…" up to ~1440 px).
    assert layout["controlsCut"] == [], layout["controlsCut"]
    # The map uses the room it gets: a world map about twice as wide as tall.
    assert layout["geo"]["w"] >= 0.9 * plot["w"] or layout["geo"]["h"] >= 0.55 * plot["h"], layout["geo"]
    assert layout["legendFont"] >= (18 if query else 12)
    # Follows the visitor's scheme, with every category's colour distinct from the page behind it.
    assert (layout["backgroundLuminance"] < 0.3) if scheme == "dark" else (layout["backgroundLuminance"] > 0.8)
    assert len(layout["fillContrasts"]) >= 4 and min(layout["fillContrasts"]) > 0.15, layout["fillContrasts"]


SWEDEN_FILL = """() => { const p = [...document.querySelectorAll('.choroplethlocation')]
    .find(el => el.__data__ && el.__data__.loc === 'SWE'); return p ? getComputedStyle(p).fill : null; }"""


def test_a_year_step_sends_only_what_changed(wide_page, server_url):
    """Issue 18: the map's share of a step is a patch (was the whole figure, ~37 KB) and the map
    still turns to the new year: title and colours (Sweden established relations in 1973)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    page = wide_page
    received: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.append(data)))
    page.goto(f"{server_url}/map?year=1972")
    wait_for_map(page)
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.includes('1972')")
    page.wait_for_timeout(1_000)
    before = page.evaluate(SWEDEN_FILL)
    received.clear()
    slider = page.locator('[data-testid="stSlider"] input[type="range"], [data-testid="stSlider"] [role="slider"]').first
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.includes('1973')")
    page.wait_for_timeout(1_000)  # the run's last messages
    assert "1973" in title_of_map(page)
    assert page.evaluate(SWEDEN_FILL) not in (before, None)
    map_bytes = other_bytes = 0
    for data in received:
        message = ForwardMsg()
        message.ParseFromString(data if isinstance(data, bytes) else data.encode())
        element = message.delta.new_element if message.WhichOneof("type") == "delta" else None
        if element is not None and element.WhichOneof("type") == "bidi_component":
            map_bytes += len(data)
        else:
            other_bytes += len(data)
    print(f"year step: map {map_bytes} B, rest of the page {other_bytes} B")
    assert 0 < map_bytes <= 4_000, (map_bytes, other_bytes)


def test_a_browser_that_lost_the_base_asks_for_it_again(wide_page, server_url):
    """Python believes the browser holds the base and the last frame; when it does not (a message
    dropped by an interrupted run), the component asks and the map still turns to the new year."""
    page = wide_page
    page.goto(f"{server_url}/map?year=1980")
    wait_for_map(page)
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.includes('1980')")
    page.evaluate("() => { window.__atlasMapStore.bases.clear(); window.__atlasMapStore.frames.clear(); }")
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.includes('1981')")
    assert page.evaluate("() => window.__atlasMapStore.bases.size") == 1
