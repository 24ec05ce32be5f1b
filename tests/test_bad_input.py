"""Property-based: whatever a user sends to a form field, a form token or a link route, the
answer is a clear 4xx page or safe acceptance — never a 500 — and what is shown is escaped.
Form tokens are on here, as in production, and the tokens sent are real ones or odd ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prep import create_app
from prep.questionnaire.definition import QUESTIONNAIRE as Q

NASTY = st.one_of(
    st.text(max_size=3000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from([
        "\x00", "\u202e\u202dbidi override", "<script>alert(1)</script>", "😀" * 500,
        '"><img src=x onerror=alert(1)>', "x" * 5000, "\r\n" * 300, "{{ 7*7 }}",
        "%(max)s", "../../etc/passwd",
    ]),
)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELDS = [(page.id, question.id) for page in Q.pages for question in page.questions]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "k",
                       "DATABASE_URL": f"sqlite:///{folder}/bad.sqlite3"})


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """Form tokens on; a person with a draft, a share link and a resume link, and the
    form token their pages carry."""
    folder = tmp_path_factory.mktemp("guarded")
    app = create_app({"TESTING": True, "SECRET_KEY": "k",
                      "DATABASE_URL": f"sqlite:///{folder}/guarded.sqlite3"})
    client = app.test_client()
    token = _TOKEN.search(client.get("/questions/who").get_data(as_text=True)).group(1)
    client.post("/questions/who", data={"preparing_for": "self", "csrf_token": token})
    for purpose in ("share", "resume"):
        client.post(f"/links/{purpose}", data={"csrf_token": token})
    done = client.get("/done").get_data(as_text=True)
    links = dict(re.findall(r'value="https?://[^/"]+/([sr])/([^"]+)"', done))
    return app, client, token, links


_TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
#: Form tokens as an attacker or a broken client sends them.
ODD_TOKENS = st.one_of(
    st.sampled_from(["", "åäö-ŧøкен", "x" * 20_000, "\x00", "a.b.c", "Ω" * 500]),
    st.text(max_size=300),
    st.lists(st.text(max_size=40), min_size=2, max_size=3),
)


def _post_routes(app, links: dict) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            urls.append(rule.rule.replace("<page_id>", "goals").replace("<purpose>", "share")
                        .replace("<token>", links["r"]))
    return sorted(urls)


@SETTINGS
@given(data=st.data())
def test_any_form_token_on_any_post_route_is_handled(guarded, data):
    app, client, token, links = guarded
    url = data.draw(st.sampled_from(_post_routes(app, links)))
    sent = data.draw(st.one_of(st.just(token), ODD_TOKENS))
    value = data.draw(NASTY)
    response = client.post(url, data={"csrf_token": sent, "goals": value, "then": value,
                                      "important": value})
    assert response.status_code < 500, (url, response.status_code)
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


@SETTINGS
@given(field=st.sampled_from(FIELDS), value=NASTY)
def test_any_value_with_a_real_token_is_handled(guarded, field, value):
    app, client, token, _links = guarded
    page_id, question_id = field
    response = client.post(f"/questions/{page_id}",
                           data={question_id: value, "csrf_token": token})
    assert response.status_code in (200, 302, 400, 413), response.status_code


@SETTINGS
@given(field=st.sampled_from(FIELDS), value=NASTY, extra=st.dictionaries(
    st.text(max_size=20), st.text(max_size=50), max_size=3))
def test_any_value_in_any_field_is_handled(app, field, value, extra):
    page_id, question_id = field
    client = app.test_client()
    response = client.post(f"/questions/{page_id}", data={**extra, question_id: value})
    assert response.status_code in (200, 302, 400, 413), response.status_code
    body = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "onerror=alert(1)>" not in body


@SETTINGS
@given(token=st.text(max_size=400), tail=st.sampled_from(["", "/pdf", "/fhir"]),
       kind=st.sampled_from(["s", "r"]))
def test_any_link_token_is_404_or_410(app, token, tail, kind):
    if kind == "r" and tail:
        tail = ""
    response = app.test_client().get(f"/{kind}/{token}{tail}")
    assert response.status_code in (404, 410, 308, 301), response.status_code


@SETTINGS
@given(raw=st.binary(max_size=5000))
def test_any_uploaded_file_is_refused_clearly(app, raw):
    import io

    response = app.test_client().post(
        "/answers/load", data={"file": (io.BytesIO(raw), "f.json")},
        content_type="multipart/form-data")
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("url", ["/", "/questions/goals", "/check", "/done", "/links/share",
                                 "/s/abc", "/answers/load"])
def test_wrong_methods_are_405(app, method, url):
    assert app.test_client().open(url, method=method).status_code == 405


def test_oversized_body_is_413_page(app):
    response = app.test_client().post("/questions/goals?lang=en",
                                      data={"goals": "x" * (300 * 1024)})
    assert response.status_code == 413
    assert b"too long to send" in response.data


def test_invalid_utf8_form_data_is_handled(app):
    response = app.test_client().post(
        "/questions/goals", data=b"goals=%ff%fe%00abc",
        content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 302, 400)
