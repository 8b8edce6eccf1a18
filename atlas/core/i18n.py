"""The atlas in English or Korean: one message catalog per language, looked up per session (pure).

Every string a visitor reads is written in English in the code, wrapped in ``_()`` where it is
shown (``N_()`` marks a string defined before the language is known, such as a module-level
label table; it is translated later with ``_()``). The Korean text lives in one gettext catalog,
``atlas/locale/ko/LC_MESSAGES/messages.po``, read with Babel; ``tests/unit/test_i18n.py`` extracts
every marked message from the code and fails when one has no Korean entry.

The language is never process-global: it is a context variable, set at the start of each
session's script run by ``atlas.web.language`` (Streamlit runs a session's script in its own
thread, so two visitors in two languages each read their own). Pure code that formats text calls
``_()``, ``country_name`` or ``format_date`` and gets the language of the run it serves; caches
key on ``current()`` (``atlas.web.cache.follows_data`` does so for every derived value).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

ENGLISH = "en"
KOREAN = "ko"
LANGUAGES = (ENGLISH, KOREAN)
DEFAULT_LANGUAGE = ENGLISH
# The switch shows each language in its own script, as language pickers do.
LANGUAGE_NAMES = {ENGLISH: "English", KOREAN: "한국어"}

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"

_language: contextvars.ContextVar[str] = contextvars.ContextVar("atlas_language", default=DEFAULT_LANGUAGE)
# The ``lang`` value every address and link of this run carries: the language when it is not the
# one the visitor's browser asks for (a shared link then opens in the language it was made in),
# None otherwise. Set with ``activate``.
_address_language: contextvars.ContextVar[str | None] = contextvars.ContextVar("atlas_address_language", default=None)

# Messages asked for in Korean that the catalog lacks, collected for the tests (a page run in
# Korean under AppTest must leave this empty). Only the set of English keys: no visitor data.
missing: set[str] = set()


def current() -> str:
    """The language of the run being served ('en' or 'ko')."""
    return _language.get()


def activate(lang: str, browser: str = DEFAULT_LANGUAGE) -> None:
    """Make ``lang`` the language of this run (the web layer calls it first thing in each run);
    ``browser`` is the language the visitor's browser asks for."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    _language.set(lang)
    _address_language.set(None if lang == browser else lang)


def address_language() -> str | None:
    """The ``lang`` value addresses and links carry in this run (None: leave it out)."""
    return _address_language.get()


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Within the block, text is in ``lang`` (a cached computation, a test)."""
    token = _language.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalog(lang: str) -> dict[str, str | tuple[str, ...]]:
    """The translated messages of ``lang`` by English text (plural entries by their singular)."""
    if lang == ENGLISH:
        return {}
    with catalog_path(lang).open("rb") as handle:
        entries = read_po(handle, locale=lang)
    found: dict[str, str | tuple[str, ...]] = {}
    for message in entries:
        if not message.id or not message.string or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        found[key] = tuple(message.string) if isinstance(message.string, tuple | list) else message.string
    return found


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for "mark, translate later"
    """Mark ``message`` for the catalog without translating it (translate where it is shown)."""
    return message


def _(message: str) -> str:
    """``message`` in the current language (English text is its own key)."""
    lang = current()
    if lang == ENGLISH or not message:
        return message
    found = catalog(lang).get(message)
    if found is None:
        missing.add(message)
        return message
    return found if isinstance(found, str) else found[0]


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural English message for ``count``, translated (Korean has one form)."""
    lang = current()
    english = singular if count == 1 else plural
    if lang == ENGLISH:
        return english
    found = catalog(lang).get(singular)
    if found is None:
        missing.add(singular)
        return english
    return found if isinstance(found, str) else found[0]
