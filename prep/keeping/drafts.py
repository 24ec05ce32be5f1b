"""The person's draft, stored encrypted: the caller holds its id and key (in the session
cookie), the database only ciphertext.

The draft also remembers the links the person made, so that a share link always shows the
latest answers and the person can stop it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from . import crypto, links
from .store import Store, now

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
        if ref and ref["expires_at"] > now():
            return ref
        return None


def new() -> Draft:
    return Draft(id=secrets.token_urlsafe(18), key=crypto.new_key())


def load(store: Store, draft_id: str, key: str, max_age_seconds: int) -> Draft | None:
    """The draft, or ``None`` if it is gone, too old or the key does not open it."""
    blob = store.load_draft(draft_id, max_age_seconds)
    if blob is None:
        return None
    try:
        data = crypto.decrypt(key, draft_id, blob)
    except crypto.CannotDecrypt:
        return None
    return Draft(draft_id, key, data.get("answers", {}), data.get("last_page"),
                 data.get("links", {}))


def _share_content(draft: Draft, written_in: str) -> dict[str, Any]:
    return {"answers": draft.answers, "lang": written_in, "updated_at": now()}


def save(store: Store, draft: Draft, *, written_in: str) -> None:
    """Save the draft, and the copy behind its share link: the contact person always reads
    the latest answers. ``written_in`` is the language the person writes in."""
    store.save_draft(draft.id, crypto.encrypt(draft.key, draft.id, draft.payload()))
    share = draft.active_link("share")
    if share:
        links.write(store, "share", share["id"], share["key"],
                    _share_content(draft, written_in), share["expires_at"])


def create_link(store: Store, draft: Draft, purpose: str, *, lifetime_seconds: int,
                written_in: str) -> None:
    """Hand out a new link for ``purpose``; an earlier one of the same purpose stops."""
    revoke_link(store, draft, purpose)
    ref = {"id": links.new_id(), "key": crypto.new_key(),
           "expires_at": now() + lifetime_seconds}
    content = (_share_content(draft, written_in) if purpose == "share"
               else {"draft_id": draft.id, "draft_key": draft.key})
    links.write(store, purpose, ref["id"], ref["key"], content, ref["expires_at"])
    draft.links[purpose] = ref
    save(store, draft, written_in=written_in)


def revoke_link(store: Store, draft: Draft, purpose: str) -> None:
    """Stop the link; the caller saves the draft."""
    ref = draft.links.pop(purpose, None)
    if ref:
        store.revoke_link(ref["id"])


def delete(store: Store, draft: Draft) -> None:
    """Delete everything: the draft, and the content behind every link handed out."""
    for ref in draft.links.values():
        store.revoke_link(ref["id"])
    store.delete_draft(draft.id)
