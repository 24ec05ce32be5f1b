"""The whole journey on a phone, in every language and on every path, with and without
JavaScript. Every page is checked with axe-core, and so is every error state.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from prep.languages import SUPPORTED

from .helpers import (
    JOURNEYS,
    PHONE,
    assert_no_violations,
    fill_page,
    fill_past_the_limit,
    translated,
    typed,
)

#: Screenshots are kept for these (the others are checked, not photographed).
PHOTOGRAPHED = ("sv", "en", "ar", "ti", "ps", "th", "am")


SAVE = {"sv": "Spara och fortsätt", "en": "Save and continue"}
CHECK = {"sv": "Kontrollera dina svar", "en": "Check your answers"}


#: A page that only this journey shows: proof the walk took the right path.
MARKER_PAGE = {"self": "important", "guardian": "child-voice", "helper": "helper-role",
               "follow-up": "goal-progress"}


def walk(page: Page, base: str, lang: str, shots=None, axe: bool = True,
         choices: dict[str, str] | None = None, typed_on: list[int] | None = None) -> list[str]:
    """Fill in every page from the start to "check your answers".

    ``axe=False`` where scripts are off: axe runs as a script in the page, and the markup
    is the same as with scripts on, where axe has already checked it.
    """
    check = assert_no_violations if axe else (lambda page, where: None)
    page.goto(f"{base}/?lang={lang}")
    check(page, f"start ({lang})")
    expect(page.locator("html")).to_have_attribute("lang", lang.replace("_", "-"))
    page.locator("main a.button").click()
    page.wait_for_load_state("load")
    visited = []
    step, part = 0, 1
    while "/questions/" in page.url:
        step += 1
        slug = page.url.split("/questions/")[1].split("?")[0]
        visited.append(slug)
        check(page, f"{slug} ({lang})")
        shown = int(re.search(r"\d+", page.locator(".progress").inner_text()).group())
        assert part <= shown <= part + 1, f"progress went from part {part} to {shown}"
        part = shown
        if shots is not None:
            page.screenshot(path=str(shots / f"{lang}-{step:02d}-{slug}.png"), full_page=True)
        if fill_page(page, step, choices) and typed_on is not None:
            typed_on.append(step)
        page.get_by_role("button", name=SAVE[lang]).click() if lang in SAVE else (
            page.locator("main form button[type=submit]").click())
        # A click waits for the navigation to start, not for the stylesheet: axe must see
        # the page as a person does.
        page.wait_for_load_state("load")
        assert step < 40, "the journey does not end"
    assert page.url.split("?")[0].endswith("/check")
    if lang in CHECK:
        expect(page.locator("h1")).to_have_text(CHECK[lang])
    check(page, f"check answers ({lang})")
    return visited


@pytest.mark.parametrize("journey", list(JOURNEYS))
@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_journey_on_a_phone(page: Page, live_server: str, lang: str, journey: str,
                                  artifacts) -> None:
    shots = artifacts / journey if lang in PHOTOGRAPHED else None
    if shots:
        shots.mkdir(exist_ok=True)
    typed_on: list[int] = []
    visited = walk(page, live_server, lang, shots=shots, choices=JOURNEYS[journey],
                   typed_on=typed_on)
    assert visited[:4] == ["meeting", "who", "life-now", "life-better"] or journey == "helper"
    assert "interpreter" in visited and "life-better" in visited
    assert MARKER_PAGE[journey] in visited
    if journey != "follow-up":
        assert "support-details" in visited
    # Every typed answer is on the check page.
    shown = page.locator("main").inner_text()
    assert typed_on and all(typed(step) in shown for step in typed_on)
    if shots:
        page.screenshot(path=str(shots / f"{lang}-check.png"), full_page=True)
    page.locator("main a.button").click()
    assert page.url.endswith("/done")
    assert_no_violations(page, f"done ({lang})")


def test_journey_works_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    visited = walk(page, live_server, "sv", axe=False, choices=JOURNEYS["guardian"])
    assert len(visited) > 10
    context.close()


@pytest.mark.parametrize("lang", SUPPORTED)
def test_error_state_is_accessible_and_keeps_the_text(
    page: Page, live_server: str, lang: str, artifacts
) -> None:
    page.goto(f"{live_server}/questions/goals?lang={lang}")
    fill_past_the_limit(page, "#goals", "x" * 2500)
    page.get_by_role("button", name=translated(lang, "Save and continue")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#goals")).to_have_value("x" * 2500)
    assert page.title().startswith(translated(lang, "Error") + ": ")
    assert_no_violations(page, f"goals with an error ({lang})")
    if lang in PHOTOGRAPHED:
        page.screenshot(path=str(artifacts / f"{lang}-error.png"), full_page=True)
    page.locator(".error-summary a").first.click()
    expect(page.locator("#goals")).to_be_focused()


def test_back_link_and_language_switch(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/questions/goals?lang=en")
    expect(page.get_by_role("link", name="Svenska")).to_be_hidden()  # one line on a phone
    page.locator("summary", has_text="English").click()
    page.get_by_role("link", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(f"{live_server}/questions/needs")  # the choice is remembered
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator("a.back").click()
    assert "/questions/goals" in page.url


@pytest.mark.parametrize("journey, page_id, field", [
    ("guardian", "child-voice", "child_words"),
    ("helper", "important", "important"),
    ("follow-up", "plan-worked", "worked_badly"),
])
@pytest.mark.parametrize("lang", SUPPORTED)
def test_error_state_on_every_path(page: Page, live_server: str, lang: str, journey: str,
                                   page_id: str, field: str) -> None:
    choices = JOURNEYS[journey]
    page.goto(f"{live_server}/questions/meeting?lang={lang}")
    page.locator(f"input[value={choices['meeting_kind']}]").check()
    page.locator("main form button[type=submit]").click()
    page.locator(f"input[value={choices['preparing_for']}]").check()
    page.locator("main form button[type=submit]").click()
    page.goto(f"{live_server}/questions/{page_id}")
    fill_past_the_limit(page, f"#{field}", "ö" * 2100)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(f"#{field}")).to_have_value("ö" * 2100)
    assert_no_violations(page, f"{page_id} with an error ({journey}, {lang})")
