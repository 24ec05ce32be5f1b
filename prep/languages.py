"""The languages the service speaks: codes, names and writing direction, from Babel's CLDR
data. No request here: the web layer picks the page's language, outputs name languages.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

#: Languages offered, in the order the picker shows them. Swedish first: it is the default,
#: then Finnish (a national minority language), then the languages most often interpreted,
#: those of one script side by side. "bs" is one catalogue for Bosnian, Croatian and Serbian.
SUPPORTED = ("sv", "en", "fi", "ar", "fa", "fa_AF", "ps", "ckb", "kmr", "so", "ti", "am",
             "uk", "ru", "pl", "bs", "tr", "th")

#: Where CLDR's name for a language is not what its speakers call it.
_OWN_NAMES = {"fa_AF": "دری", "kmr": "Kurdî (Kurmancî)", "bs": "Bosanski / Hrvatski / Srpski"}

#: Where Babel keeps a language under another code: CLDR's Kurdish, "ku", is Kurmanji (Babel
#: reads "kmr" as ku_Latn_TR), so its catalogue is translations/ku.
_CATALOGUES = {"kmr": "ku"}


def catalogue(code: str) -> str:
    """The locale Babel and the catalogues know a site language by."""
    return _CATALOGUES.get(code, code)


@cache
def site_code(locale: str) -> str:
    """The site's code for a Babel locale name: ``ku`` or ``ku_Latn_TR`` → ``kmr``."""
    for code in SUPPORTED:
        if locale in (code, catalogue(code), str(Locale.parse(code))):
            return code
    return locale


def bcp47(code: str) -> str:
    """The tag for ``lang=`` attributes and exports: ``fa_AF`` → ``fa-AF``."""
    return code.replace("_", "-")


@cache
def direction(code: str) -> str:
    return Locale.parse(code).text_direction


@cache
def own_name(code: str) -> str:
    """The language's name in itself ("Svenska", "العربية"), as the picker shows it."""
    name = _OWN_NAMES.get(code) or Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


#: Languages interpreters are booked for in Sweden: every language the site offers, and
#: the others asked for most. "bs" stands for Bosnian, Croatian and Serbian, booked as one.
INTERPRETED = tuple(dict.fromkeys((*SUPPORTED, "kmr", "ps", "pl", "bs", "ru", "tr", "th",
                                   "es", "am")))

#: What Swedish interpreting services call a language, where CLDR says otherwise.
_BOOKED_AS = {
    "sv": {"kmr": "kurdiska (kurmanji)", "ckb": "kurdiska (sorani)", "ps": "pashto",
           "fa_AF": "dari", "bs": "bosniska/kroatiska/serbiska"},
    "en": {"kmr": "Kurdish (Kurmanji)", "ckb": "Kurdish (Sorani)", "fa_AF": "Dari"},
}


def _cldr_name(code: str, reader: str) -> str:
    return Locale.parse(code).get_display_name(reader) or code


@cache
def name_in(code: str, reader: str) -> str:
    """The language's name in the reader's language ("engelska" for a Swedish reader), as
    an interpreter is booked for it ("kurdiska (kurmanji)")."""
    known = _BOOKED_AS.get(reader, {}).get(code)
    if known:
        return known
    if code == "fa_AF":  # CLDR calls it "Persian (Afghanistan)"; its speakers say Dari
        return _OWN_NAMES["fa_AF"]
    if code == "bs":
        return "/".join(_cldr_name(part, reader) for part in ("bs", "hr", "sr"))
    if code == "kmr":  # CLDR's "ku" is Kurmanji, named so in some languages only
        name = _cldr_name("ku", reader)
        return name if "(" in name else f"{name} (Kurmancî)"
    return _cldr_name(code, reader)

