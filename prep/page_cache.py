"""Question pages rendered once per shape, then filled in with this person's answers.

Rendering a question page is most of the cost of a request, yet almost all of it depends
only on the page's *shape*: its language, which page, the wording for this path, where it
sits in the journey. The person's own data is small: what they typed, which boxes are
ticked, a quoted answer, the form token. So the template writes *slots* for those
(``slot("value", "goals")``), the rendered shape is kept in memory already cut at its slots,
and each request fills the slots and joins the pieces.

What is kept holds no answers: only the page's fixed text and the slots' names. Pages with
an error message are never kept (they are rare and show what the person typed).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from flask import current_app
from markupsafe import Markup, escape

# A slot is NUL, its kind, its question id, its option value, NUL. Nothing else in a page
# can hold a NUL: answers are cleaned of control characters before they are saved.
_SEP = "\x1f"
_SLOT = re.compile("\x00([^\x00]*)\x00")


def slot(kind: str, question_id: str = "", option: str = "") -> Markup:
    return Markup(f"\x00{kind}{_SEP}{question_id}{_SEP}{option}\x00")


def split(shape: str) -> tuple:
    """``shape`` cut at its slots, once: text and slots in turn, each slot as (kind, question
    id, option). Filling then joins a few pieces instead of searching the whole page."""
    parts: list = _SLOT.split(shape)
    for i in range(1, len(parts), 2):
        parts[i] = tuple(parts[i].split(_SEP))
    return tuple(parts)


def fill(parts: tuple, csrf_token: str, values: dict[str, Any], quotes: dict[str, Any]) -> str:
    """The page for this person: every slot in ``parts`` (from ``split``) filled in."""
    page = list(parts)
    for i in range(1, len(page), 2):
        page[i] = _filled(*page[i], csrf_token, values, quotes)
    return "".join(page)


def _filled(kind: str, question_id: str, option: str, csrf_token: str,
            values: dict[str, Any], quotes: dict[str, Any]) -> str:
    if kind == "csrf":
        return str(escape(csrf_token))
    if kind == "checked":
        value = values.get(question_id)
        chosen = value if isinstance(value, list) else [value]
        return " checked" if option in chosen else ""
    if kind == "value":
        value = values.get(question_id)
        return str(escape(value)) if isinstance(value, str) else ""
    if kind == "quote":
        return str(escape(quotes.get(question_id) or ""))
    raise ValueError(f"unknown slot {kind!r}")


class Shapes:
    """The most recently used shapes, at most ``size`` of them (0: keep none)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple] = OrderedDict()

    def get(self, key: Hashable, render: Callable[[], str]) -> tuple:
        """The shape for ``key``, cut at its slots (see ``split``)."""
        if self.size <= 0:
            return split(render())
        try:
            self._kept.move_to_end(key)
            return self._kept[key]
        except KeyError:
            shape = self._kept[key] = split(render())
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
            return shape


def shapes() -> Shapes:
    app = current_app
    if "prep.shapes" not in app.extensions:
        app.extensions["prep.shapes"] = Shapes(int(app.config.get("PAGE_CACHE_SIZE", 512)))
    return app.extensions["prep.shapes"]
