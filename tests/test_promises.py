"""The README's promises, tried as an attacker and as a clumsy user would (issue 16).

Each test names the promise it holds to. Two tabs are two requests with the same cookie;
"a save that read the draft before" is a request whose draft was read, then changed by
another request before it saved.
"""

from __future__ import annotations

import json
import re

import pytest

from prep.keeping import drafts
from prep.keeping import store as store_module
from prep.web import browser_draft

from .helpers import CANARY, make_app, make_link, prepare, text_of

_TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')


def _token(client, url: str) -> str:
    return _TOKEN.search(client.get(url).get_data(as_text=True)).group(1)


def _drafts(app) -> int:
    with app.extensions["prep.store"].engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM drafts").scalar()


# 1. A resume link never takes over a browser by itself.

def test_opening_someone_elses_resume_link_changes_nothing_until_asked(app):
    attacker, victim = app.test_client(), app.test_client()
    prepare(attacker)
    link = make_link(attacker, "resume")
    victim.post("/questions/who?lang=en", data={"preparing_for": "self"})
    victim.post("/questions/goals", data={"goals": "The victim's own goal"})

    shown = victim.get(link + "?lang=en")
    assert shown.status_code == 200
    text = text_of(shown)
    assert "saved on another phone or computer" in text
    assert "already has answers of its own" in text
    assert shown.doc.find(".//form[@method='post']") is not None
    assert "The victim's own goal" in text_of(victim.get("/check")), "a GET adopts nothing"
    assert CANARY not in text_of(victim.get("/check"))

    victim.post(link)  # the victim presses "go on with the answers from the link"
    assert CANARY in text_of(victim.get("/check"))
    assert _drafts(app) == 1, "the victim was told: their own draft is deleted, not orphaned"


# 2. Stopping a resume link cuts off every device that opened it.

def test_stopping_a_resume_link_cuts_off_every_device_that_opened_it(app, client):
    prepare(client)
    link = make_link(client, "resume")
    other = app.test_client()
    other.post(link)
    assert CANARY in text_of(other.get("/check"))
    stopped = client.post("/links/resume/stop")
    page = text_of(client.get(stopped.headers["Location"] + "&lang=en"))
    assert "can no longer see your answers" in page
    assert other.get("/check").status_code == 302, "the other phone is cut off"
    assert CANARY in text_of(client.get("/check")), "this phone keeps its answers"
    assert other.get(link).status_code == 410
    assert _drafts(app) == 1, "the old row is gone"


# 3. A draft lives DRAFT_DAYS after its last save.

def test_a_draft_lives_its_days_after_the_last_save_not_the_first(app, client, clock):
    client.post("/questions/who", data={"preparing_for": "self"})
    for day in (10, 20, 29):
        clock.now += 10 * 86400 if day < 29 else 9 * 86400
        client.post("/questions/goals", data={"goals": f"Saved on day {day}"})
    clock.now += 29 * 86400  # day 58: 29 days after the last save
    assert "Saved on day 29" in text_of(client.get("/check"))
    clock.now += 2 * 86400  # day 60: 31 days after the last save
    assert client.get("/check").status_code == 302


# 4. Never a 500 from what a client sends.

@pytest.mark.parametrize("value", [{"id": 1, "key": "x"}, "a string", ["a", "list"], 7, None])
def test_a_cookie_with_a_value_of_the_wrong_type_opens_nothing(app, client, value):
    with client.session_transaction() as session:
        session["draft"] = value
        session["lang"] = ["not", "a", "language"]
    assert client.get("/check").status_code == 302
    assert client.get("/questions/goals").status_code == 200


def test_an_odd_form_token_in_the_cookie_is_replaced(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 't.sqlite3'}", WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with client.session_transaction() as session:
        session["csrf_token"] = 12345
    token = _token(client, "/questions/goals")
    assert client.post("/questions/goals", data={"goals": "x", "csrf_token": token}
                       ).status_code == 302


