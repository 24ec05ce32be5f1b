"""The form token and the session cookie, read and written with less work, accept and
refuse exactly what flask-wtf and Flask's own code accept and refuse."""

from __future__ import annotations

import time

from flask.sessions import SecureCookieSessionInterface

from .conftest import text_of

_WHEN_PAGE_ENDS = "was open for a long time"


def _token(response) -> str:
    return response.doc.find(".//input[@name='csrf_token']").get("value")


def test_a_page_token_works_twice_and_the_same_token_is_handed_out_again(csrf_app):
    client = csrf_app.test_client()
    first = _token(client.get("/questions/important?lang=en"))
    assert _token(client.get("/questions/important")) == first
    for text in ("One", "Two"):  # Back and Continue again: the same page token still saves
        response = client.post("/questions/important", data={"important": text,
                                                               "csrf_token": first})
        assert response.status_code == 302


def test_a_token_past_its_time_limit_is_refused_and_the_text_kept(csrf_app, monkeypatch):
    client = csrf_app.test_client()
    token = _token(client.get("/questions/important?lang=en"))
    later = time.time() + csrf_app.config.get("WTF_CSRF_TIME_LIMIT", 3600) + 10
    monkeypatch.setattr(time, "time", lambda: later)
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


def test_a_token_signed_by_another_worker_is_checked_by_flask_wtf(csrf_app):
    """Each worker remembers only the tokens it signed; another worker's is checked in full."""
    from prep import csrf

    client = csrf_app.test_client()
    token = _token(client.get("/questions/important?lang=en"))
    csrf._signed.clear()  # as if the page had come from another worker
    ok = client.post("/questions/important", data={"important": "Yes", "csrf_token": token})
    assert ok.status_code == 302
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    csrf._signed.clear()
    refused = client.post("/questions/important", data={"important": "No",
                                                         "csrf_token": forged})
    assert refused.status_code == 200


def test_flasks_own_session_cookies_are_read_and_ours_are_read_by_flask(app, client):
    """A deploy must not log anyone out: the cookie format is Flask's, unchanged."""
    plain = SecureCookieSessionInterface().get_signing_serializer(app)
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    client.set_cookie(cookie_name, plain.dumps({"lang": "en"}))
    assert client.get("/questions/important").doc.get("lang") == "en"

    client.get("/questions/important?lang=fi")
    ours = client.get_cookie(cookie_name).value
    assert plain.loads(ours)["lang"] == "fi"


def test_a_changed_cookie_is_ignored(app, client):
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    client.get("/questions/important?lang=en")
    value = client.get_cookie(cookie_name).value
    client.set_cookie(cookie_name, value[:-3] + ("xyz" if not value.endswith("xyz") else "abc"))
    assert client.get("/questions/important").doc.get("lang") == "sv"


def test_a_cookie_older_than_a_draft_may_live_is_ignored(app, client, monkeypatch):
    """The session is checked in one pass of our own; it must keep itsdangerous' time
    limit: a cookie signed longer ago than ``DRAFT_DAYS`` opens nothing."""
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    plain = SecureCookieSessionInterface().get_signing_serializer(app)
    lifetime = app.permanent_session_lifetime.total_seconds()
    monkeypatch.setattr(time, "time", lambda: real_time() - lifetime - 60)
    old = plain.dumps({"lang": "en"})
    monkeypatch.undo()
    client.set_cookie(cookie_name, old)
    assert client.get("/questions/important").doc.get("lang") == "sv"
    client.set_cookie(cookie_name, plain.dumps({"lang": "en"}))
    assert client.get("/questions/important").doc.get("lang") == "en"


def test_cookies_signed_with_an_older_key_are_read_after_a_rotation(app):
    from prep import create_app

    from .conftest import CheckedClient

    old_key, cookie_name = app.secret_key, app.config["SESSION_COOKIE_NAME"]
    plain = SecureCookieSessionInterface().get_signing_serializer(app)
    long_answer = {"lang": "en", "note": "x" * 400}  # long and repetitive: Flask compresses it
    cookies = [plain.dumps({"lang": "en"}), plain.dumps(long_answer)]
    assert not cookies[0].startswith(".") and cookies[1].startswith(".")
    rotated = create_app({**app.config, "SECRET_KEY": "a new key",
                          "SECRET_KEY_FALLBACKS": [old_key]})
    stranger = create_app({**app.config, "SECRET_KEY": "someone else's key",
                           "SECRET_KEY_FALLBACKS": []})
    for cookie in cookies:
        for server, language in ((rotated, "en"), (stranger, "sv")):
            server.test_client_class = CheckedClient
            client = server.test_client()
            client.set_cookie(cookie_name, cookie)
            assert client.get("/questions/important").doc.get("lang") == language


real_time = time.time
