"""What the preparation is for: the PDF, the share link, the resume link, and the page the
contact person opens.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import wraps
from typing import Any

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale, format_date

from .. import drafts, links, pdf
from ..i18n import current_language, direction, viewer_chooses_language
from ..i18n import gettext as _
from ..limits import create_limit, limiter, open_limit
from ..questionnaire.definition import QUESTIONNAIRE as Q
from ..questionnaire.forms import blank_form
from ..store import StoreError
from ..summary import build as build_summary
from . import draft_or_start

bp = Blueprint("outputs", __name__)

PURPOSES = ("share", "resume")
_LINK_ENDPOINT = {"share": "outputs.shared", "resume": "outputs.resume"}


def private_link_page(view):
    """Pages reached by a secret link: never cached, indexed, or passed on as a referrer."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Response:
        response = make_response(view(*args, **kwargs))
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _date(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return format_date(datetime.fromtimestamp(timestamp, UTC), format="long")


def _swedish_too(answers: dict[str, Any]) -> dict[str, Any]:
    """The Swedish wording of every label, for a bilingual PDF."""
    with force_locale("sv"):
        summary = build_summary(Q, answers)
        boxes = {"needs": _("What the meeting needs"), "consent": _("Consent and its limits"),
                 "own_words": _("In the person's own words")}
    rows = {row.question_id: row for s in summary.sections for row in s.rows}
    rows.update({row.question_id: row for row in summary.about})
    return {"lang": "sv", "rows": rows, "boxes": boxes,
            "titles": {s.page_id: s.title for s in summary.sections}}


def _pdf_args(answers: dict[str, Any], expires_at: int | None,
              written_in: str | None, bilingual: bool = False) -> dict[str, Any]:
    """Everything the PDF template reads, in the language active now."""
    summary = build_summary(Q, answers)
    lang = current_language()
    return {
        "lang": lang,
        "dir": direction(lang),
        "title": _("Preparation for a SIP meeting"),
        "region": " · ".join(filter(None, (current_app.config.get("REGION_NAME"),
                                           current_app.config.get("MUNICIPALITY_NAME")))),
        "made": format_date(datetime.now(UTC), format="long"),
        "made_iso": datetime.now(UTC).date().isoformat(),
        "expires": _date(expires_at),
        "page_word": _("Page"),
        "summary": summary,
        "written_in": written_in,
        "second": _swedish_too(answers) if bilingual and lang != "sv" else None,
    }


def _pdf_response(answers: dict[str, Any], expires_at: int | None,
                  written_in: str | None, bilingual: bool = False) -> Response:
    args = _pdf_args(answers, expires_at, written_in, bilingual)
    body = pdf.render(args, current_language())
    response = make_response(body)
    response.headers["Content-Type"] = "application/pdf"
    filename = f"sip-{datetime.now(UTC).date().isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/done")
def done() -> str:
    draft = draft_or_start()
    shown: dict[str, Any] = {}
    for purpose in PURPOSES:
        token = drafts.link_token(draft, purpose)
        if token:
            url = url_for(_LINK_ENDPOINT[purpose], token=token, _external=True)
            shown[purpose] = {
                "url": url,
                "until": _date(draft.links[purpose]["expires_at"]),
                "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2)
                if purpose == "share" else None,
            }
    return render_template(
        "done.html",
        form=blank_form(),
        links=shown,
        stopped=request.args.get("stopped") in PURPOSES and request.args["stopped"],
        days={p: current_app.config[links.LIFETIME_SETTING[p]] for p in PURPOSES},
    )


@bp.get("/pdf")
def own_pdf() -> Response:
    draft = draft_or_start()
    share = draft.active_link("share")
    return _pdf_response(draft.answers, share["expires_at"] if share else None,
                         current_language(), bilingual=request.args.get("with") == "sv")


def _link_action(purpose: str, create: bool) -> Response:
    if purpose not in PURPOSES:
        abort(404)
    draft = draft_or_start()
    if not blank_form().validate():  # expired form token: show the page again, nothing lost
        return redirect(url_for("outputs.done"))
    try:
        if create:
            drafts.create_link(draft, purpose)
        else:
            drafts.revoke_link(draft, purpose)
    except StoreError:
        abort(503)
    anchor = f"{purpose}-link"
    if create:
        return redirect(url_for("outputs.done", _anchor=anchor))
    return redirect(url_for("outputs.done", stopped=purpose, _anchor=anchor))


@bp.post("/links/<purpose>")
@limiter.limit(create_limit)
def create_link(purpose: str) -> Response:
    return _link_action(purpose, create=True)


@bp.post("/links/<purpose>/stop")
def stop_link(purpose: str) -> Response:
    return _link_action(purpose, create=False)


def open_link(purpose: str, token: str) -> links.Opened:
    try:
        opened = links.open_token(drafts.store(), purpose, token)
    except StoreError:
        abort(503)
    if opened.status == "unknown":
        abort(404)
    if opened.status != "open":
        abort(make_response(
            render_template("link_gone.html", status=opened.status, purpose=purpose), 410
        ))
    return opened


@bp.get("/s/<token>")
@limiter.limit(open_limit)
@viewer_chooses_language
@private_link_page
def shared(token: str) -> str:
    opened = open_link("share", token)
    answers = opened.content["answers"]
    return render_template(
        "shared.html",
        summary=build_summary(Q, answers),
        written_in=opened.content.get("lang"),
        updated=_date(opened.content.get("updated_at")),
        until=_date(opened.expires_at),
        pdf_url=url_for("outputs.shared_pdf", token=token, lang=current_language()),
        token=token,
    )


@bp.get("/s/<token>/pdf")
@limiter.limit(open_limit)
@viewer_chooses_language
@private_link_page
def shared_pdf(token: str) -> Response:
    opened = open_link("share", token)
    return _pdf_response(opened.content["answers"], opened.expires_at,
                         opened.content.get("lang"))


@bp.get("/r/<token>")
@limiter.limit(open_limit)
@private_link_page
def resume(token: str) -> Response:
    opened = open_link("resume", token)
    draft = drafts.load(opened.content["draft_id"], opened.content["draft_key"])
    if draft is None:  # the draft itself was deleted or has expired
        abort(make_response(
            render_template("link_gone.html", status="expired", purpose="resume"), 410
        ))
    drafts.adopt(draft)
    return redirect(url_for("questions.check"))