def test_a_deeply_nested_answers_file_is_refused_kindly(app, client):
    import io

    nested = b"[" * 90_000 + b"]" * 90_000  # under the size limit
    response = client.post("/answers/load?lang=en", data={"file": (io.BytesIO(nested), "a")},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and "cannot be read" in text_of(response)


def test_a_resume_link_whose_draft_cannot_be_read_is_a_503(app, client, monkeypatch):
    prepare(client)
    link = make_link(client, "resume")

    def down(*args, **kwargs):
        raise store_module.StoreError("down", None, None)

    monkeypatch.setattr(store_module.Store, "load_draft", down)
    response = app.test_client().get(link + "?lang=en")
    assert response.status_code == 503
    assert "not working right now" in text_of(response)


# 5. Stop and delete are final, even against a second tab.

def _stale(client):
    """The draft as a request that started now reads it (before the other tab acts)."""
    app = client.application
    serializer = app.session_interface.get_signing_serializer(app)
    ref = serializer.loads(client.get_cookie("prep").value)["draft"]
    return drafts.load(app.extensions["prep.store"], ref["id"], ref["key"], 10**9)


def test_a_save_that_read_the_draft_before_stop_sharing_does_not_undo_it(app, client,
                                                                         monkeypatch):
    prepare(client)
    link = make_link(client)
    stale = _stale(client)  # tab one has read the draft ...
    client.post("/links/share/stop")  # ... tab two stops sharing ...
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    saved = client.post("/questions/goals", data={"goals": "Typed in tab one"})  # ... tab one
    monkeypatch.undo()
    assert saved.status_code == 302
    assert app.test_client().get(link).status_code == 410
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT ciphertext FROM links").scalar() == b""
    done = client.get("/done?lang=en")
    assert done.doc.find(".//input[@id='share-url']") is None, "the link stays stopped"
    assert "Typed in tab one" in text_of(client.get("/check")), "and the typing is kept"


def test_a_save_in_flight_during_delete_everything_does_not_bring_it_back(app, client,
                                                                          monkeypatch):
    prepare(client)
    stale = _stale(client)
    client.post("/delete")
    assert _drafts(app) == 0
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    response = client.post("/questions/goals?lang=en", data={"goals": "Typed in tab one"})
    monkeypatch.undo()
    assert response.status_code == 409
    assert "were deleted" in text_of(response)
    assert response.doc.find(".//textarea[@id='goals']").text == "Typed in tab one"
    assert _drafts(app) == 0, "the deleted draft never comes back"


def test_delete_everything_from_a_tab_that_read_the_draft_before_a_link_was_made(
        app, client, monkeypatch):
    prepare(client)
    stale = _stale(client)  # tab one has read the draft ...
    link = make_link(client)  # ... tab two makes a link ...
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    client.post("/delete")  # ... tab one deletes everything
    monkeypatch.undo()
    assert _drafts(app) == 0
    assert app.test_client().get(link).status_code == 410, "the new link is stopped too"


def test_stopping_resume_links_from_a_stale_tab_keeps_what_another_tab_did(
        app, client, monkeypatch):
    prepare(client)
    resume = make_link(client, "resume")
    stale = _stale(client)  # tab one has read the draft ...
    share = make_link(client)  # ... tab two makes a share link and types more ...
    client.post("/questions/needs", data={"needs": "Typed in tab two"})
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    client.post("/links/resume/stop")  # ... tab one stops the resume link
    monkeypatch.undo()
    assert _drafts(app) == 1, "the draft moved; its old row is gone"
    elsewhere = app.test_client()
    assert elsewhere.get(resume).status_code == 410
    assert elsewhere.post(resume).status_code == 410, "no device can take it over"
    assert app.test_client().get(share).status_code == 200, "tab two's link still works"
    assert "Typed in tab two" in text_of(client.get("/check"))


def test_two_tabs_saving_different_pages_keep_both_answers(app, client, monkeypatch):
    prepare(client)
    stale = _stale(client)
    client.post("/questions/needs", data={"needs": "Typed in tab two"})
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    client.post("/questions/goals", data={"goals": "Typed in tab one"})
    monkeypatch.undo()
    check = text_of(client.get("/check"))
    assert "Typed in tab one" in check and "Typed in tab two" in check


# 6. Faults keep the text, and the page tells the truth.

def test_a_database_that_cannot_be_read_keeps_every_posted_field(tmp_path):
    app = make_app("postgresql://nobody@127.0.0.1:1/none")
    response = app.test_client().post("/questions/support-details?lang=en", data={
        "support_from_school": "A resource teacher", "support_from_health_centre": "A nurse"})
    assert response.status_code == 503
    assert response.doc.find(".//textarea[@id='support_from_school']").text == \
        "A resource teacher"
    assert response.doc.find(".//textarea[@id='support_from_health_centre']").text == "A nurse"


def test_the_draft_and_its_share_copy_are_saved_together_or_not_at_all(app, client):
    from sqlalchemy import event

    prepare(client)
    link = make_link(client)
    engine = app.extensions["prep.store"].engine

    def refuse_link_writes(conn, cursor, statement, *args):
        if statement.startswith("UPDATE links"):
            raise store_module.StoreError("the disk is full", None, None)

    event.listen(engine, "before_cursor_execute", refuse_link_writes)
    try:
        response = client.post("/questions/goals?lang=en", data={"goals": "Half saved?"})
    finally:
        event.remove(engine, "before_cursor_execute", refuse_link_writes)
    assert response.status_code == 503 and "could not save" in text_of(response)
    assert "Half saved?" not in text_of(client.get("/check")), "neither the draft ..."
    assert "Half saved?" not in text_of(app.test_client().get(link)), "... nor the copy"


# 7. Privacy actions never silently do nothing.

@pytest.mark.parametrize("url", ["/delete", "/links/share/stop"])
def test_delete_or_stop_with_an_expired_token_says_to_press_again(tmp_path, url, clock):
    app = make_app(f"sqlite:///{tmp_path / 't.sqlite3'}", WTF_CSRF_ENABLED=True)
    client = app.test_client()
    client.post("/questions/who", data={"preparing_for": "self",
                                        "csrf_token": _token(client, "/questions/who")})
    client.post("/links/share", data={"csrf_token": _token(client, "/done")})
    old = _token(client, "/delete")
    clock.now += app.config["WTF_CSRF_TIME_LIMIT"] + 60
    response = client.post(url + "?lang=en", data={"csrf_token": old})
    assert response.status_code == 400
    assert "was open for a long time, so nothing was done" in text_of(response)
    assert response.doc.find(".//form[@method='post']") is not None, "the button is there"
    assert _drafts(app) == 1
    assert client.get("/done").doc.find(".//input[@id='share-url']") is not None


# 9. Every page of a link is private.

def _private(response) -> None:
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert "noindex" in response.headers["X-Robots-Tag"]


def _language_links(response) -> list[str]:
    return [a.get("href") for a in response.doc.findall(".//details[@class='langs']//a")]


def test_every_answer_under_a_link_is_private_and_names_no_token(app, client, tmp_path):
    prepare(client)
    share, resume = make_link(client), make_link(client, "resume")
    client.post("/links/resume/stop")
    token = share.rsplit("/", 1)[1]
    answers = {
        200: app.test_client().get(share),
        404: app.test_client().get("/s/" + "x" * 40),
        410: app.test_client().get(resume),
    }
    limited = make_app(f"sqlite:///{tmp_path / 'l.sqlite3'}", RATELIMIT_ENABLED=True,
                       LINK_OPEN_LIMIT="1 per minute")
    visitor = limited.test_client()
    visitor.get("/s/" + "y" * 40)
    answers[429] = visitor.get("/s/" + "y" * 40)
    down = make_app("postgresql://nobody@127.0.0.1:1/none")
    answers[503] = down.test_client().get(share)
    for status, response in answers.items():
        assert response.status_code == status
        _private(response)
        for href in _language_links(response):
            assert token not in href and "/s/" not in href and "/r/" not in href, href


# 10. Rate limits mean what they say: one count per client across the link routes.

def test_opening_counts_once_across_every_link_route(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'l.sqlite3'}", RATELIMIT_ENABLED=True,
                   LINK_OPEN_LIMIT="4 per minute", LINK_CREATE_LIMIT="2 per hour")
    client = app.test_client()
    prepare(client)
    url = make_link(client)
    visitor = app.test_client()
    statuses = [visitor.get(path).status_code
                for path in (url, url + "/pdf", url + "/fhir", "/r/nothing", url)]
    assert statuses[:3] == [200, 200, 200] and statuses[4] == 429
    assert client.post("/links/resume").status_code == 302
    assert client.post("/links/resume").status_code == 429, "making counts across purposes"


