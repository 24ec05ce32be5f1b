"""The building blocks of a questionnaire: pages, questions, options and conditions.

All of them are frozen dataclasses so that one definition, made once at import, can be
shared by every request. ``Questionnaire`` checks the definition when it is made, so a
broken definition stops the app at start instead of confusing a user later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

#: Who the preparation is for. The path decides which pages and wordings apply.
Path = Literal["self", "guardian", "helper"]
ALL_PATHS: frozenset[str] = frozenset({"self", "guardian", "helper"})

#: What one answer looks like once cleaned: text, one chosen value, or several.
Answer = str | list[str]
Answers = Mapping[str, Answer]

_PAGE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_QUESTION_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# Control characters have no place in an answer (NUL breaks storage and PDF text alike);
# tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: object) -> str:
    """Typed text as it is kept: one kind of line break, NFC, no control characters."""
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", value).strip()


@dataclass(frozen=True)
class Kind:
    """One kind of question, described once. Forms, the summary, the exports, the answers
    file, the paper form and the templates ask this instead of comparing names."""

    name: str
    #: Chosen from options (``True``) or typed (``False``).
    choice: bool
    #: Several options may be chosen.
    many: bool
    #: The longest typed answer, in characters, unless the question sets its own.
    max_chars: int | None
    #: The FHIR ``Questionnaire.item.type``.
    fhir_type: str
    #: The macro in ``templates/fields.html`` that draws it.
    macro: str
    #: Lines to write on in the paper form; 0: boxes to tick, one per option.
    paper_lines: int = 0

    def clean(self, value: object) -> Answer | None:
        """``value`` (posted or from a saved file) as an answer of this kind, or ``None``
        when it is empty. Raises ``TypeError`` for a value of the wrong shape."""
        if value is None:
            return None
        if self.many:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"{self.name} takes a list of values")
            chosen = list(dict.fromkeys(v for v in value if v))
            return chosen or None
        if not isinstance(value, str):
            raise TypeError(f"{self.name} takes one value")
        return (value or None) if self.choice else (clean_text(value) or None)


TEXT = Kind("text", choice=False, many=False, max_chars=200, fhir_type="string",
            macro="text_input", paper_lines=1)
TEXTAREA = Kind("textarea", choice=False, many=False, max_chars=2000, fhir_type="text",
                macro="textarea", paper_lines=4)
RADIO = Kind("radio", choice=True, many=False, max_chars=None, fhir_type="choice",
             macro="radios")
CHECKBOXES = Kind("checkboxes", choice=True, many=True, max_chars=None, fhir_type="choice",
                  macro="checkboxes")
#: One choice from a long list (the interpreter's language): a native select, compact on a
#: phone and usable with a keyboard and a screen reader without any script.
SELECT = Kind("select", choice=True, many=False, max_chars=None, fhir_type="choice",
              macro="select", paper_lines=1)  # on paper a long list is a line to write on
#: A card of life by pictures, placed on good, not sure or not good: one choice, drawn as a
#: picture card whose choices are faces (life.py).
MAT = Kind("mat", choice=True, many=False, max_chars=None, fhir_type="choice", macro="mat_card")
#: Every kind, by name.
KINDS: dict[str, Kind] = {kind.name: kind for kind in (TEXT, TEXTAREA, RADIO, CHECKBOXES,
                                                       SELECT, MAT)}


@dataclass(frozen=True)
class Problem:
    """What is wrong with an answer; the web layer words it in the page's language."""

    reason: Literal["too_long", "not_an_option", "exclusive"]
    limit: int = 0
    count: int = 0
    option: Any = None


@dataclass(frozen=True)
class Condition:
    """Shown when an earlier answer (or one of its checked values) is one of ``any_of``;
    with no values, when the earlier question has any answer at all. ``negate`` turns it
    round ("unless"), so an unanswered question counts as not chosen."""

    question: str
    any_of: frozenset[str]
    negate: bool = False

    def holds(self, answers: Answers) -> bool:
        given = answers.get(self.question)
        if not given:
            found = False
        elif not self.any_of:
            found = True
        else:
            values = [given] if isinstance(given, str) else given
            found = any(value in self.any_of for value in values)
        return found != self.negate


def when(question: str, *values: str) -> Condition:
    return Condition(question, frozenset(values))


def unless(question: str, *values: str) -> Condition:
    return Condition(question, frozenset(values), negate=True)


@dataclass(frozen=True)
class ByPath:
    """One text worded for each path: "you", "your child", "the person"."""

    self: Any
    guardian: Any
    helper: Any

    def get(self, path: str) -> Any:
        return getattr(self, path)


