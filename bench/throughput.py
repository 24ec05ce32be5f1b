"""Throughput: a question page GET and a Continue POST through gunicorn with the production
settings, against a bare Flask view that returns the same bytes from a constant, in the same
run (for the POST, the same redirect). Prints both rates and the ratio: figures, with no
budget (a region's peak is a few requests a second). Loopback only; needs wrk.

    .venv/bin/python bench/throughput.py [--seconds 2] [--rounds 5]

The two servers take turns, round after round, and the medians are compared, so a noisy
neighbour slows both alike. Every run uses a port of its own: gunicorn's sync workers close
each connection, the server keeps it in TIME_WAIT for a minute, and a new connection that
happens to reuse a client port still waiting there stalls for a second. On one port, a
fast server runs into that within seconds and its figure becomes noise.
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
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BARE = '''
from flask import Flask, Response, request
PAGE = open({page!r}, "rb").read()
MOVED = open({moved!r}, "rb").read()
app = Flask(__name__)

@app.route("/questions/goals", methods=["GET", "POST"])
def page():
    if request.method == "POST":  # what a Continue answers: "see the next page"
        return Response(MOVED, 302, {{"Location": {location!r}}}, mimetype="text/html")
    return Response(PAGE, mimetype="text/html")
'''


class _Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # show the redirect itself, as wrk sees it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app: str, env: dict, cwd: str, ports: int) -> tuple[subprocess.Popen, list[str]]:
    """The server listening on ``ports`` fresh ports; returns it and their base URLs."""
    bases = [f"http://127.0.0.1:{free_port()}" for _ in range(ports)]
    binds = [arg for base in bases for arg in ("--bind", base.removeprefix("http://"))]
    server = subprocess.Popen(
        [os.path.join(ROOT, ".venv/bin/gunicorn"), "--config",
         os.path.join(ROOT, "gunicorn.conf.py"), *binds,
         "--log-level", "warning", app], cwd=cwd, env={**os.environ, **env},
        stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{bases[0]}/questions/goals", timeout=1).read()
            return server, bases
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{app} did not start")


def wrk(url: str, seconds: float, script: str | None = None) -> float:
    command = ["wrk", "-t2", "-c16", f"-d{int(seconds)}s", url]
    if script:
        command[1:1] = ["-s", script]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  (wrk saw {errors.group(1)} non-2xx/3xx responses on {url})")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    seconds, rounds = options.seconds, options.rounds
    folder = tempfile.mkdtemp()
    env = {"SECRET_KEY": secrets.token_hex(16), "DATABASE_URL": f"sqlite:///{folder}/t.sqlite3",
           "PUBLIC_BASE_URL": "http://127.0.0.1",
           "SESSION_COOKIE_SECURE": "false", "WEB_CONCURRENCY": "3"}
    ours, ours_bases = start("prep:create_app()", env, ROOT, 2 * rounds + 1)
    base = ours_bases.pop()  # for setting up; each run below gets an unused port
    try:
        # A person with a draft: their cookie, the page's token, and an answer to post.
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar := CookieJar()))
        page = opener.open(f"{base}/questions/goals").read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        form = {"goals": "Ett arbete och en egen lägenhet.", "csrf_token": token}
        keeper = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _Keep)
        try:
            keeper.open(f"{base}/questions/goals", urllib.parse.urlencode(form).encode())
            raise SystemExit("a Continue should answer with a redirect")
        except urllib.error.HTTPError as moved:
            location, moved_body = moved.headers["Location"], moved.read()
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        body = opener.open(f"{base}/questions/goals").read()
        with open(os.path.join(folder, "page.html"), "wb") as f:
            f.write(body)
        with open(os.path.join(folder, "moved.html"), "wb") as f:
            f.write(moved_body)
        post = os.path.join(folder, "post.lua")
        with open(post, "w") as f:
            f.write('wrk.method = "POST"\n'
                    f'wrk.body = "{urllib.parse.urlencode(form)}"\n'
                    'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
                    f'wrk.headers["Cookie"] = "{cookie}"\n')
        get = os.path.join(folder, "get.lua")
        with open(get, "w") as f:
            f.write(f'wrk.headers["Cookie"] = "{cookie}"\n')
        with open(os.path.join(folder, "bare.py"), "w") as f:
            f.write(BARE.format(page=os.path.join(folder, "page.html"), location=location,
                                moved=os.path.join(folder, "moved.html")))
        bare, bare_bases = start("bare:app", {"WEB_CONCURRENCY": "3"}, folder, 2 * rounds + 1)
        servers = [("app", ours_bases), ("bare", bare_bases)]
        rates: dict[tuple[str, str], list[float]] = {}
        try:
            for _ in range(rounds):
                for name, script in (("question page GET", get), ("Continue POST", post)):
                    for server, bases in servers:
                        rate = wrk(f"{bases.pop()}/questions/goals", seconds, script)
                        rates.setdefault((name, server), []).append(rate)
        finally:
            bare.send_signal(signal.SIGTERM)
            bare.wait(timeout=30)
    finally:
        ours.send_signal(signal.SIGTERM)
        ours.wait(timeout=30)
    print(f"{rounds} rounds of {seconds:g} s each, servers taking turns; medians:")
    for name in ("question page GET", "Continue POST"):
        real = statistics.median(rates[name, "app"])
        constant = statistics.median(rates[name, "bare"])
        print(f"{name:18} app {real:8.0f}/s   bare Flask {constant:8.0f}/s   "
              f"ratio {real / constant:5.0%}")


if __name__ == "__main__":
    main()
