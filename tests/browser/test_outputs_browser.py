"""The hand-over in a real browser: make the link, open it elsewhere, read, stop it."""

from __future__ import annotations

import subprocess

from playwright.sync_api import Browser, Page, expect

from .helpers import PHONE, assert_no_violations

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def answer_a_few(page: Page, base: str) -> None:
    page.goto(f"{base}/questions/who?lang=en")
    page.get_by_label("For myself").check()
    page.get_by_role("button", name="Save and continue").click()
    page.goto(f"{base}/questions/important")  # past the life-in-pictures page
    page.locator("#important").fill("My dog and my garden")
    page.get_by_role("button", name="Save and continue").click()
    page.goto(f"{base}/questions/meeting-support")
    page.get_by_label("An interpreter", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    page.locator("#interpreter_language").fill("Tigrinya")
    page.get_by_role("button", name="Save and continue").click()


def test_share_open_read_download_and_stop(page: Page, browser: Browser, live_server: str,
                                           artifacts, tmp_path) -> None:
    answer_a_few(page, live_server)
    page.goto(f"{live_server}/done")
    page.get_by_role("button", name="Make a link for my contact person").click()
    link = page.locator("#share-url").input_value()
    assert "/s/" in link
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()  # script on
    expect(page.get_by_role("img", name="QR code for the link to your summary")).to_be_visible()
    assert_no_violations(page, "done with a share link")
    page.screenshot(path=str(artifacts / "en-done-shared.png"), full_page=True)

    # The contact person: another computer, no cookies, Swedish.
    office = browser.new_context(**DESKTOP)
    contact = office.new_page()
    contact.goto(link)
    expect(contact.locator("html")).to_have_attribute("lang", "sv")
    expect(contact.locator("section.card")).to_contain_text("En tolk")
    expect(contact.locator("section.card")).to_contain_text("Tigrinya")
    expect(contact.locator("main")).to_contain_text("My dog and my garden")
    assert_no_violations(contact, "contact person's page")
    contact.screenshot(path=str(artifacts / "sv-contact.png"), full_page=True)
    with contact.expect_download() as download:
        contact.get_by_role("link", name="Ladda ner pdf").click()
    saved = tmp_path / "summary.pdf"
    download.value.save_as(saved)
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True,
                          check=True).stdout.decode()
    assert "Mötet i korthet" in text and "My dog and my garden" in text

    page.get_by_role("button", name="Stop sharing").click()
    expect(page.locator(".notice")).to_contain_text("You have stopped sharing")
    contact.goto(link)
    expect(contact.locator("h1")).to_have_text("Länken är stoppad")
    assert_no_violations(contact, "stopped link page")
    office.close()


def test_resume_on_another_phone(page: Page, browser: Browser, live_server: str) -> None:
    answer_a_few(page, live_server)
    page.goto(f"{live_server}/done")
    page.get_by_role("button", name="Make a link to continue").click()
    link = page.locator("#resume-url").input_value()
    other = browser.new_context(**PHONE)
    phone = other.new_page()
    phone.goto(link)
    expect(phone.locator("h1")).to_have_text("Svar som sparats på en annan enhet")
    assert_no_violations(phone, "resume link page")
    phone.get_by_role("button", name="Fortsätt med svaren från länken").click()
    expect(phone.locator("h1")).to_have_text("Kontrollera dina svar")
    expect(phone.locator("main")).to_contain_text("My dog and my garden")
    other.close()


def test_done_page_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    answer_a_few(page, live_server)
    page.goto(f"{live_server}/done")
    page.get_by_role("button", name="Make a link for my contact person").click()
    expect(page.locator("#share-url")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    context.close()


def test_save_to_phone_and_load_on_another(page: Page, browser: Browser, live_server: str,
                                           tmp_path) -> None:
    answer_a_few(page, live_server)
    page.goto(f"{live_server}/done")
    with page.expect_download() as download:
        page.get_by_role("link", name="Save answers as a file").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)

    other = browser.new_context(**PHONE)
    phone = other.new_page()
    phone.goto(f"{live_server}/?lang=en")
    phone.get_by_role("link", name="Continue from a saved file").click()
    assert_no_violations(phone, "load a saved file")
    phone.get_by_role("button", name="Load answers").click()  # no file chosen
    expect(phone.locator(".error-summary")).to_contain_text("Choose the file")
    assert_no_violations(phone, "load page with an error")
    phone.locator("#file").set_input_files(str(saved))
    phone.get_by_role("button", name="Load answers").click()
    expect(phone.locator("h1")).to_have_text("Check your answers")
    expect(phone.locator("main")).to_contain_text("My dog and my garden")
    other.close()


