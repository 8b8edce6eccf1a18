"""The package's layers, enforced: a reader knows from a module's path what it may import.

``atlas/core`` < ``atlas/data`` < ``atlas/queries`` < ``atlas/figures`` < ``atlas/web``: a module
imports only its own layer and the ones below it; only ``atlas/web``, ``app.py`` and ``app_pages/``
import streamlit; nothing imports a page script. The test plants each kind of violation in a
copy of the tree and checks that it is caught, so the rule cannot silently stop working.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from atlas.core.paths import PROJECT_ROOT

LAYERS = ("core", "data", "queries", "figures", "web")
STREAMLIT_ALLOWED = ("atlas/web/", "app.py", "app_pages/")


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports (absolute names; relative imports are not used in the atlas)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            # "from atlas import web" imports the web layer too.
            names.extend(f"{node.module}.{alias.name}" for alias in node.names if node.module in ("atlas",))
    return names


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "atlas" and parts[1] in LAYERS else None


def violations(root: Path) -> list[str]:
    """Every import that breaks the layer rules under ``root`` (the project folder)."""
    found = []
    files = [*root.glob("atlas/**/*.py"), *root.glob("app_pages/*.py"), root / "app.py", *root.glob("tools/*.py")]
    for path in files:
        relative = path.relative_to(root).as_posix()
        own = layer_of(relative.removesuffix(".py").replace("/", "."))
        for module in imported_modules(path):
            if module.split(".")[0] == "streamlit" and not relative.startswith(STREAMLIT_ALLOWED):
                found.append(f"{relative} imports {module}: only atlas/web, app.py and app_pages/ may use streamlit")
            if module.split(".")[0] == "app_pages" or module == "app":
                found.append(f"{relative} imports the page {module}: pages are entry points, never imported")
            target = layer_of(module)
            if own and target and LAYERS.index(target) > LAYERS.index(own):
                found.append(f"{relative} imports {module}: atlas/{own} may not import the higher layer atlas/{target}")
    return sorted(found)


def test_the_atlas_keeps_its_layers():
    assert violations(PROJECT_ROOT) == []


def test_every_module_is_in_a_layer():
    stray = [p.name for p in (PROJECT_ROOT / "atlas").glob("*.py") if p.name != "__init__.py"]
    assert stray == [], "modules belong in atlas/<layer>/"
    # atlas/locale holds the message catalogs (data the i18n module reads), no code.
    folders = {p.name for p in (PROJECT_ROOT / "atlas").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {*LAYERS, "locale"}
    assert not list((PROJECT_ROOT / "atlas" / "locale").rglob("*.py"))


@pytest.mark.parametrize(
    "where, planted, expected",
    [
        ("atlas/queries/planted.py", "import streamlit as st\n", "only atlas/web"),
        ("atlas/figures/planted.py", "from streamlit import session_state\n", "only atlas/web"),
        ("atlas/core/planted.py", "from atlas.data import loading\n", "may not import the higher layer atlas/data"),
        ("atlas/queries/planted.py", "from atlas.figures.maps import GEO_LAYOUT\n", "atlas/figures"),
        ("atlas/data/planted.py", "from atlas import web\n", "atlas/web"),
        ("atlas/web/planted.py", "import app_pages.map\n", "pages are entry points"),
    ],
)
def test_a_planted_violation_is_caught(tmp_path, where, planted, expected):
    shutil.copytree(PROJECT_ROOT / "atlas", tmp_path / "atlas", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT_ROOT / "app_pages", tmp_path / "app_pages")
    shutil.copy(PROJECT_ROOT / "app.py", tmp_path / "app.py")
    assert violations(tmp_path) == []
    (tmp_path / where).write_text(planted)
    found = violations(tmp_path)
    assert len(found) == 1 and where in found[0] and expected in found[0], found
