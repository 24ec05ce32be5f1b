"""Catalogues are complete: every string in the code is translated, none is fuzzy or empty."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from prep.languages import SUPPORTED
from prep.languages import catalogue as catalogue_of

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = list(SUPPORTED)


def catalogue(lang: str):
    with open(ROOT / "translations" / catalogue_of(lang) / "LC_MESSAGES" / "messages.po",
              "rb") as f:
        return read_po(f, locale=catalogue_of(lang))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "extract", "-F", "babel.cfg", "-k", "_l",
         "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with open(pot, "rb") as f:
        return {m.id for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalogue(lang, extracted):
    missing = extracted - {m.id for m in catalogue(lang) if m.id}
    listed = sorted(map(str, missing))
    assert not missing, f"{lang}: run scripts/translations, then translate: {listed}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_is_empty_or_fuzzy(lang):
    forms = lambda m: m.string if isinstance(m.string, tuple) else (m.string,)  # noqa: E731
    bad = [m.id for m in catalogue(lang) if m.id and (not all(forms(m)) or m.fuzzy)]
    assert not bad, f"{lang}: untranslated or fuzzy: {bad}"


#: Names that stay as they are in every language: Swedish names the English uses too, and
#: names of things.
SAME_EVERYWHERE = {"God man", "Personligt ombud", "Förvaltare", "SIP", "PDF", "FHIR"}


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_no_english_left_in(lang):
    """A translation that reads the same as the English was not translated: a sentence or
    a single word ("Dialect", "Breaks")."""
    same = [m.id for m in catalogue(lang)
            if m.id and m.string == m.id and m.id not in SAME_EVERYWHERE]
    assert not same, f"{lang} entries left in English: {same}"


_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_digits_are_written_one_way(lang):
    """Babel writes the numbers and dates filled in at run time with 0-9 in every language
    offered, so the catalogues do too: one page never mixes two kinds of digits."""
    mixed = [m.id for m in catalogue(lang) if m.id and any(
        _EASTERN_DIGITS.search(form)
        for form in (m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert not mixed, mixed


def _placeholders(text: str | tuple) -> set[str]:
    texts = text if isinstance(text, tuple) else (text,)
    return {name for t in texts for name in re.findall(r"%\((\w+)\)s", t)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept(lang):
    for m in catalogue(lang):
        if m.id:
            assert _placeholders(m.id) == _placeholders(m.string), (lang, m.id)
