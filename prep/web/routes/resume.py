"""A resume link: the same draft, opened on another device."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, url_for
from werkzeug.wrappers import Response

from ...keeping import drafts
from ...keeping.store import StoreError
from .. import browser_draft
from ..extensions import limiter, open_limit
from .contact import open_link, private_link_page

bp = Blueprint("resume", __name__)


@bp.get("/r/<token>")
@limiter.limit(open_limit)
@private_link_page
def resume(token: str) -> Response:
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
    browser_draft.adopt(draft)
    return redirect(url_for("questions.check"))