def for_path(text: Any, path: str) -> Any:
    return text.get(path) if isinstance(text, ByPath) else text


@dataclass(frozen=True)
class Option:
    value: str
    label: Any  # a lazy translated string
    hint: Any = None
    #: Choosing it means none of the others apply ("I get no support today").
    exclusive: bool = False
    #: The words the contact person reads, where the person's words do not fit them
    #: ("At my home" is "At the person's home").
    reader_label: Any = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    label: Any
    hint: Any = None
    options: tuple[Option, ...] = ()
    show_if: Condition | None = None
    max_chars: int | None = None
    #: Who speaks in this answer when it is not the one filling in ("The child says").
    voice: Any = None
    #: An earlier answer shown with this question, so the person sees what they assess.
    quote: str | None = None
    #: A short label for the contact person, in the third person ("Important to the
    #: person"); the person's pages keep speaking to the person.
    reader_label: Any = None
    #: Offer the page's own language first (the interpreter's language).
    suggests_page_language: bool = False
    #: Printed on the paper form (a short note per picture card is not: paper has margins).
    on_paper: bool = True

    @property
    def limit(self) -> int | None:
        return self.max_chars or self.kind.max_chars

    @cached_property
    def values(self) -> frozenset[str]:
        """The option values a person can choose (empty for free text)."""
        return frozenset(option.value for option in self.options)

    def option_label(self, value: str, reader: bool = False) -> Any:
        for option in self.options:
            if option.value == value:
                return (option.reader_label or option.label) if reader else option.label
        return value

    def visible(self, answers: Answers) -> bool:
        return self.show_if is None or self.show_if.holds(answers)

    def problem(self, answer: Answer | None) -> Problem | None:
        """What is wrong with ``answer`` (cleaned by ``kind.clean``), or ``None``. The one
        check of an answer: question pages and saved files both ask it."""
        if answer is None:
            return None
        if not self.kind.choice:
            limit = self.limit
            return Problem("too_long", limit, len(answer)) if limit and len(answer) > limit \
                else None
        chosen = answer if isinstance(answer, list) else [answer]
        if any(value not in self.values for value in chosen):
            return Problem("not_an_option")
        for option in self.options:
            if option.exclusive and option.value in chosen and len(chosen) > 1:
                return Problem("exclusive", option=option.label)
        return None


@dataclass(frozen=True)
class Page:
    """One topic, one URL: ``/questions/<id>``."""

    id: str
    title: Any
    questions: tuple[Question, ...]
    intro: tuple[Any, ...] = ()
    paths: frozenset[str] = ALL_PATHS
    show_if: Condition | None = None
    #: The page's title as the contact person reads it, where the person's does not fit.
    reader_title: Any = None
    #: Which part of the journey the page is in (1, 2, …): progress is shown by part.
    part: int = 0
    #: The intro on paper, where the page's own speaks of tapping on a screen.
    paper_intro: tuple[Any, ...] | None = None

    def visible_questions(self, answers: Answers) -> list[Question]:
        return [q for q in self.questions if q.visible(answers)]

    def worded_for(self, path: str) -> Page:
        """This page with every text in the wording of ``path``."""
        questions = tuple(
            replace(
                q,
                label=for_path(q.label, path),
                hint=for_path(q.hint, path),
                reader_label=for_path(q.reader_label, path),
                options=tuple(
                    replace(o, label=for_path(o.label, path), hint=for_path(o.hint, path),
                            reader_label=for_path(o.reader_label, path))
                    for o in q.options
                ),
            )
            for q in self.questions
        )
        return replace(self, title=for_path(self.title, path),
                       reader_title=for_path(self.reader_title, path),
                       intro=tuple(for_path(p, path) for p in self.intro),
                       paper_intro=None if self.paper_intro is None else tuple(
                           for_path(p, path) for p in self.paper_intro),
                       questions=questions)

    def shown_questions(self, path: str, answers: Answers) -> list[Question]:
        """The questions this page asks on ``path`` with these answers; none if it is not shown."""
        if path not in self.paths:
            return []
        if self.show_if is not None and not self.show_if.holds(answers):
            return []
        return self.visible_questions(answers)

    def applies(self, path: str, answers: Answers) -> bool:
        return bool(self.shown_questions(path, answers))

    @property
    def single(self) -> bool:
        """A page with one question uses that question as its heading."""
        return len(self.questions) == 1


@dataclass(frozen=True)
class Part:
    """A part of the journey. Every journey goes through the same parts in order, so the
    progress shown never goes back or jumps, whatever later answers open."""

    title: Any
    #: The title in a follow-up meeting, where the part holds other pages.
    follow_up_title: Any = None


