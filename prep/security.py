"""Response headers that every page gets.

No inline script or style anywhere, so the policy needs no ``unsafe-inline``. The referrer
stays same-origin: flask-wtf's CSRF check needs it on HTTPS form posts.
"""

from __future__ import annotations

import hmac

from flask import Flask, Response, current_app
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import want_bytes
from itsdangerous.signer import HMACAlgorithm

_CSP = "; ".join(
    (
        "default-src 'none'",
        "style-src 'self'",
        "script-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_headers(response: Response) -> Response:
    headers = response.headers
    present = {name.lower() for name in headers.keys()}
    wanted = list(HEADERS.items())
    hsts = current_app.config.get("HSTS_SECONDS")
    if hsts:
        wanted.append(("Strict-Transport-Security", f"max-age={hsts}"))
    if response.mimetype == "text/html":
        # Pages show personal answers: never keep them in a shared cache.
        wanted.append(("Cache-Control", "no-store"))
    # A view's own header wins (a PDF sets its own Cache-Control).
    headers.extend([(name, value) for name, value in wanted if name.lower() not in present])
    return response


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


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its serializer built once rather than per
    request and a signer that keeps its derived key."""

    _built: tuple[tuple, URLSafeTimedSerializer | None] = ((), None)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *app.config["SECRET_KEY_FALLBACKS"])
        if self._built[0] != keys:
            serializer = super().get_signing_serializer(app)
            if serializer is not None:
                serializer.signer = KeptKeySigner
            self._built = (keys, serializer)
        return self._built[1]


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.after_request(add_headers)
