"""Friendly error pages in the person's language; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

#: Statuses with a page of their own; any other 4xx shows the 400 page.
_PAGES = {400, 404, 405, 410, 413, 429, 503}


def render_error(status: int) -> tuple[str, int]:
    shown = status if status in _PAGES else (400 if status < 500 else 500)
    return render_template("error.html", status=shown), status


def handle_http(exc: HTTPException) -> tuple[str, int]:
    return render_error(exc.code or 500)


def handle_unexpected(exc: Exception) -> tuple[str, int]:
    # The log's formatter leaves out the exception's message: it could hold an answer.
    log.error("unhandled error", exc_info=exc)
    return render_error(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
