"""A region's own settings, from a TOML file named by ``REGION_CONFIG``: names, contact,
languages offered, lifetimes, and which organisations are offered. Checked at start; an
error names the bad key."""

from __future__ import annotations

import tomllib
from typing import Any

from .errors import ConfigError

#: TOML key → (Flask config key, check). A check returns an error text, or None.
_KEYS: dict[str, tuple[str, Any]] = {
    "region_name": ("REGION_NAME", str),
    "municipality_name": ("MUNICIPALITY_NAME", str),
    "contact_phone": ("REGION_PHONE", str),
    "accessibility_contact": ("REGION_CONTACT", str),
    "region_page": ("REGION_PAGE_URL", str),
    "languages": ("LANGUAGES", list),
    "organisations": ("ORGANISATIONS", list),
    "draft_days": ("DRAFT_DAYS", int),
    "share_link_days": ("SHARE_LINK_DAYS", int),
    "resume_link_days": ("RESUME_LINK_DAYS", int),
}


def load(path: str, languages: tuple[str, ...], organisations: tuple[str, ...]) -> dict:
    """The Flask settings in the file at ``path``, checked."""
    settings = _typed(_read(path))
    _check_list(settings, "LANGUAGES", "languages", languages)
    _check_list(settings, "ORGANISATIONS", "organisations", organisations)
    if "LANGUAGES" in settings and "sv" not in settings["LANGUAGES"]:
        raise ConfigError("region config: 'languages' must include 'sv' (the default)")
    for name in ("DRAFT_DAYS", "SHARE_LINK_DAYS", "RESUME_LINK_DAYS"):
        if name in settings and settings[name] < 1:
            raise ConfigError(f"region config: {name.lower()!r} must be 1 or more")
    url = settings.get("REGION_PAGE_URL")
    if url and not url.startswith("https://"):
        raise ConfigError("region config: 'region_page' must be an https:// address")
    return settings


def _read(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"REGION_CONFIG: cannot read {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"REGION_CONFIG: {path} is not valid TOML: {exc}") from exc


def _typed(data: dict[str, Any]) -> dict[str, Any]:
    """The file's keys as Flask settings, each of the type it must have."""
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError(f"region config: unknown key {key!r} "
                              f"(known: {', '.join(sorted(_KEYS))})")
        name, kind = _KEYS[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"region config: {key!r} must be a {kind.__name__}")
        settings[name] = value
    return settings


def _check_list(settings: dict, name: str, key: str, known: tuple[str, ...]) -> None:
    if name not in settings:
        return
    unknown = [v for v in settings[name] if v not in known]
    if unknown:
        raise ConfigError(f"region config: {key!r} has unknown values {unknown} "
                          f"(known: {', '.join(known)})")
    settings[name] = tuple(settings[name])
