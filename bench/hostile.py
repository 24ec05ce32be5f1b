"""Hostile inputs: every POST route with odd form tokens and odd field values, every link
route with odd tokens, odd cookies and odd files, against the app with form tokens on.
Prints how many requests were tried and how many answered 5xx (the goal is 0).

    .venv/bin/python bench/hostile.py
"""

from __future__ import annotations

import io
import itertools
import re
import tempfile
from collections import Counter

from prep import create_app

TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
ODD_TEXT = ["", "åäö-ŧøкен", "x" * 20_000, "\x00\x01", "a.b.c", "Ω" * 500, "😀" * 600,
            "<script>alert(1)</script>", "\u202e\u202d", "%(max)s{{ 7*7 }}", "../../etc/passwd",
            "\r\n" * 400]
ODD_LINK_TOKENS = ODD_TEXT + ["eyJpIjoiYSIsImsiOiJiIn0.abc.def", "." * 300, "%ff%fe"]
ODD_COOKIE_VALUES = [{"id": 1, "key": 2}, "text", ["a"], 7, None, {"id": "x" * 5000, "key": ""}]
ODD_FILES = [b"", b"[" * 90_000 + b"]" * 90_000, b"\xff\xfe", b'{"format": 1}',
             b'{"answers": {"goals": ["x"]}}', b"null", b"1e999999"]


def main() -> None:
    folder = tempfile.mkdtemp()
    app = create_app({"TESTING": True, "SECRET_KEY": "hostile" * 6,
                      "DATABASE_URL": f"sqlite:///{folder}/h.sqlite3"})
    statuses: Counter[int] = Counter()
    failures: list[str] = []

    def record(what: str, status: int) -> None:
        statuses[status] += 1
        if status >= 500:
            failures.append(f"{status} {what}")

    person = app.test_client()
    real = TOKEN.search(person.get("/questions/who").get_data(as_text=True)).group(1)
    person.post("/questions/who", data={"preparing_for": "self", "csrf_token": real})
    for purpose in ("share", "resume"):
        person.post(f"/links/{purpose}", data={"csrf_token": real})
    links = dict(re.findall(r'value="https?://[^/"]+/([sr])/([^"]+)"',
                            person.get("/done").get_data(as_text=True)))
    posts = sorted(rule.rule.replace("<page_id>", "goals").replace("<purpose>", "share")
                   .replace("<token>", links["r"])
                   for rule in app.url_map.iter_rules() if "POST" in rule.methods)
    posts += [f"/questions/{page}" for page in ("support-details", "meeting-support", "who")]
    for url, token, value in itertools.product(posts, [real, *ODD_TEXT], ODD_TEXT):
        client = app.test_client()
        client.set_cookie("prep", person.get_cookie("prep").value)
        fields = {"csrf_token": token, "goals": value, "support_now": value,
                  "meeting_support": [value, "none"], "preparing_for": value, "then": value}
        record(f"POST {url}", client.post(url, data=fields).status_code)
    for kind, tail, token in itertools.product("sr", ["", "/pdf", "/fhir"], ODD_LINK_TOKENS):
        if kind == "r" and tail:
            continue
        record(f"GET /{kind}/…{tail}", app.test_client().get(f"/{kind}/{token}{tail}").status_code)
    for value in ODD_COOKIE_VALUES:
        client = app.test_client()
        with client.session_transaction() as session:
            session.update(draft=value, lang=value, csrf_token=value)
        for url in ("/", "/check", "/done", "/questions/goals", "/pdf", "/answers/file"):
            record(f"GET {url} with an odd cookie", client.get(url).status_code)
    for raw in ODD_FILES:
        client = app.test_client()
        token = TOKEN.search(client.get("/answers/load").get_data(as_text=True)).group(1)
        record("POST /answers/load", client.post(
            "/answers/load", data={"file": (io.BytesIO(raw), "a.json"), "csrf_token": token},
            content_type="multipart/form-data").status_code)
    tried = sum(statuses.values())
    print(f"hostile requests tried: {tried}; by status: "
          + ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items())))
    print(f"5xx answers: {len(failures)}")
    for failure in failures[:20]:
        print("  ", failure)


if __name__ == "__main__":
    main()
