"""The person's draft: found through the session cookie, stored encrypted in the database.

The cookie holds the draft's id and its key; the database holds only ciphertext. The draft
also remembers the links the person made, so that a share link always shows the latest
answers and the person can stop it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, g, session

from . import crypto, links
from . import store as store_module
from .i18n import current_language
from .store import Store

_SESSION_KEY = "draft"
_FORMAT = 1


@dataclass
class Draft:
    id: str
    key: str
    answers: dict[str, Any] = field(default_factory=dict)
    last_page: str | None = None
    #: purpose → {"id", "key", "expires_at"} of the link currently handed out.
    links: dict[str, dict[str, Any]] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        return {"format": _FORMAT, "answers": self.answers, "last_page": self.last_page,
                "links": self.links}

    def active_link(self, purpose: str) -> dict[str, Any] | None:
        ref = self.links.get(purpose)
        if ref and ref["expires_at"] > store_module.now():
            return ref
        return None


def store() -> Store:
    return current_app.extensions["prep.store"]


def _max_age() -> int:
    return int(current_app.config["DRAFT_DAYS"]) * 86400


def load(draft_id: str, key: str) -> Draft | None:
    blob = store().load_draft(draft_id, _max_age())
    if blob is None:
        return None
    try:
        data = crypto.decrypt(key, draft_id, blob)
    except crypto.CannotDecrypt:
        return None
    return Draft(draft_id, key, data.get("answers", {}), data.get("last_page"),
                 data.get("links", {}))


def current() -> Draft | None:
    """The draft of this browser, or ``None``. Raises ``StoreError`` if the database fails."""
    if "draft" in g:
        return g.draft
    ref = session.get(_SESSION_KEY)
    found = None
    if isinstance(ref, dict) and isinstance(ref.get("id"), str) and isinstance(ref.get("key"), str):
        found = load(ref["id"], ref["key"])
    g.draft = found
    return found


def adopt(draft: Draft) -> None:
    """Make ``draft`` this browser's draft (after opening a resume link)."""
    ref = {"id": draft.id, "key": draft.key}
    if session.get(_SESSION_KEY) != ref or not session.permanent:
        # Only a new reference rewrites the cookie: re-signing it on every save costs time.
        session[_SESSION_KEY] = ref
        session.permanent = True
    g.draft = draft


def new() -> Draft:
    return Draft(id=secrets.token_urlsafe(18), key=crypto.new_key())


def _share_content(draft: Draft) -> dict[str, Any]:
    return {"answers": draft.answers, "lang": current_language(),
            "updated_at": store_module.now()}


def save(draft: Draft) -> None:
    store().save_draft(draft.id, crypto.encrypt(draft.key, draft.id, draft.payload()))
    share = draft.active_link("share")
    if share:  # the contact person always reads the latest answers
        links.write(store(), "share", share["id"], share["key"], _share_content(draft),
                    share["expires_at"])
    adopt(draft)


def create_link(draft: Draft, purpose: str) -> None:
    """Hand out a new link for ``purpose``; an earlier one of the same purpose stops."""
    revoke_link(draft, purpose, save_draft=False)
    ref = {"id": links.new_id(), "key": crypto.new_key(),
           "expires_at": store_module.now() + links.lifetime_seconds(purpose)}
    content = (_share_content(draft) if purpose == "share"
               else {"draft_id": draft.id, "draft_key": draft.key})
    links.write(store(), purpose, ref["id"], ref["key"], content, ref["expires_at"])
    draft.links[purpose] = ref
    save(draft)


def link_token(draft: Draft, purpose: str) -> str | None:
    ref = draft.active_link(purpose)
    return links.token(purpose, ref["id"], ref["key"]) if ref else None


def revoke_link(draft: Draft, purpose: str, save_draft: bool = True) -> None:
    ref = draft.links.pop(purpose, None)
    if ref:
        store().revoke_link(ref["id"])
    if save_draft:
        save(draft)


def delete(draft: Draft | None) -> None:
    """Delete everything: the draft, and the content behind every link handed out."""
    if draft is not None:
        for ref in draft.links.values():
            store().revoke_link(ref["id"])
        store().delete_draft(draft.id)
    session.pop(_SESSION_KEY, None)
    g.draft = None
