"""WCAG 2.2 AA beyond what axe can see: keyboard only, reflow at 320 px (and so at 400 %
zoom), visible focus, target sizes, forced colours, reduced motion, and the Listen button.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from .helpers import JOURNEYS, PHONE, assert_no_violations, fill_page, fill_past_the_limit

#: 400 % zoom of a 1280 px wide window leaves 320 CSS pixels: the same layout as a 320 px
#: phone. WCAG 1.4.10 asks for no scrolling in two directions at that width.
NARROW = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}

INFO_PAGES = ["/", "/what-is-sip", "/privacy", "/accessibility", "/about", "/answers/load",
              "/check", "/done"]


def _journey_urls(page: Page, base: str, lang: str, journey: str = "self") -> list[str]:
    """Walk a journey (filling everything in) and return the URL of every page seen."""
    page.goto(f"{base}/questions/meeting?lang={lang}")
    urls = []
    step = 0
    while "/questions/" in page.url:
        step += 1
        urls.append(page.url)
        fill_page(page, step, JOURNEYS[journey])
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("load")
        assert step < 40
    return urls


def _no_sideways_scroll(page: Page, where: str) -> None:
    page.wait_for_load_state("load")
    overflow = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')].filter(e => {
            const box = e.getBoundingClientRect();
            // Entirely off screen is the hidden-until-focused skip link: no scrolling.
            const offscreen = box.right <= 0 || box.left >= width;
            return box.width > 0 && !offscreen && (box.right > width + 1 || box.left < -1);
        }).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
        return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
    }""")
    assert overflow["scroll"] <= overflow["width"] and not overflow["wide"], (where, overflow)


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_every_page_fits_320_px_without_sideways_scrolling(browser: Browser, live_server: str,
                                                           lang: str, artifacts) -> None:
    context = browser.new_context(**NARROW)
    page = context.new_page()
    for url in _journey_urls(page, live_server, lang, "guardian"):
        page.goto(url)
        _no_sideways_scroll(page, url)
    for path in INFO_PAGES:
        page.goto(f"{live_server}{path}")
        _no_sideways_scroll(page, path)
    # An error, with a long word typed, is the widest state a page has.
    page.goto(f"{live_server}/questions/goals")
    fill_past_the_limit(page, "#goals", "Långtordutanmellanrumsomintegårattbryta" * 60)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    _no_sideways_scroll(page, "goals with an error")
    page.screenshot(path=str(artifacts / f"320px-{lang}-error.png"), full_page=True)
    page.goto(f"{live_server}/questions/meeting-support")
    page.screenshot(path=str(artifacts / f"320px-{lang}-meeting-support.png"), full_page=True)
    context.close()


def test_text_spacing_and_400_percent_zoom_keep_everything_readable(browser: Browser,
                                                                    live_server: str) -> None:
    """WCAG 1.4.12: more space between lines, words and letters hides nothing."""
    context = browser.new_context(bypass_csp=True, **NARROW)  # to add the test's own style
    page = context.new_page()
    page.goto(f"{live_server}/questions/meeting-support?lang=sv")
    page.add_style_tag(content="* { line-height: 1.5 !important; letter-spacing: .12em !important;"
                               " word-spacing: .16em !important; }"
                               " p { margin-bottom: 2em !important; }")
    _no_sideways_scroll(page, "meeting-support with text spacing")
    clipped = page.evaluate("""() => [...document.querySelectorAll('label, legend, p, a, button')]
        .filter(e => e.scrollHeight > e.clientHeight + 2
                     && getComputedStyle(e).overflow !== 'visible')
        .map(e => e.textContent.trim().slice(0, 40))""")
    assert not clipped, clipped
    context.close()


