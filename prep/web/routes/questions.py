"""One route for every question page, then "check your answers".

Views stay thin: read what was posted, check it, save, and go where the flow says.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ...keeping.drafts import Draft
from ...keeping.drafts import new as new_draft
from ...keeping.store import StoreError
from ...outputs.summary import build as build_summary
from ...questionnaire import flow
from ...questionnaire.definition import ORGANISATION_IDS
from ...questionnaire.definition import QUESTIONNAIRE as Q
from ...questionnaire.model import Question
from .. import browser_draft, messages
from ..forms import keeps_text_when_token_refused, question_form, token_refused

bp = Blueprint("questions", __name__)

_CHECK = "check"


def page_url(page_id: str | None, returning: bool = False) -> str:
    """A question page's address (``None``: check your answers)."""
    if page_id is None:
        return url_for("questions.check")
    return url_for("questions.page", page_id=page_id, return_to=_CHECK if returning else None)


@bp.route("/questions/<page_id>", methods=["GET", "POST"])
@keeps_text_when_token_refused
def page(page_id: str) -> Response | tuple[str, int]:
    page = Q.page(page_id)
    if page is None:
        abort(404)
    returning = request.args.get("return_to") == _CHECK
    draft, database_down = _this_draft()
    answers = draft.answers if draft else {}
    route = flow.route(Q, answers)
    if request.method == "GET" and not route.reaches(page_id):
        return redirect(page_url(route.resume(draft and draft.last_page)))

    worded = page.worded_for(Q.path(answers))
    questions = _offered(worded.visible_questions(route.in_play))
    form = question_form(questions, answers)
    notices, status = [], 200
    if token_refused():
        notices.append(messages.form_expired())
    elif form.is_submitted() and form.validate():
        updated = flow.with_page(Q, answers, form.answers())
        if not database_down and _saved(draft, updated, page_id):
            return redirect(_after_save(page_id, updated, returning))
        notices.append(messages.not_saved())
        status = 503

    back = url_for("questions.check") if returning else _page_url_or_start(route.before(page_id))
    return render_template(
        "question.html",
        page=worded,
        questions=questions,
        form=form,
        quotes={q.id: route.in_play.get(q.quote) for q in questions if q.quote},
        field_errors=form.field_errors(),
        notices=notices,
        progress=route.progress(page_id),
        back_url=back,
        skip_url=url_for("questions.check") if returning else page_url(route.after(page_id)),
        returning=returning,
    ), status


def _this_draft() -> tuple[Draft | None, bool]:
    """This browser's draft, and whether the database failed to give it. A page that is
    only being looked at needs the draft (503 without it); a page that was posted is shown
    again with what was typed."""
    try:
        return browser_draft.current(), False
    except StoreError:
        if request.method != "POST":
            abort(503)
        return None, True


def _saved(draft: Draft | None, answers: dict, page_id: str) -> bool:
    """Save the page's answers into the draft (a new one for a first answer)."""
    draft = draft or new_draft()
    draft.answers, draft.last_page = answers, page_id
    try:
        browser_draft.save(draft)
    except StoreError:
        return False
    return True


def _after_save(page_id: str, answers: dict, returning: bool) -> str:
    """The next page; after a change from "check your answers", back there (or first to a
    page the change opened)."""
    if returning:
        target = flow.after_change(Q, page_id, answers)
        return page_url(target, returning=target is not None)
    return page_url(flow.next_page(Q, page_id, answers))


def _offered(questions: list[Question]) -> list[Question]:
    """Leave out organisations the region does not offer (``organisations`` in its file)."""
    offered = current_app.config.get("ORGANISATIONS")
    if not offered:
        return questions
    hidden = set(ORGANISATION_IDS) - set(offered)
    return [replace(q, options=tuple(o for o in q.options if o.value not in hidden))
            if q.options else q for q in questions]


def _page_url_or_start(page_id: str | None) -> str:
    return url_for("pages.start") if page_id is None else page_url(page_id)


@bp.get("/check")
def check() -> str:
    draft = browser_draft.draft_or_start()
    return render_template(
        "check.html",
        summary=build_summary(Q, draft.answers),
        back_url=_page_url_or_start(flow.visible_pages(Q, draft.answers)[-1].id),
    )
