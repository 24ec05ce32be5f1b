"""Encrypt answers with a key the server does not keep.

Each draft has its own random key. The key lives in the person's session cookie (and,
later, inside the links they hand out); the database holds only ciphertext. A copy of
the database alone therefore reveals no answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE_BYTES = 12


class CannotDecrypt(Exception):
    """Wrong key, or the stored bytes were changed."""


def new_key() -> str:
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode().rstrip("=")


def _key_bytes(key: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    except (binascii.Error, ValueError) as exc:
        raise CannotDecrypt from exc
    if len(raw) != 32:
        raise CannotDecrypt
    return raw


def seal(key: str, record_id: str, plain: bytes) -> bytes:
    """AES-GCM; the record id is bound in, so ciphertext cannot be moved to another row."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(_key_bytes(key)).encrypt(nonce, plain, record_id.encode())


def unseal(key: str, record_id: str, blob: bytes) -> bytes:
    if len(blob) <= _NONCE_BYTES:
        raise CannotDecrypt
    nonce, body = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:]
    try:
        return AESGCM(_key_bytes(key)).decrypt(nonce, body, record_id.encode())
    except InvalidTag as exc:
        raise CannotDecrypt from exc


def encrypt(key: str, record_id: str, data: dict[str, Any]) -> bytes:
    """``data`` as JSON, sealed."""
    return seal(key, record_id, json.dumps(data, ensure_ascii=False,
                                           separators=(",", ":")).encode())


def decrypt(key: str, record_id: str, blob: bytes) -> dict[str, Any]:
    # Decoded first: json.loads would guess the encoding of bytes.
    return json.loads(unseal(key, record_id, blob).decode("utf-8"))
