"""The questionnaire as FHIR, and save-to-phone: the answers as a file, and loading it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import RadioField, SelectChoice

from ...keeping.drafts import Conflict
from ...keeping.store import StoreError
from ...outputs import answers_file, fhir
from ...questionnaire import life
from ...questionnaire.definition import QUESTIONNAIRE as Q
from .. import browser_draft, messages
from ..forms import keeps_text_when_token_refused, token_refused
from ..i18n import offered

bp = Blueprint("exports", __name__)


@bp.get("/fhir/Questionnaire/<questionnaire_id>")
def fhir_questionnaire(questionnaire_id: str) -> Response:
    """The definition, at a stable URL, with its version inside."""
    if questionnaire_id != Q.id:
        abort(404)
    resource = fhir.questionnaire(Q, current_app.config["PUBLIC_BASE_URL"], offered())
    response = Response(json.dumps(resource, ensure_ascii=False, indent=1),
                        mimetype="application/fhir+json")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/answers/file")
def save_file() -> Response:
    draft = browser_draft.draft_or_start()
    name = f"sip-answers-{datetime.now(UTC).date().isoformat()}.json"
    response = Response(answers_file.dump(Q, draft.answers, browser_draft.signing_keys()),
                        mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


class LoadForm(FlaskForm):
    file = FileField()
    then = RadioField(choices=[SelectChoice("continue"), SelectChoice("follow_up")],
                      default="continue",
                      validate_choice=False)


@bp.route("/answers/load", methods=["GET", "POST"])
@keeps_text_when_token_refused
def load_file() -> Response | tuple[str, int]:
    form = LoadForm()
    problem = None
    if token_refused():
        problem = messages.form_expired_file()
    elif form.is_submitted():
        answers, problem = _answers_in(form)
        if answers is not None:
            try:  # a new draft: the file's answers, on this device
                browser_draft.change(None, lambda draft: setattr(draft, "answers", answers))
            except (StoreError, Conflict):
                problem = messages.not_saved()
            else:
                return redirect(url_for("questions.check"))
    return render_template("load.html", form=form, problem=problem), (400 if problem else 200)


def _answers_in(form: LoadForm) -> tuple[dict | None, str | None]:
    """The answers in the uploaded file, ready to save; or why there are none."""
    upload = form.file.data
    if upload is None or not upload.filename:
        return None, messages.file_missing()
    try:
        answers = answers_file.load(Q, upload.read(answers_file.MAX_BYTES + 1),
                                    browser_draft.signing_keys())
    except answers_file.BadFile as bad:
        return None, messages.bad_file(bad.reason)
    if form.then.data == "follow_up":
        answers = {**life.from_earlier(answers), "meeting_kind": "follow_up"}
    return (Q.derive(answers) if Q.derive else answers), None
