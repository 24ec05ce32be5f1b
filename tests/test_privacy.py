"""Nothing of one person reaches another person's pages, and no POST works without the
person's own form token: the two promises a shared cache or a new view would break first."""

from __future__ import annotations

import re

import pytest

from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import make_app

#: The choices that open every page of each path for person A.
PATH_CHOICES = {
    "self": {"meeting_kind": "first", "preparing_for": "self"},
    "guardian": {"meeting_kind": "first", "preparing_for": "guardian"},
    "helper": {"meeting_kind": "first", "preparing_for": "helper"},
    "follow-up": {"meeting_kind": "follow_up", "preparing_for": "self"},
}
OPENING = {"consent": "yes_with_limits", "needs_changed": "yes"}
_TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')


def _token(client, url: str) -> str:
    found = _TOKEN.search(client.get(url).get_data(as_text=True))
    return found.group(1) if found else ""


def _post(client, url: str, data: dict):
    return client.post(url, data={**data, "csrf_token": _token(client, url)})


def _a_answers(page_id: str, tag: str, choices: dict) -> dict:
    """Everything on the page answered: unique text, the opening choice of every radio
    group, every box that is not "none of these"."""
    data = {}
    for question in Q.page(page_id).questions:
        if not question.kind.choice:
            data[question.id] = f"{tag}-{question.id}"
        elif question.kind.many:
            data[question.id] = [o.value for o in question.options if not o.exclusive]
        else:
            data[question.id] = choices.get(question.id) or OPENING.get(question.id) \
                or question.options[0].value
    return data


def _b_answers(page_id: str, choices: dict) -> dict:
    """Person B chooses otherwise wherever they can: the last option, or "none"."""
    data = {}
    for question in Q.page(page_id).questions:
        if question.kind.choice and question.id in choices:
            data[question.id] = choices[question.id]
        elif question.kind.many:
            data[question.id] = [question.options[-1].value]
        elif question.kind.choice:
            data[question.id] = question.options[-1].value
    return data


def _walk(client, answers_for) -> list[str]:
    """Save every page from the first to check answers; the pages seen."""
    url, seen = "/questions/meeting", []
    while url.startswith("/questions/"):
        page_id = url.split("/")[2].split("?")[0]
        seen.append(page_id)
        response = _post(client, url, answers_for(page_id))
        assert response.status_code == 302, (page_id, response.status_code)
        url = response.headers["Location"]
        assert len(seen) < 60
    return seen


@pytest.fixture
def app(tmp_path):
    return make_app(f"sqlite:///{tmp_path / 'privacy.sqlite3'}", WTF_CSRF_ENABLED=True)


def test_no_page_shows_one_persons_answers_or_links_to_another(app):
    secrets: set[str] = set()
    for path, choices in PATH_CHOICES.items():
        a = app.test_client()
        tag = f"only-a-{path}-71c"
        _walk(a, lambda page_id, tag=tag, choices=choices: _a_answers(page_id, tag, choices))
        secrets.add(tag)
        for purpose in ("share", "resume"):
            a.post(f"/links/{purpose}", data={"csrf_token": _token(a, "/done")})
        done = a.get("/done").get_data(as_text=True)
        tokens = re.findall(r'value="https?://[^"]+/[sr]/([^"]+)"', done)
        assert len(tokens) == 2, "person A made both links"
        secrets.update(tokens)
        # A's pages are all seen (and rendered) before B's, as a shared cache would want.
        for page in Q.pages:
            a.get(f"/questions/{page.id}")
            a.get(f"/questions/{page.id}?return_to=check")
        a.get("/check")

    for path, choices in PATH_CHOICES.items():
        b = app.test_client()
        _walk(b, lambda page_id, choices=choices: _b_answers(page_id, choices))
        chosen = {(k, v) for page in Q.pages for k, values in _b_answers(page.id, choices).items()
                  for v in (values if isinstance(values, list) else [values])}
        urls = [f"/questions/{page.id}{query}" for page in Q.pages
                for query in ("", "?return_to=check")] + ["/check", "/done", "/"]
        pages = [(url, b.get(url).get_data(as_text=True)) for url in urls]
        too_long = _post(b, "/questions/goals", {"goals": "x" * 2500})
        expired = b.post("/questions/important", data={"important": "b", "csrf_token": "old"})
        pages += [("goals, too long", too_long.get_data(as_text=True)),
                  ("important, expired form", expired.get_data(as_text=True))]
        for url, html in pages:
            for secret in secrets:
                assert secret not in html, (path, url, secret)
            for name, value in re.findall(r'name="([a-z0-9_]+)" value="([^"]*)" checked', html):
                assert (name, value) in chosen, (path, url, name, value)
        assert "The link works until" not in dict(pages)["/done"]


def _fill(rule: str, token: str) -> str:
    return (rule.replace("<page_id>", "goals").replace("<purpose>", "share")
            .replace("<token>", token))


def test_every_post_route_refuses_a_missing_form_token(app):
    """A view added later is protected without asking: CSRFProtect covers every POST."""
    client = app.test_client()
    _post(client, "/questions/who", {"preparing_for": "self"})  # a draft to act on
    other = app.test_client()  # someone else's resume link, opened here
    _post(other, "/questions/who", {"preparing_for": "helper"})
    other.post("/links/resume", data={"csrf_token": _token(other, "/done")})
    resume = re.search(r'/r/([^"]+)"', other.get("/done").get_data(as_text=True)).group(1)
    posts = sorted(rule.rule for rule in app.url_map.iter_rules() if "POST" in rule.methods)
    assert len(posts) >= 5, posts
    for rule in posts:
        response = client.post(_fill(rule, resume) + "?lang=en", data={"goals": "Refused"})
        assert response.status_code in (200, 400), (rule, response.status_code)
        assert "was open for a long time" in response.get_data(as_text=True), rule
    assert client.get("/check").status_code == 200, "the draft is still there"
    assert "Refused" not in client.get("/check").get_data(as_text=True)
