"""Production configuration: Streamlit's config, the Dockerfile, and replicas behind the sample proxy.

No Docker engine runs on the test machine, so the Dockerfile is checked as a file (and its
health check command is run against a real server); the nginx sample is run for real: two
replicas behind it, sticky by cookie, with a websocket session through it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.request
import uuid
from http.cookies import SimpleCookie

import pytest

from tests.support.protocol import open_session, run
from tests.support.server import ROOT, free_port, start_server


def test_streamlit_config_is_production_safe():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"  # no tracebacks to visitors
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is True  # offline map geometry
    assert config["browser"]["gatherUsageStats"] is False


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text()
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined.splitlines() if line.strip()]


def test_dockerfile_is_slim_non_root_pinned_and_health_checked():
    steps = dockerfile_instructions()
    kinds = [kind for kind, _ in steps]
    assert steps[0][0] == "FROM" and re.fullmatch(r"python:3\.11-slim", steps[0][1].strip())
    user = next(args for kind, args in steps if kind == "USER").strip()
    assert user not in {"root", "0"}
    assert kinds.index("USER") > max(i for i, (kind, _) in enumerate(steps) if kind == "RUN")  # nothing runs as root after
    assert any(kind == "RUN" and "pip install -r requirements.txt" in args for kind, args in steps)
    health = next(args for kind, args in steps if kind == "HEALTHCHECK")
    assert "_stcore/health" in health
    cmd = next(args for kind, args in steps if kind == "CMD")
    assert "streamlit" in cmd and "app.py" in cmd and "--server.address=0.0.0.0" in cmd
    # Everything the app reads at run time is copied, and every copied path exists.
    copied = {args.split()[0].rstrip("/") for kind, args in steps if kind == "COPY"}
    assert {"app.py", "app_pages", "atlas", "data", "static", ".streamlit", "requirements.txt"} <= copied
    assert all((ROOT / path).exists() for path in copied)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests"} <= set(ignored)


def healthcheck_code() -> str:
    health = next(args for kind, args in dockerfile_instructions() if kind == "HEALTHCHECK")
    command = shlex.split(health.split("CMD", 1)[1])
    assert command[:2] == ["python", "-c"]
    return command[2]


def test_dockerfile_health_check_passes_on_a_running_server_under_a_base_path():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        env={**_env(), "STREAMLIT_SERVER_BASE_URL_PATH": "atlas"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        code = healthcheck_code().replace("8501", str(port))
        deadline, result = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            result = subprocess.run(
                [sys.executable, "-c", code], env={**_env(), "STREAMLIT_SERVER_BASE_URL_PATH": "atlas"}, capture_output=True
            )
            if result.returncode == 0:
                break
            time.sleep(0.5)
        assert result is not None and result.returncode == 0, result.stderr.decode()[-500:]
        # The same check against the wrong path fails: it really tests the health endpoint.
        wrong = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True)
        assert wrong.returncode != 0
        # And the app itself works under the base path: the map page runs to the end.
        session = run(open_session(f"ws://127.0.0.1:{port}/atlas/_stcore/stream", "map"))
        assert session.error is None
        assert "Recognition map" in session.texts
    finally:
        server.terminate()
        server.wait(10)


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}


def nginx_path() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not found:
        pytest.fail("No nginx found: run ./run-tests.sh (it installs Debian's nginx-light)")
    return found


def proxy_config(tmp_path, proxy_port: int, replica_ports: list[int]):
    """The shipped sample with this test's ports: the replicas' and the proxy's."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "server 127.0.0.1:8501;" in text and "server 127.0.0.1:8502;" in text and "listen 8080;" in text
    text = text.replace("8501", str(replica_ports[0])).replace("8502", str(replica_ports[1]))
    text = text.replace("listen 8080;", f"listen 127.0.0.1:{proxy_port};")
    (tmp_path / "logs").mkdir(exist_ok=True)
    path = tmp_path / "nginx.conf"
    path.write_text(text)
    return path


def nginx_command(tmp_path, config) -> list[str]:
    return [
        nginx_path(),
        "-p",
        str(tmp_path),
        "-c",
        str(config),
        "-g",
        f"daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;",
    ]


def test_sample_proxy_config_is_valid_nginx(tmp_path):
    config = proxy_config(tmp_path, free_port(), [8501, 8502])
    result = subprocess.run([*nginx_command(tmp_path, config), "-t"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def fetch(url: str, cookie: str | None = None) -> tuple[str, str | None, bytes]:
    """(replica that answered, the route cookie it set, body) for one request through the proxy."""
    request = urllib.request.Request(url, headers={"Cookie": f"atlas_replica={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        route = jar["atlas_replica"].value if "atlas_replica" in jar else None
        return response.headers["X-Atlas-Replica"], route, response.read()


def test_replicas_behind_the_sample_proxy_are_sticky_and_carry_websockets(tmp_path):
    replica_ports = [free_port(), free_port()]
    replicas = [start_server(ROOT / "app.py", port) for port in replica_ports]
    proxy_port = free_port()
    proxy = subprocess.Popen(nginx_command(tmp_path, proxy_config(tmp_path, proxy_port, replica_ports)))
    base = f"http://127.0.0.1:{proxy_port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                replica, route, body = fetch(f"{base}/_stcore/health")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert body == b"ok" and route
        # A returning visitor (same cookie) always reaches the same replica.
        assert {fetch(f"{base}/_stcore/health", route)[0] for _ in range(10)} == {replica}
        # Different visitors are spread over both replicas.
        answered = {fetch(f"{base}/_stcore/health", uuid.uuid4().hex)[0] for _ in range(24)}
        assert answered == {f"127.0.0.1:{port}" for port in replica_ports}
        # The websocket upgrade goes through: a whole page run, with the sticky cookie.
        session = run(
            open_session(f"ws://127.0.0.1:{proxy_port}/_stcore/stream", "map", headers={"Cookie": f"atlas_replica={route}"})
        )
        assert session.error is None
        assert "Recognition map" in session.texts
    finally:
        proxy.terminate()
        proxy.wait(10)
        for replica_process in replicas:
            replica_process.terminate()
            replica_process.wait(10)
