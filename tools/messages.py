"""The message catalog: which English messages the code shows, and which lack Korean.

    python -m tools.messages --missing   # list messages with no Korean entry (exit 1 if any)
    python -m tools.messages --update    # add them to the Korean catalog with an empty msgstr,
                                         # drop entries no code uses, and write it back sorted

A message is any string literal passed to ``_()``, ``N_()`` or ``ngettext()`` (atlas.core.i18n) in
``app.py``, ``app_pages/`` and ``atlas/``; Babel's extractor reads them without running the code.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from atlas.core import i18n
from atlas.core.paths import PROJECT_ROOT

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
SOURCES = ("app.py", "app_pages", "atlas")
# A fixed header date: the catalog changes only where a message does (no merge conflict on it).
HEADER_DATE = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)


def extract(root: Path = PROJECT_ROOT) -> dict[str, list[str]]:
    """Every message in the code, with the places that use it ('app_pages/map.py:35')."""
    found: dict[str, list[str]] = {}

    def add(path: str, line: int, message: str | tuple) -> None:
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found.setdefault(key, []).append(f"{path}:{line}")

    for source in SOURCES:
        place = root / source
        if place.is_file():
            for line, message, _comments, _context in extract_from_file("python", place, keywords=KEYWORDS):
                add(source, line, message)
        else:
            for name, line, message, _comments, _context in extract_from_dir(
                place, method_map=[("**.py", "python")], keywords=KEYWORDS
            ):
                add(f"{source}/{name}", line, message)
    return found


def read_catalog(lang: str = i18n.KOREAN) -> Catalog:
    with i18n.catalog_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def missing(lang: str = i18n.KOREAN) -> dict[str, list[str]]:
    """Messages the code shows that the catalog does not translate."""
    translated = i18n.catalog.__wrapped__(lang)
    return {message: places for message, places in extract().items() if message not in translated}


def update(lang: str = i18n.KOREAN) -> None:
    """Add the missing messages (empty msgstr), drop unused ones, write the catalog sorted by English."""
    used = extract()
    old = read_catalog(lang)
    new = Catalog(
        locale=lang,
        header_comment=old.header_comment,
        project="DPRK Relations Atlas",
        version="1",
        creation_date=HEADER_DATE,
        revision_date=HEADER_DATE,
        last_translator="DPRK Relations Atlas",
        language_team="ko",
        fuzzy=False,
    )
    by_id = {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in old if m.id}
    for key in sorted(used):
        message = by_id.get(key)
        if message is not None:
            new.add(message.id, message.string, auto_comments=message.auto_comments, user_comments=message.user_comments)
        else:
            new.add(key, "")
    with i18n.catalog_path(lang).open("wb") as handle:
        write_po(handle, new, width=0, omit_header=False, sort_output=True, include_lineno=False)


def main(argv: list[str]) -> int:
    if "--update" in argv:
        update()
    gaps = missing()
    for message, places in gaps.items():
        print(f"{places[0]}: {message}")
    print(f"{len(gaps)} message(s) without Korean", file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
