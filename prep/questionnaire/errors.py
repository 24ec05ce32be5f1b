"""Every message a form can show, in one place, translated.

WTForms ships no Somali or Tigrinya messages, so no message of its own ever reaches a page.
"""

from __future__ import annotations

from flask_babel import format_number
from flask_babel import gettext as _


def too_long(limit: int, count: int) -> str:
    return _(
        "Write at most %(max)s characters. You have written %(count)s.",
        max=format_number(limit),
        count=format_number(count),
    )


def not_an_option() -> str:
    return _("Choose one of the options on the page.")


def exclusive(option: str) -> str:
    return _("Choose “%(option)s” or the other options, not both.", option=option)


def form_expired() -> str:
    return _(
        "This page was open for a long time, so your answers were not saved. "
        "Your text is still here. Press “Save and continue” again."
    )


def not_saved() -> str:
    return _(
        "We could not save your answers just now. Your text is still here. "
        "Wait a minute and press “Save and continue” again."
    )
