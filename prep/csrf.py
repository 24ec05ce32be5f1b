"""The form token (flask-wtf's CSRF token), signed once a minute per person, not per page.

flask-wtf signs the session's raw token anew for every page that has a form (a tenth of a
question page's time), and a Continue both verifies the posted token and signs a new one
(a fifth of its time). A token this worker signed itself, recently, for the same raw token
is known good: it is handed out again, and when it comes back it is checked by comparing
strings. Any other token (older, from another worker, or from before a restart) goes through
flask-wtf's own check, so nothing is accepted that flask-wtf would refuse.

The cache holds only form tokens: no answer, and no draft or link key.
"""

from __future__ import annotations

import hmac
import time
from collections import OrderedDict

from flask import current_app, g, session
from flask_wtf import FlaskForm
from flask_wtf.csrf import _FlaskFormCSRF, generate_csrf, validate_csrf
from wtforms import ValidationError

_FIELD = "csrf_token"
#: How long one signed token is handed out again. It is accepted as valid by string
#: comparison until ``time limit - _REUSE`` seconds after signing; after that, flask-wtf
#: checks it (and refuses it once its time limit has passed).
_REUSE = 60
_KEEP = 4096

#: (signing key, raw session token) → (signed token, when it was signed).
_signed: OrderedDict[tuple[str, str], tuple[str, float]] = OrderedDict()


def _secret() -> str:
    return current_app.config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key


def token() -> str:
    """This person's form token, as ``generate_csrf()`` would give it."""
    if _FIELD in g:
        return g.csrf_token
    raw, secret, now = session.get(_FIELD), _secret(), time.time()
    kept = _signed.get((secret, raw)) if isinstance(raw, str) else None
    if kept and 0 <= now - kept[1] < _REUSE:
        g.csrf_token = kept[0]
        return kept[0]
    signed = generate_csrf()
    _signed[(secret, session[_FIELD])] = (signed, now)
    while len(_signed) > _KEEP:
        _signed.popitem(last=False)
    return signed


def _recently_signed(posted: object) -> bool:
    raw = session.get(_FIELD)
    if not isinstance(posted, str) or not isinstance(raw, str):
        return False
    kept = _signed.get((_secret(), raw))
    if kept is None:
        return False
    limit = current_app.config.get("WTF_CSRF_TIME_LIMIT", 3600)
    fresh = limit is None or 0 <= time.time() - kept[1] < limit - _REUSE
    return fresh and hmac.compare_digest(kept[0], posted)


class _CSRF(_FlaskFormCSRF):
    def generate_csrf_token(self, csrf_token_field) -> str:
        return token()

    def validate_csrf_token(self, form, field) -> None:
        if not _recently_signed(field.data):
            super().validate_csrf_token(form, field)


class Form(FlaskForm):
    """Every form of the site: flask-wtf's, with the token above."""

    class Meta:
        csrf_class = _CSRF


def posted_token_ok(posted: object) -> bool:
    """Whether the token a page posted is good, as ``FlaskForm.validate`` would decide (and
    always, when ``WTF_CSRF_ENABLED`` is off)."""
    if not current_app.config.get("WTF_CSRF_ENABLED", True) or _recently_signed(posted):
        return True
    try:
        validate_csrf(posted)
    except ValidationError:
        return False
    return True