def _focus_is_visible(page: Page) -> dict:
    """How the focused element differs from its unfocused self: outline, shadow or colour."""
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
            && s.outlineColor !== 'rgba(0, 0, 0, 0)';
        const shadow = s.boxShadow !== 'none';
        const background = s.backgroundColor === 'rgb(255, 221, 0)';  // the focus yellow
        return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 30),
                visible: outline || shadow || background};
    }""")


def _tab_to(page: Page, matches: str, limit: int = 80) -> list[dict]:
    """Press Tab until the focused element matches the CSS selector; check every stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = _focus_is_visible(page)
        stops.append(focus)
        assert focus["visible"], f"focus is not visible on {focus}"
        if page.evaluate("(selector) => document.activeElement.matches(selector)", matches):
            return stops
    raise AssertionError(f"Tab never reached {matches}; stops: {stops[-10:]}")


def _enter_and_wait(page: Page) -> None:
    """Enter on a link or a submit button, and wait for the next page to load."""
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def test_the_whole_journey_with_a_keyboard_only(page: Page, live_server: str) -> None:
    """No mouse, no touch: Tab, Space, arrows, typing and Enter, from the start to the
    summary; focus is visible at every stop."""
    page.goto(f"{live_server}/?lang=en")
    _tab_to(page, "main a.button")
    _enter_and_wait(page)
    steps = 0
    typed = []
    while "/questions/" in page.url:
        steps += 1
        first = page.locator("main form input:not([type=hidden]), main form textarea").first
        selector = "main form input:not([type=hidden]), main form textarea"
        _tab_to(page, selector)
        kind = first.get_attribute("type") or "textarea"
        if kind == "radio":
            page.keyboard.press("Space")
            if "who" in page.url:  # choose "for my child" with the arrow keys
                page.keyboard.press("ArrowDown")
        elif kind == "checkbox":
            page.keyboard.press("Space")
        else:
            page.keyboard.type(f"Written with the keyboard {steps}")
            typed.append(steps)
        _tab_to(page, "main form button[type=submit]")
        _enter_and_wait(page)
        assert steps < 40
    assert page.url.split("?")[0].endswith("/check")
    assert typed, "the keyboard reached no text box"
    expect(page.locator("main")).to_contain_text(f"Written with the keyboard {typed[0]}")
    _tab_to(page, "main a.button")
    _enter_and_wait(page)
    assert page.url.endswith("/done")
    # Making a link is a button press too.
    _tab_to(page, "form[action='/links/share'] button")
    page.keyboard.press("Enter")
    expect(page.locator("#share-url")).to_be_visible()


