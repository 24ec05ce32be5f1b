"""Pages for a follow-up meeting: how the plan has worked, goal by goal.

The goals are typed in, or carried over from an earlier preparation on the same draft.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .choices import YES_NO_UNSURE, YES_PARTLY_NO_UNSURE
from .model import RADIO, TEXT, TEXTAREA, ByPath, Option, Page, Question, when

FOLLOW_UP = when("meeting_kind", "follow_up")
GOAL_SLOTS = 5

_STATUS = (
    Option("reached", _l("Reached")),
    Option("partly", _l("Partly reached")),
    Option("not_reached", _l("Not reached")),
    Option("unsure", _l("I am not sure")),
)

_GOAL_LABELS = (_l("Goal 1"), _l("Goal 2"), _l("Goal 3"), _l("Goal 4"), _l("Goal 5"))

PAGES: tuple[Page, ...] = (
    Page(
        id="plan-goals",
        part=2,
        title=_l("The goals in the plan"),
        intro=(_l("Write one goal in each box. Look in the plan if you have it."),),
        show_if=FOLLOW_UP,
        questions=tuple(
            Question(id=f"goal_{n}", kind=TEXT, label=_GOAL_LABELS[n - 1],
                     reader_label=_GOAL_LABELS[n - 1])
            for n in range(1, GOAL_SLOTS + 1)
        ),
    ),
    Page(
        id="goal-progress",
        part=2,
        title=_l("Have the goals been reached?"),
        show_if=FOLLOW_UP,
        questions=tuple(
            Question(id=f"goal_{n}_status", kind=RADIO, label=_GOAL_LABELS[n - 1],
                     reader_label=_GOAL_LABELS[n - 1],
                     options=_STATUS, quote=f"goal_{n}", show_if=when(f"goal_{n}"))
            for n in range(1, GOAL_SLOTS + 1)
        ),
    ),
    Page(
        id="plan-worked",
        part=2,
        title=_l("How the plan has worked"),
        show_if=FOLLOW_UP,
        questions=(
            Question(id="worked_well", kind=TEXTAREA, label=_l("What has worked well?"),
                     reader_label=_l("Has worked well")),
            Question(id="worked_badly", kind=TEXTAREA, label=_l("What has not worked well?"),
                     reader_label=_l("Has not worked well")),
        ),
    ),
    Page(
        id="needs-changed",
        part=3,
        title=_l("Changes since the last meeting"),
        show_if=FOLLOW_UP,
        questions=(
            Question(
                id="needs_changed",
                kind=RADIO,
                label=ByPath(_l("Have your needs changed?"),
                             _l("Have your child's needs changed?"),
                             _l("Have the person's needs changed?")),
                reader_label=_l("The needs have changed"),
                options=YES_NO_UNSURE,
            ),
            Question(id="needs_changed_how", kind=TEXTAREA, label=_l("If yes: how?"),
                     reader_label=_l("How the needs have changed")),
            Question(
                id="support_as_agreed",
                kind=RADIO,
                label=_l("Has the support been given as it was agreed in the plan?"),
                reader_label=_l("The support was given as agreed"),
                options=YES_PARTLY_NO_UNSURE,
            ),
            Question(id="support_as_agreed_how", kind=TEXTAREA,
                     label=_l("What was not given as agreed?"),
                     reader_label=_l("Not given as agreed")),
        ),
    ),
    Page(
        id="plan-next",
        part=3,
        title=_l("What happens next with the plan"),
        show_if=FOLLOW_UP,
        questions=(
            Question(id="should_change", kind=TEXTAREA,
                     label=_l("What should change in the plan?"),
                     reader_label=_l("Should change in the plan")),
            Question(
                id="plan_can_end",
                kind=RADIO,
                label=_l("Do you think the plan can end?"),
                reader_label=_l("The plan can end"),
                hint=_l("A plan ends when the goals are reached and support no longer needs "
                        "to be coordinated."),
                options=(Option("yes", _l("Yes")), Option("no", _l("No, it should go on")),
                         Option("unsure", _l("I am not sure"))),
            ),
        ),
    ),
)


def carry_over(answers: dict) -> dict:
    """Start a follow-up from an earlier preparation: its goals fill the empty goal boxes."""
    if answers.get("meeting_kind") != "follow_up":
        return answers
    if any(answers.get(f"goal_{n}") for n in range(1, GOAL_SLOTS + 1)):
        return answers
    lines = [line.strip(" -•*\t") for line in str(answers.get("goals", "")).splitlines()]
    goals = [line for line in lines if line][:GOAL_SLOTS]
    return {**answers, **{f"goal_{n}": goal for n, goal in enumerate(goals, start=1)}}
