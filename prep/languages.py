"""The languages the service speaks: codes, names and writing direction, from Babel's CLDR
data. No request here: the web layer picks the page's language, outputs name languages.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

#: Languages offered, in the order the picker shows them. Swedish first: it is the default,
#: then Finnish (a national minority language), then the languages most often interpreted.
SUPPORTED = ("sv", "en", "fi", "ar", "fa", "fa_AF", "ckb", "so", "ti", "uk")

#: Where CLDR's name for a language is not what its speakers call it.
_OWN_NAMES = {"fa_AF": "دری"}


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


@cache
def name_in(code: str, reader: str) -> str:
    """The language's name in the reader's language ("engelska" for a Swedish reader)."""
    if code == "fa_AF":  # CLDR calls it "Persian (Afghanistan)"; its speakers say Dari
        return {"sv": "dari", "en": "Dari"}.get(reader, _OWN_NAMES["fa_AF"])
    return Locale.parse(code).get_display_name(reader) or code


#: Languages interpreters are booked for in Sweden: every language the site offers, and
#: the others asked for most. "bs" stands for Bosnian, Croatian and Serbian, booked as one.
INTERPRETED = (*SUPPORTED, "kmr", "ps", "pl", "bs", "ru", "tr", "th", "es", "am")

#: What Swedish interpreting services call a language, where CLDR says otherwise.
_BOOKED_AS = {
    "sv": {"kmr": "kurdiska (kurmanji)", "ckb": "kurdiska (sorani)", "ps": "pashto",
           "fa_AF": "dari", "bs": "bosniska/kroatiska/serbiska"},
    "en": {"kmr": "Kurdish (Kurmanji)", "ckb": "Kurdish (Sorani)", "fa_AF": "Dari"},
}


@cache
def interpreter_language(code: str, reader: str) -> str:
    """The language's name for booking an interpreter, in the reader's language."""
    known = _BOOKED_AS.get(reader, {}).get(code)
    if known:
        return known
    if code == "bs":
        return "/".join(name_in(part, reader) for part in ("bs", "hr", "sr"))
    if code == "kmr":  # CLDR's "ku" is Kurmanji
        return f"{name_in('ku', reader)} (Kurmancî)"
    return name_in(code, reader)
