"""The session cookie: Flask's signed cookie, the very same bytes, read and written with
less work per request. It holds the draft's id and key, the form token's raw value and the
chosen language.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import time
import zlib
from typing import Any

from flask import Flask, Request, Response
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
    the serializer and signer are built once, the signer keeps its derived key, a cookie is
    checked in one pass, and a response whose session did not change skips the cookie
    settings altogether."""

    serializer = _TaggedJSON()
    #: (secret keys, their serializer, the signing keys derived from them newest first, and
    #: the digest's name)
    _built: tuple[tuple, URLSafeTimedSerializer | None, tuple[bytes, ...], str] = (
        (), None, (), "")

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if self._built[0] != keys:
            serializer, derived = None, ()
            if app.secret_key:
                serializer = _SessionSerializer(
                    list(keys[1:]) + [keys[0]],  # itsdangerous signs with the last key
                    salt=self.salt,
                    serializer=self.serializer,
                    signer=KeptKeySigner,
                    signer_kwargs={"key_derivation": self.key_derivation,
                                   "digest_method": self.digest_method},
                )
                signer = serializer.make_signer(self.salt)
                derived = tuple(signer.derive_key(key) for key in reversed(signer.secret_keys))
            self._built = (keys, serializer, derived, self.digest_method().name)
        return self._built[1]

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if self.get_signing_serializer(app) is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        data = self._checked(value, int(app.permanent_session_lifetime.total_seconds()))
        return self.session_class(data) if data is not None else self.session_class()

    def _checked(self, value: str, max_age: int) -> dict | None:
        """The session in ``value`` if its signature (by any of our keys) is good and it is
        at most ``max_age`` seconds old, else ``None``: the same decision, in one pass, as
        ``URLSafeTimedSerializer.loads``, whose layers cost more than the checking itself.
        The format is itsdangerous': ``[.]payload.timestamp.signature``, base64url without
        padding, the payload zlib-compressed when it starts with a dot."""
        try:
            timed, signature = value.encode("ascii").rsplit(b".", 1)
            payload, stamp = timed.rsplit(b".", 1)
            mac, (_, _, derived, digest) = _unpadded_b64(signature), self._built
            if not any(hmac.compare_digest(hmac.digest(key, timed, digest), mac)
                       for key in derived):
                return None
            age = int(time.time()) - int.from_bytes(_unpadded_b64(stamp), "big")
            if not 0 <= age <= max_age:
                return None
            compressed = payload.startswith(b".")
            raw = _unpadded_b64(payload[1:] if compressed else payload)
            data = self.serializer.loads((zlib.decompress(raw) if compressed else raw).decode())
        except (ValueError, binascii.Error, zlib.error):  # includes bad UTF-8 and JSON
            return None
        return data if isinstance(data, dict) else None

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        refresh = session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]
        if not session.modified and not (session and refresh):
            if session.accessed:
                _vary_on_cookie(response)
            return  # nothing to write, nothing to delete
        super().save_session(app, session, response)


def _vary_on_cookie(response: Response) -> None:
    """``response.vary.add("Cookie")``, without parsing a header that is not there (most
    responses have none; the parse and its callback cost more than the rest of this)."""
    if "Vary" in response.headers:
        response.vary.add("Cookie")
    else:
        response.headers["Vary"] = "Cookie"


def _unpadded_b64(data: bytes) -> bytes:
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))
