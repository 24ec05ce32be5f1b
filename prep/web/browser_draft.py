"""This browser's draft: its id and key in the session cookie, its ciphertext in the store.

The one place where the web layer hands the keeping layer what it needs from a request
and the settings: the store, the signing keys, lifetimes and the language written in.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, g, redirect, session, url_for

from ..keeping import drafts
from ..keeping.drafts import Draft
from ..keeping.store import Store, StoreError
from .i18n import current_language

_SESSION_KEY = "draft"


def store() -> Store:
    return current_app.extensions["prep.store"]


def signing_keys() -> list[str]:
    """The app's secret keys as itsdangerous takes them: older ones first, the one that
    signs last (as Flask's own session does)."""
    config = current_app.config
    return [*config.get("SECRET_KEY_FALLBACKS", []), config["SECRET_KEY"]]


def lifetime_seconds(setting: str) -> int:
    return int(current_app.config[setting]) * 86400


def current() -> Draft | None:
    """This browser's draft, or ``None``. Raises ``StoreError`` if the database fails."""
    if "draft" not in g:
        ref = session.get(_SESSION_KEY)
        found = None
        if isinstance(ref, dict) and isinstance(ref.get("id"), str) \
                and isinstance(ref.get("key"), str):
            found = drafts.load(store(), ref["id"], ref["key"],
                                lifetime_seconds("DRAFT_DAYS"))
        g.draft = found
    return g.draft


def draft_or_start() -> Draft:
    """This browser's draft. Without one, to the start page; with the database down, 503."""
    try:
        draft = current()
    except StoreError:
        abort(503)
    if draft is None:
        abort(redirect(url_for("pages.start")))
    return draft


def adopt(draft: Draft) -> None:
    """Make ``draft`` this browser's draft."""
    session[_SESSION_KEY] = {"id": draft.id, "key": draft.key}
    session.permanent = True
    g.draft = draft


def save(draft: Draft) -> None:
    drafts.save(store(), draft, written_in=current_language())
    adopt(draft)


def create_link(draft: Draft, purpose: str) -> None:
    drafts.create_link(store(), draft, purpose,
                       lifetime_seconds=lifetime_seconds(LIFETIME_SETTING[purpose]),
                       written_in=current_language())
    adopt(draft)


def revoke_link(draft: Draft, purpose: str) -> None:
    drafts.revoke_link(store(), draft, purpose)
    save(draft)


def delete(draft: Draft | None) -> None:
    if draft is not None:
        drafts.delete(store(), draft)
    session.pop(_SESSION_KEY, None)
    g.draft = None


#: The setting that holds each link purpose's lifetime in days.
LIFETIME_SETTING: dict[str, str] = {"share": "SHARE_LINK_DAYS", "resume": "RESUME_LINK_DAYS"}


def link_days() -> dict[str, Any]:
    return {purpose: current_app.config[name] for purpose, name in LIFETIME_SETTING.items()}
