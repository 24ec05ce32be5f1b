"""Documents made from a person's answers (their PDF), kept so that a second download of
the same summary costs a read instead of a render.

Kept in the database, encrypted with the key of the draft or link they were made from,
under a digest keyed with that same key: the database alone shows neither the document
nor what it says. One document per owner and variant; deleting the owner deletes it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from . import crypto
from .store import Store


def _digest(key: str, inputs: bytes) -> str:
    return hmac.new(key.encode(), inputs, hashlib.sha256).hexdigest()


def kept(store: Store, owner: tuple[str, str], variant: str, inputs: bytes,
         make: Callable[[], bytes]) -> bytes:
    """The document ``make()`` gives for ``inputs``, from the store when it was made before."""
    owner_id, key = owner
    digest = _digest(key, inputs)
    found = store.load_rendered(owner_id, variant)
    if found is not None and hmac.compare_digest(found[0], digest):
        try:
            return crypto.unseal(key, f"{owner_id}/{variant}/{digest}", found[1])
        except crypto.CannotDecrypt:
            pass  # sealed with another key: make it again
    document = make()
    store.save_rendered(owner_id, variant, digest,
                        crypto.seal(key, f"{owner_id}/{variant}/{digest}", document))
    return document
