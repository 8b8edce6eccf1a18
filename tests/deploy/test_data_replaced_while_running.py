"""A data file replaced under a running server is what the next visitor sees, without a restart."""

from __future__ import annotations

import os
import re

from tests.support.data import copy_shipped_data
from tests.support.protocol import open_session, run
from tests.support.server import ROOT, free_port, start_server


def events_rows(texts: list[str]) -> int:
    """The Data page's row count for events.csv, as its "All files" list states it."""
    (line,) = [text for text in texts if "data/events.csv" in text and "rows." in text]
    return int(re.search(r"(\d+) rows\.", line).group(1))


def test_a_replaced_file_is_read_by_the_next_visit(tmp_path):
    folder = copy_shipped_data(tmp_path / "data")
    port = free_port()
    server = start_server(ROOT / "app.py", port, env={**os.environ, "ATLAS_DATA_DIR": str(folder)})
    try:
        stream = f"ws://127.0.0.1:{port}/_stcore/stream"
        before = run(open_session(stream, "data"))
        assert before.error is None
        shipped = events_rows(before.texts)
        # Replace the file as a deployment would: a new file moved over the old one.
        lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "events.new").write_text("".join(lines[:-1]), encoding="utf-8")
        os.replace(folder / "events.new", folder / "events.csv")
        after = run(open_session(stream, "data"))
        assert after.error is None
        assert events_rows(after.texts) == shipped - 1
    finally:
        server.terminate()
        server.wait(10)
