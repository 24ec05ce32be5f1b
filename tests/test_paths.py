"""Guardians, helpers and follow-up meetings, end to end through the test client."""

from __future__ import annotations

from .helpers import make_link, start, text_of


def test_guardian_answers_from_the_childs_side(app, client):
    start(client, path="guardian")
    page = client.get("/questions/goals")
    assert "for your child" in text_of(page)
    client.post("/questions/child-voice", data={"child_words": "I want to play football"})
    client.post("/questions/child-at-meeting",
                data={"child_attends": "message", "child_message": "Please listen to me"})
    client.post("/questions/goals", data={"goals": "Calm mornings"})
    check = text_of(client.get("/check"))
    assert "What does your child say" in check and "I want to play football" in check
    contact = app.test_client().get(make_link(client) + "?lang=en")
    text = text_of(contact)
    assert "A guardian, for their child" in text
    assert "The child says: I want to play football" in text
    assert "The guardian says: Calm mornings" in text
    box = "".join(contact.doc.find(".//section[@class='card']").itertext())
    assert "No, but the child wants to send a message" in box


def test_helper_says_who_they_are_and_whether_the_person_agrees(app, client):
    start(client, path="helper")
    assert client.get("/questions/who").status_code == 200
    response = client.post("/questions/helper-role",
                           data={"helper_role": "god_man", "person_agrees": "yes"})
    assert response.headers["Location"] == "/questions/life-now"
    assert "the person" in text_of(client.get("/questions/important"))
    contact = text_of(app.test_client().get(make_link(client) + "?lang=en"))
    assert "Someone who helps the person" in contact
    assert "Yes, they fill it in together" in contact


def test_follow_up_carries_goals_over_and_asks_goal_by_goal(app, client):
    start(client)
    client.post("/questions/goals", data={"goals": "Get a job\nMove to my own flat"})
    # Months later, the same person prepares for the follow-up.
    client.post("/questions/meeting?return_to=check", data={"meeting_kind": "follow_up"})
    goals = client.get("/questions/plan-goals?lang=en").doc
    assert goals.find(".//input[@id='goal_1']").get("value") == "Get a job"
    assert goals.find(".//input[@id='goal_2']").get("value") == "Move to my own flat"
    progress = client.get("/questions/goal-progress")
    assert "Get a job" in text_of(progress)  # the goal is shown with its question
    client.post("/questions/goal-progress", data={"goal_1_status": "partly"})
    client.post("/questions/plan-next", data={"plan_can_end": "no"})
    check = text_of(client.get("/check"))
    assert "Goal 1: Get a job" in check and "Partly reached" in check
    assert "What is important to you" not in check  # first-meeting topics are not asked
    contact = text_of(app.test_client().get(make_link(client) + "?lang=en"))
    assert "A follow-up meeting" in contact and "No, it should go on" in contact


def test_consent_builder_and_its_box(app, client):
    start(client)
    client.post("/questions/invite", data={"invite": ["school", "god_man"]})
    client.post("/questions/consent", data={"consent": "yes_with_limits",
                                             "avoid_topics": "My brother"})
    page = client.get("/questions/consent-each?lang=en")
    assert "It is not a signature" not in text_of(page)  # said on the consent page
    client.post("/questions/consent-each", data={"consent_school": "yes",
                                                  "consent_god_man": "no"})
    contact = app.test_client().get(make_link(client) + "?lang=en")
    box = "".join(
        contact.doc.find(".//section[@aria-labelledby='card-title-consent']").itertext())
    outer = "".join(contact.doc.find(".//section[@class='card']").itertext())
    assert box in outer, "consent and its limits sit on the meeting card"
    for words in ("Yes, but with some limits", "Yes, may share", "No, may not share",
                  "not a signed consent"):
        assert words in box, words
    most = "".join(
        contact.doc.find(".//section[@aria-labelledby='card-title-matters_most']").itertext())
    assert "My brother" in most and most in outer


def test_consent_page_explains_withdrawal_and_that_it_is_not_a_signature(client):
    text = text_of(client.get("/questions/consent?lang=en"))
    assert "Consent can be taken back at any time" in text
    assert "still gives the care and support" in text
    assert "It is not a signature" in text
