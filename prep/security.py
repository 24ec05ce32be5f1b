"""Response headers that every page gets.

No inline script or style anywhere, so the policy needs no ``unsafe-inline``. The referrer
stays same-origin: flask-wtf's CSRF check needs it on HTTPS form posts.
"""

from __future__ import annotations

from flask import Flask, Response, current_app
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

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


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its signer built once rather than per request
    (building it costs as much as checking the signature)."""

    _built: tuple[tuple, URLSafeTimedSerializer | None] = ((), None)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *app.config["SECRET_KEY_FALLBACKS"])
        if self._built[0] != keys:
            self._built = (keys, super().get_signing_serializer(app))
        return self._built[1]


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.after_request(add_headers)
