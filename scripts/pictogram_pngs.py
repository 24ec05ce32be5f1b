"""Raster copies of the pictograms for the PDF (static/pictograms/png/*.png, 96 × 96 px).

WeasyPrint draws an SVG by walking its paths in Python on every render, about 15 ms per
pictogram; a small PNG is drawn from its cached decoded copy. Made with Debian's Chromium
(through Playwright), from the optimised SVGs, by ``scripts/pictograms``.
"""

from __future__ import annotations

import pathlib
import shutil

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE = ROOT / "static" / "pictograms"
TARGET = SOURCE / "png"
SIZE = 96


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    for old in TARGET.glob("*.png"):
        old.unlink()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        for svg in sorted(SOURCE.glob("*.svg")):
            page.set_content(
                f'<body style="margin:0"><img src="data:image/svg+xml;base64,'
                f'{__import__("base64").b64encode(svg.read_bytes()).decode()}"'
                f' width="{SIZE}" height="{SIZE}"></body>')
            page.locator("img").screenshot(path=str(TARGET / f"{svg.stem}.png"),
                                           omit_background=True)
        browser.close()
    print(f"{len(list(TARGET.glob('*.png')))} PNG copies in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
