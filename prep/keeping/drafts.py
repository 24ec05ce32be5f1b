"""The person's draft, stored encrypted: the caller holds its id and key (in the session
cookie), the database only ciphertext.

The draft also remembers the links the person made, so that a share link always shows the
latest answers and the person can stop it. Every change goes through ``update``: it is
applied to the draft as read, and if someone saved in between (another tab, another device
with the resume link), to the draft as it is now; a deleted draft stays deleted.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..questionnaire import sections
from ..questionnaire.definition import QUESTIONNAIRE
from . import crypto, links
from .store import Conflict, Gone, NewLink, Store, now

__all__ = ["Conflict", "Draft", "Gone", "LinkRef", "Changes"]

_FORMAT = 2
#: Attempts at a change when others keep saving in between (a person has a few tabs).
_ATTEMPTS = 5


@dataclass
class LinkRef:
    """A link the person handed out: the draft keeps its id and key, nobody else does."""

    id: str
    key: str
    purpose: str
    expires_at: int
    #: Who a share link is for: ``contact`` (the contact person), ``invitee:<value>`` (an
    #: organisation or person from the invite list) or ``name:<as written>``.
    recipient: str = "contact"
    #: The parts a share link shows (``None``: everything).
    sections: list[str] | None = None

    def active(self) -> bool:
        return self.expires_at > now()


@dataclass
class Draft:
    id: str
    key: str
    answers: dict[str, Any] = field(default_factory=dict)
    last_page: str | None = None
    links: list[LinkRef] = field(default_factory=list)
    #: The version read from the store (0: not saved yet).
    version: int = 0
    saved_at: int | None = None

    def payload(self) -> dict[str, Any]:
        return {"format": _FORMAT, "answers": self.answers, "last_page": self.last_page,
                "links": [vars(ref) for ref in self.links], "saved_at": self.saved_at}

    def active_link(self, purpose: str) -> LinkRef | None:
        return next((ref for ref in self.links if ref.purpose == purpose and ref.active()),
                    None)

    def active_links(self, purpose: str) -> list[LinkRef]:
        return [ref for ref in self.links if ref.purpose == purpose and ref.active()]


@dataclass
class Changes:
    """What a change does besides the draft: links it hands out, links it stops."""

    made: list[LinkRef] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)


def new() -> Draft:
    return Draft(id=secrets.token_urlsafe(18), key=crypto.new_key())


def _refs(stored: Any) -> list[LinkRef]:
    if isinstance(stored, dict):  # format 1: one link per purpose, by purpose
        return [LinkRef(purpose=purpose, **ref) for purpose, ref in stored.items()]
    return [LinkRef(**ref) for ref in stored or ()]


def load(store: Store, draft_id: str, key: str, max_age_seconds: int) -> Draft | None:
    """The draft, or ``None`` if it is gone, too old or the key does not open it."""
    row = store.load_draft(draft_id, max_age_seconds)
    if row is None:
        return None
    try:
        data = crypto.decrypt(key, draft_id, row.ciphertext)
    except crypto.CannotDecrypt:
        return None
    return Draft(draft_id, key, data.get("answers", {}), data.get("last_page"),
                 _refs(data.get("links")), row.version, data.get("saved_at", row.updated_at))


def _link_content(draft: Draft, ref: LinkRef, written_in: str) -> dict[str, Any]:
    """What the link's row holds: for a share link, only the answers of its parts."""
    if ref.purpose == "share":
        return {"answers": sections.answers_for(QUESTIONNAIRE, draft.answers, ref.sections),
                "lang": written_in, "updated_at": draft.saved_at,
                "partial": ref.sections is not None}
    return {"draft_id": draft.id, "draft_key": draft.key}


