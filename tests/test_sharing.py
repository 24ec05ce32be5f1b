"""Share only what each person needs to see (issue 19): a link per recipient, holding only
the parts it shows; each with its own lifetime, its own stop, and when it was first opened."""

from __future__ import annotations

import json
import re
import subprocess

from prep.keeping import crypto, drafts
from prep.web import browser_draft

from .helpers import make_link, seed, text_of

ANSWERS = {
    "meeting_kind": "first", "preparing_for": "self",
    "important": "secret-important-1", "goals": "secret-goals-2",
    "invite": ["school", "health_centre"], "consent": "yes_with_limits",
    "consent_school": "no", "consent_health_centre": "yes",
    "not_invite": "card-not-invite-3", "meeting_place": "office",
    "own_questions": "secret-question-4",
}
SECRETS = ("secret-important-1", "secret-goals-2", "secret-question-4")


def _make(client, recipient: str, parts: list[str], days: int = 7, name: str = "") -> str:
    """Walk the three steps as the person does; the link's path."""
    step = client.post("/links/new?lang=en", data={"recipient": recipient, "name": name})
    assert step.status_code == 200, step.status_code
    target = recipient if recipient != "name" else f"name:{name}"
    preview = client.post("/links/new/parts", data={"recipient": target, "parts": parts,
                                                     "days": str(days)})
    assert preview.status_code == 200
    made = client.post("/links/new/make", data={"recipient": target, "parts": parts,
                                                "days": str(days)})
    assert made.status_code == 302
    done = client.get("/done").get_data(as_text=True)
    return re.findall(r'value="https?://[^/"]+(/s/[^"]+)"', done)[-1]


def _pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def test_a_link_holds_only_the_parts_it_shows(app, client):
    seed(app, client, ANSWERS)
    path = _make(client, "invitee:school", ["card"])
    reader = app.test_client()
    page = reader.get(path)
    html = page.get_data(as_text=True)
    assert "card-not-invite-3" in html, "the card is there"
    assert "only a part of their answers" in text_of(reader.get(path + "?lang=en"))
    pdf = _pdf_text(reader.get(path + "/pdf").data)
    fhir = reader.get(path + "/fhir").get_data(as_text=True)
    token = path.rsplit("/", 1)[1]
    with app.test_request_context():
        from prep.keeping import links

        opened = links.open_token(browser_draft.store(), browser_draft.signing_keys(), "share",
                                  token, 86400 * 30)
        row = browser_draft.store().load_link(opened.owner[0])
        stored = json.dumps(crypto.decrypt(opened.owner[1], opened.owner[0], row.ciphertext),
                            ensure_ascii=False)
    for secret in SECRETS:
        for where, text in (("page", html), ("PDF", pdf), ("FHIR", fhir), ("row", stored)):
            assert secret not in text, (secret, where)
    assert "card-not-invite-3" in stored and "consent_school" not in stored


def test_a_link_with_a_topic_shows_that_topic_and_no_other(app, client):
    seed(app, client, ANSWERS)
    path = _make(client, "name", ["goals"], name="Mamma")
    html = app.test_client().get(path).get_data(as_text=True)
    assert "secret-goals-2" in html
    assert "secret-important-1" not in html and "card-not-invite-3" not in html
    assert "Mamma" in text_of(client.get("/done?lang=en"))


def test_may_not_share_starts_with_the_card_only(app, client):
    seed(app, client, ANSWERS)
    school = client.post("/links/new?lang=en", data={"recipient": "invitee:school"})
    ticked = [i.get("value") for i in school.doc.iterfind(".//input[@name='parts'][@checked]")]
    assert ticked == ["card"]
    centre = client.post("/links/new?lang=en", data={"recipient": "invitee:health_centre"})
    ticked = [i.get("value") for i in centre.doc.iterfind(".//input[@name='parts'][@checked]")]
    assert ticked[:2] == ["card", "consent"] and "goals" in ticked


def test_stopping_one_link_leaves_the_others_working(app, client):
    seed(app, client, ANSWERS)
    contact = make_link(client)
    school = _make(client, "invitee:school", ["card"])
    mum = _make(client, "name", ["goals"], name="Mamma")
    done = client.get("/done")
    school_id = next(form.find(".//input[@name='link']").get("value")
                     for form in done.doc.iterfind(".//form")
                     if form.find(".//input[@name='link']") is not None)
    client.post("/links/share/stop", data={"link": school_id})
    statuses = [app.test_client().get(path).status_code for path in (contact, school, mum)]
    assert statuses == [200, 410, 200]


def test_only_the_first_opening_is_kept(app, client, clock):
    seed(app, client, ANSWERS)
    path = _make(client, "invitee:school", ["card"])
    assert "Not opened yet" in text_of(client.get("/done?lang=en"))
    with app.extensions["prep.store"].engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT * FROM links").fetchall()
    first = clock.now
    app.test_client().get(path, environ_base={"REMOTE_ADDR": "198.51.100.7"},
                          headers={"User-Agent": "Office browser 1.0"})
    clock.now += 86400
    app.test_client().get(path)  # a second visit changes nothing
    with app.extensions["prep.store"].engine.connect() as conn:
        after = conn.exec_driver_sql("SELECT * FROM links").fetchall()
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert len(after) == len(before)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1
    old, new = changed[0]
    differences = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert len(differences) == 1 and new[differences[0]] == first, "only the first opening"
    assert "198.51.100.7" not in repr(after) and "Office browser" not in repr(after)
    assert {name for (name,) in tables} == {"drafts", "links", "rendered", "schema_version"}
    assert "First opened on" in text_of(client.get("/done?lang=en"))


def test_a_stale_save_does_not_bring_back_a_stopped_link(app, client, monkeypatch):
    seed(app, client, ANSWERS)
    school = _make(client, "invitee:school", ["card"])
    app_store = app.extensions["prep.store"]
    serializer = app.session_interface.get_signing_serializer(app)
    ref = serializer.loads(client.get_cookie("prep").value)["draft"]
    stale = drafts.load(app_store, ref["id"], ref["key"], 10**9)
    link_id = stale.active_links("share")[0].id
    client.post("/links/share/stop", data={"link": link_id})
    monkeypatch.setattr(browser_draft, "current", lambda: stale)
    client.post("/questions/goals", data={"goals": "Typed in the other tab"})
    monkeypatch.undo()
    assert app.test_client().get(school).status_code == 410
    assert "For School" not in text_of(client.get("/done?lang=en"))


def test_the_lifetime_is_the_persons_choice_within_the_setting(app, client, clock):
    seed(app, client, ANSWERS)
    path = _make(client, "invitee:school", ["card"], days=7)
    clock.now += 7 * 86400 + 60
    assert app.test_client().get(path).status_code == 410
    refused = client.post("/links/new/parts", data={"recipient": "invitee:school",
                                                     "parts": ["card"], "days": "999"})
    assert refused.status_code == 400
