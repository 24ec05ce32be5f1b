"""Right to left where the language is written so, and the contact person's Swedish view of
an Arabic summary. (Every journey in every language: test_journey_browser.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .helpers import assert_no_violations


@pytest.mark.parametrize("lang", ["ar", "ps"])
def test_right_to_left_mirrors_the_layout(page: Page, live_server: str, lang: str) -> None:
    page.goto(f"{live_server}/questions/goals?lang={lang}")
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
