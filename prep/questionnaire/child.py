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
    return tuple(
        Question(id=f"{prefix}_{place}", kind=TEXTAREA, label=label, reader_label=label,
                 max_chars=1000)
        for place, label in (("home", _l("At home")), ("school", _l("At school or preschool")),
                             ("free_time", _l("In free time")))
    )


PAGES: tuple[Page, ...] = (
    Page(
        id="child-important",
        part=2,
        title=_l("What is important to your child and your family?"),
        reader_title=_l("What is important to the child and the family"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(id="child_important", kind=TEXTAREA,
                     label=_l("What is important to your child?"),
                     reader_label=_l("Important to the child")),
            Question(id="family_important", kind=TEXTAREA,
                     label=_l("What is important to you as a family?"),
                     reader_label=_l("Important to the family")),
        ),
    ),
    Page(
        id="child-strengths",
        part=2,
        title=_l("Your child's strengths"),
        reader_title=_l("The child's strengths"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(id="child_strengths", kind=TEXTAREA,
                     label=_l("What is your child good at, and what does your child like?"),
                     reader_label=_l("Good at, and likes"),
                     hint=_l("The plan should be about strengths and wishes as much as "
                             "about problems.")),
        ),
    ),
    Page(
        id="child-works-well",
        part=2,
        title=_l("What works well for your child?"),
        reader_title=_l("What works well for the child"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=_places("works_well"),
    ),
    Page(
        id="child-works-less-well",
        part=2,
        title=_l("What works less well for your child?"),
        reader_title=_l("What works less well for the child"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=_places("works_less_well"),
    ),
    Page(
        id="child-voice",
        part=2,
        title=_l("What does your child say?"),
        reader_title=_l("What the child says"),
        paths=GUARDIAN,
        intro=(_l("A young person can ask for a SIP themselves, if a guardian agrees."),),
        questions=(
            Question(id="child_words", kind=TEXTAREA,
                     label=_l("What does your child say about their life and their wishes?"),
                     reader_label=_l("The child's own words"),
                     hint=_l("Write your child's own words if you can."),
                     voice=_l("The child says")),
        ),
    ),
    Page(
        id="child-at-meeting",
        part=2,
        title=_l("Your child and the meeting"),
        reader_title=_l("The child and the meeting"),
        paths=GUARDIAN,
        questions=(
            Question(
                id="child_attends",
                kind=RADIO,
                label=_l("Does your child want to come to the meeting?"),
                reader_label=_l("The child comes to the meeting"),
                options=(
                    Option("whole", _l("Yes, the whole meeting")),
                    Option("part", _l("Yes, part of the meeting")),
                    Option("message", _l("No, but my child wants to send a message"),
                           reader_label=_l("No, but the child wants to send a message")),
                    Option("no", _l("No")),
                    Option("unsure", _l("We do not know yet")),
                ),
            ),
            Question(id="child_message", kind=TEXTAREA,
                     label=_l("A message from your child to the meeting"), max_chars=500,
                     reader_label=_l("A message from the child"),
                     voice=_l("The child says")),
            Question(id="child_story_teller", kind=TEXT,
                     label=_l("Who should tell your child's story at the meeting?"),
                     reader_label=_l("Tells the child's story"),
                     hint=_l("For example your child, you, or someone else.")),
            Question(id="child_not_in_front", kind=TEXTAREA,
                     label=_l("What should not be talked about when your child is there?"),
                     reader_label=_l("Not to be talked about while the child is there"),
                     max_chars=1000),
        ),
    ),
    Page(
        id="guardians-agree",
        part=2,
        title=_l("Guardians"),
        paths=GUARDIAN,
        show_if=_FIRST,
        questions=(
            Question(
                id="guardians_agree",
                kind=RADIO,
                label=_l("Do all of the child's guardians agree to the SIP?"),
                reader_label=_l("All the child's guardians agree to the SIP"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("no", _l("No")),
                    Option("one_guardian", _l("I am the only guardian"),
                           reader_label=_l("There is only one guardian")),
                    Option("unsure", _l("I do not know")),
                ),
            ),
        ),
    ),
)

HELPER_PAGES: tuple[Page, ...] = (
    Page(
        id="helper-role",
        part=1,
        title=_l("You and the person you help"),
        reader_title=_l("The helper and the person"),
        paths=HELPER,
        questions=(
            Question(
                id="helper_role",
                kind=RADIO,
                label=_l("What is your role?"),
                reader_label=_l("The helper is"),
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
                reader_label=_l("The person knows and agrees"),
                options=(
                    Option("yes", _l("Yes, we fill it in together"),
                           reader_label=_l("Yes, they fill it in together")),
                    Option("yes_alone", _l("Yes, and I fill it in alone"),
                           reader_label=_l("Yes, and the helper fills it in alone")),
                    Option("no", _l("No")),
                    Option("unsure", _l("I am not sure")),
                ),
            ),
            Question(
                id="person_takes_part",
                kind=RADIO,
                label=_l("Does the person want to take part in the meeting?"),
                reader_label=_l("The person takes part in the meeting"),
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

#: Added to "who to invite" on the meeting card.
MEETING_NEEDS: tuple[str, ...] = ("child_attends", "child_story_teller", "person_takes_part")
#: Added to consent on the meeting card.
CONSENT: tuple[str, ...] = ("child_not_in_front", "guardians_agree", "person_agrees")
