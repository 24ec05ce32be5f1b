"""FHIR exports checked by an independent validator, and save-to-phone round trips."""

from __future__ import annotations

import io
import json

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from itsdangerous import Signer

from prep import create_app
from prep.outputs import answers_file
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import PATHS, make_link, seed, text_of


def validate(model, data: bytes):
    return model.model_validate_json(data)


def test_questionnaire_is_valid_fhir_with_our_ids_and_translations(client):
    response = client.get("/fhir/Questionnaire/sip-prep")
    assert response.status_code == 200
    assert response.mimetype == "application/fhir+json"
    resource = validate(Questionnaire, response.data)
    assert resource.version == Q.version
    assert resource.url.endswith("/fhir/Questionnaire/sip-prep")
    data = json.loads(response.data)
    groups = {item["linkId"]: item for item in data["item"]}
    assert [p.id for p in Q.pages] + ["earlier-meeting"] == list(groups)
    assert groups["earlier-meeting"]["readOnly"] is True
    goals = groups["goals"]["item"][0]
    assert goals["linkId"] == "goals" and goals["type"] == "text" and goals["maxLength"] == 2000
    assert goals["text"] == "Vad vill du uppnå eller ändra på?"
    languages = {ext["extension"][0]["valueCode"] for ext in goals["_text"]["extension"]}
    assert {"en", "ar", "ti", "fa-AF"} <= languages
    interpreter = groups["interpreter"]
    assert interpreter["enableWhen"] == [{"question": "meeting_support", "operator": "=",
                                          "answerCoding": {"code": "interpreter"}}]
    child = groups["child-voice"]["enableWhen"]
    assert {"question": "preparing_for", "operator": "=",
            "answerCoding": {"code": "guardian"}} in child
    support = groups["support-now"]["item"][0]
    assert support["repeats"] is True and support["type"] == "choice"


def test_unknown_questionnaire_is_404(client):
    assert client.get("/fhir/Questionnaire/other").status_code == 404


@pytest.mark.parametrize("path", list(PATHS))
def test_questionnaire_response_is_valid_for_every_path(app, client, path):
    seed(app, client, PATHS[path], lang="ar")
    url = make_link(client)
    response = app.test_client().get(url + "/fhir")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    resource = validate(QuestionnaireResponse, response.data)
    assert resource.questionnaire.endswith(f"sip-prep|{Q.version}")
    data = json.loads(response.data)
    answered = {item["linkId"]: item["answer"] for group in data["item"]
                for item in group["item"]}
    for question_id, value in PATHS[path].items():
        assert question_id in answered, question_id
        first = answered[question_id][0]
        if "valueString" in first:
            assert first["valueString"] == value
            assert first["_valueString"]["extension"][0]["valueCode"] == "ar"
        else:
            chosen = [value] if isinstance(value, str) else value
            assert [a["valueCoding"]["code"] for a in answered[question_id]] == chosen


@pytest.mark.parametrize("path", list(PATHS))
def test_answers_file_round_trip(app, client, path):
    seed(app, client, PATHS[path])
    saved = client.get("/answers/file")
    assert saved.status_code == 200 and "attachment" in saved.headers["Content-Disposition"]
    other = app.test_client()  # another phone, no draft
    response = other.post("/answers/load", data={"file": (io.BytesIO(saved.data), "a.json")},
                          content_type="multipart/form-data")
    assert response.status_code == 302 and response.headers["Location"] == "/check"
    with app.test_request_context():
        assert answers_file.load(Q, saved.data, ["test-secret"]) == PATHS[path]
    assert text_of(other.get("/check?lang=en"))


def test_a_saved_file_can_start_a_follow_up(app, client):
    seed(app, client, {"preparing_for": "self", "goals": "Get a job\nMove out"})
    saved = client.get("/answers/file").data
    other = app.test_client()
    other.post("/answers/load", data={"file": (io.BytesIO(saved), "a.json"),
                                      "then": "follow_up"}, content_type="multipart/form-data")
    page = other.get("/questions/plan-goals").doc
    assert page.find(".//input[@id='goal_1']").get("value") == "Get a job"


def signed(app, data: dict) -> bytes:
    """A file signed as the app signs one: its canonical JSON, with the app's key."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    signature = Signer([app.secret_key], salt="prep.answers-file").get_signature(
        canonical.encode())
    return json.dumps({**data, "signature": signature.decode()}).encode()


def test_a_file_from_an_older_version_still_loads(app):
    old = {"format": answers_file.FORMAT, "file_version": 1, "questionnaire": "sip-prep",
           "questionnaire_version": "1", "saved_at": "2026-01-01T00:00:00+00:00",
           "answers": {"preparing_for": "self", "goals": "Old goal"}}
    client = app.test_client()
    response = client.post("/answers/load", data={"file": (io.BytesIO(signed(app, old)), "a")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    assert "Old goal" in text_of(client.get("/check"))


def test_a_file_still_loads_after_a_key_rotation(app, client):
    seed(app, client, PATHS["self"])
    saved = client.get("/answers/file").data
    rotated = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False,
                          "SECRET_KEY": "new-key", "SECRET_KEY_FALLBACKS": "test-secret",
                          "DATABASE_URL": app.config["DATABASE_URL"]})
    response = rotated.test_client().post(
        "/answers/load", data={"file": (io.BytesIO(saved), "a.json")},
        content_type="multipart/form-data")
    assert response.status_code == 302


def _base_file(app) -> dict:
    return {"format": answers_file.FORMAT, "file_version": 1, "questionnaire": "sip-prep",
            "questionnaire_version": Q.version, "saved_at": "2026-01-01T00:00:00+00:00",
            "answers": {"goals": "x"}}


@pytest.mark.parametrize("make, message", [
    (lambda app: b"", "cannot be read"),
    (lambda app: b"\xff\xfe\x00not json", "cannot be read"),
    (lambda app: b"[1, 2, 3]", "cannot be read"),
    (lambda app: json.dumps({"format": "something-else"}).encode(), "cannot be read"),
    (lambda app: signed(app, {**_base_file(app), "questionnaire_version": "99"}),
     "version of this service that we do not know"),
    (lambda app: signed(app, _base_file(app)).replace(b'"x"', b'"y"'), "has been changed"),
    (lambda app: json.dumps(_base_file(app)).encode(), "has been changed"),
    (lambda app: signed(app, {**_base_file(app), "answers": {"no_such_question": "x"}}),
     "cannot be read"),
    (lambda app: signed(app, {**_base_file(app), "answers": {"meeting_time": "midnight"}}),
     "cannot be read"),
    (lambda app: signed(app, {**_base_file(app), "answers": {"goals": "x" * 3000}}),
     "cannot be read"),
    (lambda app: b" " * (answers_file.MAX_BYTES + 10), "too big"),
])
def test_a_bad_file_is_explained_and_changes_nothing(app, client, make, message):
    seed(app, client, {"goals": "Keep me"})
    response = client.post("/answers/load?lang=en",
                           data={"file": (io.BytesIO(make(app)), "bad.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert message in text_of(response)
    assert response.doc.find(".//title").text.startswith("Error: ")
    assert "Keep me" in text_of(client.get("/check"))


def test_no_file_chosen_is_explained(client):
    response = client.post("/answers/load?lang=en", data={},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Choose the file with your saved answers." in text_of(response)
