"""Answers → the one summary model that the check page, the contact person's page, the PDF
and the exports all read.

No HTML here and no logic in templates: rows are built in Python from the definition, in
whatever language is active when ``build`` runs (the viewer's, not the writer's).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from .questionnaire import flow
from .questionnaire.model import Answers, Question, Questionnaire

#: Who filled in the preparation, as the contact person reads it.
FILLED_IN_BY = {
    "self": _l("The person themself"),
    "guardian": _l("A guardian, for their child"),
    "helper": _l("Someone who helps the person"),
}


@dataclass(frozen=True)
class Row:
    question_id: str
    page_id: str
    label: str
    #: Chosen option labels, or the typed text as one item; empty when not answered.
    values: tuple[str, ...]
    #: Typed by the person: it keeps its own language and direction.
    free_text: bool

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
    filled_in_by: str
    #: Every page shown to the person, each question answered or not (check answers).
    sections: tuple[Section, ...]
    #: What the meeting needs, answered ones only, in the order the contact person reads.
    meeting_needs: tuple[Row, ...]
    #: The person's own words, topic by topic: answered rows not already in the box.
    own_words: tuple[Section, ...]

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
            )
            for question in page.visible_questions(answers)
        )
        sections.append(Section(page.id, str(page.title), rows))

    by_id = {row.question_id: row for section in sections for row in section.rows}
    needs = tuple(
        by_id[qid] for qid in q.meeting_needs if qid in by_id and by_id[qid].answered
    )
    in_box = set(q.meeting_needs) | {q.path_question}
    own_words = []
    for section in sections:
        rows = tuple(r for r in section.rows if r.answered and r.question_id not in in_box)
        if rows:
            own_words.append(Section(section.page_id, section.title, rows))

    path = q.path(answers)
    return Summary(
        path=path,
        filled_in_by=str(FILLED_IN_BY[path]),
        sections=tuple(sections),
        meeting_needs=needs,
        own_words=tuple(own_words),
    )
