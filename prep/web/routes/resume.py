"""A resume link: the same draft, opened on another device.

Opening the link changes nothing: it shows what the link holds, and only a press of the
button (a POST with this browser's form token) makes it this browser's draft. A link sent
by someone else therefore cannot swap their draft into a browser unseen.
"""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ...keeping import drafts
from ...keeping.drafts import Conflict, Draft
from ...keeping.store import StoreError
from .. import browser_draft, messages
from ..forms import keeps_text_when_token_refused, token_refused
from .contact import open_link, opening_limit
from .handover import date_text

bp = Blueprint("resume", __name__)


def _linked_draft(token: str) -> Draft:
    opened = open_link("resume", token)
    try:
        draft = drafts.load(browser_draft.store(), opened.content["draft_id"],
                            opened.content["draft_key"],
                            browser_draft.lifetime_seconds("DRAFT_DAYS"))
    except StoreError:
        abort(503)
    if draft is None:  # the draft itself was deleted or has expired
        abort(make_response(
            render_template("link_gone.html", status="expired", purpose="resume"), 410))
    return draft


def _own_draft() -> Draft | None:
    try:
        return browser_draft.current()
    except StoreError:
        abort(503)


@bp.route("/r/<token>", methods=["GET", "POST"])
@opening_limit
@keeps_text_when_token_refused
def resume(token: str) -> Response | tuple[str, int]:
    linked, own = _linked_draft(token), _own_draft()
    if own is not None and own.id == linked.id:
        return redirect(url_for("questions.check"))  # already this browser's draft
    notice = None
    if token_refused():
        notice = messages.press_again()
    elif request.method == "POST":
        try:
            browser_draft.delete(own)  # the person was told: their own answers go
        except (StoreError, Conflict):
            notice = messages.not_done()
        else:
            browser_draft.adopt(linked)
            return redirect(url_for("questions.check"))
    return render_template("resume.html", saved=date_text(linked.saved_at),
                           has_own=own is not None, notice=notice), (400 if notice else 200)
