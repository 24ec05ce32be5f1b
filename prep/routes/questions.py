"""One route for every question page, then "check your answers" and "done".

Views stay thin: read what was posted, check it, save, and go where the flow says.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from .. import csrf, drafts, page_cache
from ..i18n import current_language, query_value
from ..questionnaire import errors, flow
from ..questionnaire import forms as page_forms
from ..questionnaire.definition import ORGANISATION_IDS
from ..questionnaire.definition import QUESTIONNAIRE as Q
from ..store import StoreError
from ..summary import build as build_summary
from . import draft_or_start

bp = Blueprint("questions", __name__)

_CHECK = "check"
#: What, besides the language, the address, the path and the questions shown, decides how
#: a question page looks.
_SHAPE = ("quoted", "progress", "back_url", "skip_url", "returning")


def _page_url(page_id: str | None, returning: bool = False) -> str:
    return _built_url(request.script_root, page_id, returning)


@lru_cache(maxsize=512)
def _built_url(script_root: str, page_id: str | None, returning: bool) -> str:
    """Built once per page: every question page links back and forward (ids come from the
    definition, so the cache is as small as the questionnaire)."""
    if page_id is None:
        return url_for("questions.check")
    if returning:
        return url_for("questions.page", page_id=page_id, return_to=_CHECK)
    return url_for("questions.page", page_id=page_id)


@bp.route("/questions/<page_id>", methods=["GET", "POST"])
def page(page_id: str) -> Response | tuple[str, int] | str:
    page = Q.page(page_id)
    if page is None:
        abort(404)
    returning = query_value(request, "return_to") == _CHECK
    posted = request.method == "POST"

    try:
        draft = drafts.current()
        database_ok = True
    except StoreError:
        draft, database_ok = None, False
        if not posted:
            abort(503)
    answers = draft.answers if draft else {}
    route = flow.route(Q, answers)

    if not posted and not route.reaches(page_id):
        return redirect(_page_url(route.resume(draft and draft.last_page)))

    worded = page.worded_for(Q.path(answers))
    questions = _offered(worded.visible_questions(route.in_play))
    values = {q.id: answers.get(q.id) for q in questions}
    notices: list[str] = []
    field_errors: dict[str, str] = {}
    status = 200
    if posted:
        form = request.form
        sent = page_forms.Posted(questions, form)
        token_ok = csrf.posted_token_ok(form.get("csrf_token"))
        if token_ok and not sent.errors:
            updated = sent.answers(questions, answers)
            if Q.derive:
                updated = Q.derive(updated)
            draft = draft or drafts.new()
            previous = (draft.answers, draft.last_page)
            draft.answers, draft.last_page = updated, page_id
            try:
                if not database_ok:
                    raise StoreError("database unavailable", None, None)
                drafts.save(draft)
            except StoreError:
                draft.answers, draft.last_page = previous
                notices.append(errors.not_saved())
                status = 503
            else:
                if returning:
                    target = flow.after_change(Q, page_id, updated)
                    return _moved(_page_url(target, returning=target is not None))
                return _moved(_page_url(flow.next_page(Q, page_id, updated)))
        elif not token_ok:
            notices.append(errors.form_expired())
        field_errors = sent.errors
        values = sent.values  # what was typed, kept

    back = url_for("questions.check") if returning else _page_url_or_start(
        route.before(page_id)
    )
    skip = url_for("questions.check") if returning else _page_url(route.after(page_id))
    context = {
        "page": worded,
        "questions": questions,
        "quoted": frozenset(q.id for q in questions if q.quote and route.in_play.get(q.quote)),
        "field_errors": field_errors,
        "notices": notices,
        "progress": route.progress(page_id),
        "back_url": back,
        "skip_url": skip,
        "returning": returning,
    }
    if context["field_errors"] or notices:
        shape = page_cache.split(render_template("question.html", **context))
    else:
        shape = page_cache.shapes().get(
            (current_language(), request.script_root, request.full_path, request.method,
             Q.path(answers), tuple(q.id for q in questions),
             *(context[k] for k in _SHAPE)),
            lambda: render_template("question.html", **context),
        )
    quotes = {q.id: route.in_play.get(q.quote) for q in questions if q.quote}
    html = page_cache.fill(shape, csrf.token(), values, quotes)
    return html, status


def _moved(location: str) -> Response:
    """The redirect after a Continue, as ``redirect()`` makes it, its body built once per
    address (every Continue ends here)."""
    return current_app.response_class(_moved_body(location), 302, {"Location": location},
                                      mimetype="text/html")


@lru_cache(maxsize=1024)
def _moved_body(location: str) -> bytes:
    return redirect(location).get_data()


def _offered(questions: list) -> list:
    """Leave out organisations the region does not offer (``organisations`` in its file)."""
    offered = current_app.config.get("ORGANISATIONS")
    if not offered:
        return questions
    hidden = set(ORGANISATION_IDS) - set(offered)
    return [
        replace(q, options=tuple(o for o in q.options if o.value not in hidden))
        if q.options else q
        for q in questions
    ]


def _page_url_or_start(page_id: str | None) -> str:
    return url_for("pages.start") if page_id is None else _page_url(page_id)


@bp.get("/check")
def check() -> str:
    draft = draft_or_start()
    return render_template(
        "check.html",
        summary=build_summary(Q, draft.answers),
        back_url=_page_url_or_start(flow.visible_pages(Q, draft.answers)[-1].id),
    )