def test_skip_link_is_the_first_stop_and_moves_focus(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/questions/goals?lang=sv")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    assert page.locator("a.skip").bounding_box()["height"] >= 24
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("path", ["/", "/questions/meeting-support", "/questions/goals", "/done"])
def test_targets_are_at_least_24_px(page: Page, live_server: str, path: str) -> None:
    """WCAG 2.5.8: every control and every link that stands on its own is at least
    24 × 24 px. Links inside a sentence are exempt (they flow with the text)."""
    page.goto(f"{live_server}/questions/meeting?lang=sv")  # a draft, so /done shows
    page.goto(f"{live_server}{path}")
    small = page.evaluate("""() => [...document.querySelectorAll(
            'a[href], button, input:not([type=hidden]), textarea, select, summary')]
        .filter(e => e.offsetParent !== null)
        .filter(e => {
            if (e.tagName === 'A') {
                const block = e.parentElement;
                const alone = block.textContent.trim() === e.textContent.trim();
                if (!alone && getComputedStyle(e).display === 'inline') return false;
            }
            const box = e.getBoundingClientRect();
            return box.width < 24 || box.height < 24;
        })
        .map(e => `${e.tagName} "${(e.textContent || e.name).trim().slice(0, 30)}" `
                  + `${Math.round(e.getBoundingClientRect().width)}×`
                  + `${Math.round(e.getBoundingClientRect().height)}`)""")
    assert not small, small


def test_forced_colours_keep_controls_and_focus_visible(browser: Browser, live_server: str,
                                                        artifacts) -> None:
    """Windows high contrast: borders and focus come from system colours, not from
    backgrounds (which forced colours remove)."""
    context = browser.new_context(forced_colors="active", **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/questions/meeting-support?lang=sv")
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    button = page.locator("main form button[type=submit]")
    assert button.evaluate("e => getComputedStyle(e).borderTopStyle") != "none"
    button.focus()
    outline = button.evaluate("e => [getComputedStyle(e).outlineStyle,"
                              " getComputedStyle(e).outlineWidth]")
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2
    box = page.locator("input[type=checkbox]").first
    assert box.evaluate("e => getComputedStyle(e).forcedColorAdjust") != "none"
    page.keyboard.press("Tab")
    page.screenshot(path=str(artifacts / "forced-colors-meeting-support.png"), full_page=True)
    assert_no_violations(page, "meeting-support in forced colours")
    context.close()


def test_reduced_motion_turns_off_every_transition(browser: Browser, live_server: str) -> None:
    context = browser.new_context(reduced_motion="reduce", **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/questions/meeting-support?lang=sv")
    moving = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none'
            || s.scrollBehavior === 'smooth';
    }).map(e => e.tagName)""")
    assert not moving, moving
    context.close()


_VOICES = """
(voices) => {
    const spoken = [];
    window.__spoken = spoken;
    Object.defineProperty(window, 'speechSynthesis', {value: {
        getVoices: () => voices, speaking: false,
        speak: (u) => { spoken.push({text: u.text, lang: u.lang, voice: u.voice.name});
                        setTimeout(() => u.onend && u.onend(), 50); },
        cancel: () => {}, addEventListener: () => {}, removeEventListener: () => {},
    }});
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
}
"""


def _page_with_voices(browser: Browser, voices: list[dict]) -> Page:
    context = browser.new_context(**PHONE)
    context.add_init_script(script=f"({_VOICES})({json.dumps(voices)})")
    return context.new_page()


def test_listen_reads_the_question_and_hint_with_a_voice_on_the_phone(
    browser: Browser, live_server: str
) -> None:
    page = _page_with_voices(browser, [
        {"name": "Cloud", "lang": "sv-SE", "localService": False},
        {"name": "Alva", "lang": "sv-SE", "localService": True},
    ])
    page.goto(f"{live_server}/questions/goals?lang=sv")
    listen = page.get_by_role("button", name="Lyssna på frågan")
    expect(listen).to_be_visible()
    assert listen.bounding_box()["height"] >= 24
    listen.click()
    spoken = page.evaluate("() => window.__spoken")
    assert spoken[0]["voice"] == "Alva", "a voice on the phone, never the cloud one"
    assert "Vad vill du uppnå eller ändra på?" in spoken[0]["text"]
    assert "Planen ska hjälpa" in spoken[0]["text"]  # the hint too
    assert_no_violations(page, "goals with the Listen button")
    page.context.close()


def test_no_listen_button_with_only_a_remote_voice_or_none_for_the_language(
    browser: Browser, live_server: str
) -> None:
    page = _page_with_voices(browser, [
        {"name": "Cloud", "lang": "sv-SE", "localService": False},
        {"name": "Maria", "lang": "en-GB", "localService": True},
    ])
    page.goto(f"{live_server}/questions/goals?lang=sv")
    page.wait_for_load_state("load")
    expect(page.locator("button.listen")).to_be_hidden()
    page.goto(f"{live_server}/questions/goals?lang=ti")  # no Tigrinya voice at all
    expect(page.locator("button.listen")).to_be_hidden()
    page.context.close()


def test_no_listen_button_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server}/questions/goals?lang=sv")
    expect(page.locator("button.listen")).to_be_hidden()
    context.close()


def test_pictograms_sit_beside_their_text_and_are_decorative(page: Page, live_server: str,
                                                              artifacts) -> None:
    page.goto(f"{live_server}/questions/meeting-support?lang=sv")
    pictures = page.locator("main img.pic")
    assert pictures.count() >= 8
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        assert picture.get_attribute("alt") == ""
        assert picture.evaluate("e => e.complete && e.naturalWidth > 0"), "the file loads"
    label = page.locator("label[for=meeting_support]")
    assert label.locator("img.pic").count() == 1 and label.inner_text().strip()
    page.screenshot(path=str(artifacts / "pictograms-meeting-support.png"), full_page=True)
