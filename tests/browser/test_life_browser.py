"""Life by pictures on a phone (issue 20): sorted by keyboard alone, by tapping, and with
no script at all; Listen reads each card and its three faces."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from .helpers import PHONE, assert_no_violations
from .test_wcag_browser import _page_with_voices


def _to_life_now(page: Page, base: str, lang: str = "sv") -> None:
    page.goto(f"{base}/questions/meeting?lang={lang}")
    page.locator("input[value=first]").check()
    page.locator("main form button[type=submit]").click()
    page.locator("input[value=self]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/questions/life-now")


def _mat_on_the_check_page(page: Page, base: str) -> dict[str, list[str]]:
    page.goto(f"{base}/check")
    found = {}
    for column in page.locator("main .mat").first.locator(".mat__column").all():
        title = column.locator(".mat__title").inner_text().strip()
        found[title] = [w.strip() for w in column.locator(".mat__word").all_inner_texts()]
    return found


def _focused_name(page: Page) -> str | None:
    return page.evaluate("() => document.activeElement && document.activeElement.name")


def test_sorting_by_keyboard_alone(browser: Browser, live_server: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _to_life_now(page, live_server)
    for _ in range(40):  # from the top of the page, as a keyboard user arrives
        page.keyboard.press("Tab")
        if _focused_name(page) == "life_home":
            break
    assert _focused_name(page) == "life_home", "the first card is reached by Tab"
    page.keyboard.press("Space")            # Bra
    page.keyboard.press("ArrowRight")       # Vet inte
    page.keyboard.press("Tab")
    assert _focused_name(page) == "life_daily", "Tab goes on to the next card"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")       # Inte bra
    focused = page.locator("input[name=life_daily]:focus + label")
    style = focused.evaluate("e => getComputedStyle(e).outlineStyle")
    assert style != "none", "the card in focus shows it"
    for _ in range(40):  # on through the other cards to the button
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/questions/life-better")
    assert _mat_on_the_check_page(page, live_server) == {
        "Bra": [], "Vet inte": ["Hemma"], "Inte bra": ["Skola, jobb eller daglig verksamhet"]}
    context.close()


def test_sorting_by_tapping_with_targets_big_enough(browser: Browser, live_server: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _to_life_now(page, live_server)
    assert_no_violations(page, "life-now (sv)")
    for area, place in (("health", "good"), ("sleep", "not_sure"), ("money", "not_good")):
        label = page.locator(f"input[name=life_{area}][value={place}] + label")
        box = label.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "on the screen"
        label.tap()
        expect(page.locator(f"input[name=life_{area}][value={place}]")).to_be_checked()
    page.locator("input[name=life_health][value=not_good] + label").tap()  # changed her mind
    expect(page.locator("input[name=life_health][value=good]")).not_to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    with page.expect_navigation():
        page.locator("main form button[type=submit]").tap()
    assert_no_violations(page, "life-better (sv)")
    page.locator("input[name=life_money_better][value=someone_to_talk_to] + label").tap()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").tap()
    assert _mat_on_the_check_page(page, live_server) == {
        "Bra": [], "Vet inte": ["Sömn"], "Inte bra": ["Hälsa", "Pengar"]}
    assert "Skulle hjälpa: Någon att prata med" in page.locator("main .mat").inner_text()
    assert_no_violations(page, "check with the mat (sv)")
    context.close()


def test_sorting_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    _to_life_now(page, live_server)
    page.locator("input[name=life_food][value=good] + label").click()
    page.locator("input[name=life_family][value=not_good] + label").click()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/questions/life-better")
    assert _mat_on_the_check_page(page, live_server) == {
        "Bra": ["Mat"], "Vet inte": [], "Inte bra": ["Familj"]}
    context.close()


def test_listen_reads_each_card_and_its_faces(browser: Browser, live_server: str) -> None:
    page = _page_with_voices(browser, [{"name": "Alva", "lang": "sv-SE", "localService": True}])
    _to_life_now(page, live_server)
    buttons = page.get_by_role("button", name="Lyssna på frågan och svaren")
    expect(buttons).to_have_count(11)
    buttons.nth(2).click()
    spoken = page.evaluate("() => window.__spoken")[0]["text"]
    parts = ["Hälsa", "Bra", "Vet inte", "Inte bra"]
    positions = [spoken.index(part) for part in parts]
    assert positions == sorted(positions), spoken
    page.context.close()
