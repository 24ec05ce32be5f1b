"""The questions on paper, for one path (for myself, for my child, for someone I help): the
first-meeting pages that path would see.

Paper cannot skip pages by itself. What the path and the meeting already decide is decided
here; a page or question that depends on another answer is printed with a note ("only if it
fits you"). Organisations the region does not offer are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .definition import ORGANISATION_IDS
from .definition import QUESTIONNAIRE as Q
from .model import Condition, Page, Question


@dataclass(frozen=True)
class PaperQuestion:
    question: Question
    conditional: bool


@dataclass(frozen=True)
class PaperGrid:
    """Questions with the same choices, printed as one table: a row each, a box per choice
    (the picture cards, and what would make each better)."""

    questions: tuple[PaperQuestion, ...]
    options: tuple

    @property
    def question(self) -> Question:
        return self.questions[0].question


@dataclass(frozen=True)
class PaperPage:
    page: Page
    conditional: bool
    questions: tuple[PaperQuestion | PaperGrid, ...]


def _grids(questions: tuple[PaperQuestion, ...]) -> tuple[PaperQuestion | PaperGrid, ...]:
    """Runs of three or more choice questions with the same options become one grid."""
    out: list[PaperQuestion | PaperGrid] = []
    run: list[PaperQuestion] = []

    def flush() -> None:
        out.extend([PaperGrid(tuple(run), run[0].question.options)] if len(run) >= 3 else run)
        run.clear()

    for entry in questions:
        q = entry.question
        gridded = q.kind.choice and not q.kind.paper_lines
        if run and (not gridded or q.options != run[0].question.options):
            flush()
        (run if gridded else out).append(entry)
    flush()
    return tuple(out)


def _known(condition: Condition | None, known: dict[str, str]) -> bool | None:
    """Whether ``condition`` holds, when the path and the meeting decide it; else ``None``."""
    if condition is None:
        return True
    if condition.question in known:
        return condition.holds(known)
    return None


def paper_pages(path: str, offered: tuple[str, ...] = ORGANISATION_IDS
                ) -> tuple[PaperPage, ...]:
    known = {"meeting_kind": "first", Q.path_question: path}
    hidden = set(ORGANISATION_IDS) - set(offered)
    # The questions asked about each organisation, for those not offered.
    hidden_questions = {f"{kind}_{org}" for org in hidden for kind in ("support_from", "consent")}
    pages = []
    for page in Q.pages:
        shows = _known(page.show_if, known)
        if path not in page.paths or shows is False:
            continue
        worded = page.worded_for(path)
        questions = tuple(
            PaperQuestion(replace(q, options=tuple(o for o in q.options if o.value not in hidden)),
                          conditional=_known(q.show_if, known) is None)
            for q in worded.questions
            if _known(q.show_if, known) is not False and q.id not in hidden_questions
            and q.on_paper
        )
        if questions:
            pages.append(PaperPage(worded, shows is None, _grids(questions)))
    return tuple(pages)
