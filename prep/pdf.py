"""Summary → PDF bytes with WeasyPrint: A4, tagged (PDF/UA-1), title and language set.

WeasyPrint may read nothing but our own static files; answers are escaped text in the
HTML, so ``<img src="file:///etc/passwd">`` typed by someone is printed, never fetched.
Renders are cached per process, keyed by a keyed hash of everything that goes in, so a
repeated download of an unchanged summary costs nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import threading
from collections import OrderedDict
from functools import cache
from typing import Any

from flask import current_app, render_template
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

_CACHE_ENTRIES = 64
_cache: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()
_images: dict = {}


class StaticOnlyFetcher(URLFetcher):
    """Reads our own static folder and nothing else: no network, no other file."""

    def __init__(self, root: str) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self._prefix = "file://" + root + os.sep

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.startswith(self._prefix) or ".." in url or "%" in url:
            raise ValueError("only our own static files may be read")
        return super().fetch(url, headers)


def _static_root() -> str:
    return os.path.realpath(current_app.static_folder or "static")


@cache
def _fonts() -> FontConfiguration:
    # One per process: building it scans the system fonts.
    return FontConfiguration()


@cache
def _stylesheet(path: str) -> CSS:
    return CSS(filename=path, font_config=_fonts())


def _plain(value: Any) -> Any:
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else str(value)


def _key(template_args: dict[str, Any], locale: str) -> str:
    body = json.dumps(template_args, sort_keys=True, default=_plain, ensure_ascii=False)
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, f"{locale}\n{body}".encode(), hashlib.sha256).hexdigest()


def render(template_args: dict[str, Any], locale: str) -> bytes:
    """The PDF for a summary. ``template_args`` key the cache: plain data and dataclasses."""
    return _cached(_key(template_args, locale),
                   lambda: render_template("pdf/summary.html", **template_args))


def blank(locale: str) -> bytes:
    """Every question with boxes to tick and lines to write on: the same for everyone."""
    from .questionnaire.paper import paper_pages

    return _cached(f"blank:{locale}",
                   lambda: render_template("pdf/paper.html", pages=paper_pages()))


def _cached(key: str, html: Any) -> bytes:
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    root = _static_root()
    document = HTML(string=html(), base_url=root + os.sep, url_fetcher=StaticOnlyFetcher(root))
    pdf = document.write_pdf(
        stylesheets=[_stylesheet(os.path.join(root, "pdf.css"))],
        font_config=_fonts(),
        pdf_variant="pdf/ua-1",
        cache=_images,  # the pictograms are parsed once per process
    )
    with _lock:
        _cache[key] = pdf
        while len(_cache) > _CACHE_ENTRIES:
            _cache.popitem(last=False)
    return pdf


def clear_cache() -> None:
    with _lock:
        _cache.clear()
