"""The meeting card and the agenda: what the contact person books the meeting from and
steers it by, built from the summary's rows.

A card line mixes the reader's words (lazy texts, in Swedish for the contact person) with
the person's own (``Typed``: their language, never offered to a machine translator):
"Tolk: arabiska (dialekt: سوري), kvinnlig tolk, i rummet".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..questionnaire import life
from ..questionnaire.definition import INTERPRETER_QUESTIONS
from ..questionnaire.model import Answers, Questionnaire
from ..questionnaire.pictures import option_picture, question_picture
from .rows import Row


@dataclass(frozen=True)
class Typed:
    """The person's own words inside a line."""

    text: str


#: A line: texts and ``Typed`` words, read in order.
Phrase = tuple[Any, ...]


@dataclass(frozen=True)
class MatCard:
    """One area of life on the mat: its picture and word, where it lay last time if it
    moved, and what would make it better."""

    question_id: str
    label: Any
    picture: str | None
    before: Any = None
    better: tuple[Any, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class MatColumn:
    value: str
    title: Any
    picture: str | None
    cards: tuple[MatCard, ...]


@dataclass(frozen=True)
class CardPart:
    name: str
    title: Any
    rows: tuple[Row, ...]
    lines: tuple[Phrase, ...] = ()
    #: Whoever must not come, what must not be shared or raised: shown as what matters most.
    matters_most: bool = False
    note: Any = None
    #: Life by pictures, as three columns: good, not sure, not good.
    columns: tuple[MatColumn, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    title: Any
    rows: tuple[Row, ...] = ()
    lines: tuple[Phrase, ...] = ()


def interpreter_line(by_id: dict[str, Row]) -> Phrase | None:
    """The one line an interpreter is booked from. A language written before the list
    existed is shown as written."""
    support = by_id.get("meeting_support")
    asked = support is not None and "interpreter" in (support.answer or ())
    rows = {qid: by_id[qid] for qid in INTERPRETER_QUESTIONS
            if qid in by_id and by_id[qid].answered}
    if not asked and not rows:
        return None
    code = rows.get("interpreter_language_code")
    written = rows.get("interpreter_language")
    line: list[Any] = [_l("Interpreter"), ": "]
    if code is not None and code.answer != "other":
        line.append(code.reader_values[0])
    elif written is not None:
        line.append(Typed(written.values[0]))
    else:
        line.append(_l("language not given"))
    if "interpreter_dialect" in rows:
        line += [" (", _l("dialect"), ": ", Typed(rows["interpreter_dialect"].values[0]), ")"]
    for qid in ("interpreter_gender", "interpreter_mode"):
        row = rows.get(qid)
        if row is not None and row.answer != "any":
            line += [", ", row.reader_values[0]]
    return tuple(line)


def mat(answers: Answers) -> tuple[MatColumn, ...]:
    """The areas of life in three columns, as the person placed them; empty if none."""
    labels = {option.value: option.label for option in life.PLACES}
    better = {option.value: option.label for option in life.BETTER}
    cards: dict[str, list[MatCard]] = {option.value: [] for option in life.PLACES}
    for area, label in life.AREAS:
        now = answers.get(life.place(area))
        if now not in cards:
            continue
        earlier = answers.get(life.before(area))
        cards[now].append(MatCard(
            question_id=life.place(area), label=label,
            picture=question_picture(life.place(area)),
            before=labels.get(earlier) if earlier and earlier != now else None,
            better=tuple(better[v] for v in answers.get(life.better(area)) or () if v in better),
            note=answers.get(life.note(area)) or None))
    if not any(cards.values()):
        return ()
    return tuple(MatColumn(option.value, option.label, option_picture(option.value),
                           tuple(cards[option.value])) for option in life.PLACES)


def card(q: Questionnaire, by_id: dict[str, Row],
         columns: tuple[MatColumn, ...]) -> tuple[CardPart, ...]:
    """The meeting card's parts; ``columns`` is the mat, as ``mat()`` lays it out."""
    parts = []
    for group in q.card:
        if group.mat:
            if columns:
                parts.append(CardPart(group.name, group.title, (), columns=columns))
            continue
        lines: tuple[Phrase, ...] = ()
        if set(INTERPRETER_QUESTIONS) & set(group.questions):
            line = interpreter_line(by_id)
            lines = (line,) if line else ()
        rows = tuple(by_id[qid] for qid in group.questions
                     if qid in by_id and by_id[qid].answered and qid not in INTERPRETER_QUESTIONS)
        if rows or lines:
            parts.append(CardPart(group.name, group.title, rows, lines, group.matters_most,
                                  group.note))
    return tuple(parts)


def _breaks(by_id: dict[str, Row]) -> tuple[Phrase, ...]:
    """Breaks proposed from the longest length, and from a wish for breaks."""
    length_row, support = by_id.get("meeting_length"), by_id.get("meeting_support")
    length = int(length_row.answer) if length_row is not None and length_row.answered else None
    wanted = support is not None and "breaks" in (support.answer or ())
    if wanted:
        return ((_l("The person wants breaks: a short one about every 30 minutes."),),)
    if length and length >= 90:
        return ((_l("A break halfway, after about %(minutes)s minutes.", minutes=length // 2),),)
    return ()


def _not_good(columns: tuple[MatColumn, ...]) -> tuple[Phrase, ...]:
    """Each area of life that is not good, with what would make it better."""
    lines = []
    for column in columns:
        if column.value != life.NOT_GOOD:
            continue
        for one in column.cards:
            line: list[Any] = [one.label]
            if one.better:
                line += [": ", *_joined(one.better)]
            if one.note:
                line += [" (", Typed(one.note), ")"]
            lines.append(tuple(line))
    return tuple(lines)


def _joined(texts: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for text in texts:
        out += [", ", text] if out else [text]
    return out


def agenda(by_id: dict[str, Row], columns: tuple[MatColumn, ...]) -> tuple[AgendaItem, ...]:
    """The person's own questions first, then their goals and what they want changed, what
    is not good in life now, what must not be raised, and the breaks."""

    def rows(*ids: str) -> tuple[Row, ...]:
        return tuple(by_id[i] for i in ids if i in by_id and by_id[i].answered)

    items = [
        AgendaItem(_l("The person's questions"), rows("own_questions")),
        AgendaItem(_l("Goals and what should change"),
                   rows("goals", "should_change", "needs_changed_how", "support_missing")),
        AgendaItem(_l("What is not good in life now"), lines=_not_good(columns)),
        AgendaItem(_l("Not to be raised"), rows("avoid_topics", "child_not_in_front")),
        AgendaItem(_l("Breaks"), lines=_breaks(by_id)),
    ]
    return tuple(item for item in items if item.rows or item.lines)
