"""Page weight: each page's first view, HTML plus CSS, gzip-compressed as a server would send
it, against the 14 KB of a first flight of packets; the pictograms it shows (separate files,
cached a year, not part of the first flight); and all JavaScript. Prints a table.

    .venv/bin/python bench/page_weight.py [--lang sv]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import os
import re
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
    js = b"".join(open(path, "rb").read()
                  for path in sorted(glob.glob(os.path.join(ROOT, "static", "*.js"))))
    urls = ["/", "/what-is-sip"] + [f"/questions/{page.id}" for page in Q.pages]
    print(f"{'page':34} {'HTML gz':>8} {'+ CSS gz':>9}  budget 14 KB   pictograms gz")
    worst = 0
    for url in urls:
        response = client.get(f"{url}?lang={lang}")
        if response.status_code != 200:
            continue  # a page that needs earlier answers (interpreter, guardian pages…)
        html = response.data
        total = gz(html) + gz(css)
        worst = max(worst, total)
        flag = "" if total <= BUDGET else "  OVER"
        pictures = set(re.findall(rb'src="/static/(pictograms/[^"?]+)', html))
        picture_bytes = sum(gz(open(os.path.join(ROOT, "static", p.decode()), "rb").read())
                            for p in pictures)
        print(f"{url:34} {gz(html):8,} {total:9,}{flag:6} {len(pictures):8} {picture_bytes:6,}")
    print(f"CSS alone: {gz(css):,} B gz ({len(css):,} B raw); "
          f"JavaScript in all (share.js, listen.js): {gz(js):,} B gz ({len(js):,} B raw; "
          f"budget 5 KB)")
    print(f"heaviest first view: {worst:,} B of {BUDGET:,}")


if __name__ == "__main__":
    main()
