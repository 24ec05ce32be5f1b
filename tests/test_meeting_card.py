"""The contact person books and runs the meeting from the summary alone (issue 17): one
Swedish line for the interpreter, the meeting card before the person's words, whose summary
it is, what matters most on the card, an agenda, and typed text kept from translators."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from itsdangerous import Signer

from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import make_link, seed, text_of

ARABIC = {
    "meeting_kind": "first", "preparing_for": "self", "important": "أريد أن أعيش في بيتي",
    "meeting_support": ["interpreter", "pictures"], "interpreter_language_code": "ar",
    "interpreter_dialect": "سوري", "interpreter_gender": "woman", "interpreter_mode": "on_site",
    "invite": ["social_services", "relative"], "not_invite": "زوجي السابق",
    "consent": "yes_with_limits", "consent_limits": "لا تتحدثوا عن ديوني",
    "meeting_length": "90", "avoid_times": "يوم الجمعة", "person_name": "سارة أ.",
    "own_questions": "متى أحصل على مساعدة؟",
}
TIGRINYA = {
    "meeting_kind": "first", "preparing_for": "self", "important": "ስድራይ ኣገዳሲ እዮም",
    "meeting_support": ["interpreter"], "interpreter_language_code": "ti",
    "interpreter_gender": "man", "interpreter_mode": "phone", "not_invite": "ሓወይ",
    "person_name": "ዮናስ",
}
LINES = {"ar": "Tolk: arabiska (dialekt: سوري), kvinnlig tolk, i rummet",
         "ti": "Tolk: tigrinja, manlig tolk, via telefon"}


def pdftotext(data: bytes) -> str:
    """The PDF's text, without the direction marks pdftotext puts around right-to-left runs."""
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def _card(response) -> str:
    return " ".join("".join(response.doc.find(".//section[@class='card']").itertext()).split())


@pytest.mark.parametrize("lang, answers", [("ar", ARABIC), ("ti", TIGRINYA)])
def test_the_contact_person_reads_the_card_in_swedish(app, client, lang, answers):
    seed(app, client, answers, lang=lang)
    url = make_link(client)
    response = app.test_client().get(url)
    assert response.doc.get("lang") == "sv"
    card, text = _card(response), " ".join(text_of(response).split())
    assert LINES[lang] in card
    assert answers["person_name"] in card
    most = response.doc.find(".//section[@aria-labelledby='card-title-matters_most']")
    assert "Får inte vara med på mötet" in "".join(most.itertext())
    assert answers["not_invite"] in "".join(most.itertext())
    assert text.index("Mötet i korthet") < text.index(answers["important"])
    pdf = " ".join(pdftotext(app.test_client().get(url + "/pdf").data).split())
    # Text extraction moves a bracket next to a right-to-left word; the page shows it right.
    assert LINES[lang].replace("(", "").replace(")", "") in pdf.replace("(", "").replace(")", "")
    assert answers["person_name"] in pdf
    assert pdf.index("Det viktigaste") < pdf.index("Med personens egna ord")
    assert pdf.index("Får inte vara med på mötet") < pdf.index(answers["important"])


