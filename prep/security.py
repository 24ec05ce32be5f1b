"""Response headers that every page gets, and the signed session cookie (``session_cookie``).

No inline script or style anywhere, so the policy needs no ``unsafe-inline``. The referrer
stays same-origin: flask-wtf's CSRF check needs it on HTTPS form posts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from flask import Flask

from .session_cookie import SessionInterface

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


class SecurityHeaders:
    """WSGI middleware that adds the headers above to every response, on the plain list of
    pairs the server receives. As an after-request hook the same work went through
    werkzeug's ``Headers``, which checks each value when it is added and again when it
    copies the list for the server: a twelfth of a question page's time."""

    def __init__(self, wsgi_app: Callable, hsts_seconds: int | None) -> None:
        self.wsgi_app = wsgi_app
        self.hsts_seconds = hsts_seconds

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info=None):
            present = {name.lower(): value for name, value in headers}
            html = present.get("content-type", "").startswith("text/html")
            # A view's own header wins (a PDF sets its own Cache-Control).
            headers.extend((name, value) for name, value, lower in
                           _wanted(self.hsts_seconds, html) if lower not in present)
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


@lru_cache(maxsize=8)
def _wanted(hsts: int | None, html: bool) -> tuple[tuple[str, str, str], ...]:
    wanted = list(HEADERS.items())
    if hsts:
        wanted.append(("Strict-Transport-Security", f"max-age={hsts}"))
    if html:
        # Pages show personal answers: never keep them in a shared cache.
        wanted.append(("Cache-Control", "no-store"))
    return tuple((name, value, name.lower()) for name, value in wanted)


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.wsgi_app = SecurityHeaders(app.wsgi_app, app.config.get("HSTS_SECONDS"))
