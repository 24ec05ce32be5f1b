"""The whole journey on a phone, in Swedish and English, with and without JavaScript.

Every page is checked with axe-core, including a page showing an error.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import assert_no_violations
from .conftest import PHONE

SAVE = {"sv": "Spara och fortsätt", "en": "Save and continue"}
CHECK = {"sv": "Kontrollera dina svar", "en": "Check your answers"}


def fill_page(page: Page, step: int) -> None:
    """Answer everything on the page as a person would: type, tick, choose."""
    main = page.locator("main")
    for field in main.locator("textarea, input[type=text]").all():
        field.fill(f"Svar {step} – answer {step}")
    groups = set()
    for radio in main.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if name not in groups:
            groups.add(name)
            radio.check()
    seen = set()
    for box in main.locator("input[type=checkbox]").all():
        name = box.get_attribute("name")
        if name not in seen:  # the first choice in each group: also opens conditional pages
            seen.add(name)
            box.check()


def walk(page: Page, base: str, lang: str, shots=None, axe: bool = True) -> list[str]:
    """Fill in every page from the start to "check your answers".

    ``axe=False`` where scripts are off: axe runs as a script in the page, and the markup
    is the same as with scripts on, where axe has already checked it.
    """
    check = assert_no_violations if axe else (lambda page, where: None)
    page.goto(f"{base}/?lang={lang}")
    check(page, f"start ({lang})")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("main a.button").click()
    visited = []
    step = 0
    while "/questions/" in page.url:
        step += 1
        slug = page.url.split("/questions/")[1].split("?")[0]
        visited.append(slug)
        check(page, f"{slug} ({lang})")
        expect(page.locator(".progress")).to_contain_text(re.compile(rf"\b{step}\b"))
        if shots is not None:
            page.screenshot(path=str(shots / f"{lang}-{step:02d}-{slug}.png"), full_page=True)
        fill_page(page, step)
        page.get_by_role("button", name=SAVE[lang]).click()
        assert step < 40, "the journey does not end"
    expect(page.locator("h1")).to_have_text(CHECK[lang])
    check(page, f"check answers ({lang})")
    return visited


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_full_journey_on_a_phone(page: Page, live_server: str, lang: str, artifacts) -> None:
    visited = walk(page, live_server, lang, shots=artifacts)
    assert visited[0] == "who" and "interpreter" in visited and "support-details" in visited
    # Every typed answer is on the check page.
    expect(page.locator("main")).to_contain_text("Svar 2 – answer 2")
    page.screenshot(path=str(artifacts / f"{lang}-check.png"), full_page=True)
    page.locator("main a.button").click()
    assert page.url.endswith("/done")
    assert_no_violations(page, f"done ({lang})")
    page.screenshot(path=str(artifacts / f"{lang}-done.png"), full_page=True)


def test_journey_works_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    visited = walk(page, live_server, "sv", axe=False)
    assert len(visited) > 10
    context.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_error_state_is_accessible_and_keeps_the_text(
    page: Page, live_server: str, lang: str, artifacts
) -> None:
    page.goto(f"{live_server}/questions/goals?lang={lang}")
    page.locator("#goals").fill("x" * 2500)
    page.get_by_role("button", name=SAVE[lang]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#goals")).to_have_value("x" * 2500)
    assert page.title().startswith({"sv": "Fel: ", "en": "Error: "}[lang])
    assert_no_violations(page, f"goals with an error ({lang})")
    page.screenshot(path=str(artifacts / f"{lang}-error.png"), full_page=True)
    page.locator(".error-summary a").first.click()
    expect(page.locator("#goals")).to_be_focused()


def test_back_link_and_language_switch(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/questions/goals?lang=en")
    page.get_by_role("link", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(f"{live_server}/questions/needs")  # the choice is remembered
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator("a.back").click()
    assert "/questions/goals" in page.url
