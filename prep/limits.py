"""Rate limits on making and opening links: guessing or hammering links gets nowhere.

Counts live in memory by default (one process); set ``RATELIMIT_STORAGE_URI`` to a Redis URL
(``redis://host:6379``, with ``pip install redis``) so that several workers or servers share
them.
"""

from __future__ import annotations

from flask import Flask, current_app
from flask.globals import request_ctx
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)


def create_limit() -> str:
    return current_app.config["LINK_CREATE_LIMIT"]


def open_limit() -> str:
    return current_app.config["LINK_OPEN_LIMIT"]


def init_app(app: Flask) -> None:
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    limiter.init_app(app)

    # Only the link routes have limits, and a decorated route checks its own in the
    # decorator. The app-wide hook would look for limits on every page and find none.
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks:  # not there when limits are turned off
        hooks.remove(limiter._check_request_limit)
    if not app.config["RATELIMIT_HEADERS_ENABLED"]:
        # Nor is there anything to add to a response: we send no rate-limit headers.
        app.after_request_funcs[None] = [
            hook for hook in app.after_request_funcs.get(None, [])
            if getattr(hook, "func", None) is not Limiter._Limiter__inject_headers
        ]
    # Its teardown makes a fresh per-request state only to clear it again; clear it only
    # where a limit was checked.
    teardowns = app.teardown_request_funcs.get(None, [])
    release = limiter._Limiter__release_context
    if release in teardowns:
        teardowns[teardowns.index(release)] = _release_if_used


def _release_if_used(exc: BaseException | None = None) -> None:
    if hasattr(request_ctx._get_current_object(), "_limiter_request_context"):
        limiter._Limiter__release_context(exc)
