"""Which language a page is shown in, its direction, and the names of the languages.

The choice comes from ``?lang=xx`` on any page and is remembered in the session;
otherwise Swedish, the default.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from flask import Flask, current_app, request, session, url_for
from flask_babel import Babel, format_number, get_locale

#: Languages offered, in the order the picker shows them. Swedish first: it is the default,
#: then Finnish (a national minority language), then the languages most often interpreted.
SUPPORTED = ("sv", "en", "fi", "ar", "fa", "fa_AF", "ckb", "so", "ti", "uk")

#: Where Babel's name for a language is not what its speakers call it.
_NAMES = {"fa_AF": "دری"}

babel = Babel()


def offered() -> tuple[str, ...]:
    return tuple(current_app.config.get("LANGUAGES", SUPPORTED))


def viewer_chooses_language(view):
    """For pages the contact person reads: Swedish unless ``?lang=`` asks otherwise,
    whatever language the person who wrote the answers used on this device."""
    view.viewer_language = True
    return view


def select_locale() -> str:
    wanted = request.args.get("lang")
    if wanted in offered():
        return wanted
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "viewer_language", False):
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    remembered = session.get("lang")
    if remembered in offered():
        return remembered
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_choice() -> None:
    """Keep ``?lang=`` for the pages that follow (a before-request hook)."""
    wanted = request.args.get("lang")
    if wanted in offered() and session.get("lang") != wanted:
        session["lang"] = wanted


@cache
def language_name(code: str) -> str:
    """The language's name in itself ("Svenska", "العربية"), as the picker shows it."""
    name = _NAMES.get(code) or Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def bcp47(code: str) -> str:
    """The tag for ``lang=`` attributes: ``fa_AF`` → ``fa-AF``."""
    return code.replace("_", "-")


@cache
def language_name_in(code: str, viewer: str) -> str:
    """The language's name in the viewer's language ("engelska" for a Swedish reader)."""
    if code == "fa_AF":  # Babel calls it "Persian (Afghanistan)"; its speakers say Dari
        return {"sv": "dari", "en": "Dari"}.get(viewer, _NAMES["fa_AF"])
    return Locale.parse(code).get_display_name(viewer) or code


@cache
def direction(code: str) -> str:
    return Locale.parse(code).text_direction


def current_language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def switch_links() -> list[dict[str, str | bool]]:
    """Links to this same page in every offered language."""
    current = current_language()
    links = []
    for code in offered():
        args = {k: v for k, v in request.args.items() if k != "lang"}
        if request.endpoint and request.url_rule is not None and request.method == "GET":
            href = url_for(request.endpoint, **(request.view_args or {}), **args, lang=code)
        elif request.endpoint and request.url_rule is not None:
            href = url_for(request.endpoint, **(request.view_args or {}), lang=code)
        else:
            href = url_for("pages.start", lang=code)
        links.append({"code": code, "tag": bcp47(code), "name": language_name(code),
                      "href": href, "current": code == current})
    return links


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choice)
    app.jinja_env.filters["number"] = format_number
    app.jinja_env.globals.update(
        get_locale=get_locale,
        current_language=current_language,
        current_tag=lambda: bcp47(current_language()),
        bcp47=bcp47,
        text_direction=lambda: direction(current_language()),
        language_links=switch_links,
        language_name=language_name,
        language_name_in=language_name_in,
    )
