"""The form token and the session cookie: what an attacker or a slow person would notice."""

from __future__ import annotations

from flask.sessions import SecureCookieSessionInterface

from prep import create_app

from .helpers import CheckedClient, text_of

_WHEN_PAGE_ENDS = "was open for a long time"


def _token(response) -> str:
    return response.doc.find(".//input[@name='csrf_token']").get("value")


def test_a_page_token_works_twice(csrf_app):
    client = csrf_app.test_client()
    token = _token(client.get("/questions/important?lang=en"))
    for text in ("One", "Two"):  # Back and Continue again: the same page token still saves
        response = client.post("/questions/important", data={"important": text,
                                                               "csrf_token": token})
        assert response.status_code == 302


def test_a_token_past_its_time_limit_is_refused_and_the_text_kept(csrf_app, clock):
    client = csrf_app.test_client()
    token = _token(client.get("/questions/important?lang=en"))
    clock.now += csrf_app.config["WTF_CSRF_TIME_LIMIT"] + 10
    response = client.post("/questions/important", data={"important": "Kept text",
                                                          "csrf_token": token})
    assert response.status_code == 200
    assert _WHEN_PAGE_ENDS in text_of(response)
    assert response.doc.find(".//textarea[@id='important']").text == "Kept text"


def test_another_browsers_token_is_refused(csrf_app):
    mine, theirs = csrf_app.test_client(), csrf_app.test_client()
    mine.get("/questions/important?lang=en")
    their_token = _token(theirs.get("/questions/important?lang=en"))
    response = mine.post("/questions/important", data={"important": "Mine",
                                                        "csrf_token": their_token})
    assert response.status_code == 200
    assert _WHEN_PAGE_ENDS in text_of(response)


def test_a_changed_cookie_is_ignored(app, client):
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    client.get("/questions/important?lang=en")
    value = client.get_cookie(cookie_name).value
    client.set_cookie(cookie_name, value[:-3] + ("xyz" if not value.endswith("xyz") else "abc"))
    assert client.get("/questions/important").doc.get("lang") == "sv"


def test_a_cookie_older_than_a_draft_may_live_is_ignored(app, client, clock):
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    plain = SecureCookieSessionInterface().get_signing_serializer(app)
    old = plain.dumps({"lang": "en"})
    clock.now += app.permanent_session_lifetime.total_seconds() + 60
    client.set_cookie(cookie_name, old)
    assert client.get("/questions/important").doc.get("lang") == "sv"
    client.set_cookie(cookie_name, plain.dumps({"lang": "en"}))
    assert client.get("/questions/important").doc.get("lang") == "en"


def test_cookies_signed_with_an_older_key_are_read_after_a_rotation(app):
    old_key, cookie_name = app.secret_key, app.config["SESSION_COOKIE_NAME"]
    cookie = SecureCookieSessionInterface().get_signing_serializer(app).dumps({"lang": "en"})
    rotated = create_app({**app.config, "SECRET_KEY": "a new key",
                          "SECRET_KEY_FALLBACKS": [old_key]})
    stranger = create_app({**app.config, "SECRET_KEY": "someone else's key",
                           "SECRET_KEY_FALLBACKS": []})
    for server, language in ((rotated, "en"), (stranger, "sv")):
        server.test_client_class = CheckedClient
        client = server.test_client()
        client.set_cookie(cookie_name, cookie)
        assert client.get("/questions/important").doc.get("lang") == language
