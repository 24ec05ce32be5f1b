"""Every language, on a phone: the whole journey with axe on each page, right to left where
the language is written so, and the contact person's Swedish view of an Arabic summary."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from prep.i18n import SUPPORTED, direction

from .axe import assert_no_violations
from .test_journey_browser import JOURNEYS, walk

OTHER_LANGUAGES = [code for code in SUPPORTED if code not in ("sv", "en")]


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_journey_in_every_language(page: Page, live_server: str, lang: str, artifacts) -> None:
    shots = artifacts / "languages"
    shots.mkdir(exist_ok=True)
    page.goto(f"{live_server}/?lang={lang}")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", lang.replace("_", "-"))
    expect(html).to_have_attribute("dir", direction(lang))
    visited = walk(page, live_server, lang, shots=shots if lang in ("ar", "ti") else None,
                   choices=JOURNEYS["self"])
    assert len(visited) > 10
    if lang in ("ar", "ti"):
        page.screenshot(path=str(shots / f"{lang}-check.png"), full_page=True)


def test_right_to_left_mirrors_the_layout(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/questions/goals?lang=ar")
    back = page.locator("a.back").bounding_box()
    width = page.viewport_size["width"]
    assert back["x"] > width / 2, "the back link should sit on the right in Arabic"
    button = page.locator("button[type=submit]").bounding_box()
    assert button["x"] + button["width"] > width * 0.8


def test_contact_person_reads_an_arabic_summary_in_swedish(
    page: Page, browser: Browser, live_server: str, artifacts
) -> None:
    page.goto(f"{live_server}/questions/goals?lang=ar")
    page.locator("#goals").fill("أريد أن أعمل في مطبخ، ٣ أيام في الأسبوع")
    page.locator("button[type=submit]").click()
    page.goto(f"{live_server}/done")
    page.locator("form[action='/links/share'] button").click()
    link = page.locator("#share-url").input_value()
    office = browser.new_context(viewport={"width": 1280, "height": 900})
    contact = office.new_page()
    contact.goto(link)
    expect(contact.locator("html")).to_have_attribute("lang", "sv")
    expect(contact.locator("html")).to_have_attribute("dir", "ltr")
    answer = contact.locator(".free-text", has_text="أريد")
    expect(answer).to_have_attribute("lang", "ar")
    expect(answer).to_have_attribute("dir", "auto")
    expect(contact.locator("main")).to_contain_text("arabiska")
    assert_no_violations(contact, "contact page, Arabic summary")
    contact.screenshot(path=str(artifacts / "sv-contact-arabic.png"), full_page=True)
    office.close()
