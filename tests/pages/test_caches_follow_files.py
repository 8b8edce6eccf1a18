"""Caches follow the data files: an error never outlives its cause, an edit is seen on the next run."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.data import ROOT


def data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("app_pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> str:
    return " ".join(error.value for error in at.error)


def test_the_data_page_names_the_file_that_is_broken_now(data_copy):
    centroids = (data_copy / "centroids.csv").read_text(encoding="utf-8")
    (data_copy / "centroids.csv").write_text("iso3,lon\n", encoding="utf-8")
    assert "centroids.csv" in errors(data_page())
    (data_copy / "centroids.csv").write_text(centroids, encoding="utf-8")  # repaired
    assert errors(data_page()) == ""
    (data_copy / "checkpoints.csv").write_text("side,date\n", encoding="utf-8")
    shown = errors(data_page())
    assert "checkpoints.csv" in shown and "centroids.csv" not in shown


def test_an_edited_event_is_shown_on_the_next_visit(data_copy):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["event"] = "2000-first-inter-korean-summit"
    at.switch_page("app_pages/timeline.py").run()
    assert [h.value for h in at.subheader if "Planted title" in h.value] == []
    path = data_copy / "events.csv"
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("2000-first-inter-korean-summit,"))
    title = row.split(",")[3]
    path.write_text(text.replace(row, row.replace(title, "Planted title for the cache test", 1)), encoding="utf-8")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["event"] = "2000-first-inter-korean-summit"
    at.switch_page("app_pages/timeline.py").run()
    assert any("Planted title for the cache test" in h.value for h in at.subheader)
