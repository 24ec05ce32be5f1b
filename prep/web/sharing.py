"""Share a part with someone: who a link is for and what it shows, in the person's words."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from ..questionnaire import sections
from ..questionnaire.definition import ORGANISATIONS, PEOPLE
from ..questionnaire.definition import QUESTIONNAIRE as Q

INVITEES = {option.value: option.label for option in (*ORGANISATIONS, *PEOPLE)}
#: Lifetimes a person can give a link, in days (never longer than SHARE_LINK_DAYS).
LIFETIMES = (7, 14, 30)


def recipient_name(recipient: str) -> Any:
    """``contact``, ``invitee:school`` or ``name:Mamma``, as the person reads it."""
    kind, _, value = recipient.partition(":")
    if kind == "invitee" and value in INVITEES:
        return INVITEES[value]
    if kind == "name" and value:
        return value
    return _l("Your contact person")


def part_names(parts: list[str] | None, path: str) -> list[Any]:
    """What a link shows, part by part (``None``: everything)."""
    if parts is None:
        return [_l("Everything")]
    names = []
    for part in parts:
        if part == sections.CARD:
            names.append(_l("The meeting at a glance"))
        elif part == sections.CONSENT:
            names.append(_l("Consent and its limits"))
        elif part == sections.LIFE:
            names.append(_l("Life now, in pictures"))
        elif (page := Q.page(part)) is not None:
            worded = page.worded_for(path)
            names.append(worded.title)
    return names


def invitee_choices(answers: dict) -> list[tuple[str, Any]]:
    """The organisations and people the person wants to invite, as link recipients."""
    chosen = answers.get("invite") or []
    return [(f"invitee:{value}", INVITEES[value]) for value in chosen if value in INVITEES]


def part_choices(answers: dict) -> list[tuple[str, Any]]:
    """Every part a link can show for these answers, named for the person."""
    parts = [sections.CARD, sections.CONSENT, *sections.topics(Q, answers)]
    return list(zip(parts, part_names(parts, Q.path(answers)), strict=True))
