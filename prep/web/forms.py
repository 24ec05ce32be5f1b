"""Forms: a question page's WTForms form, built per request from the kind table, and what
happens when a form's token is refused.

Every POST is checked by flask-wtf's ``CSRFProtect``. A page that keeps what was typed
(``keeps_text_when_token_refused``) is shown again with its text and a message; any other
POST gets a page that says to go back and press again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, g, render_template, request, session
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from wtforms import (
    Field,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    ValidationError,
)

from ..questionnaire.model import Answer, Question
from . import messages


class _Checked:
    """The questionnaire's own check of an answer, as a WTForms validator."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def __call__(self, form: FlaskForm, field: Field) -> None:
        found = self.question.problem(self.question.kind.clean(field.data))
        if found is not None:
            raise ValidationError(messages.problem(found))


def _field(question: Question) -> Field:
    """The WTForms field for a question, by its kind. Choices are checked by ``_Checked``
    (WTForms' own messages exist in neither Somali nor Tigrinya)."""
    kind, checks = question.kind, [_Checked(question)]
    if kind.choice:
        choices = [SelectChoice(option.value) for option in question.options]
        field_class = SelectMultipleField if kind.many else RadioField
        return field_class(choices=choices, validate_choice=False, validators=checks)
    return StringField(validators=checks)


class QuestionForm(FlaskForm):
    """A question page's form; its fields are the page's questions, added per request."""

    questions: list[Question] = []

    def answers(self) -> dict[str, Answer | None]:
        """What was posted, cleaned, for each question on the page (``None``: nothing)."""
        return {q.id: q.kind.clean(self[q.id].data) for q in self.questions}

    def field_errors(self) -> dict[str, str]:
        """The first error of each question, in page order (the form token is not one)."""
        return {q.id: self[q.id].errors[0] for q in self.questions if self[q.id].errors}


def question_form(questions: list[Question], answers: dict[str, Any]) -> QuestionForm:
    """The form for these questions: on a POST what was posted (a question missing from the
    post has no answer), otherwise the saved answers."""
    form_class = type("PageForm", (QuestionForm,), {
        "questions": questions, **{q.id: _field(q) for q in questions}})
    if request.method == "POST":
        return form_class()
    return form_class(data={q.id: answers.get(q.id) for q in questions})


def keeps_text_when_token_refused(view: Callable) -> Callable:
    """Mark a view that shows its page again, with what was posted, when the form token is
    refused (``token_refused()`` is then true inside it)."""
    view.keeps_text_when_token_refused = True
    return view


def token_refused() -> bool:
    return g.get("form_token_refused", False)


def handle_refused_token(error: CSRFError) -> Any:
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "keeps_text_when_token_refused", False):
        g.form_token_refused = True
        try:
            return current_app.ensure_sync(view)(**(request.view_args or {}))
        except HTTPException as exc:  # the view's own 404 or 410, as it would answer
            return current_app.handle_http_exception(exc)
    return render_template("error.html", status=400, form_expired=True), 400


def described_by(question: Question, error: str | None, extra: str = "") -> Markup:
    """The ``aria-describedby`` attribute of a field: its hint, ``extra``, its error."""
    ids = [question.id + "-hint"] if question.hint else []
    if extra:
        ids.append(extra)
    if error:
        ids.append(question.id + "-error")
    return Markup(' aria-describedby="%s"') % " ".join(ids) if ids else Markup("")


def drop_malformed_token() -> None:
    """A session whose form token is not text (an old or odd cookie) gets a new one instead
    of an error: flask-wtf compares it as text."""
    if not isinstance(session.get("csrf_token", ""), str):
        session.pop("csrf_token")


def init_app(app: Any) -> None:
    """Before ``CSRFProtect`` is bound: its check must see the cleaned session."""
    app.before_request(drop_malformed_token)
    app.register_error_handler(CSRFError, handle_refused_token)
    app.jinja_env.globals.update(described_by=described_by)
