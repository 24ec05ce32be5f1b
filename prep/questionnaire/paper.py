"""The questions on paper: the first-meeting pages of a person preparing for themself.

Paper cannot skip pages by itself, so a page or question that depends on an earlier answer
is printed with a note ("only if it fits you"); pages that only a follow-up meeting asks
are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .definition import QUESTIONNAIRE as Q
from .model import Condition, Page, Question

_PATH = "self"
_FIRST = {"meeting_kind": "first", "preparing_for": _PATH}


@dataclass(frozen=True)
class PaperQuestion:
    question: Question
    conditional: bool


@dataclass(frozen=True)
class PaperPage:
    page: Page
    conditional: bool
    questions: tuple[PaperQuestion, ...]


def _about_the_meeting(condition: Condition | None) -> bool:
    return condition is not None and condition.question in _FIRST


def paper_pages() -> tuple[PaperPage, ...]:
    pages = []
    for page in Q.pages:
        if _PATH not in page.paths:
            continue
        if _about_the_meeting(page.show_if) and not page.show_if.holds(_FIRST):
            continue  # a follow-up page
        worded = page.worded_for(_PATH)
        questions = tuple(
            PaperQuestion(question, conditional=question.show_if is not None)
            for question in worded.questions
            if not (_about_the_meeting(question.show_if) and not question.show_if.holds(_FIRST))
        )
        if questions:
            conditional = page.show_if is not None and not _about_the_meeting(page.show_if)
            pages.append(PaperPage(worded, conditional, questions))
    return tuple(pages)
