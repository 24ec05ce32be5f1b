"""The preparation journey through the test client: what a person sees and keeps."""

from __future__ import annotations

import re

from prep.keeping import store as store_module
from prep.questionnaire import flow
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import text_of


def start_as_self(client):
    response = client.post("/questions/who", data={"preparing_for": "self"})
    assert response.status_code == 302
    return response


def test_start_page_says_what_it_is_and_that_nothing_is_sent(client):
    page = text_of(client.get("/"))
    assert "Förbered dig inför ditt SIP-möte" in page or "SIP" in page
    response = client.get("/?lang=en")
    text = text_of(response)
    assert "Prepare for your SIP meeting" in text
    assert "Nothing is sent to anyone until you choose to share it." in text
    assert "It takes about 15 minutes." in text
    assert response.doc.find(".//a[@href='/questions/meeting']") is not None


def test_each_page_leads_to_the_next_and_the_last_to_check_answers(client):
    answers = {}
    page_id = "meeting"
    seen = []
    while page_id:
        seen.append(page_id)
        response = client.post(f"/questions/{page_id}", data={})
        assert response.status_code == 302, page_id
        page_id = flow.next_page(Q, page_id, answers)
        expected = f"/questions/{page_id}" if page_id else "/check"
        assert response.headers["Location"] == expected
    assert seen == [p.id for p in flow.visible_pages(Q, answers)]


def test_progress_and_back_link_are_shown(client):
    start_as_self(client)
    response = client.get("/questions/goals?lang=en")
    assert "Part 2 of 5: What matters to you" in text_of(response)
    back = response.doc.find(".//a[@class='back']")
    assert back.get("href") == "/questions/important"


def test_the_question_is_the_heading_on_a_one_question_page(client):
    response = client.get("/questions/goals?lang=en")
    # The label inside the h1, as GOV.UK does it (a heading may not sit inside a label).
    assert response.doc.find(".//h1/label[@for='goals']") is not None
    assert "What do you want to achieve or change?" in text_of(response)


def test_every_free_text_field_states_its_limit(client):
    for page in Q.pages:
        response = client.get(f"/questions/{page.id}?lang=en")
        if response.status_code == 302:  # a conditional page not reached yet
            continue
        for question in page.visible_questions({}):
            if question.limit:
                hint = response.doc.find(f".//p[@id='{question.id}-limit']")
                assert hint is not None, question.id
                assert re.search(r"At most [\d,]+ characters", "".join(hint.itertext()))


def test_too_long_text_is_kept_and_explained_at_the_field_and_in_the_summary(client):
    start_as_self(client)
    long_text = "å" * 2001
    response = client.post("/questions/important?lang=en", data={"important": long_text})
    assert response.status_code == 200
    doc = response.doc
    assert doc.find(".//textarea[@id='important']").text == long_text
    assert doc.find(".//textarea[@id='important']").get("aria-invalid") == "true"
    message = "Write at most 2,000 characters. You have written 2,001."
    assert message in "".join(doc.find(".//p[@id='important-error']").itertext())
    summary_link = doc.find(".//div[@class='error-summary']//a")
    assert summary_link.get("href") == "#important"
    assert message in "".join(summary_link.itertext())
    assert doc.find(".//title").text.startswith("Error: What is important to you")


def test_error_title_is_translated(client):
    response = client.post("/questions/goals", data={"goals": "x" * 3000})
    assert response.doc.find(".//title").text.startswith("Fel: ")
    assert "2 000" in text_of(response)  # numbers formatted the Swedish way


def test_a_made_up_option_is_refused_with_a_clear_message(client):
    response = client.post("/questions/who?lang=en", data={"preparing_for": "robot"})
    assert "Choose one of the options on the page." in text_of(response)


def test_none_of_these_cannot_be_combined_with_other_choices(client):
    response = client.post(
        "/questions/support-now?lang=en", data={"support_now": ["none", "school"]}
    )
    assert "not both" in text_of(response)
    assert response.doc.find(".//input[@value='school']").get("checked") is not None


def test_answers_show_on_check_answers_and_skipped_ones_say_so(client):
    start_as_self(client)
    client.post("/questions/goals", data={"goals": "Get a job\nLive on my own"})
    client.post("/questions/meeting-time", data={"meeting_time": "morning"})
    response = client.get("/check?lang=en")
    text = text_of(response)
    assert "Get a job" in text and "Morning" in text
    assert "Not answered" in text
    change = response.doc.find(".//a[@href='/questions/goals?return_to=check#goals']")
    assert change is not None and "Change" in "".join(change.itertext())


