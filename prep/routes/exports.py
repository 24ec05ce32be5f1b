"""Structured exports (FHIR) and save-to-phone."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_wtf.file import FileField
from wtforms import RadioField

from .. import answers_file, drafts, fhir
from ..csrf import Form
from ..i18n import offered
from ..limits import limiter, open_limit
from ..questionnaire import errors
from ..questionnaire.definition import QUESTIONNAIRE as Q
from ..store import StoreError
from . import draft_or_start
from .outputs import open_link, private_link_page

bp = Blueprint("exports", __name__)


def _json(body: bytes, filename: str | None, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _base() -> str:
    return request.url_root.rstrip("/")


@bp.get("/fhir/Questionnaire/<questionnaire_id>")
def fhir_questionnaire(questionnaire_id: str) -> Response:
    """The definition, at a stable URL, with its version inside."""
    if questionnaire_id != Q.id:
        abort(404)
    body = json.dumps(fhir.questionnaire(Q, _base(), offered()), ensure_ascii=False, indent=1)
    response = _json(body.encode(), None, "application/fhir+json")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/s/<token>/fhir")
@limiter.limit(open_limit)
@private_link_page
def shared_fhir(token: str) -> Response:
    opened = open_link("share", token)
    resource = fhir.questionnaire_response(Q, opened.content["answers"], _base(),
                                           opened.content.get("lang"))
    body = json.dumps(resource, ensure_ascii=False, indent=1).encode()
    return _json(body, "sip-questionnaire-response.json", "application/fhir+json")


@bp.get("/answers/file")
def save_file() -> Response:
    draft = draft_or_start()
    name = f"sip-answers-{datetime.now(UTC).date().isoformat()}.json"
    return _json(answers_file.dump(Q, draft.answers), name, "application/json")


class LoadForm(Form):
    file = FileField()
    then = RadioField(validate_choice=False)


@bp.route("/answers/load", methods=["GET", "POST"])
def load_file() -> Response | str | tuple[str, int]:
    form = LoadForm()
    problem = None
    if request.method == "POST":
        upload = request.files.get("file")
        if not form.validate():
            problem = errors.form_expired_file()
        elif upload is None or not upload.filename:
            problem = errors.file_missing()
        else:
            try:
                answers = answers_file.load(Q, upload.read(answers_file.MAX_BYTES + 1))
            except answers_file.BadFile as bad:
                problem = errors.bad_file(bad.reason)
            else:
                if request.form.get("then") == "follow_up":
                    answers = {**answers, "meeting_kind": "follow_up"}
                if Q.derive:
                    answers = Q.derive(answers)
                draft = drafts.new()
                draft.answers = answers
                try:
                    drafts.save(draft)
                except StoreError:
                    problem = errors.not_saved()
                else:
                    return redirect(url_for("questions.check"))
    return render_template("load.html", form=form, problem=problem), (400 if problem else 200)
