"""A visitor without a browser: Streamlit's own websocket protocol, as its frontend speaks it.

Connect to ``/_stcore/stream`` (subprotocol ``streamlit``), send the ``rerun_script`` message a
browser sends when it opens a page, and read forward messages until ``script_finished``. Used
by the load benchmark and by the deployment tests (through a reverse proxy).
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import websockets  # a dependency of streamlit's server
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SESSION_TIMEOUT_S = 120.0


@dataclass
class SessionResult:
    seconds: float  # connect -> script finished
    bytes_received: int
    error: str | None  # None when the page's script finished successfully with no exception shown
    texts: list[str]  # markdown/heading bodies drawn, to check what the visitor got


async def open_session(ws_url: str, page: str = "", query: str = "", headers: dict | None = None) -> SessionResult:
    """One visitor's first run of ``page`` (a url_path, '' for Home) over ``ws_url``."""
    start = time.perf_counter()
    received = 0
    texts: list[str] = []

    def done(error: str | None) -> SessionResult:
        return SessionResult(time.perf_counter() - start, received, error, texts)

    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=SESSION_TIMEOUT_S, additional_headers=headers
        ) as ws:
            msg = BackMsg()
            msg.rerun_script.query_string = query
            msg.rerun_script.page_name = page
            await ws.send(msg.SerializeToString())
            async with asyncio.timeout(SESSION_TIMEOUT_S):
                while True:
                    data = await ws.recv()
                    received += len(data)
                    forward = ForwardMsg()
                    forward.ParseFromString(data)
                    kind = forward.WhichOneof("type")
                    if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                        element = forward.delta.new_element
                        which = element.WhichOneof("type")
                        if which == "exception":
                            return done("exception element")
                        if which == "markdown":
                            texts.append(element.markdown.body)
                        elif which == "heading":
                            texts.append(element.heading.body)
                    if kind == "page_not_found":
                        return done("page not found")
                    if kind == "script_finished":
                        ok = forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                        return done(None if ok else "script did not finish")
    except (OSError, TimeoutError, websockets.WebSocketException) as error:
        return done(type(error).__name__)


def run(coroutine):
    """Run a coroutine to the end from synchronous code, even where an event loop is already
    running in this thread (Playwright's sync API keeps one in the test process)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def burst(ws_url: str, page: str, sessions: int) -> list[SessionResult]:
    """``sessions`` visitors opening ``page`` at the same moment."""
    return list(await asyncio.gather(*(open_session(ws_url, page) for _ in range(sessions))))
