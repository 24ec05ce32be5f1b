"""One route for every question page, then "check your answers".

Views stay thin: read what was posted, check it, save, and go where the flow says.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ...keeping.drafts import Conflict, Draft, Gone
from ...keeping.store import StoreError
from ...outputs.summary import build as build_summary
from ...questionnaire import flow
from ...questionnaire.definition import ORGANISATION_IDS
from ...questionnaire.definition import QUESTIONNAIRE as Q
from ...questionnaire.model import Question
from .. import browser_draft, messages
from ..forms import keeps_text_when_token_refused, question_form, token_refused
from ..i18n import current_language

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
        outcome = "failed" if database_down else _save(draft, form.answers(), page_id)
        if isinstance(outcome, Draft):
            return redirect(_after_save(page_id, outcome.answers, returning))
        notices.append(messages.deleted_meanwhile() if outcome == "gone" else
                       messages.not_saved())
        status = 409 if outcome == "gone" else 503
        # Without the saved answers some fields that were posted would not be shown
        # (support for each organisation ticked earlier): show every field posted.
        questions = _offered([q for q in worded.questions
                              if q.visible(route.in_play) or q.id in request.form])
        form = question_form(questions, answers)

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


def _save(draft: Draft | None, posted: dict, page_id: str) -> Draft | str:
    """Save what the page posted; the saved draft, or why not ("gone": deleted meanwhile,
    perhaps in another tab; "failed": the database did not answer)."""

    def change(saving: Draft) -> None:
        # Applied to the draft as it is in the store now: a second tab's answers stay.
        saving.answers = flow.with_page(Q, saving.answers, posted)
        saving.last_page = page_id

    try:
        return browser_draft.change(draft, change)
    except Gone:
        return "gone"
    except (StoreError, Conflict):
        return "failed"


def _after_save(page_id: str, answers: dict, returning: bool) -> str:
    """The next page; after a change from "check your answers", back there (or first to a
    page the change opened)."""
    if returning:
        target = flow.after_change(Q, page_id, answers)
        return page_url(target, returning=target is not None)
    return page_url(flow.next_page(Q, page_id, answers))


def _offered(questions: list[Question]) -> list[Question]:
    """The options as this page offers them: without organisations the region does not
    offer (``organisations`` in its file), and a list of languages sorted by name in the
    page's language with the page's own language first ("another language" stays last)."""
    hidden = set(ORGANISATION_IDS) - set(current_app.config.get("ORGANISATIONS")
                                         or ORGANISATION_IDS)
    shown = []
    for q in questions:
        options = tuple(o for o in q.options if o.value not in hidden)
        if q.suggests_page_language:
            options = _page_language_first(options)
        shown.append(replace(q, options=options) if q.options else q)
    return shown


def _page_language_first(options: tuple) -> tuple:
    own, other = current_language(), [o for o in options if o.value == "other"]
    named = sorted((o for o in options if o.value not in (own, "other")),
                   key=lambda o: str(o.label).casefold())
    return (*(o for o in options if o.value == own), *named, *other)


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
