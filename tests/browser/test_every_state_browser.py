"""axe-core on every state a page can be in, in every language: the information pages,
a choice that cannot be combined, an expired form, a missing page, a refused file, the
done page with both links, the contact person's page in the viewer's language, and a
stopped link. (The journeys and the too-long-text errors: test_journey_browser.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from prep.languages import SUPPORTED

from .helpers import PHONE, assert_no_violations, translated

INFO_PAGES = ["/", "/what-is-sip", "/privacy", "/accessibility", "/about", "/answers/load",
              "/deleted"]


def _submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_state_in_every_language(page: Page, browser: Browser, live_server: str,
                                       lang: str) -> None:
    for path in INFO_PAGES:
        page.goto(f"{live_server}{path}?lang={lang}")
        assert_no_violations(page, f"{path} ({lang})")

    page.goto(f"{live_server}/questions/goals")
    page.locator("details.langs summary").click()  # the language list, opened
    expect(page.locator("details.langs nav a").first).to_be_visible()
    assert_no_violations(page, f"goals with the language list open ({lang})")

    page.goto(f"{live_server}/no-such-page")
    assert_no_violations(page, f"page not found ({lang})")

    page.goto(f"{live_server}/answers/load")
    _submit(page)  # no file chosen
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_violations(page, f"load with an error ({lang})")

    # "No support is needed" cannot be combined with a kind of support.
    page.goto(f"{live_server}/questions/meeting-support")
    page.locator("input[value=interpreter]").check()
    page.locator("input[value=none]").check()
    _submit(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_violations(page, f"meeting-support, choices that exclude each other ({lang})")

    # A form left open too long: its token no longer matches. The text stays.
    page.goto(f"{live_server}/questions/goals")
    page.locator("#goals").fill("Ett mål som inte får försvinna")
    page.locator("input[name=csrf_token]").evaluate("e => e.value = 'expired'")
    _submit(page)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#goals")).to_have_value("Ett mål som inte får försvinna")
    assert_no_violations(page, f"goals with an expired form ({lang})")

    # The hand-over: both links made, read by a contact person who asks for this language,
    # then stopped.
    page.locator("main form button[type=submit]").first.click()  # saves the goal now
    page.goto(f"{live_server}/done")
    page.locator("form[action='/links/share'] button").click()
    page.locator("form[action='/links/resume'] button").click()
    expect(page.locator("#share-url")).to_be_visible()
    expect(page.locator("#resume-url")).to_be_visible()
    assert_no_violations(page, f"done with both links ({lang})")
    link = page.locator("#share-url").input_value()
    office = browser.new_context(**PHONE)
    contact = office.new_page()
    contact.goto(f"{link}?lang={lang}")
    expect(contact.locator("html")).to_have_attribute("lang", lang.replace("_", "-"))
    assert_no_violations(contact, f"contact page read in {lang}")
    # A link that shows only a part, for someone else: who, what, the preview, made.
    page.goto(f"{live_server}/links/new")
    assert_no_violations(page, f"link for whom ({lang})")
    _submit(page)  # nobody chosen
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_violations(page, f"link for whom, with an error ({lang})")
    page.locator("input[name=recipient][value=name]").check()
    page.locator("#name").fill("Mamma")
    _submit(page)
    assert_no_violations(page, f"what the link shows ({lang})")
    _submit(page)
    assert_no_violations(page, f"preview of the link ({lang})")
    _submit(page)
    expect(page.locator("#share-1-url")).to_be_visible()
    assert_no_violations(page, f"done with a link for someone else ({lang})")
    resume = page.locator("#resume-url").input_value()
    contact.goto(f"{resume}?lang={lang}")  # someone else's answers, opened in the office
    assert_no_violations(contact, f"resume link page ({lang})")
    page.goto(f"{live_server}/delete")
    assert_no_violations(page, f"delete, asked once more ({lang})")
    page.goto(f"{live_server}/done")
    page.locator("form[action='/links/share/stop'] button").first.click()
    contact.goto(link)
    expect(contact.locator("h1")).to_have_text(translated("sv", "This link has been stopped"))
    assert_no_violations(contact, f"stopped link ({lang})")
    office.close()
