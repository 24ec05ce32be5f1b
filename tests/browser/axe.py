"""axe-core (shipped by axe-playwright-python, works offline) on the page as it is now."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
# WCAG 2.2 AA and the best-practice rules axe turns on by default.
_OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def assert_no_violations(page, where: str) -> None:
    # After a click Playwright waits for the navigation to start, not for the stylesheet.
    page.wait_for_load_state("load")
    results = _axe.run(page, options=_OPTIONS)
    assert results.violations_count == 0, f"axe on {where}:\n{results.generate_report()}"
