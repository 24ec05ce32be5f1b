"""Templates compiled once per language, with their fixed texts already translated.

A page holds a few dozen ``_("…")`` calls. Looked up at render time each costs a Jinja
call and a catalogue lookup; compiled in, it costs nothing. So each template is compiled
once for each language, under the name ``@sv/question.html``: ``_("Back")`` becomes the
string literal ``("Tillbaka")`` and ``_("Step %(step)s…", step=…)`` becomes
``format_text("Steg %(step)s…", step=…)``. Texts that are not literals (question labels,
which the definition translates lazily) are still translated when shown.

The sources on disk keep ``_("…")``, so ``pybabel extract`` finds every text as before.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable

import flask_babel
from flask import Flask, request, url_for
from flask.templating import Environment
from jinja2 import BaseLoader

from .i18n import bcp47, current_language, direction, translations
from .page_cache import slot
from .questionnaire import pictures
from .questionnaire.forms import described_by

_PREFIX = re.compile(r"^@([A-Za-z_]+)/(.+)$")
# _("text") or _('text'), followed by ")" (a plain text) or "," (a text with values).
_CALL = re.compile(r"""\b_\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*([,)])""")


def localise(source: str, translate: Callable[[str], str]) -> str:
    """``source`` with each ``_("literal")`` replaced by its translation."""

    def replace(match: re.Match[str]) -> str:
        text = json.dumps(translate(ast.literal_eval(match.group(1))), ensure_ascii=False)
        if match.group(2) == ")":
            return f"({text})"
        return f"format_text({text},"

    return _CALL.sub(replace, source)


def format_text(text: str, **values: object) -> str:
    return text % values if values else text


class _LocalisedLoader(BaseLoader):
    """Loads ``@sv/name`` as ``name`` from the app's loader, localised for ``sv``."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment, template):  # type: ignore[no-untyped-def]
        found = _PREFIX.match(template)
        if not found:
            return self.inner.get_source(environment, template)
        code, name = found.groups()
        source, filename, uptodate = self.inner.get_source(environment, name)
        with flask_babel.force_locale(code):
            catalogue = translations()
        return localise(source, catalogue.ugettext), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


class LocalisedEnvironment(Environment):
    """Picks the current language's compiled copy of every template it is asked for."""

    def __init__(self, app: Flask, **options: object) -> None:
        super().__init__(app, **options)
        self.loader = _LocalisedLoader(self.loader)

    def get_template(self, name, parent=None, globals=None):  # type: ignore[no-untyped-def]
        if not isinstance(name, str):
            return super().get_template(name, parent, globals)
        if parent is not None:
            name = self.join_path(name, parent)
        found = _PREFIX.match(name)
        code = found.group(1) if found else current_language()
        if not found:
            name = f"@{code}/{name}"
        # The page's language and direction are fixed for this copy, too.
        fixed = {"page_lang": code, "page_tag": bcp47(code), "page_dir": direction(code)}
        return super().get_template(name, None, {**fixed, **(globals or {})})

    def join_path(self, template: str, parent: str) -> str:
        """``{% extends %}`` and ``{% import %}`` stay in the parent's language."""
        found = _PREFIX.match(parent)
        if found and not _PREFIX.match(template):
            return f"@{found.group(1)}/{template}"
        return template


def cached_url_for(endpoint: str, **values: str) -> str:
    """``url_for`` for the links every page repeats: the footer, the stylesheet.

    Building a URL costs more than the rest of a link; one with no values, or a static
    file, only changes with the script root, so it is built once per root.
    """
    if values and endpoint != "static":
        return url_for(endpoint, **values)
    key = (request.script_root, endpoint, *values.items())
    try:
        return _URLS[key]
    except KeyError:
        _URLS[key] = found = url_for(endpoint, **values)
        return found


_URLS: dict[tuple, str] = {}


def warm(app: Flask) -> None:
    """Compile every template in every offered language now (the server does this once,
    before it starts its workers)."""
    from .i18n import offered

    with app.app_context():
        for code in offered():
            for name in app.jinja_env.list_templates():
                if name.endswith(".html"):
                    app.jinja_env.get_template(f"@{code}/{name}")


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        format_text=format_text,
        url_for=cached_url_for,
        described_by=described_by,
        slot=slot,
        page_picture=pictures.page_picture,
        option_picture=pictures.option_picture,
    )