def test_change_from_check_answers_returns_there(client):
    start_as_self(client)
    response = client.post("/questions/goals?return_to=check", data={"goals": "New goal"})
    assert response.headers["Location"] == "/check"
    assert "New goal" in text_of(client.get("/check"))


def test_change_that_opens_a_page_visits_it_before_returning(client):
    start_as_self(client)
    response = client.post(
        "/questions/meeting-support?return_to=check", data={"meeting_support": ["interpreter"]}
    )
    assert response.headers["Location"] == "/questions/interpreter?return_to=check"
    response = client.post(
        "/questions/interpreter?return_to=check", data={"interpreter_language": "Somali"}
    )
    assert response.headers["Location"] == "/check"


def test_a_page_not_reached_yet_redirects_instead_of_showing(client):
    start_as_self(client)
    response = client.get("/questions/interpreter")
    assert response.status_code == 302


def test_unknown_page_is_a_404_in_the_persons_language(client):
    response = client.get("/questions/no-such-page?lang=en")
    assert response.status_code == 404
    assert "Page not found" in text_of(response)
    assert client.get("/questions/no-such-page?lang=sv").doc.get("lang") == "sv"


def test_the_person_can_come_back_later_on_the_same_device(app, client):
    start_as_self(client)
    client.post("/questions/important", data={"important": "My cat"})
    cookie = client.get_cookie("prep")
    assert cookie.expires is not None, "the session must outlive the browser"

    later = app.test_client()  # the browser was closed and opened again
    later.set_cookie("prep", cookie.value)
    start = later.get("/?lang=en")
    resume = start.doc.find(".//a[@href='/questions/goals']")
    assert resume is not None and "Continue" in "".join(resume.itertext())
    assert "My cat" in text_of(later.get("/questions/important"))


def test_a_database_copy_alone_reveals_no_answer(app, client):
    start_as_self(client)
    client.post("/questions/important", data={"important": "canary-7f3a secret words"})
    with app.extensions["prep.store"].engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM drafts").fetchall()
    assert rows
    dump = repr(rows).encode() + b"".join(bytes(r.ciphertext) for r in rows)
    assert b"canary-7f3a" not in dump
    assert b"secret" not in dump


def test_delete_removes_the_draft(app, client):
    start_as_self(client)
    client.post("/questions/important", data={"important": "To be deleted"})
    response = client.post("/delete")
    assert response.headers["Location"] == "/deleted"
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM drafts").scalar() == 0
    assert client.get("/check").status_code == 302


def test_expired_form_token_keeps_the_text_and_explains(csrf_app):
    client = csrf_app.test_client()
    response = client.post(
        "/questions/important?lang=en", data={"important": "Typed before the token expired"}
    )
    assert response.status_code == 200
    doc = response.doc
    assert doc.find(".//textarea[@id='important']").text == "Typed before the token expired"
    assert "was open for a long time" in text_of(response)
    # The page carries a fresh token: pressing again now saves.
    token = doc.find(".//input[@name='csrf_token']").get("value")
    again = client.post(
        "/questions/important", data={"important": "Typed", "csrf_token": token}
    )
    assert again.status_code == 302


def test_database_fault_keeps_the_text_and_says_so(app, client, monkeypatch):
    start_as_self(client)

    def broken(*args, **kwargs):
        raise store_module.StoreError("boom", None, None)

    monkeypatch.setattr(store_module.Store, "write_draft", broken)
    response = client.post("/questions/goals?lang=en", data={"goals": "Unsaved goal"})
    assert response.status_code == 503
    assert response.doc.find(".//textarea[@id='goals']").text == "Unsaved goal"
    assert "could not save your answers" in text_of(response)


def test_nothing_a_user_sends_gives_a_500(client):
    for data in ({"goals": "\x00\x01<script>alert(1)</script>"}, {"goals": ["a", "b"]}):
        response = client.post("/questions/goals", data=data)
        assert response.status_code in (200, 302)
    assert client.put("/questions/goals").status_code == 405
    assert client.post("/questions/goals", data={"goals": "x" * 300_000}).status_code == 413
