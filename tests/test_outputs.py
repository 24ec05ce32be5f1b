"""The hand-over: share link, resume link, the contact person's page, and their lifecycles."""

from __future__ import annotations

import logging

import pytest

from prep import create_app
from prep.keeping import links

from .helpers import CANARY, CheckedClient, make_link, prepare, text_of


def test_done_page_offers_pdf_share_resume_and_delete(client):
    prepare(client)
    response = client.get("/done?lang=en")
    text = text_of(response)
    assert response.doc.find(".//a[@href='/pdf']") is not None
    for words in ("Make a link for my contact person", "Make a link to continue",
                  "Delete everything"):
        assert words in text


def test_done_page_needs_a_draft(client):
    assert client.get("/done").status_code == 302


def test_share_link_shows_link_expiry_and_qr_code_without_javascript(client, clock):
    prepare(client)
    make_link(client)
    doc = client.get("/done?lang=en").doc
    assert doc.find(".//input[@id='share-url']").get("readonly") is not None
    qr = doc.find(".//figure[@class='qr']/img")
    assert qr.get("src").startswith("data:image/svg+xml") and qr.get("alt")
    assert "The link works until" in "".join(doc.find(".//p[@id='share-until']").itertext())
    # Copy and share buttons wait for the script: without it they stay hidden.
    assert doc.find(".//button[@data-copy='share-url']").get("hidden") is not None


def test_contact_person_reads_swedish_with_the_meeting_card_first(app, client):
    prepare(client, lang="en")
    url = make_link(client)
    contact = app.test_client()  # another computer, no cookies
    response = contact.get(url)
    assert response.status_code == 200
    assert response.doc.get("lang") == "sv"
    text = text_of(response)
    card = "".join(response.doc.find(".//section[@class='card']").itertext())
    for need in ("Tolk: Tigrinya, via telefon", "Bildstöd", "Förmiddag"):
        assert need in card, need
    consent = "".join(
        response.doc.find(".//section[@aria-labelledby='card-title-consent']").itertext())
    assert "Ja, men med vissa gränser" in consent
    most = "".join(
        response.doc.find(".//section[@aria-labelledby='card-title-matters_most']").itertext())
    assert "Får inte delas" in most and "Not my debts" in most
    assert text.index("Mötet i korthet") < text.index(CANARY)
    assert "Länken fungerar till" in text
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert "noindex" in response.headers["X-Robots-Tag"]
    english = contact.get(url + "?lang=en")
    assert "The meeting at a glance" in text_of(english)


def test_share_link_shows_the_latest_answers(app, client):
    prepare(client)
    url = make_link(client)
    client.post("/questions/goals", data={"goals": "A new goal"})
    assert "A new goal" in text_of(app.test_client().get(url))


def test_stop_sharing_makes_the_link_say_so(app, client):
    prepare(client)
    url = make_link(client)
    response = client.post("/links/share/stop")
    assert "stopped=share" in response.headers["Location"]
    assert "You have stopped sharing" in text_of(client.get("/done?stopped=share&lang=en"))
    gone = app.test_client().get(url + "?lang=en")
    assert gone.status_code == 410
    assert "This link has been stopped" in text_of(gone)
    assert "Ask the person who gave you the link" in text_of(gone)
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT ciphertext FROM links").scalar() == b""


def test_a_new_share_link_stops_the_old_one(app, client):
    prepare(client)
    old = make_link(client)
    new = make_link(client)
    assert old != new
    assert app.test_client().get(old).status_code == 410
    assert app.test_client().get(new).status_code == 200


def test_expired_link_is_410_with_what_to_do(app, client, clock):
    prepare(client)
    url = make_link(client)
    clock.now += 30 * 86400 + 1
    response = app.test_client().get(url + "?lang=en")
    assert response.status_code == 410
    assert "This link has expired" in text_of(response)


def test_lifetime_is_configurable(tmp_path, clock):
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SHARE_LINK_DAYS": 2,
                      "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    app.test_client_class = CheckedClient
    client = app.test_client()
    prepare(client)
    url = make_link(client)
    clock.now += 2 * 86400 - 60
    assert app.test_client().get(url).status_code == 200
    clock.now += 120
    assert app.test_client().get(url).status_code == 410


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature changed
    lambda t: "x" + t[1:],  # payload changed
    lambda t: "not-a-token",
])
def test_tampered_link_is_404(app, client, mangle):
    prepare(client)
    url = make_link(client)
    token = url.rsplit("/", 1)[1]
    response = app.test_client().get("/s/" + mangle(token))
    assert response.status_code == 404


def test_validly_signed_unknown_id_is_404(app):
    with app.test_request_context():
        token = links.token(["test-secret"], "share", links.new_id(), "A" * 43)
    assert app.test_client().get(f"/s/{token}").status_code == 404


def test_a_share_token_does_not_open_as_a_resume_link(app, client):
    prepare(client)
    token = make_link(client).rsplit("/", 1)[1]
    assert app.test_client().get(f"/r/{token}").status_code == 404


