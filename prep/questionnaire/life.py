"""Life by pictures: each area of life placed on good, not sure or not good by one tap,
for people who do not write (the idea of Talking Mats, which speech therapists use).

Each area is one question of the mat kind, so the cards are radio groups: a keyboard and a
screen reader work, and no script is needed. For an area placed on "not good", the next
page asks what would make it better, in pictures, with room to write if the person wants.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .model import CHECKBOXES, MAT, TEXT, ByPath, Option, Page, Question, when

#: The areas of life, in the order the cards lie. Ids are stable, like every question's.
AREAS: tuple[tuple[str, object], ...] = (
    ("home", _l("Home")),
    ("daily", _l("School, work or daily activity")),
    ("health", _l("Health")),
    ("sleep", _l("Sleep")),
    ("food", _l("Food")),
    ("free_time", _l("Free time")),
    ("family", _l("Family")),
    ("friends", _l("Friends")),
    ("money", _l("Money")),
    ("safety", _l("Feeling safe")),
    ("support", _l("The support I get")),
)

#: The three places on the mat.
PLACES: tuple[Option, ...] = (
    Option("good", _l("Good")),
    Option("not_sure", _l("Not sure")),
    Option("not_good", _l("Not good")),
)
NOT_GOOD = "not_good"

#: What would make an area better.
BETTER: tuple[Option, ...] = (
    Option("more_help", _l("More help")),
    Option("other_help", _l("Other help")),
    Option("someone_to_talk_to", _l("Someone to talk to")),
    Option("a_change", _l("A change at home, at school or at work")),
    Option("dont_know", _l("I don't know"), exclusive=True),
)


def place(area: str) -> str:
    return f"life_{area}"


def better(area: str) -> str:
    return f"life_{area}_better"


def note(area: str) -> str:
    return f"life_{area}_note"


def before(area: str) -> str:
    return f"life_{area}_before"


#: The mat as it was at the earlier meeting, carried into a follow-up (never asked).
CARRIED: tuple[Question, ...] = tuple(
    Question(id=before(area), kind=MAT, label=label, reader_label=label, options=PLACES)
    for area, label in AREAS
)


def from_earlier(answers: dict) -> dict:
    """Answers of an earlier meeting, ready for a follow-up: the mat as it was is kept
    apart (``life_*_before``), so the person sorts again and the meeting sees what moved."""
    moved = {before(area): answers[place(area)] for area, _label in AREAS
             if place(area) in answers}
    if not moved:
        return dict(answers)
    asked = {question for area, _label in AREAS
             for question in (place(area), better(area), note(area), before(area))}
    return {**{qid: value for qid, value in answers.items() if qid not in asked}, **moved}


PAGES: tuple[Page, ...] = (
    Page(
        id="life-now",
        part=2,
        title=ByPath(_l("How is your life now?"), _l("How is life for your child now?"),
                     _l("How is the person's life now?")),
        reader_title=_l("Life now, in pictures"),
        intro=(ByPath(
            _l("Tap a face for each picture: good, not sure or not good. You do not have to "
               "write anything."),
            _l("Give the phone to your child if you can. Your child taps a face for each "
               "picture: good, not sure or not good."),
            _l("Do this together with the person if you can. Tap a face for each picture: "
               "good, not sure or not good."),
        ),),
        paper_intro=(_l("Tick one box in each row: good, not sure or not good. You do not have "
                        "to write anything."),),
        questions=tuple(
            Question(id=place(area), kind=MAT, label=label, reader_label=label, options=PLACES,
                     quote=before(area))
            for area, label in AREAS
        ),
    ),
    Page(
        id="life-better",
        part=2,
        title=_l("What would make it better?"),
        reader_title=_l("What would make it better"),
        intro=(_l("For each picture that is not good: choose what would help. You can skip "
                  "this."),),
        questions=tuple(
            question
            for area, label in AREAS
            for question in (
                Question(id=better(area), kind=CHECKBOXES, label=label, reader_label=label,
                         options=BETTER, show_if=when(place(area), NOT_GOOD)),
                Question(id=note(area), kind=TEXT, max_chars=300,
                         label=_l("Anything to add about: %(area)s", area=label),
                         reader_label=_l("In the person's words"),
                         show_if=when(place(area), NOT_GOOD), on_paper=False),
            )
        ),
    ),
)
