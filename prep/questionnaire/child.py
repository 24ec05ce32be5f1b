"""Pages for a guardian preparing for their child, and for someone helping another person.

Facts from a region's preparation form for children: what matters to the child and the
family, strengths, what works well and less well, and the child's own words.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .model import RADIO, TEXT, TEXTAREA, Option, Page, Question, unless

GUARDIAN = frozenset({"guardian"})
HELPER = frozenset({"helper"})
_FIRST = unless("meeting_kind", "follow_up")


def _places(prefix: str) -> tuple[Question, ...]:
    return (
        Question(id=f"{prefix}_home", kind=TEXTAREA, label=_l("At home"), max_chars=1000),
        Question(id=f"{prefix}_school", kind=TEXTAREA, label=_l("At school or preschool"),
                 max_chars=1000),
        Question(id=f"{prefix}_free_time", kind=TEXTAREA, label=_l("In free time"),
                 max_chars=1000),
    )


PAGES: tuple[Page, ...] = (
    Page(
        id="child-important",
        title=_l("What is important to your child and your family?"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(id="child_important", kind=TEXTAREA,
                     label=_l("What is important to your child?")),
            Question(id="family_important", kind=TEXTAREA,
                     label=_l("What is important to you as a family?")),
        ),
    ),
    Page(
        id="child-strengths",
        title=_l("Your child's strengths"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(id="child_strengths", kind=TEXTAREA,
                     label=_l("What is your child good at, and what does your child like?"),
                     hint=_l("The plan should be about strengths and wishes as much as "
                             "about problems.")),
        ),
    ),
    Page(
        id="child-works-well",
        title=_l("What works well for your child?"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=_places("works_well"),
    ),
    Page(
        id="child-works-less-well",
        title=_l("What works less well for your child?"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=_places("works_less_well"),
    ),
    Page(
        id="child-voice",
        title=_l("What does your child say?"),
        paths=GUARDIAN,
        intro=(_l("A young person can ask for a SIP themselves, if a guardian agrees."),),
        questions=(
            Question(id="child_words", kind=TEXTAREA,
                     label=_l("What does your child say about their life and their wishes?"),
                     hint=_l("Write your child's own words if you can."),
                     voice=_l("The child says")),
        ),
    ),
    Page(
        id="child-at-meeting",
        title=_l("Your child and the meeting"),
        paths=GUARDIAN,
        questions=(
            Question(
                id="child_attends",
                kind=RADIO,
                label=_l("Does your child want to come to the meeting?"),
                options=(
                    Option("whole", _l("Yes, the whole meeting")),
                    Option("part", _l("Yes, part of the meeting")),
                    Option("message", _l("No, but my child wants to send a message")),
                    Option("no", _l("No")),
                    Option("unsure", _l("We do not know yet")),
                ),
            ),
            Question(id="child_message", kind=TEXTAREA,
                     label=_l("A message from your child to the meeting"), max_chars=500,
                     voice=_l("The child says")),
            Question(id="child_story_teller", kind=TEXT,
                     label=_l("Who should tell your child's story at the meeting?"),
                     hint=_l("For example your child, you, or someone else.")),
            Question(id="child_not_in_front", kind=TEXTAREA,
                     label=_l("What should not be talked about when your child is there?"),
                     max_chars=1000),
        ),
    ),
    Page(
        id="guardians-agree",
        title=_l("Guardians"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(
                id="guardians_agree",
                kind=RADIO,
                label=_l("Do all of the child's guardians agree to the SIP?"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("no", _l("No")),
                    Option("one_guardian", _l("I am the only guardian")),
                    Option("unsure", _l("I do not know")),
                ),
            ),
        ),
    ),
)

HELPER_PAGES: tuple[Page, ...] = (
    Page(
        id="helper-role",
        title=_l("You and the person you help"),
        paths=HELPER,
        questions=(
            Question(
                id="helper_role",
                kind=RADIO,
                label=_l("What is your role?"),
                options=(
                    Option("relative", _l("Relative or friend")),
                    Option("god_man", _l("God man")),
                    Option("forvaltare", _l("Förvaltare")),
                    Option("personligt_ombud", _l("Personligt ombud")),
                    Option("other", _l("Something else")),
                ),
            ),
            Question(
                id="person_agrees",
                kind=RADIO,
                label=_l("Does the person know about this and agree that you fill it in?"),
                options=(
                    Option("yes", _l("Yes, we fill it in together")),
                    Option("yes_alone", _l("Yes, and I fill it in alone")),
                    Option("no", _l("No")),
                    Option("unsure", _l("I am not sure")),
                ),
            ),
            Question(
                id="person_takes_part",
                kind=RADIO,
                label=_l("Does the person want to take part in the meeting?"),
                options=(
                    Option("whole", _l("Yes, the whole meeting")),
                    Option("part", _l("Yes, part of the meeting")),
                    Option("no", _l("No")),
                    Option("unsure", _l("I am not sure")),
                ),
            ),
        ),
    ),
)

#: Added to the contact person's "what the meeting needs" box.
MEETING_NEEDS: tuple[str, ...] = ("child_attends", "child_story_teller", "person_takes_part")
#: Added to the consent box.
CONSENT: tuple[str, ...] = ("child_not_in_front", "guardians_agree", "person_agrees")