def test_links_survive_a_key_rotation(tmp_path, client, app):
    prepare(client)
    url = make_link(client)
    rotated = create_app({
        "TESTING": True, "SECRET_KEY": "a-brand-new-key", "SECRET_KEY_FALLBACKS": "test-secret",
        "DATABASE_URL": app.config["DATABASE_URL"],
    })
    assert rotated.test_client().get(url).status_code == 200
    without_old = create_app({"TESTING": True, "SECRET_KEY": "a-brand-new-key",
                              "DATABASE_URL": app.config["DATABASE_URL"]})
    assert without_old.test_client().get(url).status_code == 404


def test_resume_link_opens_the_draft_on_another_device(app, client):
    prepare(client)
    url = make_link(client, "resume")
    other = app.test_client()
    response = other.get(url + "?lang=en")
    assert response.status_code == 200 and response.headers["Referrer-Policy"] == "no-referrer"
    assert "saved on another phone or computer" in text_of(response)
    assert other.get("/check").status_code == 302, "opening the link alone adopts nothing"
    pressed = other.post(url)
    assert pressed.status_code == 302 and pressed.headers["Location"] == "/check"
    assert CANARY in text_of(other.get("/check"))
    other.post("/questions/goals", data={"goals": "Changed on the other phone"})
    assert "Changed on the other phone" in text_of(client.get("/check"))


def test_resume_link_can_be_stopped(app, client):
    prepare(client)
    url = make_link(client, "resume")
    client.post("/links/resume/stop")
    assert app.test_client().get(url).status_code == 410


def test_delete_everything_stops_every_link(app, client):
    prepare(client)
    share = make_link(client)
    resume = make_link(client, "resume")
    client.post("/delete")
    assert app.test_client().get(share).status_code == 410
    assert app.test_client().get(resume).status_code == 410
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM drafts").scalar() == 0
        blobs = conn.exec_driver_sql("SELECT ciphertext FROM links").fetchall()
    assert all(bytes(b[0]) == b"" for b in blobs)


def test_purge_removes_expired_links(app, client, clock):
    prepare(client)
    make_link(client)
    clock.now += 31 * 86400
    result = app.test_cli_runner().invoke(args=["purge"])
    assert "1 expired link" in result.output


def test_database_holds_no_answer_and_no_key(app, client):
    prepare(client)
    url = make_link(client)
    token = url.rsplit("/", 1)[1]
    with app.extensions["prep.store"].engine.connect() as conn:
        dump = repr(conn.exec_driver_sql("SELECT * FROM links").fetchall())
        dump += repr(conn.exec_driver_sql("SELECT * FROM drafts").fetchall())
    assert "canary" not in dump and token not in dump


def test_no_answer_or_token_reaches_a_log(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    prepare(client)
    url = make_link(client)
    token = url.rsplit("/", 1)[1]
    app.test_client().get(url)
    app.test_client().get(url + "/pdf")
    client.post("/questions/goals", data={"goals": CANARY + "x" * 3000})  # an error page
    assert caplog.records, "nothing was logged: the check would prove nothing"
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "canary" not in logged and token not in logged


def test_request_log_lines_have_the_token_replaced():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '"%s" %s %s',
                               ("GET /s/eyJTOKEN.abc.def/pdf?lang=sv HTTP/1.1", 200, 5), None)
    from prep.web.logs import RedactLinkTokens

    RedactLinkTokens().filter(record)
    assert "eyJTOKEN" not in record.getMessage()
    assert "/s/[token]/pdf" in record.getMessage()


def test_opening_and_making_links_is_rate_limited(tmp_path):
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
                      "LINK_OPEN_LIMIT": "3 per minute", "LINK_CREATE_LIMIT": "2 per hour",
                      "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    app.test_client_class = CheckedClient
    client = app.test_client()
    prepare(client)
    url = make_link(client)
    assert client.post("/links/share").status_code == 302
    blocked = client.post("/links/share?lang=en")
    assert blocked.status_code == 429 and "Too many tries" in text_of(blocked)
    contact = app.test_client()
    assert [contact.get(url).status_code for _ in range(3)] == [410, 410, 410]  # replaced
    assert contact.get(url + "?lang=sv").status_code == 429


def test_request_log_is_json_with_the_route_not_the_path(app, client, caplog):
    caplog.set_level(logging.INFO, logger="prep.requests")
    prepare(client)
    url = make_link(client)
    app.test_client().get(url)
    records = [r for r in caplog.records if r.name == "prep.requests"]
    routes = {r.fields["route"] for r in records}
    assert "/s/<token>" in routes and "/questions/<page_id>" in routes
    from prep.web.logs import JsonFormatter

    line = JsonFormatter().format(records[-1])
    entry = __import__("json").loads(line)
    assert entry["route"] == "/s/<token>" and entry["status"] == 200 and "ip" not in entry
    assert url.rsplit("/", 1)[1] not in caplog.text
