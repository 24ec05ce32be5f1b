"""What many tests share: a test client that checks every HTML page it fetches, and the
few steps of a journey that tests set up again and again.

The checks are Notify's habit, extended: valid HTML, one ``h1``, a ``<title>`` that starts
with it (after the translated word for error when the page shows errors), an error summary
whose links reach the fields, and ``lang``/``dir`` on ``<html>`` that match each other.
"""

from __future__ import annotations

import re
from typing import Any

import html5lib
from flask import Flask, session
from flask.testing import FlaskClient

from prep import create_app
from prep.languages import direction as text_direction
from prep.web import browser_draft

ERROR_WORD = {"sv": "Fel", "en": "Error"}


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def check_page(html: str) -> Any:
    """Assert the page's structure; return the parsed document for further checks."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(html)  # raises on any parse error

    lang, direction = doc.get("lang"), doc.get("dir")
    assert lang, "<html> has no lang"
    assert direction == text_direction(lang.replace("-", "_")), f"dir={direction!r} vs {lang!r}"

    h1s = doc.findall(".//h1")
    assert len(h1s) == 1, f"expected one h1, found {len(h1s)}"
    title = _text(doc.find(".//title"))
    heading = _text(h1s[0])
    summary = doc.find(".//div[@class='error-summary']")
    expected = heading if summary is None else f"{ERROR_WORD.get(lang, 'Error')}: {heading}"
    assert title.startswith(expected), f"title {title!r} does not start with {expected!r}"

    ids = [el.get("id") for el in doc.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "an id is used twice"
    if summary is not None:
        for link in summary.findall(".//a"):
            target = link.get("href", "")
            assert target.startswith("#") and target[1:] in ids, f"summary link {target!r} is dead"

    for form in doc.findall(".//form"):
        assert form.get("method") == "post" and form.get("action"), "form without post/action"
        assert form.get("novalidate") is not None, "form validates in the browser"
    for label in doc.findall(".//label"):
        assert label.get("for") in ids, f"label for {label.get('for')!r} has no field"
    return doc


class CheckedClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any) -> Any:
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            response.doc = check_page(response.get_data(as_text=True))
        return response



def make_app(database_url: str, **settings: Any) -> Flask:
    """The app as the tests use it: test settings, form tokens off unless asked for, and a
    client that checks every page."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url,
                      "WTF_CSRF_ENABLED": False, **settings})
    app.test_client_class = CheckedClient
    return app


def text_of(response: Any) -> str:
    return _text(response.doc)


CANARY = "canary-9b1e my private words"

#: Answers that walk each path, for tests that need a whole draft at once.
PATHS = {
    "self": {"meeting_kind": "first", "preparing_for": "self", "important": "My garden",
             "meeting_support": ["interpreter"], "interpreter_language": "Tigrinya",
             "invite": ["school", "god_man"], "consent": "talk_first", "consent_school": "yes"},
    "guardian": {"meeting_kind": "first", "preparing_for": "guardian",
                 "child_words": "I like school", "child_attends": "part",
                 "works_well_home": "Mornings"},
    "helper": {"meeting_kind": "first", "preparing_for": "helper", "helper_role": "god_man",
               "person_agrees": "yes", "important": "Her cat"},
    "follow-up": {"meeting_kind": "follow_up", "preparing_for": "self", "goal_1": "A job",
                  "goal_1_status": "partly", "plan_can_end": "no"},
}


def prepare(client: FlaskClient, lang: str = "en") -> None:
    """A person who answers a few questions, as the browser would post them."""
    client.post(f"/questions/who?lang={lang}", data={"preparing_for": "self"})
    client.post("/questions/important", data={"important": CANARY})
    client.post("/questions/goals", data={"goals": "Live on my own"})
    client.post("/questions/meeting-support",
                data={"meeting_support": ["interpreter", "pictures"]})
    client.post("/questions/interpreter",
                data={"interpreter_language": "Tigrinya", "interpreter_mode": "phone"})
    client.post("/questions/meeting-time", data={"meeting_time": "morning"})
    client.post("/questions/consent",
                data={"consent": "yes_with_limits", "consent_limits": "Not my debts"})


def make_link(client: FlaskClient, purpose: str = "share") -> str:
    """Make a link on the done page; its path (the token in it), as the person copies it."""
    response = client.post(f"/links/{purpose}")
    assert response.status_code == 302
    page = client.get("/done")
    field = page.doc.find(f".//input[@id='{purpose}-url']")
    assert field is not None
    return re.sub(r"^https?://[^/]+", "", field.get("value"))


def seed(app: Any, client: FlaskClient, answers: dict, lang: str = "en") -> None:
    """Give ``client`` a draft holding ``answers`` (as if typed), in ``lang``."""
    client.get(f"/?lang={lang}")
    with app.test_request_context(f"/?lang={lang}"):
        browser_draft.change(None, lambda draft: setattr(draft, "answers", dict(answers)))
        cookie = dict(session)
    with client.session_transaction() as sess:
        sess.update(cookie)


def start(client: FlaskClient, meeting: str = "first", path: str = "self") -> None:
    client.post("/questions/meeting?lang=en", data={"meeting_kind": meeting})
    client.post("/questions/who", data={"preparing_for": path})
