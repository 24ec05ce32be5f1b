"""Every message a form can show, in one place, translated.

WTForms ships no Somali or Tigrinya messages, so no message of its own ever reaches a page.
"""

from __future__ import annotations

from flask_babel import format_number
from flask_babel import gettext as _

from ..questionnaire.model import Problem


def problem(found: Problem) -> str:
    """The words for what the questionnaire found wrong with an answer."""
    if found.reason == "too_long":
        return too_long(found.limit, found.count)
    if found.reason == "exclusive":
        return exclusive(str(found.option))
    return not_an_option()


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


def press_again() -> str:
    return _("This page was open for a long time, so nothing was done. Press the button again.")


def not_done() -> str:
    return _("We could not do that just now. Nothing was changed. Wait a minute and try again.")


def deleted_meanwhile() -> str:
    return _(
        "Your answers were deleted, perhaps in another window. What you wrote on this page "
        "is still here, but it was not saved. Press “Save and continue” to start again."
    )


def choose_recipient() -> str:
    return _("Choose who the link is for.")


def write_a_name() -> str:
    return _("Write who the link is for, for example “School” or “Mum”.")


def choose_a_part() -> str:
    return _("Choose at least one part that the link shows.")


def choose_days() -> str:
    return _("Choose how long the link works.")


def file_missing() -> str:
    return _("Choose the file with your saved answers.")


def form_expired_file() -> str:
    return _("This page was open for a long time. Choose the file again and press “Load answers”.")


def bad_file(reason: str) -> str:
    """Why a saved file cannot be used; nothing was changed."""
    return {
        "too_big": _("The file is too big. Choose the file you saved from this service."),
        "unknown_version": _("The file is from a version of this service that we do not know."),
        "changed": _("The file has been changed since it was saved, so it cannot be used."),
    }.get(reason, _("The file cannot be read. Choose the file you saved from this service."))
