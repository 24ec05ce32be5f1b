"""Question pages come from a kept shape filled with the person's answers: the result must
be exactly what a fresh render gives, and what is kept must hold no answer."""

from __future__ import annotations

import re

import pytest

from prep.questionnaire import flow
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .test_exports import PATHS, seed

_TOKEN = re.compile(r'(name="csrf_token" type="hidden" value=")[^"]+"')


def _text_of_shape(parts: tuple) -> str:
    """What a kept shape holds, its slots left out (they hold only names, never values)."""
    return "".join(part for part in parts if isinstance(part, str))


def _page(client, url: str) -> str:
    return _TOKEN.sub(r'\1…"', client.get(url).get_data(as_text=True))


@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_a_kept_page_is_the_same_as_a_fresh_one(app, client, path, lang):
    answers = dict(PATHS[path], goals="Ett <b>jobb</b> & \"egen\" lägenhet")
    seed(app, client, answers, lang=lang)
    for page in flow.visible_pages(Q, answers):
        for url in (f"/questions/{page.id}", f"/questions/{page.id}?return_to=check"):
            first = _page(client, url)
            kept = _page(client, url)
            shapes = app.extensions["prep.shapes"]
            shapes.size = 0  # render afresh
            fresh = _page(client, url)
            shapes.size = 512
            assert first == kept == fresh, url


def test_typed_text_and_ticked_boxes_are_filled_in_and_never_kept(app, client):
    answers = dict(PATHS["self"], goals="<script>alert(1)</script> & mer")
    seed(app, client, answers)
    goals = client.get("/questions/goals")
    assert goals.doc.find(".//textarea[@id='goals']").text == answers["goals"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in goals.get_data(as_text=True)
    support = client.get("/questions/meeting-support")
    ticked = [i.get("value") for i in support.doc.iterfind(".//input[@checked]")]
    assert ticked == ["interpreter"]
    for shape in map(_text_of_shape, app.extensions["prep.shapes"]._kept.values()):
        assert "alert(1)" not in shape and "interpreter\" checked" not in shape
        assert "csrf_token" in shape and re.search(r'value="[A-Za-z0-9._-]{20,}"', shape) is None


def test_a_page_with_an_error_is_rendered_for_this_person_only(app, client):
    seed(app, client, PATHS["self"])
    response = client.post("/questions/goals?lang=en", data={"goals": "x" * 2001})
    assert response.status_code == 200
    assert response.doc.find(".//textarea[@id='goals']").text == "x" * 2001
    shapes = app.extensions.get("prep.shapes")
    assert shapes is None or not any("There is a problem" in _text_of_shape(s)
                                     for s in shapes._kept.values())
