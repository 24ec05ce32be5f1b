"""Response headers that every page gets.

No inline script or style anywhere, so the policy needs no ``unsafe-inline``. The referrer
stays same-origin: flask-wtf's CSRF check needs it on HTTPS form posts.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

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


#: Pages behind a link's token: every answer from them, errors included.
_LINK_PATHS = ("/s/", "/r/")
_PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
            "X-Robots-Tag": "noindex, nofollow"}


def add_headers(response: Response) -> Response:
    if request.path.startswith(_LINK_PATHS):
        # The token is a password: no referrer, no cache, no search engine may keep it.
        response.headers.update(_PRIVATE)
    # A view's own header wins (a PDF sets its own Cache-Control, a link page its referrer).
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    hsts = current_app.config.get("HSTS_SECONDS")
    if hsts:
        response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts}")
    if response.mimetype == "text/html":
        # Pages show personal answers: never keep them in a shared cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
