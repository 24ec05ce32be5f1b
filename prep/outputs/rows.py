"""One question as every view of a summary shows it: its label for the person and for the
contact person, the chosen options or the typed text, and whose words they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..questionnaire.model import MAT, Answer, Answers, Question
from ..questionnaire.pictures import option_picture


@dataclass(frozen=True)
class Row:
    question_id: str
    page_id: str
    label: Any
    #: The label as the contact person reads it, in the third person.
    reader_label: Any
    #: Chosen option labels, or the typed text as one item; empty when not answered.
    values: tuple[Any, ...]
    #: The same values in the reader's words ("At the person's home").
    reader_values: tuple[Any, ...]
    #: Typed by the person: it keeps its own language and direction, and is never
    #: offered to a machine translator.
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


def _chosen(question: Question, answer: object) -> list[str]:
    if not answer or not question.kind.choice:
        return []
    return [answer] if isinstance(answer, str) else list(answer)


def row(question: Question, page_id: str, answers: Answers, path_voice: Any) -> Row:
    answer = answers.get(question.id)
    chosen = _chosen(question, answer)
    typed = not question.kind.choice
    quoted = answers.get(question.quote) if question.quote else None
    as_typed = (str(answer),) if typed and answer else ()
    return Row(
        question_id=question.id,
        page_id=page_id,
        label=question.label,
        reader_label=question.reader_label or question.label,
        values=tuple(question.option_label(v) for v in chosen) or as_typed,
        reader_values=tuple(question.option_label(v, reader=True) for v in chosen) or as_typed,
        free_text=typed,
        answer=answer,
        # A quoted choice (where a picture lay last time) is shown by the mat, not here.
        quote=quoted if isinstance(quoted, str) and quoted and question.kind is not MAT
        else None,
        voice=question.voice or (path_voice if typed else None),
        pictures=tuple(option_picture(value) for value in chosen),
    )
