"""Answers → the one summary model that the check page, the contact person's page, the PDF
and the exports all read.

No HTML here and no logic in templates: rows are built in Python from the definition. Their
texts stay lazy (translated when shown), so one summary reads in the viewer's language and,
in a bilingual PDF, in Swedish beside it. Each row carries the person's wording (for the
check page) and the reader's (for the contact person: "Important to the person").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..questionnaire import flow
from ..questionnaire.model import MAT, Answer, Answers, Questionnaire
from .card import agenda, card, mat
from .rows import Row, row

#: Whose words free text is, when it is not the person's own.
VOICE = {
    "guardian": _l("The guardian says"),
    "helper": _l("The helper says"),
}


@dataclass(frozen=True)
class Section:
    page_id: str
    title: Any
    reader_title: Any
    rows: tuple[Row, ...]
    #: A page of one question, whose question is also its title: not said twice.
    single: bool = False
    #: A page of life by pictures, shown as its mat.
    columns: tuple[Any, ...] = ()
    #: A page whose answers the mat shows (what would make an area better): not listed apart.
    in_mat: bool = False

    @property
    def answered(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.answered)

    @property
    def skipped(self) -> int:
        return sum(1 for row in self.rows if not row.answered)


@dataclass(frozen=True)
class Summary:
    path: str
    #: The answers still in play, as stored: what every view of this summary shows.
    answers: dict[str, Answer]
    #: The language the person wrote in (their typed text keeps it), if known.
    written_in: str | None
    #: Which meeting and who filled it in: the header of every summary.
    about: tuple[Row, ...]
    #: Every page shown to the person, each question answered or not (check answers).
    sections: tuple[Section, ...]
    #: The person's own words, topic by topic: answered rows not on the card or agenda.
    own_words: tuple[Section, ...]
    #: The meeting card and the agenda (``outputs.card``).
    card: tuple[Any, ...] = ()
    agenda: tuple[Any, ...] = ()

    def row(self, question_id: str) -> Row | None:
        return next((row for section in self.sections for row in section.rows
                     if row.question_id == question_id), None)


def build(q: Questionnaire, answers: Answers, written_in: str | None = None) -> Summary:
    answers = flow.prune(q, answers)
    path = q.path(answers)
    columns = mat(answers)
    sections = []
    for page in flow.visible_pages(q, answers):
        worded = page.worded_for(path)
        rows = tuple(row(question, page.id, answers, VOICE.get(path))
                     for question in worded.visible_questions(answers))
        in_mat = all(question.id in q.mat_questions for question in page.questions)
        is_mat = in_mat and any(question.kind is MAT for question in page.questions)
        sections.append(Section(page.id, worded.title, worded.reader_title or worded.title,
                                rows, page.single, columns=columns if is_mat else (),
                                in_mat=in_mat and not is_mat))
    by_id = {row.question_id: row for section in sections for row in section.rows}
    steps = agenda(by_id, columns)
    # Each answer is said once to the contact person: on the card, in the agenda, or here.
    on_card = set(q.card_questions) | set(q.about) | {
        row.question_id for item in steps for row in item.rows}
    own_words = []
    for section in sections:
        rows = tuple(r for r in section.rows if r.answered and r.question_id not in on_card)
        if rows:
            own_words.append(Section(section.page_id, section.title, section.reader_title,
                                     rows))
    return Summary(
        path=path,
        answers=dict(answers),
        written_in=written_in,
        about=tuple(by_id[i] for i in q.about if i in by_id and by_id[i].answered),
        sections=tuple(sections),
        own_words=tuple(own_words),
        card=card(q, by_id, columns),
        agenda=steps,
    )
