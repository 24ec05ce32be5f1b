"""Throughput: a question page GET and a Continue POST through gunicorn with the production
settings, against a bare Flask view that returns the same bytes from a constant, in the same
run. Prints both rates and the ratio (budget: at least 60 %). Loopback only; needs wrk.

    .venv/bin/python bench/throughput.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BARE = '''
from flask import Flask, Response
BODY = open({body!r}, "rb").read()
app = Flask(__name__)

@app.route("/questions/goals", methods=["GET", "POST"])
def page():
    return Response(BODY, mimetype="text/html")
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app: str, env: dict, cwd: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [os.path.join(ROOT, ".venv/bin/gunicorn"), "--config",
         os.path.join(ROOT, "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", app], cwd=cwd, env={**os.environ, **env},
        stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/questions/goals", timeout=1).read()
            return server, base
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
    parser.add_argument("--seconds", type=float, default=10)
    seconds = parser.parse_args().seconds
    folder = tempfile.mkdtemp()
    env = {"SECRET_KEY": secrets.token_hex(16), "DATABASE_URL": f"sqlite:///{folder}/t.sqlite3",
           "SESSION_COOKIE_SECURE": "false", "WEB_CONCURRENCY": "3"}
    ours, base = start("prep:create_app()", env, ROOT)
    try:
        # A person with a draft: their cookie, the page's token, and an answer to post.
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar := CookieJar()))
        page = opener.open(f"{base}/questions/goals").read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        form = {"goals": "Ett arbete och en egen lägenhet.", "csrf_token": token}
        opener.open(f"{base}/questions/goals", urllib.parse.urlencode(form).encode()).read()
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        body = opener.open(f"{base}/questions/goals").read()
        with open(os.path.join(folder, "page.html"), "wb") as f:
            f.write(body)
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
            f.write(BARE.format(body=os.path.join(folder, "page.html")))
        bare, bare_base = start("bare:app", {"WEB_CONCURRENCY": "3"}, folder)
        try:
            rows = [("question page GET", wrk(f"{base}/questions/goals", seconds, get),
                     wrk(f"{bare_base}/questions/goals", seconds, get)),
                    ("Continue POST", wrk(f"{base}/questions/goals", seconds, post),
                     wrk(f"{bare_base}/questions/goals", seconds, post))]
        finally:
            bare.send_signal(signal.SIGTERM)
            bare.wait(timeout=30)
    finally:
        ours.send_signal(signal.SIGTERM)
        ours.wait(timeout=30)
    for name, real, constant in rows:
        print(f"{name:18} app {real:8.0f}/s   bare Flask {constant:8.0f}/s   "
              f"ratio {real / constant:5.0%} (budget ≥ 60 %)")


if __name__ == "__main__":
    main()
