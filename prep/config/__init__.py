"""Settings from the environment, overridable by a test mapping with the same names.

Units are in the names (``DRAFT_DAYS``) so that nobody has to guess them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from .errors import ConfigError
from .region import load as load_region

__all__ = ["ConfigError", "load"]

#: Environment variables read at start, with their defaults and how to parse them.
_SETTINGS: dict[str, tuple[Any, type]] = {
    "PREP_ENV": ("production", str),
    "SECRET_KEY": ("", str),
    "DATABASE_URL": ("", str),
    "DRAFT_DAYS": (30, int),
    "SHARE_LINK_DAYS": (30, int),
    "RESUME_LINK_DAYS": (30, int),
    "SESSION_COOKIE_SECURE": (True, bool),
    "HSTS_SECONDS": (0, int),
    "PROXY_HOPS": (0, int),
    "RATELIMIT_STORAGE_URI": ("memory://", str),
    "LINK_CREATE_LIMIT": ("30 per hour", str),
    "LINK_OPEN_LIMIT": ("120 per minute", str),
    "PDF_LIMIT": ("30 per hour", str),
    "PUBLIC_BASE_URL": ("", str),
    "REGION_NAME": ("", str),
    "REGION_CONTACT": ("", str),
    "LOG_IP_ADDRESSES": (False, bool),
}

_DEV_ENVS = {"development", "test"}


def _parse(name: str, raw: Any, kind: type) -> Any:
    if not isinstance(raw, str):
        return raw
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc
    return raw


def load(instance_path: str, test_config: Mapping[str, Any] | None = None,
         choices: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> dict[str, Any]:
    """Return the Flask config for this process.

    ``choices`` are the languages and organisation ids a region file may pick from.
    """
    overrides = dict(test_config or {})
    values = {name: _parse(name, overrides.pop(name, os.environ.get(name, default)), kind)
              for name, (default, kind) in _SETTINGS.items()}
    region_file = overrides.pop("REGION_CONFIG", os.environ.get("REGION_CONFIG"))
    if region_file:  # a setting given to create_app wins over the region's file
        values.update({name: value for name, value in load_region(region_file, *choices).items()
                       if name not in (test_config or {})})
    if overrides.get("TESTING"):
        values["PREP_ENV"] = "test"
    _check_secret(values)
    _check_lifetimes(values)
    _check_public_address(values)
    values["SECRET_KEY_FALLBACKS"] = _key_list(
        overrides.pop("SECRET_KEY_FALLBACKS", os.environ.get("SECRET_KEY_FALLBACKS", "")))
    if values["PREP_ENV"] in _DEV_ENVS:
        values["SESSION_COOKIE_SECURE"] = False
    if not values["DATABASE_URL"]:
        values["DATABASE_URL"] = "sqlite:///" + os.path.join(instance_path, "prep.sqlite3")
    values.update(
        # Tests share one process: limits only where a test asks for them.
        RATELIMIT_ENABLED=values["PREP_ENV"] != "test",
        # The session holds the draft's key: keep it as long as the draft lives.
        PERMANENT_SESSION_LIFETIME=timedelta(days=values["DRAFT_DAYS"]),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="prep",
        # A form may stay open while someone thinks; the page survives an expired token anyway.
        WTF_CSRF_TIME_LIMIT=8 * 3600,
        # No message of WTForms' own reaches a page (they exist in neither Somali nor
        # Tigrinya), so its catalogues need not be read for every form.
        WTF_I18N_ENABLED=False,
        MAX_CONTENT_LENGTH=256 * 1024,
        BABEL_DEFAULT_LOCALE="sv",
        BABEL_TRANSLATION_DIRECTORIES="../translations",
    )
    values.update(overrides)
    return values


def _check_secret(values: dict[str, Any]) -> None:
    """Outside development and tests the app refuses to start without a real secret key:
    the key signs the session cookie that holds the key to the person's draft."""
    production = values["PREP_ENV"] not in _DEV_ENVS
    if values["SECRET_KEY"]:
        if production and len(values["SECRET_KEY"].encode()) < 32:
            raise ConfigError("SECRET_KEY is too short: use at least 32 random bytes, for "
                              "example: python3 -c 'import secrets; print(secrets.token_hex(32))'")
        return
    if production:
        raise ConfigError(
            "SECRET_KEY is not set. Set it to a long random value, for example the output "
            "of: python3 -c 'import secrets; print(secrets.token_hex(32))'. "
            "(For local development only, set PREP_ENV=development instead.)"
        )
    # A throw-away key: drafts made in development do not survive a restart.
    values["SECRET_KEY"] = secrets.token_hex(32)


def _check_public_address(values: dict[str, Any]) -> None:
    """Links are built on the address people reach the service at, never on the Host
    header of a request (a client chooses that). Development falls back to the local
    server; production must say."""
    url = values["PUBLIC_BASE_URL"].rstrip("/")
    if not url:
        if values["PREP_ENV"] not in _DEV_ENVS:
            raise ConfigError("PUBLIC_BASE_URL is not set. Set it to the address people open "
                              "the service at, for example https://sip.region.se")
        port = os.environ.get("PORT", "5000")
        url = "http://localhost" if values["PREP_ENV"] == "test" else f"http://127.0.0.1:{port}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        raise ConfigError(f"PUBLIC_BASE_URL must be a scheme and a host only, such as "
                          f"https://sip.region.se (got {url!r})")
    values["PUBLIC_BASE_URL"] = url


def _check_lifetimes(values: dict[str, Any]) -> None:
    for name in ("DRAFT_DAYS", "SHARE_LINK_DAYS", "RESUME_LINK_DAYS"):
        if values[name] < 1:
            raise ConfigError(f"{name} must be 1 or more")


def _key_list(keys: str | list[str]) -> list[str]:
    """Older keys, comma-separated: cookies, links and files signed with them still open."""
    if isinstance(keys, str):
        return [key.strip() for key in keys.split(",") if key.strip()]
    return list(keys)
