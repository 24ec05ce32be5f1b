"""A voice for people who do not write (issue 20): life sorted by pictures on good, not sure
or not good, what would make it better, printed as a mat for the meeting, carried as coded
answers, and sorted again at a follow-up with what moved since last time."""

from __future__ import annotations

import io
import json
import re

from fhir.resources.questionnaireresponse import QuestionnaireResponse
from flask_babel import force_locale

from prep.outputs import answers_file
from prep.questionnaire import life, sections
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .browser.helpers import translated
from .helpers import make_link, seed, text_of
from .lix import lix
from .test_exports import signed
from .test_meeting_card import pdftotext
from .test_sharing import _make

SORTED = {
    "meeting_kind": "first", "preparing_for": "self",
    "life_home": "good", "life_friends": "good", "life_sleep": "not_sure",
    "life_health": "not_good", "life_money": "not_good",
    "life_health_better": ["more_help"], "life_money_better": ["someone_to_talk_to"],
    "life_money_note": "bills-note-7",
}


def _columns(doc, selector: str = ".//div[@class='mat']") -> dict[str, list[str]]:
    """Each column of the first mat under ``selector``: its title and the words in it."""
    mat = doc.find(selector)
    assert mat is not None, "no mat on the page"
    found = {}
    for column in mat.findall("./section"):
        title = " ".join("".join(column.find("./*[@class='mat__title']").itertext()).split())
        found[title] = [" ".join("".join(word.itertext()).split())
                        for word in column.iter() if word.get("class") == "mat__word"]
    return found


def test_each_area_is_a_picture_card_of_three_faces_that_needs_no_script(client):
    client.post("/questions/meeting?lang=en", data={"meeting_kind": "first"})
    response = client.post("/questions/who", data={"preparing_for": "self"})
    assert response.headers["Location"].endswith("/questions/life-now")
    page = client.get("/questions/life-now")
    cards = [f for f in page.doc.iter("fieldset") if "mat-card" in f.get("class", "")]
    assert len(cards) == len(life.AREAS) == 11
    for card, (area, word) in zip(cards, life.AREAS, strict=True):
        legend = card.find("./legend")
        assert " ".join("".join(legend.itertext()).split()) == str(word)
        assert legend.find("./img").get("alt") == "", "the word says it; the picture adds"
        radios = card.findall(".//input[@type='radio']")
        assert [r.get("value") for r in radios] == ["good", "not_sure", "not_good"]
        assert {r.get("name") for r in radios} == {life.place(area)}
        for radio in radios:
            label = card.find(f".//label[@for='{radio.get('id')}']")
            assert label.find("./img") is not None and "".join(label.itertext()).strip()
    assert "do not have to write" in text_of(page)


def test_what_would_help_asks_only_about_what_is_not_good(client):
    client.post("/questions/who?lang=en", data={"preparing_for": "self"})
    response = client.post("/questions/life-now",
                           data={"life_home": "good", "life_health": "not_good",
                                 "life_money": "not_good", "life_sleep": "not_sure"})
    assert response.headers["Location"].endswith("/questions/life-better")
    page = client.get("/questions/life-better")
    asked = [" ".join("".join(f.find("./legend").itertext()).split())
             for f in page.doc.iter("fieldset")]
    assert asked == ["Health", "Money"]
    assert page.doc.find(".//input[@id='life_money_note']") is not None
    assert page.doc.find(".//input[@name='life_home_better']") is None


def test_nothing_not_good_skips_what_would_help(client):
    client.post("/questions/who?lang=en", data={"preparing_for": "self"})
    response = client.post("/questions/life-now", data={"life_home": "good"})
    assert response.headers["Location"].endswith("/questions/important")


def test_the_guardian_hands_the_phone_to_the_child(client):
    client.post("/questions/who?lang=en", data={"preparing_for": "guardian"})
    page = client.get("/questions/life-now")
    assert " ".join("".join(page.doc.find(".//h1").itertext()).split()) == (
        "How is life for your child now?")
    assert "Give the phone to your child" in text_of(page)


def test_the_check_page_shows_the_mat_in_three_columns(app, client):
    seed(app, client, SORTED)
    page = client.get("/check")
    assert _columns(page.doc) == {"Good": ["Home", "Friends"], "Not sure": ["Sleep"],
                                  "Not good": ["Health", "Money"]}
    text = text_of(page)
    assert "Would help: More help" in text and "bills-note-7" in text
    assert "What would make it better?" not in text, "its answers are on the mat"
    hrefs = [a.get("href") for a in page.doc.iter("a")]
    assert "/questions/life-now?return_to=check" in hrefs
    assert "/questions/life-better?return_to=check" in hrefs


def test_the_contact_person_reads_the_mat_in_swedish(app, client):
    seed(app, client, SORTED, lang="fi")
    url = make_link(client)
    page = app.test_client().get(url)
    card = page.doc.find(".//section[@class='card']")
    assert _columns(card, ".//div[@class='mat']") == {
        "Bra": ["Hemma", "Vänner"], "Vet inte": ["Sömn"], "Inte bra": ["Hälsa", "Pengar"]}
    text = " ".join(text_of(page).split())
    assert "Skulle hjälpa: Mer hjälp" in text
    assert "Det som inte är bra i livet nu" in text
    assert "Pengar: Någon att prata med (bills-note-7)" in text

    pdf = " ".join(pdftotext(app.test_client().get(url + "/pdf").data).split())
    for word in ("Livet nu, i bilder", "Bra", "Vet inte", "Inte bra", "Hemma", "Hälsa",
                 "Pengar", "Sömn", "Skulle hjälpa: Mer hjälp"):
        assert word in pdf, word


