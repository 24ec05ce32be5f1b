"""Which language a page is shown in, and the language picker.

The choice comes from ``?lang=xx`` on any page and is remembered in the session; otherwise
Swedish, the default. The contact person's pages ignore the remembered choice.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, request, session, url_for
from flask_babel import get_locale

from ..languages import SUPPORTED, bcp47, catalogue, direction, name_in, own_name, site_code
from .extensions import babel


def offered() -> tuple[str, ...]:
    return tuple(current_app.config.get("LANGUAGES") or SUPPORTED)


def viewer_chooses_language(view):
    """For pages the contact person reads: Swedish unless ``?lang=`` asks otherwise,
    whatever language the person who wrote the answers used on this device."""
    view.viewer_language = True
    return view


def select_locale() -> str:
    codes = offered()
    wanted = request.args.get("lang")
    if wanted in codes:
        return catalogue(wanted)
    view = current_app.view_functions.get(request.endpoint or "")
    remembered = session.get("lang")
    if not getattr(view, "viewer_language", False) and remembered in codes:
        return catalogue(remembered)
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    """The code of this request's language, as the site spells it (``fa_AF``, ``kmr``)."""
    return site_code(str(get_locale()))


def remember_choice() -> None:
    """Keep ``?lang=`` for the pages that follow (a before-request hook)."""
    wanted = request.args.get("lang")
    if wanted in offered() and session.get("lang") != wanted:
        session["lang"] = wanted


def language_links() -> list[dict[str, object]]:
    """The picker: this same page in every offered language.

    A link holds only a query (``?lang=ar``), so the page's own address, which may carry a
    link's token, is never written into it. The query is kept on a GET; a page that only
    answers POSTs links to the start page instead.
    """
    rule = request.url_rule
    if rule is None or "GET" not in (rule.methods or ()):
        base = url_for("pages.start") + "?"
    else:
        kept = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] \
            if request.method == "GET" else []
        base = "?" + (urlencode(kept) + "&" if kept else "")
    current = current_language()
    return [{"href": f"{base}lang={code}", "tag": bcp47(code), "name": own_name(code),
             "current": code == current} for code in offered()]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choice)
    app.jinja_env.globals.update(
        current_language=current_language,
        bcp47=bcp47,
        direction=direction,
        language_links=language_links,
        language_name_in=name_in,
    )
