"""What every template may use besides flask-babel's ``_``/``ngettext`` and flask-wtf's
``csrf_token``: the page's language and direction, and the pictograms."""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup

from ..languages import bcp47, direction
from ..questionnaire import pictures
from .i18n import current_language


def page_language() -> dict[str, str]:
    code = current_language()
    return {"page_lang": code, "page_tag": bcp47(code), "page_dir": direction(code)}


def left_to_right(text: str) -> Markup:
    """A phone number or an address inside a sentence, kept in its own direction: in a
    right-to-left sentence its digit groups would otherwise come out reversed."""
    return Markup('<span dir="ltr">{}</span>').format(text)


def init_app(app: Flask) -> None:
    app.context_processor(page_language)
    app.jinja_env.filters["ltr"] = left_to_right
    app.jinja_env.globals.update(
        page_picture=pictures.page_picture,
        option_picture=pictures.option_picture,
        question_picture=pictures.question_picture,
    )
