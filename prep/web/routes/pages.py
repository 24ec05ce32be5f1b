"""The start page, information pages, the paper form and health checks."""

from __future__ import annotations

from flask import Blueprint, current_app, make_response, render_template, request, url_for
from werkzeug.wrappers import Response

from ...keeping.store import StoreError
from ...outputs import pdf
from ...questionnaire import flow
from ...questionnaire.definition import QUESTIONNAIRE
from ...questionnaire.model import ALL_PATHS
from .. import browser_draft
from ..i18n import current_language

bp = Blueprint("pages", __name__)


@bp.get("/")
def start() -> str:
    try:
        draft = browser_draft.current()
    except StoreError:
        draft = None
    resume = None
    if draft is not None:
        resume = flow.resume_page(QUESTIONNAIRE, draft.answers, draft.last_page)
    return render_template(
        "start.html",
        has_draft=draft is not None,
        resume_url=url_for("questions.page", page_id=resume) if resume else url_for(
            "questions.check"
        ),
        first_url=url_for("questions.page", page_id=QUESTIONNAIRE.pages[0].id),
        draft_days=current_app.config["DRAFT_DAYS"],
    )


@bp.get("/what-is-sip")
def what_is_sip() -> str:
    return render_template("what_is_sip.html")


@bp.get("/privacy")
def privacy() -> str:
    return render_template("privacy.html", draft_days=current_app.config["DRAFT_DAYS"])


@bp.get("/accessibility")
def accessibility() -> str:
    return render_template("accessibility.html", contact=current_app.config["REGION_CONTACT"])


@bp.get("/about")
def about() -> str:
    return render_template("about.html")


@bp.get("/paper.pdf")
def paper() -> Response:
    """Every question of a path on paper, with boxes to tick and lines to write on."""
    path = request.args.get("path")
    response = make_response(pdf.paper(current_language(),
                                       path if path in ALL_PATHS else "self"))
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = 'inline; filename="sip-questions.pdf"'
    # The same for everyone: a browser or proxy may keep it for a day.
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """The process is up. Touches nothing else, so a slow database cannot fail it."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/readyz")
def readyz() -> tuple[str, int, dict[str, str]]:
    """Ready to serve: the database answers."""
    ok = browser_draft.store().ping()
    return ("ready\n" if ok else "database unavailable\n"), (200 if ok else 503), {
        "Content-Type": "text/plain; charset=utf-8"
    }
