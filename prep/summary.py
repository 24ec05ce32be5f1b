"""Answers → the one summary model that the check page (and later the PDF and exports) read.

No HTML here and no logic in templates: rows are built in Python from the definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from .questionnaire import flow
from .questionnaire.model import Answers, Question, Questionnaire


@dataclass(frozen=True)
class Row:
    question_id: str
    page_id: str
    label: str
    #: Chosen option labels, or the typed text as one item; empty when not answered.
    values: tuple[str, ...]
    #: Typed by the person (keeps its own language and direction), not an option label.
    free_text: bool
    meeting_need: bool

    @property
    def answered(self) -> bool:
        return bool(self.values)


@dataclass(frozen=True)
class Section:
    page_id: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Summary:
    path: str
    sections: tuple[Section, ...]

    @property
    def answered_count(self) -> int:
        return sum(row.answered for section in self.sections for row in section.rows)


def _values(question: Question, answer: object) -> tuple[str, ...]:
    if answer is None or answer == "" or answer == []:
        return ()
    if question.kind in ("radio", "checkboxes"):
        chosen = [answer] if isinstance(answer, str) else list(answer)
        return tuple(str(question.option_label(value)) for value in chosen)
    return (str(answer),)


def build(q: Questionnaire, answers: Answers) -> Summary:
    """Every question the person was shown, in order, answered or not."""
    answers = flow.prune(q, answers)
    sections = []
    for page in flow.visible_pages(q, answers):
        rows = tuple(
            Row(
                question_id=question.id,
                page_id=page.id,
                label=str(question.label),
                values=_values(question, answers.get(question.id)),
                free_text=question.kind in ("text", "textarea"),
                meeting_need=question.meeting_need,
            )
            for question in page.visible_questions(answers)
        )
        sections.append(Section(page.id, str(page.title), rows))
    return Summary(path=q.path(answers), sections=tuple(sections))
