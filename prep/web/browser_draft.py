"""This browser's draft: its id and key in the session cookie, its ciphertext in the store.

The one place where the web layer hands the keeping layer what it needs from a request
and the settings: the store, the signing keys, lifetimes and the language written in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, current_app, g, redirect, session, url_for

from ..keeping import drafts
from ..keeping.drafts import Draft
from ..keeping.store import Gone, Store, StoreError
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


def forget() -> None:
    session.pop(_SESSION_KEY, None)
    g.draft = None


def change(draft: Draft | None, what: Callable[[Draft], drafts.Changes | None]) -> Draft:
    """Apply a change to this browser's draft (a new one if there is none yet) and save it.

    Raises ``Gone`` when the draft was deleted meanwhile (it is forgotten here too),
    ``StoreError`` or ``Conflict`` when the save did not happen."""
    try:
        saved = drafts.update(store(), draft or drafts.new(), what,
                              written_in=current_language(),
                              max_age_seconds=lifetime_seconds("DRAFT_DAYS"))
    except Gone:
        forget()
        raise
    adopt(saved)
    return saved


def make_link(draft: Draft, purpose: str, recipient: str = "contact",
              parts: list[str] | None = None, days: int | None = None) -> Draft:
    """Hand out a link; ``days`` shortens the link's lifetime (never beyond the setting)."""
    longest = lifetime_seconds(LIFETIME_SETTING[purpose])
    lifetime = min(longest, days * 86400) if days else longest
    return change(draft, drafts.make_link(purpose, lifetime, recipient, parts))


def stop_one(draft: Draft, link_id: str) -> Draft:
    return change(draft, drafts.stop_link(link_id))


def stop_link(draft: Draft, purpose: str) -> Draft:
    """Stop the contact person's share link, or the resume link. Stopping a resume link
    moves the draft to a new id and key, so that every device that opened it loses it."""
    if purpose == "resume":
        moved = drafts.rekey(store(), draft, max_age_seconds=lifetime_seconds("DRAFT_DAYS"))
        adopt(moved)
        return moved
    contact = [ref.id for ref in draft.links if ref.purpose == "share"
               and ref.recipient == "contact"]
    for link_id in contact:
        draft = change(draft, drafts.stop_link(link_id))
    return draft


def delete(draft: Draft | None) -> None:
    if draft is not None:
        drafts.delete(store(), draft, max_age_seconds=lifetime_seconds("DRAFT_DAYS"))
    forget()


#: The setting that holds each link purpose's lifetime in days.
LIFETIME_SETTING: dict[str, str] = {"share": "SHARE_LINK_DAYS", "resume": "RESUME_LINK_DAYS"}


def link_days() -> dict[str, Any]:
    return {purpose: current_app.config[name] for purpose, name in LIFETIME_SETTING.items()}