def test_contact_person_downloads_structured_data(page: Page, browser: Browser,
                                                  live_server: str, tmp_path) -> None:
    answer_a_few(page, live_server)
    page.goto(f"{live_server}/done")
    page.get_by_role("button", name="Make a link for my contact person").click()
    link = page.locator("#share-url").input_value()
    office = browser.new_context(**DESKTOP)
    contact = office.new_page()
    contact.goto(link)
    with contact.expect_download() as download:
        contact.get_by_role("link", name="strukturerad data").click()
    path = tmp_path / "response.json"
    download.value.save_as(path)
    assert '"resourceType": "QuestionnaireResponse"' in path.read_text()
    office.close()


CARD_ANSWERS = [
    ("who", {"preparing_for": "self"}),
    ("important", {"important": "أريد أن أعيش في بيتي مع أطفالي"}),
    ("invite", {"invite": ["social_services", "health_centre", "relative"],
                "not_invite": "زوجي السابق لا يجب أن يحضر", "invite_other": "أختي فاطمة"}),
    ("consent", {"consent": "yes_with_limits", "consent_limits": "لا تتحدثوا عن ديوني",
                 "avoid_topics": "الماضي في سوريا"}),
    ("meeting-place", {"meeting_place": "office"}),
    ("meeting-time", {"meeting_time": "morning", "meeting_length": "90",
                      "avoid_times": "يوم الجمعة"}),
    ("meeting-support", {"meeting_support": ["interpreter", "pictures", "breaks"]}),
    ("interpreter", {"interpreter_language_code": "ar", "interpreter_dialect": "سوري",
                     "interpreter_gender": "woman", "interpreter_mode": "on_site"}),
    ("about-you", {"person_name": "سارة أ.", "contact_way": "phone_call",
                   "contact_details": "070-123 45 67"}),
    ("your-questions", {"own_questions": "متى أحصل على مساعدة في البيت؟"}),
]


def _arabic_summary_link(page: Page, base: str) -> str:
    """An Arabic summary with a full meeting card, answered through the pages."""
    for page_id, answers in CARD_ANSWERS:
        page.goto(f"{base}/questions/{page_id}?lang=ar")
        for name, value in answers.items():
            values = value if isinstance(value, list) else [value]
            field = page.locator(f"[name={name}]").first
            kind = field.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
            if kind == "select":
                field.select_option(values[0])
            elif kind in ("radio", "checkbox"):
                for one in values:
                    page.locator(f"[name={name}][value='{one}']").check()
            else:
                field.fill(values[0])
        page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/done")
    page.locator("form[action='/links/share'] button").click()
    return page.locator("#share-url").input_value()


def test_the_meeting_card_opens_the_contact_page_on_a_phone_and_on_a_laptop(
        page: Page, browser: Browser, live_server: str, artifacts) -> None:
    link = _arabic_summary_link(page, live_server)
    for name, size in (("phone", PHONE), ("laptop", {"viewport": {"width": 1280,
                                                                  "height": 800}})):
        office = browser.new_context(**size)
        contact = office.new_page()
        contact.goto(link)
        card = contact.locator("section.card").bounding_box()
        height = size["viewport"]["height"]
        assert card["y"] < height, f"{name}: the card starts below the first screen"
        if name == "laptop":
            assert card["y"] + card["height"] <= height, "the card fits one laptop screen"
        expect(contact.locator("section.card")).to_contain_text(
            "Tolk: arabiska (dialekt: سوري), kvinnlig tolk, i rummet")
        expect(contact.locator(".card__part--most")).to_contain_text("زوجي السابق")
        assert_no_violations(contact, f"contact page with a full card ({name})")
        contact.screenshot(path=str(artifacts / f"sv-contact-card-{name}.png"))
        office.close()
