"""The person's draft: found through the session cookie, stored encrypted in the database.

The cookie holds the draft's id and its key; the database holds only the ciphertext.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, g, session

from . import crypto
from .store import Store

_SESSION_KEY = "draft"
_FORMAT = 1


@dataclass
class Draft:
    id: str
    key: str
    answers: dict[str, Any] = field(default_factory=dict)
    last_page: str | None = None

    def payload(self) -> dict[str, Any]:
        return {"format": _FORMAT, "answers": self.answers, "last_page": self.last_page}


def store() -> Store:
    return current_app.extensions["prep.store"]


def _max_age() -> int:
    return int(current_app.config["DRAFT_DAYS"]) * 86400


def current() -> Draft | None:
    """The draft of this browser, or ``None``. Raises ``StoreError`` if the database fails."""
    if "draft" in g:
        return g.draft
    ref = session.get(_SESSION_KEY)
    found = None
    if isinstance(ref, dict) and isinstance(ref.get("id"), str) and isinstance(ref.get("key"), str):
        blob = store().load_draft(ref["id"], _max_age())
        if blob is not None:
            try:
                data = crypto.decrypt(ref["key"], ref["id"], blob)
            except crypto.CannotDecrypt:
                data = None
            if data is not None:
                found = Draft(ref["id"], ref["key"], data.get("answers", {}), data.get("last_page"))
    g.draft = found
    return found


def new() -> Draft:
    return Draft(id=secrets.token_urlsafe(18), key=crypto.new_key())


def save(draft: Draft) -> None:
    store().save_draft(draft.id, crypto.encrypt(draft.key, draft.id, draft.payload()))
    session[_SESSION_KEY] = {"id": draft.id, "key": draft.key}
    # Kept across browser restarts for as long as the draft lives.
    session.permanent = True
    g.draft = draft


def delete(draft: Draft | None) -> None:
    if draft is not None:
        store().delete_draft(draft.id)
    session.pop(_SESSION_KEY, None)
    g.draft = None