def test_the_owners_pdf_is_limited_too(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'p.sqlite3'}", RATELIMIT_ENABLED=True,
                   PDF_LIMIT="2 per hour")
    client = app.test_client()
    prepare(client)
    assert [client.get("/pdf").status_code for _ in range(3)] == [200, 200, 429]


# 11. Nothing typed is lost to a size limit.

def test_every_typed_field_stops_at_the_servers_limit(client):
    from prep.questionnaire.definition import QUESTIONNAIRE as Q

    checked = 0
    for page in Q.pages:
        response = client.get(f"/questions/{page.id}")
        if response.status_code != 200:
            continue
        for question in page.questions:
            field = response.doc.find(f".//*[@name='{question.id}']")
            if field is not None and not question.kind.choice:
                assert field.get("maxlength") == str(question.limit), question.id
                checked += 1
    assert checked > 10


def test_the_largest_page_a_person_can_send_fits_the_request_limit(app):
    """Every field full of four-byte characters, percent-encoded: still under the limit."""
    from prep.questionnaire.definition import QUESTIONNAIRE as Q

    largest = max(sum(len(q.id) + 2 + (q.limit or 40) * 12 for q in page.questions)
                  for page in Q.pages)
    assert largest + 1024 < app.config["MAX_CONTENT_LENGTH"]


