"""Response headers that every page gets, and the signed session cookie (``session_cookie``).

No inline script or style anywhere, so the policy needs no ``unsafe-inline``. The referrer
stays same-origin: flask-wtf's CSRF check needs it on HTTPS form posts.
"""

from __future__ import annotations

from functools import lru_cache

from flask import Flask, Response, current_app

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


def add_headers(response: Response) -> Response:
    headers = response.headers
    html = (response.content_type or "").startswith("text/html")
    wanted = _wanted(current_app.config.get("HSTS_SECONDS"), html)
    # A view's own header wins (a PDF sets its own Cache-Control). Most responses carry
    # only their type and length, so ask about the few they carry, not about all we add.
    own = {name.lower() for name in headers.keys()}
    headers.extend(wanted if own.isdisjoint(_NAMES) else
                   [pair for pair in wanted if pair[0].lower() not in own])
    return response


@lru_cache(maxsize=8)
def _wanted(hsts: int | None, html: bool) -> tuple[tuple[str, str], ...]:
    wanted = list(HEADERS.items())
    if hsts:
        wanted.append(("Strict-Transport-Security", f"max-age={hsts}"))
    if html:
        # Pages show personal answers: never keep them in a shared cache.
        wanted.append(("Cache-Control", "no-store"))
    return tuple(wanted)


_NAMES = frozenset(name.lower() for name in (*HEADERS, "Strict-Transport-Security",
                                             "Cache-Control"))


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    app.after_request(add_headers)
