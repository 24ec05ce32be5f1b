"""The person's journey, smooth from the first tap to the last (issue 18): a short check
page, long words that wrap, Listen that reads the choices, and delete that asks first."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .helpers import PHONE, assert_no_violations
from .test_wcag_browser import NARROW, _no_sideways_scroll, _page_with_voices

WORD = "Långtordutanmellanrumsomintegårattbryta" * 8  # about 300 characters
ADDRESS = "https://www.example.se/" + "en/väldigt/lång/sökväg/" * 10


def _answer(page: Page, base: str, text: str) -> str:
    """A person answers one question with ``text`` and shares; the share link."""
    page.goto(f"{base}/questions/who?lang=sv")
    page.locator("input[value=self]").check()
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/questions/goals")
    page.locator("#goals").fill(text)
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/done")
    page.locator("form[action='/links/share'] button").click()
    return page.locator("#share-url").input_value()


@pytest.mark.parametrize("size", [PHONE, NARROW], ids=["390px", "320px"])
def test_a_long_word_or_address_never_makes_a_page_scroll_sideways(
        browser: Browser, live_server: str, size) -> None:
    context = browser.new_context(**size)
    page = context.new_page()
    link = _answer(page, live_server, f"{WORD} {ADDRESS}")
    for url in (f"{live_server}/check", link, f"{live_server}/done"):
        page.goto(url)
        _no_sideways_scroll(page, url)
    context.close()


def test_the_check_page_of_one_answer_is_at_most_two_phone_screens(page: Page,
                                                                   live_server: str,
                                                                   artifacts) -> None:
    _answer(page, live_server, "Ett jobb")
    page.goto(f"{live_server}/check")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.screenshot(path=str(artifacts / "sv-check-one-answer.png"), full_page=True)
    assert height <= 2 * PHONE["viewport"]["height"], height
    expect(page.locator("main")).to_contain_text("Inte besvarat än")
    assert_no_violations(page, "check page, one answer")


def test_listen_reads_the_question_then_every_choice(browser: Browser,
                                                     live_server: str) -> None:
    page = _page_with_voices(browser, [{"name": "Alva", "lang": "sv-SE", "localService": True}])
    page.goto(f"{live_server}/questions/meeting-time?lang=sv")
    page.get_by_role("button", name="Lyssna på frågan och svaren").first.click()
    spoken = page.evaluate("() => window.__spoken")[0]["text"]
    parts = ["Vilken tid på dagen passar bäst?", "Förmiddag", "Runt lunch", "Eftermiddag"]
    positions = [spoken.index(part) for part in parts]
    assert positions == sorted(positions), spoken
    page.context.close()


def test_delete_asks_once_more_and_works_without_javascript(browser: Browser,
                                                            live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    _answer(page, live_server, "Ska bort")
    page.goto(f"{live_server}/done")
    page.get_by_role("link", name="Ta bort allt").click()
    expect(page.locator("h1")).to_have_text("Vill du ta bort allt?")
    expect(page.locator("main")).to_contain_text("Det går inte att ångra")
    page.get_by_role("button", name="Ja, ta bort allt").click()
    expect(page.locator("h1")).to_have_text("Dina svar är borttagna")
    page.goto(f"{live_server}/check")
    assert page.url == f"{live_server}/", "the draft is gone: back to the start page"
    context.close()
