"""The parts of a summary a link can show: the meeting card, consent and its limits, life
in pictures, and each topic of the person's own words (a page). A link holds only the
answers of its parts, so what a recipient's page, PDF or structured data can show is
decided before encryption.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import flow
from .model import Answers, Page, Questionnaire

CARD = "card"
CONSENT = "consent"
LIFE = "life"
_CONSENT_GROUP = "consent"


def _card_questions(q: Questionnaire) -> set[str]:
    return {qid for group in q.card if group.name != _CONSENT_GROUP and not group.mat
            for qid in group.questions}


def _consent_questions(q: Questionnaire) -> set[str]:
    return {qid for group in q.card if group.name == _CONSENT_GROUP for qid in group.questions}


def _depends_on(page: Page) -> set[str]:
    """The answers that decide whether the page and its questions are shown."""
    conditions = [page.show_if, *(question.show_if for question in page.questions)]
    return {condition.question for condition in conditions if condition is not None}


def topics(q: Questionnaire, answers: Answers) -> list[str]:
    """Life in pictures if sorted, then the pages with answers of the person's own words
    (not on the card), in order."""
    on_card = {*q.card_questions, *q.about}
    in_play = flow.prune(q, answers)
    life = [LIFE] if q.mat_questions & set(in_play) else []
    return life + [page.id for page in flow.visible_pages(q, answers)
                   if any(question.id in in_play and question.id not in on_card
                          for question in page.questions)]


def questions_for(q: Questionnaire, sections: Iterable[str]) -> set[str]:
    """Every question whose answer a link with these sections may hold. The answers that
    choose the path and the meeting are always there: without them nothing reads right."""
    allowed = {q.path_question, *q.about}
    on_card = set(q.card_questions)
    for section in sections:
        if section == CARD:
            allowed |= _card_questions(q)
        elif section == CONSENT:
            allowed |= _consent_questions(q)
        elif section == LIFE:  # shared or not as a whole
            allowed |= q.mat_questions
        elif (page := q.page(section)) is not None:
            allowed |= {question.id for question in page.questions} - on_card
            allowed |= _depends_on(page)
    return allowed


def answers_for(q: Questionnaire, answers: Answers, sections: Iterable[str] | None) -> dict:
    """The answers a link with these sections holds (``None``: everything)."""
    if sections is None:
        return dict(answers)
    allowed = questions_for(q, sections)
    return {qid: value for qid, value in answers.items() if qid in allowed}


def preselected(q: Questionnaire, answers: Answers, invitee: str | None) -> list[str]:
    """What a new link for ``invitee`` shows at first. A recipient who may not share
    information (by the person's consent answers) starts with the meeting card only."""
    consent = answers.get("consent")
    may_not = consent == "no" or (invitee is not None and
                                  answers.get(f"consent_{invitee}") == "no")
    if may_not:
        return [CARD]
    return [CARD, CONSENT, *topics(q, answers)]
