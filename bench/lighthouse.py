"""Lighthouse: performance, accessibility and best-practices scores of four pages, served by
gunicorn with the production settings, and every failed audit, with its weight (what it costs)
in its category. Prints a table; missed budgets are printed, not failed (exit code 0). Needs
Node.js and Chromium.

    .venv/bin/python bench/lighthouse.py [--reports DIR]

Budgets: performance ≥ 95, accessibility 100, best practices 100. Mobile emulation with
Lighthouse's default simulated throttling, as the `lighthouse` command runs without options.
Lighthouse 13.5.0 is installed under bench/node_modules on first run (`npm ci --prefix bench`,
pinned by bench/package.json and its lock file). Chromium is $CHROME_PATH or /usr/bin/chromium.

The pages: the start page, a question page and the check page with the session cookie of a
person who has answered two questions, and the contact person's page behind the share link
that person made. Each page takes about 15 s; pages are measured one after another, so that
no run steals the CPU of another and skews its timings.
"""

from __future__ import annotations

import argparse
import json
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
BENCH = os.path.join(ROOT, "bench")
LIGHTHOUSE = os.path.join(BENCH, "node_modules", ".bin", "lighthouse")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
# Audits that say something but are never pass or fail.
UNSCORED = {"notApplicable", "informative", "manual"}
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_lighthouse() -> None:
    """Lighthouse from the lock file, once."""
    if not os.path.exists(LIGHTHOUSE):
        print("Installing Lighthouse under bench/node_modules ...")
        subprocess.run(["npm", "ci", "--prefix", BENCH, "--no-audit", "--no-fund"], check=True)


