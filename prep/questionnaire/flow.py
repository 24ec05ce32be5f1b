"""Where a person goes next. Pure functions of the definition and the answers so far.

Views ask this module; they never branch on page ids themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Answers, Page, Questionnaire


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
        if page.applies(path, in_play):
            pages.append(page)
            for question in page.visible_questions(in_play):
                if question.id in answers:
                    in_play[question.id] = answers[question.id]
    return pages, in_play


def visible_pages(q: Questionnaire, answers: Answers) -> list[Page]:
    return _walk(q, answers)[0]


def _index(pages: list[Page], page_id: str) -> int | None:
    for i, page in enumerate(pages):
        if page.id == page_id:
            return i
    return None


def next_page(q: Questionnaire, page_id: str, answers: Answers) -> str | None:
    """The page after ``page_id``; ``None`` means "check your answers"."""
    pages = visible_pages(q, answers)
    i = _index(pages, page_id)
    if i is None or i + 1 >= len(pages):
        return None
    return pages[i + 1].id


def previous_page(q: Questionnaire, page_id: str, answers: Answers) -> str | None:
    """The page before ``page_id``; ``None`` means the start page."""
    pages = visible_pages(q, answers)
    i = _index(pages, page_id)
    if not i:
        return None
    return pages[i - 1].id


@dataclass(frozen=True)
class Progress:
    step: int
    total: int


def progress(q: Questionnaire, page_id: str, answers: Answers) -> Progress | None:
    pages = visible_pages(q, answers)
    i = _index(pages, page_id)
    return None if i is None else Progress(i + 1, len(pages))


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
    """Where someone coming back should continue: after the last page they saved."""
    pages = visible_pages(q, answers)
    if last_page is None or _index(pages, last_page) is None:
        return pages[0].id if pages else None
    return next_page(q, last_page, answers)


def is_reachable(q: Questionnaire, page_id: str, answers: Answers) -> bool:
    return _index(visible_pages(q, answers), page_id) is not None


def prune(q: Questionnaire, answers: Answers) -> dict:
    """The answers still in play: those to questions that are shown now."""
    return _walk(q, answers)[1]