def test_a_post_over_the_size_limit_answers_with_our_own_page(client):
    response = client.post("/questions/goals?lang=en", data={"goals": "x" * 300_000})
    assert response.status_code == 413
    assert "nothing was saved" in text_of(response)


# 8. The request log is written, in production as in development.

def test_production_writes_one_json_line_per_request_without_address_or_token(
        tmp_path, monkeypatch, capfd):
    from prep import create_app
    from prep.web.routes import pages

    monkeypatch.delenv("PREP_ENV", raising=False)
    app = create_app({"SECRET_KEY": "k" * 40, "PUBLIC_BASE_URL": "https://sip.example",
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}",
                      "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": False})
    client = app.test_client()
    capfd.readouterr()
    client.post("/questions/who", data={"preparing_for": "self"},
                environ_base={"REMOTE_ADDR": "203.0.113.9"})
    client.get("/s/secret-token-abc", environ_base={"REMOTE_ADDR": "203.0.113.9"})

    def boom(*args, **kwargs):
        raise ValueError(f"failed on {CANARY}")

    monkeypatch.setattr(pages, "render_template", boom)
    assert client.get("/").status_code == 500
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line]
    requests = [line for line in lines if line["logger"] == "prep.requests"]
    assert [r["route"] for r in requests] == ["/questions/<page_id>", "/s/<token>", "/"]
    assert [r["status"] for r in requests] == [302, 404, 500]
    assert all("ms" in r and "ip" not in r for r in requests)
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert errors and errors[0]["error"] == "ValueError" and errors[0]["where"]
    logged = json.dumps(lines)
    assert "203.0.113.9" not in logged and "secret-token-abc" not in logged
    assert "canary" not in logged


def test_addresses_are_logged_only_when_asked(tmp_path, caplog):
    app = make_app(f"sqlite:///{tmp_path / 'a.sqlite3'}", LOG_IP_ADDRESSES=True)
    caplog.set_level("INFO", logger="prep.requests")
    app.test_client().get("/", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert [r.fields.get("ip") for r in caplog.records if r.name == "prep.requests"] == \
        ["203.0.113.9"]
