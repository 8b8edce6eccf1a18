"""The atlas's pages, declared once (pure): ``app.py`` builds its navigation from this list, the
link builder (``atlas.core.links``) addresses pages by key, and the tests enumerate pages from it."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.core.i18n import N_


@dataclass(frozen=True)
class PageSpec:
    """One page: ``key`` names it in code, ``url_path`` in the address bar ('' for Home); ``title``
    is the English title (the menu shows it translated)."""

    key: str
    script: str
    title: str
    icon: str
    url_path: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "app_pages/home.py", N_("Home"), ":material/home:", ""),
    PageSpec("map", "app_pages/map.py", N_("Recognition map"), ":material/public:", "map"),
    PageSpec("timeline", "app_pages/timeline.py", N_("Timelines"), ":material/timeline:", "timeline"),
    PageSpec("gifts", "app_pages/gifts.py", N_("Gift exchanges"), ":material/redeem:", "gifts"),
    PageSpec("country", "app_pages/country.py", N_("Country pages"), ":material/flag:", "country"),
    PageSpec("story", "app_pages/story.py", N_("Story"), ":material/co_present:", "story"),
    PageSpec("data", "app_pages/data.py", N_("Data & sources"), ":material/menu_book:", "data"),
)
PAGE = {page.key: page for page in PAGES}
SCRIPTS = tuple(page.script for page in PAGES)
URL_PATHS = tuple(page.url_path for page in PAGES if page.url_path)


def unknown_path(url: str | None, base_url_path: str = "") -> str | None:
    """The page path of ``url`` when it names no page of the atlas ('nosuchpage'), else None.

    Streamlit 1.67 answers an unknown path such as ``/nosuchpage`` by running the default page
    (Home) with no word to the visitor; the entry script uses this to say so. ``base_url_path`` is
    the server's ``server.baseUrlPath`` (the atlas behind a proxy at ``/atlas/``).
    """
    if not url:
        return None
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path).strip("/")
    base = base_url_path.strip("/")
    if base:
        if path != base and not path.startswith(base + "/"):
            return None
        path = path[len(base) :].strip("/")
    if not path or path in URL_PATHS:
        return None
    return path
