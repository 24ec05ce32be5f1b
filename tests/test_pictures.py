"""Pictograms: even within a question, present on disk, and none that may offend."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.questionnaire import pictures
from prep.questionnaire.definition import QUESTIONNAIRE as Q

STATIC = Path(__file__).resolve().parents[1] / "static" / "pictograms"
CHOICES = [q for page in Q.pages for q in page.questions
           if q.kind.choice and q.kind.macro != "select"]
#: Thumbs up and down are rude in parts of the Middle East and Afghanistan.
GESTURES = {"1F44D", "1F44E"}


@pytest.mark.parametrize("question", CHOICES, ids=lambda q: q.id)
def test_every_choice_of_a_question_has_a_picture_or_none_has(question):
    shown = [pictures.option_picture(option.value) is not None for option in question.options]
    assert all(shown) or not any(shown), [
        option.value for option in question.options if not pictures.option_picture(option.value)]


def test_no_picture_is_a_gesture_that_may_offend():
    assert not GESTURES & pictures.every_picture()


def test_every_picture_is_there_for_the_pages_and_the_pdf():
    for code in pictures.every_picture():
        assert (STATIC / f"{code}.svg").exists(), code
        assert (STATIC / "png" / f"{code}.png").exists(), code


def test_yes_no_and_unsure_are_signs():
    assert pictures.option_picture("yes") == "2705"  # a check mark
    assert pictures.option_picture("no") == "274C"  # a cross
    assert pictures.option_picture("unsure") == "2753"  # a question mark
