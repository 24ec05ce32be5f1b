"""What a question page posted, read and checked by its questions' kinds; the blank form
that buttons such as "Delete" post."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..csrf import Form
from . import errors
from .model import Answer, Answers, Question

# Control characters have no place in an answer (NUL breaks storage and PDF text alike);
# tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", value).strip()


class Posted:
    """A question page's answers as posted: cleaned, checked against the definition, and
    kept as typed so that a page shown again with an error loses nothing.

    Read straight from the form data by one kind → reader table, not through WTForms
    fields: a page only ever has these four kinds, and building a WTForms form for every
    Continue cost a sixth of the request. The form token is flask-wtf's, checked by
    ``prep.csrf.posted_token_ok``.
    """

    def __init__(self, questions: list[Question], formdata: Any) -> None:
        #: What was posted for each shown question, cleaned (``None``: nothing posted).
        self.values: dict[str, Answer | None] = {}
        #: The first error of each shown question, by question id, in page order.
        self.errors: dict[str, str] = {}
        for question in questions:
            value = READERS[question.kind](formdata.getlist(question.id))
            self.values[question.id] = value
            error = _check(question, value)
            if error:
                self.errors[question.id] = error

    def answers(self, questions: list[Question], answers: Answers) -> dict[str, Answer]:
        """The saved answers with the shown questions' answers replaced by what was posted."""
        updated = dict(answers)
        for question in questions:
            value = self.values.get(question.id)
            if isinstance(value, list):
                value = [v for v in value if v]
            if value:
                updated[question.id] = value
            else:
                updated.pop(question.id, None)
        return updated


def _first(posted: list[str]) -> str | None:
    return posted[0] if posted else None


#: How each kind of question reads what was posted for it: text is cleaned, one choice is
#: the first value sent, several choices are every value sent.
READERS: dict[str, Callable[[list[str]], Answer | None]] = {
    "text": lambda posted: clean_text(_first(posted)),
    "textarea": lambda posted: clean_text(_first(posted)),
    "radio": _first,
    "checkboxes": lambda posted: list(posted) if posted else None,
}


def _check(question: Question, value: Answer | None) -> str | None:
    """What is wrong with ``value`` as an answer to ``question``, in the page's language."""
    if question.kind in ("text", "textarea"):
        if question.limit and len(value or "") > question.limit:
            return errors.too_long(question.limit, len(value))
        return None
    chosen = [v for v in (value if isinstance(value, list) else [value]) if v]
    if any(v not in question.values for v in chosen):
        return errors.not_an_option()
    for option in question.options:
        if option.exclusive and option.value in chosen and len(chosen) > 1:
            return errors.exclusive(str(option.label))
    return None


def blank_form() -> Form:
    """A form with only the CSRF token, for buttons such as "Delete"."""
    return Form()


def described_by(question: Question, error: str | None, extra: str = "") -> Markup:
    """The ``aria-describedby`` attribute of a field: its hint, ``extra``, its error."""
    ids = [question.id + "-hint"] if question.hint else []
    if extra:
        ids.append(extra)
    if error:
        ids.append(question.id + "-error")
    return Markup(' aria-describedby="%s"') % " ".join(ids) if ids else Markup("")
