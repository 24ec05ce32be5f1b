"""A form for each page, built from its questions through one kind → field table."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import StopValidation, ValidationError

from ..csrf import Form
from . import errors
from .model import Answer, Answers, Page, Question

# Control characters have no place in an answer (NUL breaks storage and PDF text alike);
# tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", value).strip()


def _max_chars(question: Question) -> Callable[[Any, Field], None]:
    def check(form: Any, field: Field) -> None:
        if question.limit and len(field.data or "") > question.limit:
            raise StopValidation(errors.too_long(question.limit, len(field.data)))

    return check


def _one_of(question: Question) -> Callable[[Any, Field], None]:
    allowed = {option.value for option in question.options}

    def check(form: Any, field: Field) -> None:
        chosen = field.data if isinstance(field.data, list) else [field.data]
        chosen = [value for value in chosen if value]
        if any(value not in allowed for value in chosen):
            raise ValidationError(errors.not_an_option())
        for option in question.options:
            if option.exclusive and option.value in chosen and len(chosen) > 1:
                raise ValidationError(errors.exclusive(str(option.label)))

    return check


#: How each kind of question becomes a form field. Choice fields get no ``choices``: the
#: template renders options from the definition and ``_one_of`` checks them, with our
#: own translated message.
FIELDS: dict[str, Callable[[Question], Field]] = {
    "text": lambda q: StringField(q.label, filters=[clean_text], validators=[_max_chars(q)]),
    "textarea": lambda q: TextAreaField(q.label, filters=[clean_text], validators=[_max_chars(q)]),
    "radio": lambda q: RadioField(q.label, validate_choice=False, validators=[_one_of(q)]),
    "checkboxes": lambda q: SelectMultipleField(
        q.label, validate_choice=False, validators=[_one_of(q)]
    ),
}

_classes: dict[str, type[Form]] = {}


def form_class(page: Page) -> type[Form]:
    if page.id not in _classes:
        fields = {question.id: FIELDS[question.kind](question) for question in page.questions}
        _classes[page.id] = type(f"PageForm_{page.id.replace('-', '_')}", (Form,), fields)
    return _classes[page.id]


def blank_form() -> Form:
    """A form with only the CSRF token, for buttons such as "Delete"."""
    return Form()


def build(page: Page) -> Form:
    """The page's form, filled with what was posted."""
    return form_class(page)()


def described_by(question: Question, error: str | None, extra: str = "") -> Markup:
    """The ``aria-describedby`` attribute of a field: its hint, ``extra``, its error."""
    ids = [question.id + "-hint"] if question.hint else []
    if extra:
        ids.append(extra)
    if error:
        ids.append(question.id + "-error")
    return Markup(' aria-describedby="%s"') % " ".join(ids) if ids else Markup("")


def answers_from(form: Form, questions: list[Question], answers: Answers) -> dict[str, Answer]:
    """The saved answers with the shown questions' answers replaced by what was posted."""
    updated = dict(answers)
    for question in questions:
        value = form[question.id].data
        if isinstance(value, list):
            value = [v for v in value if v]
        if value:
            updated[question.id] = value
        else:
            updated.pop(question.id, None)
    return updated


def field_errors(form: Form, questions: list[Question]) -> dict[str, str]:
    """The first error of each shown question, by question id, in page order."""
    return {q.id: form[q.id].errors[0] for q in questions if form[q.id].errors}
