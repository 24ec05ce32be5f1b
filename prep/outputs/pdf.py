"""Summary → PDF bytes with WeasyPrint: A4, tagged (PDF/UA-1), title and language set.

WeasyPrint may read nothing but our own static files; answers are escaped text in the
HTML, so ``<img src="file:///etc/passwd">`` typed by someone is printed, never fetched.
A repeated download of an unchanged summary comes from ``keeping.rendered``: stored
encrypted with the person's (or the link's) own key, gone when they are.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any

from flask import current_app, render_template
from flask_babel import LazyString, force_locale, format_date
from flask_babel import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..keeping import rendered
from ..keeping.store import Store
from ..languages import bcp47, direction
from ..questionnaire.definition import ORGANISATION_IDS
from ..questionnaire.paper import paper_pages
from .card import CardPart
from .summary import Summary

#: What decides how a summary looks, besides the summary itself.
_LOOKS = ("templates/pdf/summary.html", "static/pdf.css")


class StaticOnlyFetcher(URLFetcher):
    """Reads our own static folder and nothing else: no network, no other file."""

    def __init__(self, root: str) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.prefix = "file://" + root + os.sep

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.startswith(self.prefix) or ".." in url or "%" in url:
            raise ValueError("only our own static files may be read")
        return super().fetch(url, headers)


def static_root() -> str:
    return os.path.realpath(current_app.static_folder or "static")


@cache
def _fonts() -> FontConfiguration:
    # One per process, as WeasyPrint advises: building it scans the system fonts.
    return FontConfiguration()


@cache
def _stylesheet(path: str) -> CSS:
    return CSS(filename=path, font_config=_fonts())


#: WeasyPrint's image cache (its ``cache`` option): our own pictograms, decoded once per
#: process. It only ever holds files from static/.
_images: dict = {}


def _date(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return format_date(datetime.fromtimestamp(timestamp, UTC), format="long")


def in_swedish(text: Any) -> str:
    """``text`` as the Swedish reader of a bilingual PDF sees it: a lazy text from the
    definition, or the message id of a text the template writes itself."""
    with force_locale("sv"):
        return str(text) if isinstance(text, LazyString) else _(text)


def _region() -> str:
    config = current_app.config
    return " · ".join(filter(None, (config.get("REGION_NAME"), config.get("MUNICIPALITY_NAME"))))


def _write(html: str) -> bytes:
    root = static_root()
    document = HTML(string=html, base_url=root + os.sep, url_fetcher=StaticOnlyFetcher(root))
    return document.write_pdf(
        stylesheets=[_stylesheet(os.path.join(root, "pdf.css"))],
        font_config=_fonts(),
        pdf_variant="pdf/ua-1",
        cache=_images,
    )


def _weight(part: CardPart) -> int:
    """About how many lines a part of the meeting card takes."""
    return 2 + len(part.lines) + sum(1 + len(row.values) for row in part.rows)


def card_runs(parts: tuple[CardPart, ...]) -> list[tuple[CardPart, ...] | CardPart]:
    """The meeting card's parts as two columns of about the same length, with the mat
    across both: a pair of columns, or a wide part. Laid out here, because WeasyPrint
    balances CSS columns by laying the card out again and again (ten times the time of the
    whole rest of the PDF)."""
    runs: list = []
    flowing: list[CardPart] = []
    for part in (*parts, None):
        if part is not None and not part.columns:
            flowing.append(part)
            continue
        if flowing:
            weights = [_weight(p) for p in flowing]
            total = sum(weights)
            # Where the left column is closest to half; the left is never empty.
            split = min(range(1, len(flowing) + 1),
                        key=lambda i: abs(2 * sum(weights[:i]) - total))
            runs.append((tuple(flowing[:split]), tuple(flowing[split:])))
            flowing = []
        if part is not None:
            runs.append(part)
    return runs


def _made_line(expires: int | None) -> str:
    made = _("Made on %(date)s", date=format_date(datetime.now(UTC), format="long"))
    if expires is None:
        return made
    return f"{made} · {_('The link works until %(date)s', date=_date(expires))}"


def render(summary: Summary, locale: str, *, expires: int | None, bilingual: bool) -> bytes:
    """The summary as a PDF in ``locale``; ``bilingual`` adds the Swedish under each text."""
    name = summary.row("person_name")
    with force_locale("sv"):
        made_in_swedish = _made_line(expires)
    with force_locale(locale):
        html = render_template(
            "pdf/summary.html",
            summary=summary,
            card_runs=card_runs(summary.card),
            lang=bcp47(locale),
            dir=direction(locale),
            title=_("Preparation for a SIP meeting"),
            name=name.values[0] if name is not None and name.answered else None,
            region=_region(),
            made=format_date(datetime.now(UTC), format="long"),
            made_iso=datetime.now(UTC).date().isoformat(),
            expires=_date(expires),
            written_in=summary.written_in,
            second=bilingual and locale != "sv",
            in_swedish=in_swedish,
            in_swedish_made=made_in_swedish,
        )
    return _write(html)


@cache
def _looks_version() -> str:
    """A hash of the template and stylesheet: a new release renders afresh."""
    root = os.path.dirname(static_root())
    digest = hashlib.sha256()
    for name in _LOOKS:
        with open(os.path.join(root, name), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def render_kept(store: Store, owner: tuple[str, str], summary: Summary, locale: str, *,
                expires: int | None, bilingual: bool) -> bytes:
    """``render``, kept for ``owner`` (the id and key of the draft or link it is made from)
    so that downloading the same summary again costs a database read."""
    inputs = json.dumps(
        [summary.answers, summary.written_in, locale, expires, bilingual, _region(),
         datetime.now(UTC).date().isoformat(), _looks_version()],
        sort_keys=True, ensure_ascii=False,
    ).encode()
    variant = f"pdf:{locale}:{'sv' if bilingual else '-'}"
    return rendered.kept(store, owner, variant, inputs,
                         lambda: render(summary, locale, expires=expires, bilingual=bilingual))


def paper(locale: str, path: str) -> bytes:
    """Every question of a path with boxes to tick and lines to write on, with the region's
    name, phone number and organisations."""
    config = current_app.config
    return _paper(locale, path, _region(), config.get("REGION_PHONE") or "",
                  tuple(config.get("ORGANISATIONS") or ORGANISATION_IDS))


@lru_cache(maxsize=64)
def _paper(locale: str, path: str, region: str, phone: str, offered: tuple[str, ...]) -> bytes:
    """The same for everyone with these settings (no answer is in it), so it is made once
    per language, path and region, per process."""
    with force_locale(locale):
        html = render_template("pdf/paper.html", pages=paper_pages(path, offered),
                               lang=bcp47(locale), dir=direction(locale), region=region,
                               phone=phone)
    return _write(html)
