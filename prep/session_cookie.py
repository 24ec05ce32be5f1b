"""The session cookie: Flask's signed cookie, the very same bytes, read and written with
less work per request. It holds the draft's id and key, the form token's raw value and the
chosen language.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from flask import Flask, Response
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import want_bytes
from itsdangerous.signer import HMACAlgorithm


class _OpenSSLHMAC(HMACAlgorithm):
    """The same HMAC in one call to OpenSSL. itsdangerous hands ``hmac.new`` a Python
    function as the digest, which sends it down the module's pure-Python path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def get_signature(self, key: bytes, value: bytes) -> bytes:
        return hmac.digest(key, value, self.name)


_derived_keys: dict[tuple[bytes, bytes, str], bytes] = {}


class KeptKeySigner(TimestampSigner):
    """itsdangerous' timestamp signer, producing and accepting the very same bytes, without
    two costs it pays on every cookie: the key is derived from the secret once, not per
    call, and the HMAC is one OpenSSL call."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self.algorithm, HMACAlgorithm):
            self.algorithm = _OpenSSLHMAC(self.digest_method().name)

    def derive_key(self, secret_key: str | bytes | None = None) -> bytes:
        secret = self.secret_keys[-1] if secret_key is None else want_bytes(secret_key)
        kept = (secret, self.salt, self.key_derivation)
        key = _derived_keys.get(kept)
        if key is None:
            key = _derived_keys[kept] = super().derive_key(secret)
        return key


class _TaggedJSON(TaggedJSONSerializer):
    """Flask's session format, read by one JSON decoder built once (``json.loads`` with an
    ``object_hook`` builds a new decoder for every cookie)."""

    def __init__(self) -> None:
        super().__init__()
        self._decoder = json.JSONDecoder(object_hook=self.untag)

    def loads(self, value: str) -> Any:
        return self._decoder.decode(value)


class _SessionSerializer(URLSafeTimedSerializer):
    """Builds its signer once: it holds nothing that changes between requests."""

    def make_signer(self, salt: str | bytes | None = None) -> KeptKeySigner:
        kept = self.__dict__.setdefault("_signers", {})
        if salt not in kept:
            kept[salt] = super().make_signer(salt)
        return kept[salt]


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, the same cookie, read and written with less work:
    the serializer and signer are built once, the signer keeps its derived key, and a
    response whose session did not change skips the cookie settings altogether."""

    serializer = _TaggedJSON()
    _built: tuple[tuple, URLSafeTimedSerializer | None] = ((), None)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if self._built[0] != keys:
            serializer = None
            if app.secret_key:
                serializer = _SessionSerializer(
                    list(keys[1:]) + [keys[0]],  # itsdangerous signs with the last key
                    salt=self.salt,
                    serializer=self.serializer,
                    signer=KeptKeySigner,
                    signer_kwargs={"key_derivation": self.key_derivation,
                                   "digest_method": self.digest_method},
                )
            self._built = (keys, serializer)
        return self._built[1]

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        refresh = session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]
        if not session.modified and not (session and refresh):
            if session.accessed:
                response.vary.add("Cookie")
            return  # nothing to write, nothing to delete
        super().save_session(app, session, response)
