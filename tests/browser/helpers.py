"""What the browser tests share: the phone they run on, axe-core, and filling in a page as
a person would."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from babel.support import Translations
from playwright.sync_api import Page

from prep.languages import catalogue

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}

_axe = Axe()
# WCAG 2.2 AA and the best-practice rules axe turns on by default.
_OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def assert_no_violations(page, where: str) -> None:
    # After a click Playwright waits for the navigation to start, not for the stylesheet.
    page.wait_for_load_state("load")
    results = _axe.run(page, options=_OPTIONS)
    assert results.violations_count == 0, f"axe on {where}:\n{results.generate_report()}"


def fill_past_the_limit(page: Page, selector: str, text: str) -> None:
    """Type more than a field takes. A browser stops at ``maxlength``; one that does not
    (or a request made by hand) reaches the server's own check, which these tests see."""
    field = page.locator(selector)
    field.evaluate("e => e.removeAttribute('maxlength')")
    field.fill(text)


def translated(lang: str, text: str) -> str:
    return Translations.load("translations", [catalogue(lang)]).gettext(text)

#: Who prepares, and for which meeting: the choices that pick each path (and one area of
#: life that is not good, so that "what would make it better" is walked too).
JOURNEYS = {
    "self": {"meeting_kind": "first", "preparing_for": "self", "life_health": "not_good"},
    "guardian": {"meeting_kind": "first", "preparing_for": "guardian",
                 "life_health": "not_good"},
    "helper": {"meeting_kind": "first", "preparing_for": "helper", "life_health": "not_good"},
    "follow-up": {"meeting_kind": "follow_up", "preparing_for": "self",
                  "life_health": "not_good"},
}
def typed(step: int) -> str:
    return f"Svar {step} – answer {step}"


def fill_page(page: Page, step: int, choices: dict[str, str] | None = None) -> bool:
    """Answer everything on the page as a person would: type, tick, choose.

    Returns whether anything was typed."""
    choices = choices or {}
    main = page.locator("main")
    fields = main.locator("textarea, input[type=text]").all()
    for field in fields:
        field.fill(typed(step))
    groups = set()
    for radio in main.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if name in choices:
            main.locator(f"input[name={name}][value={choices[name]}]").check()
        elif name not in groups:
            groups.add(name)
            radio.check()
    seen = set()
    for box in main.locator("input[type=checkbox]").all():
        name = box.get_attribute("name")
        if name not in seen:  # the first choice in each group: also opens conditional pages
            seen.add(name)
            box.check()
    return bool(fields)


