"""Answers → the one summary model that the check page, the contact person's page, the PDF
and the exports all read.

No HTML here and no logic in templates: rows are built in Python from the definition. Their
texts stay lazy (translated when shown), so one summary reads in the viewer's language and,
in a bilingual PDF, in Swedish beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..questionnaire import flow
from ..questionnaire.model import Answer, Answers, Question, Questionnaire
from ..questionnaire.pictures import option_picture

#: Who filled in the preparation, as the contact person reads it.
FILLED_IN_BY = {
    "self": _l("The person themself"),
    "guardian": _l("A guardian, for their child"),
    "helper": _l("Someone who helps the person"),
}

#: Whose words free text is, when it is not the person's own.
VOICE = {
    "guardian": _l("The guardian says"),
    "helper": _l("The helper says"),
}


@dataclass(frozen=True)
class Row:
    question_id: str
    page_id: str
    label: Any
    #: Chosen option labels, or the typed text as one item; empty when not answered.
    values: tuple[Any, ...]
    #: Typed by the person: it keeps its own language and direction.
    free_text: bool
    #: The answer as stored (option values, or the text): for the exports.
    answer: Answer | None = None
    #: An earlier answer this question assesses, shown after the label ("Goal 1: A job").
    quote: str | None = None
    #: Whose words these are ("The child says"), where it is not the person themself.
    voice: Any = None
    #: The pictogram of each chosen option (``None`` where it has none), as ``values``.
    pictures: tuple[str | None, ...] = ()

    @property
    def answered(self) -> bool:
        return bool(self.values)


@dataclass(frozen=True)
class Section:
    page_id: str
    title: Any
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Summary:
    path: str
    filled_in_by: Any
    #: The answers still in play, as stored: what every view of this summary shows.
    answers: dict[str, Answer]
    #: The language the person wrote in (their typed text keeps it), if known.
    written_in: str | None
    #: Which meeting and for whom, as answered: the header of every summary.
    about: tuple[Row, ...]
    #: Every page shown to the person, each question answered or not (check answers).
    sections: tuple[Section, ...]
    #: What the meeting needs, answered ones only, in the order the contact person reads.
    meeting_needs: tuple[Row, ...]
    #: Consent and its limits, answered ones only, together.
    consent: tuple[Row, ...]
    #: The person's own words, topic by topic: answered rows not already in the box.
    own_words: tuple[Section, ...]


def _chosen(question: Question, answer: object) -> list[str]:
    if not answer or not question.kind.choice:
        return []
    return [answer] if isinstance(answer, str) else list(answer)


def _values(question: Question, answer: object) -> tuple[Any, ...]:
    if not answer:
        return ()
    if question.kind.choice:
        return tuple(question.option_label(value) for value in _chosen(question, answer))
    return (str(answer),)


def build(q: Questionnaire, answers: Answers, written_in: str | None = None) -> Summary:
    answers = flow.prune(q, answers)
    path = q.path(answers)
    path_voice = VOICE.get(path)
    sections = []
    for page in flow.visible_pages(q, answers):
        worded = page.worded_for(path)
        rows = []
        for question in worded.visible_questions(answers):
            free_text = not question.kind.choice
            quoted = answers.get(question.quote) if question.quote else None
            rows.append(Row(
                question_id=question.id,
                page_id=page.id,
                label=question.label,
                values=_values(question, answers.get(question.id)),
                free_text=free_text,
                answer=answers.get(question.id),
                quote=quoted if isinstance(quoted, str) and quoted else None,
                voice=question.voice or (path_voice if free_text else None),
                pictures=tuple(option_picture(value)
                               for value in _chosen(question, answers.get(question.id))),
            ))
        sections.append(Section(page.id, worded.title, tuple(rows)))

    by_id = {row.question_id: row for section in sections for row in section.rows}

    def box(ids: tuple[str, ...]) -> tuple[Row, ...]:
        return tuple(by_id[i] for i in ids if i in by_id and by_id[i].answered)

    in_box = set(q.meeting_needs) | set(q.consent) | set(q.about)
    own_words = []
    for section in sections:
        rows = tuple(r for r in section.rows if r.answered and r.question_id not in in_box)
        if rows:
            own_words.append(Section(section.page_id, section.title, rows))

    return Summary(
        path=path,
        filled_in_by=FILLED_IN_BY[path],
        answers=dict(answers),
        written_in=written_in,
        sections=tuple(sections),
        about=box(q.about),
        meeting_needs=box(q.meeting_needs),
        consent=box(q.consent),
        own_words=tuple(own_words),
    )
