"""The done page and what the person does there: download the PDF, make and stop links,
delete everything."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import format_date
from werkzeug.wrappers import Response

from ...keeping import links
from ...keeping.drafts import Conflict, Gone, LinkRef
from ...keeping.store import StoreError
from ...outputs import pdf
from ...outputs.summary import Summary
from ...outputs.summary import build as build_summary
from ...questionnaire.definition import QUESTIONNAIRE as Q
from .. import browser_draft, messages, sharing
from ..extensions import create_limit, limiter, pdf_limit
from ..forms import keeps_text_when_token_refused, token_refused
from ..i18n import current_language

bp = Blueprint("handover", __name__)

_LINK_ENDPOINT = {"share": "contact.shared", "resume": "resume.resume"}


def date_text(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return format_date(datetime.fromtimestamp(timestamp, UTC), format="long")


def pdf_response(body: bytes, summary: Summary) -> Response:
    """The PDF as a download, named after the person when they gave a name."""
    name = summary.row("person_name")
    words = re.findall(r"\w+", name.values[0]) if name is not None and name.answered else []
    filename = "-".join(["sip", *words[:4], datetime.now(UTC).date().isoformat()]) + ".pdf"
    response = send_file(io.BytesIO(body), mimetype="application/pdf", as_attachment=True,
                         download_name=filename, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


def own_summary(answers: dict) -> Summary:
    return build_summary(Q, answers, written_in=current_language())


def public_url(endpoint: str, **values: str) -> str:
    """An address to hand to someone else: built on ``PUBLIC_BASE_URL``, never on the
    request's Host header (which a client chooses)."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def _shown(ref: LinkRef, opened: dict[str, int | None], path: str) -> dict[str, Any]:
    """A link as the done page lists it: its address, who it is for, what it shows, until
    when, and when it was first opened."""
    token = links.token(browser_draft.signing_keys(), ref.purpose, ref.id, ref.key)
    url = public_url(_LINK_ENDPOINT[ref.purpose], token=token)
    return {
        "id": ref.id,
        "url": url,
        "until": date_text(ref.expires_at),
        "for": sharing.recipient_name(ref.recipient),
        "parts": sharing.part_names(ref.sections, path),
        "opened": date_text(opened.get(ref.id)),
        "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2)
        if ref.recipient == "contact" else None,
    }


def _done_page(notice: str | None = None, status: int = 200) -> tuple[str, int]:
    draft = browser_draft.draft_or_start()
    shares, resume = draft.active_links("share"), draft.active_link("resume")
    try:
        opened = browser_draft.store().first_opened([ref.id for ref in shares])
    except StoreError:
        opened = {}
    path = Q.path(draft.answers)
    contact = next((ref for ref in shares if ref.recipient == "contact"), None)
    stopped = request.args.get("stopped")
    return render_template(
        "done.html",
        links={"share": contact and _shown(contact, opened, path),
               "resume": resume and _shown(resume, opened, path)},
        others=[_shown(ref, opened, path) for ref in shares if ref.recipient != "contact"],
        stopped=stopped if stopped in links.PURPOSES else None,
        days=browser_draft.link_days(),
        notice=notice,
    ), status


@bp.get("/done")
def done() -> tuple[str, int]:
    return _done_page()


@bp.get("/pdf")
@limiter.limit(pdf_limit)
def own_pdf() -> Response:
    draft = browser_draft.draft_or_start()
    share = draft.active_link("share")
    summary = own_summary(draft.answers)
    body = pdf.render_kept(browser_draft.store(), (draft.id, draft.key), summary,
                           current_language(), expires=share.expires_at if share else None,
                           bilingual=request.args.get("with") == "sv")
    return pdf_response(body, summary)


def _link_action(purpose: str, create: bool) -> Response | tuple[str, int]:
    if purpose not in links.PURPOSES:
        abort(404)
    if token_refused():  # nothing was done: say so, and let the person press again
        return _done_page(messages.press_again(), 400)
    draft = browser_draft.draft_or_start()
    one = request.form.get("link")
    try:
        if create:
            browser_draft.make_link(draft, purpose)
        elif purpose == "share" and one:
            browser_draft.stop_one(draft, one)
        else:
            browser_draft.stop_link(draft, purpose)
    except Gone:
        return redirect(url_for("handover.deleted"))
    except (StoreError, Conflict):
        return _done_page(messages.not_done(), 503)
    anchor = f"{purpose}-link"
    if create:
        return redirect(url_for("handover.done", _anchor=anchor))
    return redirect(url_for("handover.done", stopped=purpose, _anchor=anchor))


@bp.post("/links/<purpose>")
@limiter.shared_limit(create_limit, scope="link-making")
@keeps_text_when_token_refused
def create_link(purpose: str) -> Response | tuple[str, int]:
    return _link_action(purpose, create=True)


@bp.post("/links/<purpose>/stop")
@keeps_text_when_token_refused
def stop_link(purpose: str) -> Response | tuple[str, int]:
    return _link_action(purpose, create=False)


@bp.route("/delete", methods=["GET", "POST"])
@keeps_text_when_token_refused
def delete() -> Response | tuple[str, int]:
    """Ask once more, on a page of its own; delete on the POST."""
    draft = browser_draft.draft_or_start()
    if token_refused():
        return render_template("delete.html", notice=messages.press_again()), 400
    if request.method == "GET":
        return render_template("delete.html", notice=None), 200
    try:
        browser_draft.delete(draft)
    except (StoreError, Conflict):
        return render_template("delete.html", notice=messages.not_done()), 503
    return redirect(url_for("handover.deleted"))


@bp.get("/deleted")
def deleted() -> str:
    return render_template("deleted.html")
