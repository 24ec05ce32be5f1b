"""Blueprints: information pages, the question pages, the outputs and the exports."""

from __future__ import annotations

from flask import abort, redirect, url_for

from .. import drafts
from ..store import StoreError


def draft_or_start() -> drafts.Draft:
    """This browser's draft. Without one, to the start page; with the database down, 503."""
    try:
        draft = drafts.current()
    except StoreError:
        abort(503)
    if draft is None:
        abort(redirect(url_for("pages.start")))
    return draft
