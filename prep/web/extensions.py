"""The Flask extensions, made unbound here and bound to the app in ``create_app``."""

from __future__ import annotations

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

babel = Babel()
#: Every POST needs the form token: a new view is protected without asking.
csrf = CSRFProtect()
#: Limits only where a route asks for one (the link routes); counts live in
#: ``RATELIMIT_STORAGE_URI``, shared by every worker when that is Redis.
limiter = Limiter(key_func=get_remote_address)


def create_limit() -> str:
    return current_app.config["LINK_CREATE_LIMIT"]


def open_limit() -> str:
    return current_app.config["LINK_OPEN_LIMIT"]


def pdf_limit() -> str:
    return current_app.config["PDF_LIMIT"]
