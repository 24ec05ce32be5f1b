"""Friendly error pages in the person's language; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

#: Statuses with a page of their own; any other 4xx shows the 400 page.
_PAGES = {400, 404, 405, 410, 413, 429, 503}


def _render(status: int) -> tuple[str, int]:
    shown = status if status in _PAGES else (400 if status < 500 else 500)
    return render_template("error.html", status=shown), status


def handle_http(exc: HTTPException) -> tuple[str, int]:
    return _render(exc.code or 500)


def handle_unexpected(exc: Exception) -> tuple[str, int]:
    # The type only: a message or traceback could hold an answer.
    log.error("unhandled error: %s", type(exc).__name__)
    return _render(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(InternalServerError, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
