"""The done page and what the person does there: download the PDF, make and stop links,
delete everything."""

from __future__ import annotations

from datetime import UTC, datetime

import segno
from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for
from flask_babel import format_date
from werkzeug.wrappers import Response

from ...keeping import links
from ...keeping.store import StoreError
from ...outputs import pdf
from ...outputs.summary import Summary
from ...outputs.summary import build as build_summary
from ...questionnaire.definition import QUESTIONNAIRE as Q
from .. import browser_draft
from ..extensions import create_limit, limiter
from ..i18n import current_language

bp = Blueprint("handover", __name__)

_LINK_ENDPOINT = {"share": "contact.shared", "resume": "resume.resume"}


def date_text(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return format_date(datetime.fromtimestamp(timestamp, UTC), format="long")


def pdf_response(body: bytes) -> Response:
    response = make_response(body)
    response.headers["Content-Type"] = "application/pdf"
    filename = f"sip-{datetime.now(UTC).date().isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def own_summary(answers: dict) -> Summary:
    return build_summary(Q, answers, written_in=current_language())


@bp.get("/done")
def done() -> str:
    draft = browser_draft.draft_or_start()
    shown = {}
    for purpose in links.PURPOSES:
        ref = draft.active_link(purpose)
        if ref:
            token = links.token(browser_draft.signing_keys(), purpose, ref["id"], ref["key"])
            url = url_for(_LINK_ENDPOINT[purpose], token=token, _external=True)
            shown[purpose] = {
                "url": url,
                "until": date_text(ref["expires_at"]),
                "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2)
                if purpose == "share" else None,
            }
    stopped = request.args.get("stopped")
    return render_template(
        "done.html",
        links=shown,
        stopped=stopped if stopped in links.PURPOSES else None,
        days=browser_draft.link_days(),
    )


@bp.get("/pdf")
def own_pdf() -> Response:
    draft = browser_draft.draft_or_start()
    share = draft.active_link("share")
    body = pdf.render_kept(browser_draft.store(), (draft.id, draft.key),
                           own_summary(draft.answers), current_language(),
                           expires=share["expires_at"] if share else None,
                           bilingual=request.args.get("with") == "sv")
    return pdf_response(body)


def _link_action(purpose: str, create: bool) -> Response:
    if purpose not in links.PURPOSES:
        abort(404)
    draft = browser_draft.draft_or_start()
    try:
        if create:
            browser_draft.create_link(draft, purpose)
        else:
            browser_draft.revoke_link(draft, purpose)
    except StoreError:
        abort(503)
    anchor = f"{purpose}-link"
    if create:
        return redirect(url_for("handover.done", _anchor=anchor))
    return redirect(url_for("handover.done", stopped=purpose, _anchor=anchor))


@bp.post("/links/<purpose>")
@limiter.limit(create_limit)
def create_link(purpose: str) -> Response:
    return _link_action(purpose, create=True)


@bp.post("/links/<purpose>/stop")
def stop_link(purpose: str) -> Response:
    return _link_action(purpose, create=False)


@bp.post("/delete")
def delete() -> Response | tuple[str, int]:
    """Delete the draft now (no confirmation page: the button says what it does)."""
    try:
        browser_draft.delete(browser_draft.current())
    except StoreError:
        return render_template("error.html", status=503), 503
    return redirect(url_for("handover.deleted"))


@bp.get("/deleted")
def deleted() -> str:
    return render_template("deleted.html")
