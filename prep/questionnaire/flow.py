"""Where a person goes next. Pure functions of the definition and the answers so far.

Views ask this module; they never branch on page ids themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import Answer, Answers, Page, Part, Questionnaire, for_path


@dataclass(frozen=True)
class Progress:
    """Where a page is: in which part of the journey, of how many."""

    part: int
    total: int
    title: Any = None


def _walk(q: Questionnaire, answers: Answers) -> tuple[list[Page], dict]:
    """Go through the pages in order, as the person would.

    Conditions only look back, so one pass decides every page against the answers that
    are still in play: an answer on a page that is no longer shown (the consent page in a
    follow-up) does not open the pages that depend on it.
    """
    path = q.path(answers)
    pages: list[Page] = []
    in_play: dict = {}
    for page in q.pages:
        shown = page.shown_questions(path, in_play)
        if shown:
            pages.append(page)
            in_play.update({question.id: answers[question.id] for question in shown
                            if question.id in answers})
    # Answers carried from an earlier meeting are never asked, and always kept.
    in_play.update({question.id: answers[question.id] for question in q.carried
                    if question.id in answers})
    return pages, in_play


@dataclass(frozen=True)
class Route:
    """The pages a person goes through with these answers, walked once.

    A question page asks where it sits, what comes before and after, and which answers are
    in play: one walk answers all of them.
    """

    pages: list[Page]
    in_play: dict
    parts: tuple[Part, ...] = ()
    path: str = "self"
    follow_up: bool = False

    def index(self, page_id: str) -> int | None:
        return _index(self.pages, page_id)

    def reaches(self, page_id: str) -> bool:
        return self.index(page_id) is not None

    def after(self, page_id: str) -> str | None:
        """The page after ``page_id``; ``None`` means "check your answers"."""
        i = self.index(page_id)
        if i is None or i + 1 >= len(self.pages):
            return None
        return self.pages[i + 1].id

    def before(self, page_id: str) -> str | None:
        """The page before ``page_id``; ``None`` means the start page."""
        i = self.index(page_id)
        return self.pages[i - 1].id if i else None

    def progress(self, page_id: str) -> Progress | None:
        """The page's part of the journey ("Part 2 of 5: What matters to you")."""
        i = self.index(page_id)
        if i is None or not self.parts:
            return None
        part = self.parts[self.pages[i].part - 1]
        title = part.follow_up_title if self.follow_up and part.follow_up_title else part.title
        return Progress(self.pages[i].part, len(self.parts), for_path(title, self.path))

    def resume(self, last_page: str | None) -> str | None:
        """Where someone coming back should continue: after the last page they saved."""
        if last_page is None or self.index(last_page) is None:
            return self.pages[0].id if self.pages else None
        return self.after(last_page)


def route(q: Questionnaire, answers: Answers) -> Route:
    pages, in_play = _walk(q, answers)
    follow_up = q.follow_up is not None and q.follow_up.holds(in_play)
    return Route(pages, in_play, q.parts, q.path(answers), follow_up)


def visible_pages(q: Questionnaire, answers: Answers) -> list[Page]:
    return _walk(q, answers)[0]


def _index(pages: list[Page], page_id: str) -> int | None:
    for i, page in enumerate(pages):
        if page.id == page_id:
            return i
    return None


def next_page(q: Questionnaire, page_id: str, answers: Answers) -> str | None:
    return route(q, answers).after(page_id)


def is_answered(page: Page, answers: Answers) -> bool:
    return any(question.id in answers for question in page.questions)


def after_change(q: Questionnaire, page_id: str, answers: Answers) -> str | None:
    """Where to go after changing an answer from "check your answers".

    Back to the check page (``None``), unless the change opened a page that depends on
    this one and has not been answered yet (ticking "interpreter" opens the interpreter
    page): then that page first.
    """
    changed = q.page(page_id)
    if changed is None:
        return None
    asked_here = {question.id for question in changed.questions}
    pages = visible_pages(q, answers)
    start = _index(pages, page_id)
    for page in pages[(start or 0) + 1 :]:
        conditions = [page.show_if, *(question.show_if for question in page.questions)]
        depends = any(c is not None and c.question in asked_here for c in conditions)
        if depends and not is_answered(page, answers):
            return page.id
    return None


def resume_page(q: Questionnaire, answers: Answers, last_page: str | None) -> str | None:
    return route(q, answers).resume(last_page)


def prune(q: Questionnaire, answers: Answers) -> dict:
    """The answers still in play: those to questions that are shown now, and those carried
    from an earlier meeting."""
    return _walk(q, answers)[1]


def with_page(q: Questionnaire, answers: Answers, posted: Mapping[str, Answer | None]) -> dict:
    """The answers once a page is saved: its questions take what was posted (nothing posted
    removes an answer), then the answers worked out from others (``derive``) follow."""
    updated = dict(answers)
    for question_id, value in posted.items():
        if value:
            updated[question_id] = value
        else:
            updated.pop(question_id, None)
    return q.derive(updated) if q.derive else updated
