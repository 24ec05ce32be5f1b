"""Load: many clients walk the journey against gunicorn on 127.0.0.1, bounded in time.

Each client keeps its own cookies, reads the form token from each page and posts answers,
as a browser would; with ``--pdf`` every journey also makes a share link and downloads the
PDF. Prints requests per second, p50/p99 latency and every error. Loopback only.

    .venv/bin/python bench/load.py --clients 200 --seconds 60 [--pdf]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
STEPS = [
    ("meeting", {"meeting_kind": "first"}),
    ("who", {"preparing_for": "self"}),
    ("important", {"important": "Min familj och min hund. " * 4}),
    ("goals", {"goals": "Ett arbete.\nEn egen lägenhet."}),
    ("meeting-support", {"meeting_support": "interpreter"}),
    ("interpreter", {"interpreter_language": "Tigrinja", "interpreter_mode": "on_site"}),
    ("meeting-time", {"meeting_time": "morning", "meeting_length": "60"}),
]


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)


def request(opener, stats: Stats, url: str, data: dict | None = None) -> str:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    start = time.perf_counter()
    try:
        with opener.open(url, data=body, timeout=60) as response:
            text = response.read().decode("utf-8", "replace")
        stats.record(time.perf_counter() - start, None)
        return text
    except (urllib.error.URLError, OSError) as exc:
        stats.record(time.perf_counter() - start, f"{url.split('/', 3)[-1][:30]}: {exc}")
        return ""


def journey(base: str, stats: Stats, with_pdf: bool) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = request(opener, stats, f"{base}/")
    # Every journey writes something of its own, so no PDF comes from another one's cache.
    own = secrets.token_hex(4)
    for page_id, answers in STEPS:
        answers = {k: v.replace("hund", f"hund {own}") for k, v in answers.items()}
        page = request(opener, stats, f"{base}/questions/{page_id}")
        token = TOKEN.search(page)
        page = request(opener, stats, f"{base}/questions/{page_id}",
                       {**answers, "csrf_token": token.group(1) if token else ""})
    request(opener, stats, f"{base}/check")
    if with_pdf:
        done = request(opener, stats, f"{base}/done")
        token = TOKEN.search(done)
        request(opener, stats, f"{base}/links/share",
                {"csrf_token": token.group(1) if token else ""})
        request(opener, stats, f"{base}/pdf")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pdf", action="store_true")
    options = parser.parse_args()

    port = free_port()
    folder = tempfile.mkdtemp()
    env = {**os.environ, "SECRET_KEY": secrets.token_hex(16), "BIND": f"127.0.0.1:{port}",
           "DATABASE_URL": f"sqlite:///{folder}/load.sqlite3", "SESSION_COOKIE_SECURE": "false",
           "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
           # Every client comes from 127.0.0.1: limits meant per person would stop the run.
           "LINK_CREATE_LIMIT": "1000000 per hour", "LINK_OPEN_LIMIT": "1000000 per minute",
           "PDF_LIMIT": "1000000 per hour"}
    server = subprocess.Popen(
        [os.path.join(ROOT, ".venv/bin/gunicorn"), "--config", "gunicorn.conf.py",
         "--log-level", "warning", "prep:create_app()"], cwd=ROOT, env=env,
        stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    stats = Stats()
    deadline = time.monotonic() + options.seconds
    journeys = [0]

    def client() -> None:
        while time.monotonic() < deadline:
            journey(base, stats, options.pdf)
            journeys[0] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(options.clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=options.seconds + 120)
    elapsed = time.monotonic() - started
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)

    latencies = sorted(stats.latencies)
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    print(f"{options.clients} clients, {elapsed:.0f} s, PDF in the mix: {options.pdf}")
    print(f"  requests: {len(latencies)} ({len(latencies) / elapsed:.0f}/s), "
          f"journeys: {journeys[0]}, errors: {len(stats.errors)}")
    if latencies:
        print(f"  latency p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, "
              f"mean {statistics.mean(latencies) * 1000:.0f} ms")
    for error in stats.errors[:10]:
        print("  error:", error)
    sys.exit(1 if stats.errors else 0)


if __name__ == "__main__":
    main()