def test_the_persons_own_pdf_has_the_mat_in_their_language(app, client):
    seed(app, client, SORTED, lang="fi")
    pdf = " ".join(pdftotext(client.get("/pdf?lang=fi").data).split())
    for english in ("Health", "Money", "Not good", "Home"):
        word = translated("fi", english)
        assert word != english, f"{english!r} is not translated into Finnish"
        assert word in pdf, word
    assert "Hälsa" not in pdf, "no Swedish unless the person asks for it"


def test_the_mat_travels_as_coded_answers(app, client):
    seed(app, client, {**SORTED, "life_health_before": "not_sure"})
    url = make_link(client)
    response = app.test_client().get(url + "/fhir")
    QuestionnaireResponse.model_validate_json(response.data)
    groups = {group["linkId"]: {item["linkId"]: item["answer"] for item in group["item"]}
              for group in json.loads(response.data)["item"]}
    assert groups["life-now"]["life_health"] == [
        {"valueCoding": {"code": "not_good", "display": "Inte bra"}}]
    assert [a["valueCoding"]["code"] for a in groups["life-better"]["life_health_better"]] == [
        "more_help"]
    assert groups["earlier-meeting"] == {"life_health_before": [
        {"valueCoding": {"code": "not_sure", "display": "Vet inte"}}]}

    saved = client.get("/answers/file").data
    assert answers_file.load(Q, saved, ["test-secret"])["life_health"] == "not_good"


def test_a_file_saved_before_the_pictures_still_loads(app):
    old = {"format": answers_file.FORMAT, "file_version": 1, "questionnaire": "sip-prep",
           "questionnaire_version": "3", "saved_at": "2026-06-01T00:00:00+00:00",
           "answers": {"meeting_kind": "first", "preparing_for": "self",
                       "goals": "Old goal"}}
    client = app.test_client()
    response = client.post("/answers/load?lang=en",
                           data={"file": (io.BytesIO(signed(app, old)), "a.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    page = client.get("/check")
    assert "Old goal" in text_of(page)
    assert page.doc.find(".//div[@class='mat']") is None
    assert "How is your life now?" in text_of(page), "offered among what is not answered yet"


def _follow_up(app, earlier: dict):
    """A person who saved their first meeting's answers, then starts the follow-up."""
    first = app.test_client()
    seed(app, first, earlier)
    saved = first.get("/answers/file").data
    client = app.test_client()
    response = client.post("/answers/load?lang=en",
                           data={"file": (io.BytesIO(saved), "a.json"), "then": "follow_up"},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    return client


def test_a_follow_up_sorts_again_and_shows_what_moved(app):
    client = _follow_up(app, SORTED)
    page = client.get("/questions/life-now")
    health = next(f for f in page.doc.iter("fieldset")
                  if "life_health-quote" in f.get("aria-describedby", ""))
    assert health is not None and "Last time: Not good" in "".join(health.itertext())
    assert page.doc.find(".//input[@name='life_health'][@checked]") is None, "sorted anew"

    client.post("/questions/life-now", data={"life_health": "good", "life_home": "good",
                                             "life_money": "not_good"})
    check = client.get("/check")
    assert _columns(check.doc) == {"Good": ["Home", "Health"], "Not sure": [],
                                   "Not good": ["Money"]}
    good = check.doc.find(".//section[@class='mat__column mat__column--good']")
    words = " ".join("".join(good.itertext()).split())
    assert "Health Last time: Not good" in words
    assert "Home Last time" not in words, "only what moved is marked"
    assert "bills-note-7" not in text_of(check), "last time's notes are not this time's"

    contact = app.test_client().get(make_link(client))
    assert "Hälsa Förra gången: Inte bra" in " ".join(text_of(contact).split())
    fhir = json.loads(app.test_client().get(make_link(client) + "/fhir").data)
    earlier = next(g for g in fhir["item"] if g["linkId"] == "earlier-meeting")
    assert {item["linkId"] for item in earlier["item"]} == {
        "life_home_before", "life_friends_before", "life_sleep_before",
        "life_health_before", "life_money_before"}


def test_a_link_without_life_in_pictures_holds_no_mat(app, client):
    seed(app, client, {**SORTED, "invite": ["school"], "consent": "yes"})
    assert sections.LIFE in sections.preselected(Q, SORTED, "school")
    path = _make(client, "invitee:school", ["card"])
    reader = app.test_client()
    html = reader.get(path).get_data(as_text=True)
    assert "mat__word" not in html and "bills-note-7" not in html
    assert "Pengar" not in pdftotext(reader.get(path + "/pdf").data)
    assert "life_" not in reader.get(path + "/fhir").get_data(as_text=True)

    with_life = app.test_client().get(_make(client, "invitee:school", ["card", "life"]))
    assert "bills-note-7" in with_life.get_data(as_text=True)


def test_the_paper_form_has_the_mat_as_a_grid(client):
    pdf = " ".join(pdftotext(client.get("/paper.pdf?lang=sv&path=self").data).split())
    assert "Hur är ditt liv nu?" in pdf
    assert "Tryck" not in pdf, "paper is ticked, not tapped"
    assert re.search(r"Bra Vet inte .*Hemma Skola, jobb eller daglig verksamhet Hälsa", pdf)
    for word in ("Hemma", "Sömn", "Stödet jag får"):
        assert word in pdf


def test_the_new_swedish_words_are_plain(app):
    texts = []
    with app.test_request_context("/?lang=sv"), force_locale("sv"):
        for page in life.PAGES:
            for path in ("self", "guardian", "helper"):
                worded = page.worded_for(path)
                texts += [str(worded.title), *(str(p) for p in worded.intro)]
            texts += [str(q.label) + "." for q in page.questions]
        texts += [str(o.label) + "." for o in (*life.PLACES, *life.BETTER)]
    assert lix("\n".join(texts)) <= 40