def start(folder: str) -> tuple[subprocess.Popen, str]:
    """The app under gunicorn on a free port, once /healthz answers; returns it and its URL."""
    base = f"http://127.0.0.1:{free_port()}"
    env = {"SECRET_KEY": secrets.token_hex(16), "PUBLIC_BASE_URL": base,
           "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
           "SESSION_COOKIE_SECURE": "false", "WEB_CONCURRENCY": "2"}
    log = os.path.join(folder, "gunicorn.log")
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [os.path.join(ROOT, ".venv/bin/gunicorn"), "--config",
             os.path.join(ROOT, "gunicorn.conf.py"), "--bind", base.removeprefix("http://"),
             "prep:create_app()"], cwd=ROOT, env={**os.environ, **env}, stderr=out)
    for _ in range(300):
        try:
            if urllib.request.urlopen(f"{base}/healthz", timeout=1).status == 200:
                return server, base
        except OSError:
            time.sleep(0.1)
        if server.poll() is not None:
            break
    stop(server)
    with open(log, errors="replace") as f:
        raise SystemExit(f"the app did not start:\n{f.read()[-2000:]}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def post_form(opener: urllib.request.OpenerDirector, url: str, fields: dict) -> str:
    """GET the page for a fresh CSRF token, then POST ``fields`` with it; returns the page
    the POST ends on."""
    token = TOKEN.search(opener.open(url).read().decode()).group(1)
    data = urllib.parse.urlencode({**fields, "csrf_token": token}).encode()
    return opener.open(url, data).read().decode()


def share_form_token(page: str) -> str:
    """The CSRF token of the form that makes the share link."""
    form = re.search(r'<form[^>]*action="/links/share"[^>]*>(.*?)</form>', page, re.S)
    if not form:
        raise SystemExit("no form posting to /links/share on /done")
    return TOKEN.search(form.group(1)).group(1)


def make_person(base: str) -> tuple[str, str]:
    """A person who answered two questions and made a share link: their Cookie header and
    the link."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar := CookieJar()))
    post_form(opener, f"{base}/questions/goals",
              {"goals": "Jag vill ha ett arbete och en egen lägenhet."})
    post_form(opener, f"{base}/questions/who", {"preparing_for": "self"})
    token = share_form_token(opener.open(f"{base}/done").read().decode())
    data = urllib.parse.urlencode({"csrf_token": token}).encode()
    done = opener.open(f"{base}/links/share", data).read().decode()  # redirected to /done
    link = re.search(r'<input[^>]*id="share-url"[^>]*value="([^"]+)"', done)
    if not link or "/s/" not in link.group(1):
        raise SystemExit("no share link on /done after making one")
    if "prep" not in {c.name for c in jar}:
        raise SystemExit("no session cookie 'prep' was set")
    return "; ".join(f"{c.name}={c.value}" for c in jar), link.group(1)


def lighthouse(url: str, report: str, cookie: str | None = None) -> dict:
    """One Lighthouse run with its defaults (mobile, simulated throttling); the JSON report."""
    command = [LIGHTHOUSE, url, f"--chrome-flags={CHROME_FLAGS}",
               f"--only-categories={','.join(BUDGETS)}",
               "--output=json", f"--output-path={report}", "--quiet"]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for _attempt in range(3):  # Chromium sometimes loses the trace (NO_NAVSTART): run again
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode == 0 and os.path.exists(report):
            break
    else:
        raise SystemExit(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    with open(report) as f:
        result = json.load(f)
    if result.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not load {url}: {result['runtimeError']}")
    return result


def scores(result: dict) -> dict[str, int | None]:
    """Each category's score, 0–100 (None if Lighthouse could not score it)."""
    out = {}
    for name in BUDGETS:
        score = result["categories"][name]["score"]
        out[name] = None if score is None else round(score * 100)
    return out


def failures(result: dict) -> list[tuple[str, dict, float]]:
    """The failed audits of each category: (category, audit, its weight in the category)."""
    failed = []
    for name in BUDGETS:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if audit["score"] is None or audit["scoreDisplayMode"] in UNSCORED | {"error"}:
                continue
            if audit["score"] < 1:
                failed.append((name, audit, ref["weight"]))
    return failed


def not_computed(results: dict[str, dict]) -> list[str]:
    """Audits of the three categories that Lighthouse itself failed to compute, once each."""
    errors = {}
    for result in results.values():
        for name in BUDGETS:
            for ref in result["categories"][name]["auditRefs"]:
                audit = result["audits"][ref["id"]]
                if audit["scoreDisplayMode"] == "error":
                    errors[audit["id"]] = f"[weight {ref['weight']:g}] {audit.get('errorMessage')}"
    return [f"  {key}: {message}" for key, message in sorted(errors.items())]


def cell(score: int | None, budget: int) -> str:
    if score is None:
        return "    –   "
    return f"{score:4d} {'ok' if score >= budget else '!!':>3}"


def report_page(page: str, result: dict) -> list[str]:
    """The lines under the table for one page: missed budgets, then failed audits (one with
    no weight costs no points itself: it is Lighthouse's hint at what slows a metric)."""
    lines = [f"  OVER BUDGET: {name} {score} < {BUDGETS[name]}"
             for name, score in scores(result).items()
             if score is not None and score < BUDGETS[name]]
    for name, audit, weight in failures(result):
        value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
        cost = f"weight {weight:g}" if weight else "hint, no points"
        lines.append(f"  {name:14} {audit['score']:4.2f}  {audit['id']}: "
                     f"{audit['title']}{value}  [{cost}]")
    return [f"{page}:", *lines] if lines else []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", help="keep Lighthouse's JSON reports in this folder")
    options = parser.parse_args()
    ensure_lighthouse()
    began = time.monotonic()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        reports = options.reports or folder
        os.makedirs(reports, exist_ok=True)
        server, base = start(folder)
        try:
            cookie, share = make_person(base)
            pages = [("start page /", f"{base}/", None),
                     ("question /questions/goals", f"{base}/questions/goals", cookie),
                     ("check /check", f"{base}/check", cookie),
                     ("contact person /s/…", share, None)]
            for number, (page, url, with_cookie) in enumerate(pages, 1):
                report = os.path.join(reports, f"lighthouse-{number}.json")
                results[page] = lighthouse(url, report, with_cookie)
        finally:
            stop(server)
    print(f"Lighthouse {next(iter(results.values()))['lighthouseVersion']}, mobile, "
          f"simulated throttling; {time.monotonic() - began:.0f} s")
    print(f"{'page':28}", *(f"{name.replace('-', ' '):>15}" for name in BUDGETS))
    print(f"{'budget':28}", *(f"{'100' if budget == 100 else f'≥ {budget}':>15}"
                              for budget in BUDGETS.values()))
    for page, result in results.items():
        print(f"{page:28}", *(f"{cell(score, BUDGETS[name]):>15}"
                              for name, score in scores(result).items()))
    print()
    details = [line for page, result in results.items() for line in report_page(page, result)]
    print("\n".join(details) if details else "No failed audits.")
    errors = not_computed(results)
    if errors:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
        print(f"\nLighthouse could not compute these audits (Lighthouse 13 wants Node.js "
              f"≥ 22.19; this is {node.strip()}):", *errors, sep="\n")


if __name__ == "__main__":
    main()