@dataclass(frozen=True)
class CardGroup:
    """One part of the meeting card, the top of what the contact person reads."""

    name: str
    title: Any
    questions: tuple[str, ...]
    #: What matters most: whoever must not come, what must not be shared or raised.
    matters_most: bool = False
    #: A line under the group ("These are wishes, not a signed consent").
    note: Any = None
    #: Shown as a mat of pictures in three columns (life by pictures) instead of a list.
    mat: bool = False


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    pages: tuple[Page, ...]
    #: The question whose answer chooses the path.
    path_question: str
    #: The meeting card, group by group: what the contact person reads first.
    card: tuple[CardGroup, ...] = ()
    #: The parts of the journey, in order; ``Page.part`` numbers them from 1.
    parts: tuple[Part, ...] = ()
    #: The answer that makes the journey a follow-up (for the parts' titles).
    follow_up: Condition | None = None
    #: Answers carried from an earlier meeting, never asked (the mat as it was).
    carried: tuple[Question, ...] = ()
    #: Questions about the preparation itself (which meeting, for whom): shown as its header.
    about: tuple[str, ...] = ()
    #: Answers worked out from others after each save (goals carried into a follow-up).
    derive: Callable[[dict], dict] | None = None
    default_path: str = "self"
    _pages: dict[str, Page] = field(init=False, repr=False, compare=False)
    _questions: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pages: dict[str, Page] = {}
        questions: dict[str, Question] = {}
        carried = {q.id for q in self.carried}
        for page in self.pages:
            _check(_PAGE_ID.match(page.id), f"page id {page.id!r} is not kebab-case")
            _check(page.id not in pages, f"page id {page.id!r} is used twice")
            _check(page.questions, f"page {page.id!r} has no questions")
            _check(page.paths <= ALL_PATHS, f"page {page.id!r} names an unknown path")
            _check(not self.parts or 1 <= page.part <= len(self.parts),
                   f"page {page.id!r} is in no part of the journey")
            _check_condition(page.show_if, questions, f"page {page.id!r}")
            pages[page.id] = page
            before_page = dict(questions)
            for q in page.questions:
                _check(_QUESTION_ID.match(q.id), f"question id {q.id!r} is not snake_case")
                _check(q.id not in questions, f"question id {q.id!r} is used twice")
                # Not on its own page: without JavaScript nothing could reveal it there.
                _check_condition(q.show_if, before_page, f"question {q.id!r}")
                _check(q.kind.choice == bool(q.options),
                       f"question {q.id!r}: options do not fit kind")
                values = [o.value for o in q.options]
                _check(len(values) == len(set(values)), f"question {q.id!r} repeats an option")
                _check(q.quote is None or q.quote in questions or q.quote in carried,
                       f"question {q.id!r} quotes an unknown question")
                questions[q.id] = q
        for q in self.carried:
            _check(q.id not in questions, f"carried question {q.id!r} is also asked")
            questions[q.id] = q
        _check(self.path_question in questions, "the path question is not in the definition")
        for question_id in (*self.card_questions, *self.about):
            _check(question_id in questions, f"card entry {question_id!r} is not a question")
        object.__setattr__(self, "_pages", pages)
        object.__setattr__(self, "_questions", questions)

    @property
    def card_questions(self) -> tuple[str, ...]:
        return tuple(qid for group in self.card for qid in group.questions)

    @property
    def mat_questions(self) -> frozenset[str]:
        """Life in pictures and what would make it better: the card's mat."""
        return frozenset(qid for group in self.card if group.mat for qid in group.questions)

    def page(self, page_id: str) -> Page | None:
        return self._pages.get(page_id)

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def path(self, answers: Answers) -> str:
        chosen = answers.get(self.path_question)
        return chosen if isinstance(chosen, str) and chosen in ALL_PATHS else self.default_path


def _check(ok: Any, message: str) -> None:
    if not ok:
        raise ValueError(f"questionnaire definition: {message}")


def _check_condition(cond: Condition | None, earlier: dict[str, Question], where: str) -> None:
    """A condition may only look back: the flow must never depend on a later answer."""
    if cond is None:
        return
    target = earlier.get(cond.question)
    _check(target is not None, f"{where} depends on {cond.question!r}, not asked before it")
    known = {o.value for o in target.options}
    if target.options:
        _check(cond.any_of <= known,
               f"{where} depends on values {cond.question!r} does not offer")
    else:
        _check(not cond.any_of, f"{where} compares free text with fixed values")
