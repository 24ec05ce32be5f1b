"""Which language a page is shown in, its direction, and the names of the languages.

The choice comes from ``?lang=xx`` on any page and is remembered in the session;
otherwise Swedish, the default.
"""

from __future__ import annotations

from functools import cache, lru_cache
from types import SimpleNamespace
from urllib.parse import urlencode

import flask_babel
from babel import Locale
from babel.support import NullTranslations
from flask import Flask, Request, current_app, g, request, session, url_for
from flask_babel import Babel, LazyString, get_locale
from markupsafe import Markup

#: Languages offered, in the order the picker shows them. Swedish first: it is the default,
#: then Finnish (a national minority language), then the languages most often interpreted.
SUPPORTED = ("sv", "en", "fi", "ar", "fa", "fa_AF", "ckb", "so", "ti", "uk")

#: Where Babel's name for a language is not what its speakers call it.
_NAMES = {"fa_AF": "دری"}

babel = Babel()


def translations() -> NullTranslations:
    """This request's catalogue, found once per request and locale.

    flask-babel looks the locale and catalogue up through several context proxies on every
    call (about 13 µs); a page makes dozens of calls. ``force_locale`` replaces the
    locale object, so a catalogue remembered for another locale is never used.
    """
    try:
        state = g._flask_babel
    except (AttributeError, RuntimeError):  # no request yet, or outside any context
        return flask_babel.get_translations()
    remembered = getattr(state, "prep_translations", None)
    if remembered is not None and remembered[0] is getattr(state, "babel_locale", None):
        return remembered[1]
    found = flask_babel.get_translations()  # selects the locale if not done yet
    state.prep_translations = (getattr(state, "babel_locale", None), found)
    return found


def gettext(string: str, **variables: object) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


def lazy_gettext(string: str, **variables: object) -> LazyString:
    """A text translated when shown, in the language of the page showing it."""
    return LazyString(gettext, string, **variables)


def offered() -> tuple[str, ...]:
    return tuple(current_app.config.get("LANGUAGES") or SUPPORTED)


def viewer_chooses_language(view):
    """For pages the contact person reads: Swedish unless ``?lang=`` asks otherwise,
    whatever language the person who wrote the answers used on this device."""
    view.viewer_language = True
    return view


def query_value(found: Request, name: str) -> str | None:
    """``request.args.get(name)``, without its cost when the name is absent (the usual
    case): werkzeug's ``get`` builds and catches a ``BadRequestKeyError`` for a missing key."""
    if not found.query_string:  # most pages have no query at all
        return None
    args = found.args
    return args.get(name) if name in args else None


def select_locale() -> Locale:
    return _locale(_selected())


@cache
def _locale(code: str) -> Locale:
    """One Locale object per language: flask-babel would parse the code again (and look
    for its data file) on every request."""
    return Locale.parse(code)


def _selected() -> str:
    app, found = current_app._get_current_object(), request._get_current_object()
    codes = offered()
    wanted = query_value(found, "lang")
    if wanted in codes:
        return wanted
    view = app.view_functions.get(found.endpoint or "")
    if not getattr(view, "viewer_language", False):
        remembered = session.get("lang")
        if remembered in codes:
            return remembered
    return app.config["BABEL_DEFAULT_LOCALE"]


def remember_choice() -> None:
    """Keep ``?lang=`` for the pages that follow (a before-request hook)."""
    wanted = query_value(request, "lang")
    if wanted and wanted in offered() and session.get("lang") != wanted:
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
    """The language of this request, chosen once and kept where flask-babel keeps it (its
    ``get_locale()`` would give the same answer through a few more lookups)."""
    try:
        state = g._flask_babel
    except AttributeError:
        state = g._flask_babel = SimpleNamespace()
    except RuntimeError:  # outside any app context
        return SUPPORTED[0]
    locale = getattr(state, "babel_locale", None)
    if locale is None:
        locale = state.babel_locale = select_locale()
    return _code(locale)


@cache
def _code(locale: Locale) -> str:
    return str(locale)


@lru_cache(maxsize=512)
def _number(value: int, code: str) -> str:
    return flask_babel.format_number(value)


def number(value: int) -> str:
    """A whole number as the page's language writes it (Persian digits in Persian);
    the few numbers the pages show are formatted once per language."""
    return _number(value, current_language())


def language_links() -> Markup:
    """The language picker's items: a link to this same page in every offered language.

    Built from the request's own path: the query is kept on a GET, dropped after a POST;
    a page with no route links to the start page. Information and question pages are
    remembered (their paths hold nothing personal, unlike a link's token).
    """
    current = current_language()
    if request.url_rule is None:
        base = url_for("pages.start") + "?"
    else:
        base = request.script_root + request.path + "?"
        if request.method == "GET":
            kept = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
            if kept:
                base += urlencode(kept) + "&"
    if request.blueprint in ("pages", "questions"):
        return _language_items(base, current, offered())
    return _language_items.__wrapped__(base, current, offered())


@lru_cache(maxsize=1024)
def _language_items(base: str, current: str, codes: tuple[str, ...]) -> Markup:
    item = Markup('<li><a href="{0}lang={1}" lang="{2}" hreflang="{2}"{3}>{4}</a></li>')
    return Markup("\n").join(
        item.format(base, code, bcp47(code),
                    Markup(' aria-current="true"') if code == current else "",
                    language_name(code))
        for code in codes
    )


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choice)
    # Templates call the same plain function. Jinja's newstyle wrappers cost three context
    # calls per string; here the text is escaped when printed, like any other value (no
    # catalogue text holds markup).
    app.jinja_env.globals.update(_=gettext, gettext=gettext)
    app.jinja_env.filters["number"] = number
    app.jinja_env.globals.update(
        get_locale=get_locale,
        current_language=current_language,
        bcp47=bcp47,
        language_links=language_links,
        language_name=language_name,
        language_name_in=language_name_in,
    )
