"""The pages the contact person opens with a share link: the summary, its PDF and its
structured data. (Every response under /s/ and /r/ is kept out of caches, search engines and
referrers: ``headers.py``.)"""

from __future__ import annotations

import json

from flask import Blueprint, abort, current_app, make_response, render_template, url_for
from werkzeug.wrappers import Response

from ...keeping import links
from ...keeping.store import StoreError
from ...outputs import fhir, pdf
from ...outputs.summary import build as build_summary
from ...questionnaire.definition import QUESTIONNAIRE as Q
from .. import browser_draft
from ..extensions import limiter, open_limit
from ..i18n import current_language, viewer_chooses_language
from .handover import date_text, pdf_response

bp = Blueprint("contact", __name__)


#: One count per client across every route a link opens: guessing tokens on one route or
#: on all of them costs the same.
opening_limit = limiter.shared_limit(open_limit, scope="link-opening")


def open_link(purpose: str, token: str) -> links.Opened:
    """The link's content; otherwise a 404 (unknown), a 410 page (stopped or expired) or
    a 503 (the database does not answer)."""
    try:
        opened = links.open_token(browser_draft.store(), browser_draft.signing_keys(), purpose,
                                  token, browser_draft.lifetime_seconds(
                                      browser_draft.LIFETIME_SETTING[purpose]))
    except StoreError:
        abort(503)
    if opened.status == "unknown":
        abort(404)
    if opened.status != "open":
        abort(make_response(
            render_template("link_gone.html", status=opened.status, purpose=purpose), 410))
    if purpose == "share":
        try:
            browser_draft.store().mark_opened(opened.owner[0])
        except StoreError:
            pass  # the person sees "not opened yet" a little longer; the reader reads on
    return opened


def _summary(opened: links.Opened):
    return build_summary(Q, opened.content["answers"], written_in=opened.content.get("lang"))


@bp.get("/s/<token>")
@opening_limit
@viewer_chooses_language
def shared(token: str) -> str:
    opened = open_link("share", token)
    return render_template(
        "shared.html",
        summary=_summary(opened),
        written_in=opened.content.get("lang"),
        updated=date_text(opened.content.get("updated_at")),
        until=date_text(opened.expires_at),
        pdf_url=url_for("contact.shared_pdf", token=token, lang=current_language()),
        token=token,
        partial=opened.content.get("partial", False),
    )


@bp.get("/s/<token>/pdf")
@opening_limit
@viewer_chooses_language
def shared_pdf(token: str) -> Response:
    opened = open_link("share", token)
    summary = _summary(opened)
    body = pdf.render_kept(browser_draft.store(), opened.owner, summary,
                           current_language(), expires=opened.expires_at, bilingual=False)
    return pdf_response(body, summary)


@bp.get("/s/<token>/fhir")
@opening_limit
def shared_fhir(token: str) -> Response:
    opened = open_link("share", token)
    resource = fhir.questionnaire_response(Q, _summary(opened),
                                           current_app.config["PUBLIC_BASE_URL"],
                                           opened.content.get("lang"))
    response = Response(json.dumps(resource, ensure_ascii=False, indent=1).encode(),
                        mimetype="application/fhir+json")
    response.headers["Content-Disposition"] = \
        'attachment; filename="sip-questionnaire-response.json"'
    return response
