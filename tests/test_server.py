"""The app started exactly as in production: gunicorn with gunicorn.conf.py, logging and all."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, request):
    port = _free_port()
    env = {**os.environ, "SECRET_KEY": "k" * 40, "PUBLIC_BASE_URL": "https://sip.example",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'g.sqlite3'}", "WEB_CONCURRENCY": "2",
           "HOME": str(tmp_path), "PREP_ENV": "production",
           **getattr(request, "param", {})}
    if env.get("RATELIMIT_STORAGE_URI") == "redis":
        env["RATELIMIT_STORAGE_URI"] = request.getfixturevalue("redis_url")
    log = open(tmp_path / "stderr", "w+")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "prep:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield port, log, tmp_path
    process.terminate()
    process.wait(timeout=20)
    log.close()


def _send(port: int, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(raw)
        return connection.recv(100)


def test_gunicorn_logs_json_without_addresses_or_tokens(server):
    port, log, home = server
    _send(port, b"GET /s/secret-token-1 HTTP/1.1\r\nHost: x\r\nBad header\r\n\r\n")
    _send(port, b"GET /s/secret-token-2\x01 HTTP/1.1\r\n\r\n")
    _send(port, b"GET /s/secret-token-3 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.5)
    log.seek(0)
    lines = [json.loads(line) for line in log.read().splitlines() if line.strip()]
    text = json.dumps(lines)
    assert any("Invalid request" in line["message"] for line in lines)
    assert any(line.get("route") == "/s/<token>" for line in lines), "the app's own line"
    assert "secret-token" not in text and "127.0.0.1" not in text
    assert any("Rate limits are counted in memory" in line["message"] for line in lines)
    assert not (home / ".gunicorn").exists(), "no control socket"


@pytest.mark.parametrize("server", [{"RATELIMIT_STORAGE_URI": "redis",
                                     "LINK_OPEN_LIMIT": "6 per minute"}], indirect=True)
def test_two_workers_share_one_count_through_redis(server):
    """Each request on a new connection, so both workers answer some: together they
    allow the limit once, not once each."""
    port, _log, _home = server
    statuses = []
    for n in range(12):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/s/{'t' * 30}{n}", timeout=5)
        except urllib.error.HTTPError as answer:
            statuses.append(answer.code)
    assert statuses.count(404) == 6 and statuses.count(429) == 6, statuses
