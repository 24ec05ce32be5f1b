"""Property-based: whatever a user sends to a form field or a link route, the answer is a
clear 4xx page or safe acceptance — never a 500 — and what is shown is escaped."""

from __future__ import annotations

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
