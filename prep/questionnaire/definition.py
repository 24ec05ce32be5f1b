"""The preparation questions, as data.

Ids are stable: they are the keys of stored answers and of every export. Change a label
freely; never rename or reuse an id. Text is English in ``_l()`` so that ``pybabel extract``
finds it; Swedish and the other languages live in the catalogues.

Which page shows on which path (for myself, for my child, for someone I help) and in which
meeting (first or follow-up) is data here too: ``paths=`` and ``show_if=``.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from . import child, followup
from .choices import YES_NO_UNSURE, YES_PARTLY_NO_UNSURE
from .model import (
    CHECKBOXES,
    RADIO,
    TEXT,
    TEXTAREA,
    ByPath,
    Option,
    Page,
    Question,
    Questionnaire,
    unless,
    when,
)

#: Organisations that may give support today or be invited.
ORGANISATIONS: tuple[Option, ...] = (
    Option("social_services", _l("Social services")),
    Option("home_care", _l("Home care or LSS support"),
           _l("LSS is a law that gives support to some people with a disability.")),
    Option("health_centre", _l("Health centre")),
    Option("psychiatry_adult", _l("Psychiatry for adults")),
    Option("psychiatry_child", _l("Psychiatry for children and young people (BUP)")),
    Option("habilitation", _l("Habilitation"),
           _l("Support for people who have had a disability since they were young.")),
    Option("school", _l("School, preschool or pupil health")),
    Option("forsakringskassan", _l("Försäkringskassan (Social Insurance Agency)")),
    Option("arbetsformedlingen", _l("Arbetsförmedlingen (Public Employment Service)")),
    Option("kriminalvarden", _l("Kriminalvården (Prison and Probation Service)")),
)

#: People, besides organisations, who may be invited.
PEOPLE: tuple[Option, ...] = (
    Option("relative", _l("Someone close, such as family or a friend")),
    Option("god_man", _l("God man"),
           _l("A person the court has chosen to help with money, papers and contacts.")),
    Option("forvaltare", _l("Förvaltare"),
           _l("Like a god man, but the förvaltare decides about some things.")),
    Option("personligt_ombud", _l("Personligt ombud"),
           _l("A person who helps people with mental illness to get support. It is free.")),
    Option("support_person", _l("A support person from an organisation")),
)

ORGANISATION_IDS = tuple(o.value for o in ORGANISATIONS)
FIRST_MEETING = unless("meeting_kind", "follow_up")


def _support_from(org: Option) -> Question:
    return Question(
        id=f"support_from_{org.value}",
        kind=TEXTAREA,
        label=org.label,
        hint=_l("What help is given? How often?"),
        show_if=when("support_now", org.value),
    )


def _may_share(invitee: Option) -> Question:
    """The consent builder: one yes/no for each organisation or person to be invited."""
    return Question(
        id=f"consent_{invitee.value}",
        kind=RADIO,
        label=invitee.label,
        options=(Option("yes", _l("Yes, may share")), Option("no", _l("No, may not share"))),
        show_if=when("invite", invitee.value),
    )


START: tuple[Page, ...] = (
    Page(
        id="meeting",
        title=_l("Which meeting are you preparing for?"),
        questions=(
            Question(
                id="meeting_kind",
                kind=RADIO,
                label=_l("Which meeting are you preparing for?"),
                options=(
                    Option("first", _l("The first SIP meeting"),
                           _l("There is no plan yet. You will make it together.")),
                    Option("follow_up", _l("A follow-up meeting"),
                           _l("There is a plan. You will talk about how it has worked.")),
                ),
            ),
        ),
    ),
    Page(
        id="who",
        title=_l("Who are you preparing for?"),
        questions=(
            Question(
                id="preparing_for",
                kind=RADIO,
                label=_l("Who are you preparing for?"),
                options=(
                    Option("self", _l("For myself")),
                    Option("guardian", _l("For my child"),
                           _l("You are the child's guardian.")),
                    Option("helper", _l("For someone I help"),
                           _l("For example a relative, or someone you are god man for.")),
                ),
            ),
        ),
    ),
)

FIRST: tuple[Page, ...] = (
    *child.HELPER_PAGES,
    Page(
        id="important",
        title=ByPath(_l("What is important to you?"), _l("What is important?"),
                     _l("What is important to the person?")),
        paths=frozenset({"self", "helper"}),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="important",
                kind=TEXTAREA,
                label=ByPath(
                    _l("What is important to you in your life right now?"),
                    _l("What is important?"),
                    _l("What is important to the person in their life right now?"),
                ),
                hint=_l("For example people, things to do, home, health or work."),
            ),
        ),
    ),
    *child.PAGES,
    Page(
        id="goals",
        title=ByPath(_l("Your goals"), _l("Goals for your child"), _l("The person's goals")),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="goals",
                kind=TEXTAREA,
                label=ByPath(
                    _l("What do you want to achieve or change?"),
                    _l("What do you want to achieve or change for your child?"),
                    _l("What does the person want to achieve or change?"),
                ),
                hint=_l("Goals can be big or small. The plan is made to help reach them."),
            ),
        ),
    ),
    Page(
        id="needs",
        title=ByPath(_l("What you need"), _l("What your child needs"),
                     _l("What the person needs")),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="needs",
                kind=TEXTAREA,
                label=ByPath(
                    _l("What do you need help or support with today?"),
                    _l("What does your child need help or support with today?"),
                    _l("What does the person need help or support with today?"),
                ),
                hint=_l("Think about a normal day and a bad day."),
            ),
        ),
    ),
    Page(
        id="support-now",
        title=_l("Support given today"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="support_now",
                kind=CHECKBOXES,
                label=ByPath(
                    _l("Who gives you support or care today?"),
                    _l("Who gives your child support or care today?"),
                    _l("Who gives the person support or care today?"),
                ),
                hint=_l("Choose all that fit."),
                options=(
                    *ORGANISATIONS,
                    Option("none", _l("No one gives support today"), exclusive=True),
                ),
            ),
        ),
    ),
    Page(
        id="support-details",
        title=_l("What support is given?"),
        intro=(_l("Write a few words about each one. You can skip any of them."),),
        questions=tuple(_support_from(org) for org in ORGANISATIONS),
        show_if=when("support_now", *ORGANISATION_IDS),
    ),
    Page(
        id="support-fit",
        title=_l("Does the support fit the needs?"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="support_fits",
                kind=RADIO,
                label=ByPath(
                    _l("Does the support you get today help you feel safe and reach "
                       "your goals?"),
                    _l("Does the support today help your child feel safe and reach "
                       "the goals?"),
                    _l("Does the support today help the person feel safe and reach "
                       "their goals?"),
                ),
                options=YES_PARTLY_NO_UNSURE,
            ),
            Question(
                id="support_missing",
                kind=TEXTAREA,
                label=_l("What is missing, or what does not work well?"),
            ),
        ),
    ),
    Page(
        id="contact",
        title=_l("Who to contact"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="knows_contact",
                kind=RADIO,
                label=ByPath(
                    _l("Do you know who to contact if you have questions or if your "
                       "health changes?"),
                    _l("Do you know who to contact if you have questions or if your "
                       "child's health changes?"),
                    _l("Does the person know who to contact with questions or if their "
                       "health changes?"),
                ),
                options=YES_NO_UNSURE,
            ),
            Question(
                id="contact_who",
                kind=TEXTAREA,
                label=_l("Who is the contact today?"),
                hint=_l("For example a name, a place or a phone number."),
                max_chars=500,
            ),
        ),
    ),
)

MEETING: tuple[Page, ...] = (
    Page(
        id="invite",
        title=_l("Who should take part in the meeting?"),
        intro=(ByPath(
            _l("You decide who is invited. It is good if everyone who gives you support "
               "or care takes part."),
            _l("You decide who is invited. It is good if everyone who gives your child "
               "support or care takes part."),
            _l("The person decides who is invited. It is good if everyone who gives "
               "them support or care takes part."),
        ),),
        questions=(
            Question(
                id="invite",
                kind=CHECKBOXES,
                label=_l("Who should be invited?"),
                hint=_l("Choose all that fit."),
                options=(*ORGANISATIONS, *PEOPLE),
            ),
            Question(
                id="invite_other",
                kind=TEXTAREA,
                label=_l("Anyone else to invite? You can write their names."),
                max_chars=500,
            ),
            Question(
                id="not_invite",
                kind=TEXTAREA,
                label=_l("Is there anyone who should not be at the meeting?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="consent",
        title=_l("Sharing information"),
        show_if=FIRST_MEETING,
        intro=(
            _l("Before the meeting, you will be asked for consent. Consent means agreeing "
               "that the people at the meeting may talk to each other about the person "
               "the plan is for."),
            _l("Consent can be taken back at any time. Saying no to a SIP still gives "
               "the care and support that is needed."),
            _l("Your answer here is a wish to bring to the meeting. It is not a signature."),
        ),
        questions=(
            Question(
                id="consent",
                kind=RADIO,
                label=_l("May the people at the meeting share information with each other?"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("yes_with_limits", _l("Yes, but with some limits")),
                    Option("no", _l("No")),
                    Option("talk_first", _l("I want to talk about it first")),
                ),
            ),
            Question(
                id="consent_limits",
                kind=TEXTAREA,
                label=_l("Is there anything they must not share?"),
                max_chars=1000,
            ),
            Question(
                id="avoid_topics",
                kind=TEXTAREA,
                label=_l("Are there topics that should not be talked about at the meeting?"),
                max_chars=1000,
            ),
        ),
    ),
    Page(
        id="consent-each",
        title=_l("Who may share information?"),
        intro=(_l("Choose for each one you want to invite. You can change your mind later."),),
        show_if=when("consent", "yes_with_limits", "talk_first"),
        questions=tuple(_may_share(invitee) for invitee in (*ORGANISATIONS, *PEOPLE)),
    ),
    Page(
        id="meeting-place",
        title=_l("Where to meet"),
        questions=(
            Question(
                id="meeting_place",
                kind=RADIO,
                label=_l("Where should the meeting be?"),
                options=(
                    Option("home", ByPath(_l("At my home"), _l("At our home"),
                                          _l("At the person's home"))),
                    Option("office", _l("At an office, for example at the health centre")),
                    Option("video", _l("By video")),
                    Option("other", _l("Somewhere else")),
                    Option("any", _l("It does not matter")),
                ),
            ),
            Question(
                id="meeting_place_other",
                kind=TEXT,
                label=_l("If somewhere else: where?"),
            ),
        ),
    ),
    Page(
        id="meeting-time",
        title=_l("Time and length of the meeting"),
        questions=(
            Question(
                id="meeting_time",
                kind=RADIO,
                label=_l("What time of day is best?"),
                options=(
                    Option("morning", _l("Morning")),
                    Option("midday", _l("Around lunch")),
                    Option("afternoon", _l("Afternoon")),
                    Option("any", _l("It does not matter")),
                ),
            ),
            Question(
                id="meeting_length",
                kind=RADIO,
                label=_l("How long can the meeting be at most?"),
                options=(
                    Option("30", _l("30 minutes")),
                    Option("60", _l("1 hour")),
                    Option("90", _l("1 hour and 30 minutes")),
                    Option("120", _l("2 hours")),
                ),
            ),
        ),
    ),
    Page(
        id="meeting-room",
        title=_l("The room and what is around it"),
        questions=(
            Question(
                id="disturbs",
                kind=TEXTAREA,
                label=_l("Is there anything that could disturb during the meeting?"),
                hint=_l("For example noise, light, smells, many people or a long wait."),
                max_chars=1000,
            ),
            Question(
                id="room_needs",
                kind=TEXTAREA,
                label=_l("Is there anything you need to know or have, in the room or "
                         "around it?"),
                hint=_l("For example a picture of the room before, a quiet waiting place, "
                        "a ramp or a lift."),
                max_chars=1000,
            ),
        ),
    ),
    Page(
        id="meeting-support",
        title=_l("Support at the meeting"),
        questions=(
            Question(
                id="meeting_support",
                kind=CHECKBOXES,
                label=_l("What support is needed at the meeting?"),
                hint=_l("Choose all that fit."),
                options=(
                    Option("interpreter", _l("An interpreter")),
                    Option("sign_language", _l("A sign language interpreter")),
                    Option("pictures", _l("Picture support"),
                           _l("Pictures that make it easier to follow what is said.")),
                    Option("easy_read", _l("Texts that are easy to read")),
                    Option("hearing_loop", _l("A hearing loop"),
                           _l("It sends the sound straight to a hearing aid.")),
                    Option("breaks", _l("Breaks during the meeting")),
                    Option("someone_with_me", _l("Someone to come along, a person to trust")),
                    Option("other", _l("Something else")),
                    Option("none", _l("No support is needed"), exclusive=True),
                ),
            ),
            Question(
                id="meeting_support_other",
                kind=TEXTAREA,
                label=_l("If something else: what?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="interpreter",
        title=_l("Interpreter"),
        show_if=when("meeting_support", "interpreter"),
        questions=(
            Question(id="interpreter_language", kind=TEXT, label=_l("Which language?")),
            Question(id="interpreter_dialect", kind=TEXT,
                     label=_l("Which dialect, if it matters?")),
            Question(
                id="interpreter_mode",
                kind=RADIO,
                label=_l("How should the interpreter take part?"),
                options=(
                    Option("on_site", _l("In the room")),
                    Option("phone", _l("By phone")),
                    Option("video", _l("By video")),
                    Option("any", _l("It does not matter")),
                ),
            ),
        ),
    ),
    Page(
        id="your-questions",
        title=_l("Questions for the meeting"),
        questions=(
            Question(
                id="own_questions",
                kind=TEXTAREA,
                label=_l("What do you want to ask at the meeting?"),
                hint=_l("Family or people close by may also have questions."),
            ),
        ),
    ),
    Page(
        id="anything-else",
        title=_l("Anything else"),
        questions=(
            Question(
                id="anything_else",
                kind=TEXTAREA,
                label=_l("Is there anything else the others should know?"),
            ),
        ),
    ),
)

#: What the meeting needs, in the order the contact person reads it.
MEETING_NEEDS: tuple[str, ...] = (
    "meeting_support", "meeting_support_other", "interpreter_language", "interpreter_dialect",
    "interpreter_mode", "meeting_place", "meeting_place_other", "meeting_time",
    "meeting_length", "disturbs", "room_needs", "invite", "invite_other", "not_invite",
    *child.MEETING_NEEDS,
)

#: Consent and its limits, shown together in one box.
CONSENT: tuple[str, ...] = (
    "consent",
    *(f"consent_{invitee.value}" for invitee in (*ORGANISATIONS, *PEOPLE)),
    "consent_limits",
    "avoid_topics",
    *child.CONSENT,
)

QUESTIONNAIRE = Questionnaire(
    id="sip-prep",
    version="2",
    pages=(*START, *FIRST, *followup.PAGES, *MEETING),
    path_question="preparing_for",
    meeting_needs=MEETING_NEEDS,
    consent=CONSENT,
    about=("meeting_kind", "preparing_for"),
    derive=followup.carry_over,
)
