"""Question pages rendered once per shape, then filled in with this person's answers.

Rendering a question page is most of the cost of a request, yet almost all of it depends
only on the page's *shape*: its language, which page, the wording for this path, where it
sits in the journey. The person's own data is small: what they typed, which boxes are
ticked, a quoted answer, the form token. So the template writes *slots* for those
(``slot("value", "goals")``), the rendered shape is kept in memory, and each request fills
the slots in one pass.

What is kept holds no answers: only the page's fixed text and the slot markers. Pages with
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


def fill(shape: str, csrf_token: str, values: dict[str, Any], quotes: dict[str, Any]) -> str:
    """The page for this person: every slot in ``shape`` replaced, in one pass."""

    def replace(found: re.Match[str]) -> str:
        kind, question_id, option = found.group(1).split(_SEP)
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

    return _SLOT.sub(replace, shape)


class Shapes:
    """The most recently used shapes, at most ``size`` of them (0: keep none)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, str] = OrderedDict()

    def get(self, key: Hashable, render: Callable[[], str]) -> str:
        if self.size <= 0:
            return render()
        try:
            self._kept.move_to_end(key)
            return self._kept[key]
        except KeyError:
            shape = self._kept[key] = render()
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
            return shape


def shapes() -> Shapes:
    app = current_app
    if "prep.shapes" not in app.extensions:
        app.extensions["prep.shapes"] = Shapes(int(app.config.get("PAGE_CACHE_SIZE", 512)))
    return app.extensions["prep.shapes"]
