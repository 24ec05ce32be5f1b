"""Page weight: each page's first view, HTML plus CSS, gzip-compressed as a server would send
it, against the 14 KB of a first flight of packets; and all JavaScript. Prints a table.

    .venv/bin/python bench/page_weight.py [--lang sv]
"""

from __future__ import annotations

import argparse
import gzip
import os
import tempfile

from prep import create_app
from prep.questionnaire.definition import QUESTIONNAIRE as Q

BUDGET = 14 * 1024
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # nginx's usual level


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="sv")
    lang = parser.parse_args().lang
    folder = tempfile.mkdtemp()
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": True, "SECRET_KEY": "bench",
                      "DATABASE_URL": f"sqlite:///{folder}/w.sqlite3"})
    client = app.test_client()
    css = open(os.path.join(ROOT, "static", "app.css"), "rb").read()
    js = open(os.path.join(ROOT, "static", "share.js"), "rb").read()
    urls = ["/", "/what-is-sip"] + [f"/questions/{page.id}" for page in Q.pages]
    print(f"{'page':34} {'HTML gz':>8} {'+ CSS gz':>9}  budget 14 KB")
    worst = 0
    for url in urls:
        response = client.get(f"{url}?lang={lang}")
        if response.status_code != 200:
            continue  # a page that needs earlier answers (interpreter, guardian pages…)
        html = response.data
        total = gz(html) + gz(css)
        worst = max(worst, total)
        flag = "" if total <= BUDGET else "  OVER"
        print(f"{url:34} {gz(html):8,} {total:9,}{flag}")
    print(f"CSS alone: {gz(css):,} B gz ({len(css):,} B raw); "
          f"JavaScript in all: {gz(js):,} B gz ({len(js):,} B raw; budget 5 KB)")
    print(f"heaviest first view: {worst:,} B of {BUDGET:,}")


if __name__ == "__main__":
    main()