def test_the_card_is_page_one_of_the_contact_persons_pdf(app, client):
    from pypdf import PdfReader

    seed(app, client, ARABIC, lang="ar")
    data = app.test_client().get(make_link(client) + "/pdf").data
    first, *rest = (page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Mötet i korthet" in first and "Samtycke och dess gränser" in first
    assert "Förslag på dagordning" not in first and rest, "the rest starts on page 2"
    assert PdfReader(io.BytesIO(data)).metadata.title.endswith("سارة أ.")


LIFE = {"life_home": "good", "life_sleep": "not_sure", "life_health": "not_good",
        "life_health_better": ["someone_to_talk_to"], "life_money": "not_good"}


def test_the_card_with_life_in_pictures_still_fits_page_one(app, client):
    from pypdf import PdfReader

    seed(app, client, {**ARABIC, **LIFE}, lang="ar")
    data = app.test_client().get(make_link(client) + "/pdf").data
    first = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    for words in ("Mötet i korthet", "Livet nu, i bilder", "Bra", "Vet inte", "Inte bra",
                  "Hemma", "Sömn", "Hälsa", "Pengar", "Någon att prata med", "Det viktigaste",
                  "Får inte vara med på mötet", "Samtycke och dess gränser", "Tolk: arabiska"):
        assert words in first, words


def test_no_word_of_a_long_card_answer_is_lost_over_the_page(app, client):
    words = [f"ord{n}" for n in range(900)]
    seed(app, client, {**ARABIC, **LIFE, "avoid_topics": " ".join(words)}, lang="ar")
    data = app.test_client().get(make_link(client) + "/pdf").data
    printed = set(pdftotext(data).split())
    assert not [word for word in words if word not in printed]


def test_the_cards_parts_make_two_columns_of_about_one_length_with_the_mat_across(app):
    from prep.outputs.pdf import _weight, card_runs
    from prep.outputs.summary import build

    with app.test_request_context("/?lang=sv"):
        parts = build(Q, {**ARABIC, **LIFE}).card
    runs = card_runs(parts)
    flat = [part for run in runs
            for part in ((run,) if not isinstance(run, tuple) else (*run[0], *run[1]))]
    assert flat == list(parts), "every part once, in the order of the card"
    assert [run.name for run in runs if not isinstance(run, tuple)] == ["life"]
    pairs = [run for run in runs if isinstance(run, tuple)]
    assert len(pairs) == 2, "columns above the mat and below it"
    for left, right in pairs:
        weights = [_weight(part) for part in (*left, *right)]
        gaps = [abs(sum(weights[:i]) - sum(weights[i:])) for i in range(len(weights) + 1)]
        # No other split of the same parts would make the two columns closer in length.
        assert left and gaps[len(left)] == min(gaps[1:])


def test_the_pdf_is_named_after_the_person(app, client):
    seed(app, client, {**ARABIC, "person_name": "Sara Ali"}, lang="ar")
    response = app.test_client().get(make_link(client) + "/pdf")
    assert "sip-Sara-Ali-" in response.headers["Content-Disposition"]


def test_every_typed_answer_is_kept_from_machine_translation(app, client):
    seed(app, client, ARABIC, lang="ar")
    response = app.test_client().get(make_link(client))
    html = response.get_data(as_text=True)
    typed = [value for key, value in ARABIC.items()
             if key in {q.id for p in Q.pages for q in p.questions if not q.kind.choice}]
    assert len(typed) >= 6
    for element in response.doc.iter():
        words = (element.text or "").strip()
        if words in typed:
            assert element.get("translate") == "no", words
            assert element.get("lang") == "ar", words
    for words in typed:
        assert words in html, words
    assert "Klistra inte in den på en webbplats som översätter" in text_of(response)


def test_the_agenda_starts_with_the_persons_questions_and_proposes_a_break(app, client):
    seed(app, client, ARABIC, lang="ar")
    response = app.test_client().get(make_link(client))
    agenda = response.doc.find(".//section[@aria-labelledby='agenda-title']")
    items = ["".join(li.itertext()) for li in agenda.findall(".//ol/li")]
    assert "Personens frågor" in items[0] and ARABIC["own_questions"] in items[0]
    assert "En paus i mitten, efter ungefär 45 minuter" in items[-1]
    check = client.get("/check?lang=ar").doc
    assert check.find(".//section[@aria-labelledby='agenda-title']") is not None


def test_labels_speak_of_the_person_to_the_contact_person_and_to_the_person_on_their_pages(
        app, client):
    seed(app, client, {"preparing_for": "self", "meeting_kind": "first",
                       "important": "Min hund", "meeting_place": "home"}, lang="sv")
    contact = text_of(app.test_client().get(make_link(client)))
    assert "Viktigt för personen" in contact and "Hemma hos personen" in contact
    assert "Vad är viktigt för dig" not in contact and "Hemma hos mig" not in contact
    assert "Vad är viktigt för dig" in text_of(client.get("/check"))


def test_every_question_has_words_for_the_reader():
    missing = [q.id for page in Q.pages for q in page.questions if not q.reader_label]
    assert not missing, missing


def test_the_interpreters_language_is_chosen_from_a_list_the_pages_own_first(client):
    client.post("/questions/who?lang=ar", data={"preparing_for": "self"})
    client.post("/questions/meeting-support", data={"meeting_support": ["interpreter"]})
    page = client.get("/questions/interpreter?lang=ar").doc
    options = page.findall(".//select[@id='interpreter_language_code']/option")
    values = [o.get("value") for o in options]
    assert values[0] == "" and values[1] == "ar" and values[-1] == "other"
    for code in ("kmr", "ps", "pl", "bs", "ru", "tr", "th", "es", "am", "sv", "ti", "so"):
        assert code in values, code
    names = {o.get("value"): "".join(o.itertext()) for o in options}
    assert names["ar"] == "العربية"  # in the reader's language, from CLDR
    swedish = client.get("/questions/interpreter?lang=sv").doc
    named = {o.get("value"): "".join(o.itertext())
             for o in swedish.findall(".//select[@id='interpreter_language_code']/option")}
    assert named["kmr"] == "kurdiska (kurmanji)" and named["ps"] == "pashto"
    assert named["bs"] == "bosniska/kroatiska/serbiska"


def test_a_language_written_before_the_list_is_shown_as_written(app, client):
    """An answers file from before the list: the language was free text."""
    old = {"format": "infor-sip-answers", "file_version": 1, "questionnaire": "sip-prep",
           "questionnaire_version": "2", "saved_at": "2026-01-01T00:00:00+00:00",
           "answers": {"preparing_for": "self", "meeting_support": ["interpreter"],
                       "interpreter_language": "Tigrinja, från Eritrea"}}
    canonical = json.dumps(old, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    signature = Signer([app.secret_key], salt="prep.answers-file").get_signature(
        canonical.encode()).decode()
    loaded = client.post("/answers/load", data={
        "file": (io.BytesIO(json.dumps({**old, "signature": signature}).encode()), "a.json")},
        content_type="multipart/form-data")
    assert loaded.status_code == 302
    card = _card(app.test_client().get(make_link(client)))
    assert "Tolk: Tigrinja, från Eritrea" in card
