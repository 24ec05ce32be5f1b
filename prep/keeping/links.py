"""Signed share and resume links.

A token carries only a random link id and the key that decrypts that link's row; the server
stores ciphertext, the expiry and the revocation. The token is signed, not encrypted (anyone
holding it can read it), which is why it holds nothing but those two random values.

Key rotation: the last of ``secret_keys`` signs; every key still verifies, so links made
before a rotation keep opening.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from . import crypto
from .store import Store, now

PURPOSES = ("share", "resume")

Status = Literal["open", "expired", "revoked", "unknown"]


@dataclass(frozen=True)
class Opened:
    status: Status
    content: dict[str, Any] | None = None
    expires_at: int | None = None
    #: The link's id and key, when it opened: what its own documents are kept under.
    owner: tuple[str, str] | None = None


def _serializer(secret_keys: Sequence[str], purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(list(secret_keys), salt=f"prep.link.{purpose}")


def new_id() -> str:
    return secrets.token_urlsafe(18)


def token(secret_keys: Sequence[str], purpose: str, link_id: str, key: str) -> str:
    return _serializer(secret_keys, purpose).dumps({"i": link_id, "k": key})


def open_token(store: Store, secret_keys: Sequence[str], purpose: str, raw: str,
               lifetime_seconds: int) -> Opened:
    """What a token leads to. Tampered and unknown tokens look the same from outside."""
    try:
        data = _serializer(secret_keys, purpose).loads(raw, max_age=lifetime_seconds + 86400)
    except SignatureExpired:
        return Opened("expired")
    except BadSignature:
        # Do the same database work as a real lookup, so timing says nothing.
        store.load_link(new_id())
        return Opened("unknown")
    if not (isinstance(data, dict) and isinstance(data.get("i"), str)
            and isinstance(data.get("k"), str)):
        return Opened("unknown")
    row = store.load_link(data["i"])
    if row is None or row.purpose != purpose:
        return Opened("unknown")
    if row.revoked_at is not None:
        return Opened("revoked", expires_at=row.expires_at)
    if row.expires_at <= now():
        return Opened("expired", expires_at=row.expires_at)
    try:
        content = crypto.decrypt(data["k"], data["i"], row.ciphertext)
    except crypto.CannotDecrypt:
        return Opened("unknown")
    return Opened("open", content, row.expires_at, (data["i"], data["k"]))
