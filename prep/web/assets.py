"""Static files cached for a year: each URL carries a hash of the file, so a changed file
gets a new URL and no browser keeps an old one."""

from __future__ import annotations

import hashlib
import os
from functools import cache

from flask import Flask, current_app

YEAR_SECONDS = 365 * 86400


@cache
def _version(folder: str, filename: str) -> str:
    try:
        with open(os.path.join(folder, filename), "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()[:10]
    except OSError:
        return "0"


def _add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        values["v"] = _version(current_app.static_folder or "", values["filename"])


def init_app(app: Flask) -> None:
    if app.config.get("SEND_FILE_MAX_AGE_DEFAULT") is None:
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = YEAR_SECONDS
    app.url_defaults(_add_version)