def _write(store: Store, draft: Draft, changes: Changes, written_in: str) -> None:
    draft.saved_at = now()
    copies = {ref.id: crypto.encrypt(ref.key, ref.id, _link_content(draft, ref, written_in))
              for ref in draft.links if ref.purpose == "share" and ref.active()
              and ref not in changes.made}
    made = tuple(NewLink(ref.id, ref.purpose,
                         crypto.encrypt(ref.key, ref.id, _link_content(draft, ref, written_in)),
                         ref.expires_at) for ref in changes.made)
    draft.version = store.write_draft(
        draft.id, draft.version, crypto.encrypt(draft.key, draft.id, draft.payload()),
        copies=copies, new_links=made, stopped=tuple(changes.stopped))


T = TypeVar("T")


def _as_it_is_now(store: Store, draft: Draft, max_age_seconds: int,
                  act: Callable[[Draft], T]) -> T:
    """``act`` on the draft; when another tab wrote first (``Conflict``), read the draft
    again and act on it as it is now. Raises ``Gone`` if it was deleted meanwhile."""
    for _ in range(_ATTEMPTS):
        try:
            return act(draft)
        except Conflict:
            fresh = load(store, draft.id, draft.key, max_age_seconds)
            if fresh is None:
                raise Gone from None
            draft = fresh
    raise Conflict


def update(store: Store, draft: Draft, change: Callable[[Draft], Changes | None], *,
           written_in: str, max_age_seconds: int) -> Draft:
    """Apply ``change`` and save, all or nothing: the draft, the copies behind its share
    links and the links it makes or stops are one transaction. ``written_in`` is the
    language the person writes in. Raises ``Gone`` if the draft was deleted meanwhile."""

    def save(draft: Draft) -> Draft:
        _write(store, draft, change(draft) or Changes(), written_in)
        return draft

    return _as_it_is_now(store, draft, max_age_seconds, save)


def make_link(purpose: str, lifetime_seconds: int, recipient: str = "contact",
              parts: list[str] | None = None) -> Callable[[Draft], Changes]:
    """A change that hands out a new link. A resume link, and a share link for the same
    recipient, stop the earlier one."""
    ref = LinkRef(links.new_id(), crypto.new_key(), purpose, now() + lifetime_seconds,
                  recipient, parts)

    def change(draft: Draft) -> Changes:
        earlier = [old for old in draft.links if old.purpose == purpose
                   and (purpose == "resume" or old.recipient == recipient)]
        draft.links = [old for old in draft.links if old not in earlier] + [ref]
        return Changes(made=[ref], stopped=[old.id for old in earlier])

    return change


def stop_link(link_id: str) -> Callable[[Draft], Changes]:
    """A change that stops one link; the others go on working."""

    def change(draft: Draft) -> Changes:
        stopped = [ref.id for ref in draft.links if ref.id == link_id]
        draft.links = [ref for ref in draft.links if ref.id != link_id]
        return Changes(stopped=stopped)

    return change


def rekey(store: Store, draft: Draft, *, max_age_seconds: int) -> Draft:
    """The draft under a new id and key, its resume links stopped and its old row deleted:
    every device that opened a resume link loses it, this one keeps it."""

    def move(draft: Draft) -> Draft:
        moved = Draft(secrets.token_urlsafe(18), crypto.new_key(), draft.answers,
                      draft.last_page, [ref for ref in draft.links if ref.purpose != "resume"],
                      version=1, saved_at=now())
        stopped = tuple(ref.id for ref in draft.links if ref.purpose == "resume")
        store.replace_draft(draft.id, draft.version, moved.id,
                            crypto.encrypt(moved.key, moved.id, moved.payload()), stopped)
        return moved

    return _as_it_is_now(store, draft, max_age_seconds, move)


def delete(store: Store, draft: Draft, *, max_age_seconds: int) -> None:
    """Delete everything: the draft, and the content behind every link handed out."""

    def remove(draft: Draft) -> None:
        store.delete_draft(draft.id, draft.version, tuple(ref.id for ref in draft.links))

    try:
        _as_it_is_now(store, draft, max_age_seconds, remove)
    except Gone:
        pass  # deleted already (by another tab): what was asked for
