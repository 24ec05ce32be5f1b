"""Answers → the one summary model that the check page, the contact person's page, the PDF
and the exports all read.

No HTML here and no logic in templates: rows are built in Python from the definition, in
whatever language is active when ``build`` runs (the viewer's, not the writer's).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import lazy_gettext as _l
from .questionnaire import flow
from .questionnaire.model import Answers, Question, Questionnaire
from .questionnaire.pictures import option_picture

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
    label: str
    #: Chosen option labels, or the typed text as one item; empty when not answered.
    values: tuple[str, ...]
    #: Typed by the person: it keeps its own language and direction.
    free_text: bool
    #: Whose words these are ("The child says"), where it is not the person themself.
    voice: str | None = None
    #: The pictogram of each chosen option (``None`` where it has none), as ``values``.
    pictures: tuple[str | None, ...] = ()

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


CHOICES = ("radio", "checkboxes")


def _chosen(question: Question, answer: object) -> list[str]:
    if answer is None or answer == "" or answer == [] or question.kind not in CHOICES:
        return []
    return [answer] if isinstance(answer, str) else list(answer)


def _values(question: Question, answer: object) -> tuple[str, ...]:
    if answer is None or answer == "" or answer == []:
        return ()
    if question.kind in CHOICES:
        return tuple(str(question.option_label(value)) for value in _chosen(question, answer))
    return (str(answer),)


def build(q: Questionnaire, answers: Answers) -> Summary:
    answers = flow.prune(q, answers)
    path = q.path(answers)
    path_voice = VOICE.get(path)
    sections = []
    for page in flow.visible_pages(q, answers):
        worded = page.worded_for(path)
        rows = []
        for question in worded.visible_questions(answers):
            free_text = question.kind in ("text", "textarea")
            voice = question.voice or (path_voice if free_text else None)
            rows.append(Row(
                question_id=question.id,
                page_id=page.id,
                label=_label(question, answers),
                values=_values(question, answers.get(question.id)),
                free_text=free_text,
                voice=str(voice) if voice else None,
                pictures=tuple(option_picture(value)
                               for value in _chosen(question, answers.get(question.id))),
            ))
        sections.append(Section(page.id, str(worded.title), tuple(rows)))

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
        filled_in_by=str(FILLED_IN_BY[path]),
        sections=tuple(sections),
        about=box(q.about),
        meeting_needs=box(q.meeting_needs),
        consent=box(q.consent),
        own_words=tuple(own_words),
    )


def _label(question: Question, answers: Answers) -> str:
    """The question as asked; one that assesses an earlier answer names it ("Goal 1: …")."""
    label = str(question.label)
    quoted = answers.get(question.quote) if question.quote else None
    return f"{label}: {quoted}" if isinstance(quoted, str) and quoted else label
