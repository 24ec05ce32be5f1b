"""The preparation questions, as data.

Ids are stable: they are the keys of stored answers and of every export. Change a label
freely; never rename or reuse an id. Text is English in ``_l()`` so that ``pybabel extract``
finds it; Swedish and the other languages live in the catalogues.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .model import Option, Page, Question, Questionnaire, when

#: Organisations that may give support today or be invited. Also used by the invite page.
ORGANISATIONS: tuple[Option, ...] = (
    Option("social_services", _l("Social services")),
    Option("home_care", _l("Home care or LSS support"),
           _l("LSS is a law that gives support to some people with a disability.")),
    Option("health_centre", _l("Health centre")),
    Option("psychiatry_adult", _l("Psychiatry for adults")),
    Option("psychiatry_child", _l("Psychiatry for children and young people (BUP)")),
    Option("habilitation", _l("Habilitation")),
    Option("school", _l("School, preschool or pupil health")),
    Option("forsakringskassan", _l("Försäkringskassan (Social Insurance Agency)")),
    Option("arbetsformedlingen", _l("Arbetsförmedlingen (Public Employment Service)")),
    Option("kriminalvarden", _l("Kriminalvården (Prison and Probation Service)")),
)

#: People, besides organisations, that the person may want at the meeting.
PEOPLE: tuple[Option, ...] = (
    Option("relative", _l("Someone close to me, such as family or a friend")),
    Option("god_man", _l("God man"),
           _l("A person the court has chosen to help you with money, papers and contacts.")),
    Option("forvaltare", _l("Förvaltare"),
           _l("Like a god man, but the förvaltare decides about some things for you.")),
    Option("personligt_ombud", _l("Personligt ombud"),
           _l("A person who helps people with mental illness to get support. It is free.")),
    Option("support_person", _l("A support person from an organisation")),
)

_ORG_IDS = tuple(o.value for o in ORGANISATIONS)


def _support_from(org: Option) -> Question:
    """One free-text question for each organisation the person said supports them."""
    return Question(
        id=f"support_from_{org.value}",
        kind="textarea",
        label=org.label,
        hint=_l("What help do you get? How often?"),
        show_if=when("support_now", org.value),
    )


YES_NO_UNSURE = (
    Option("yes", _l("Yes")),
    Option("no", _l("No")),
    Option("unsure", _l("I am not sure")),
)

PAGES: tuple[Page, ...] = (
    Page(
        id="who",
        title=_l("Who are you preparing for?"),
        questions=(
            Question(
                id="preparing_for",
                kind="radio",
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
    Page(
        id="important",
        title=_l("What is important to you?"),
        questions=(
            Question(
                id="important",
                kind="textarea",
                label=_l("What is important to you in your life right now?"),
                hint=_l("For example people, things you like to do, your home, your health "
                        "or your work."),
            ),
        ),
    ),
    Page(
        id="goals",
        title=_l("Your goals"),
        questions=(
            Question(
                id="goals",
                kind="textarea",
                label=_l("What do you want to achieve or change?"),
                hint=_l("Your goals can be big or small. The plan is made to help you "
                        "reach them."),
            ),
        ),
    ),
    Page(
        id="needs",
        title=_l("What you need"),
        questions=(
            Question(
                id="needs",
                kind="textarea",
                label=_l("What do you need help or support with today?"),
                hint=_l("Think about a normal day and a bad day."),
            ),
        ),
    ),
    Page(
        id="support-now",
        title=_l("Support you get today"),
        questions=(
            Question(
                id="support_now",
                kind="checkboxes",
                label=_l("Who gives you support or care today?"),
                hint=_l("Choose all that fit."),
                options=(
                    *ORGANISATIONS,
                    Option("none", _l("No one gives me support today"), exclusive=True),
                ),
            ),
        ),
    ),
    Page(
        id="support-details",
        title=_l("What support do you get?"),
        intro=(_l("Write a few words about each one. You can skip any of them."),),
        questions=tuple(_support_from(org) for org in ORGANISATIONS),
        show_if=when("support_now", *_ORG_IDS),
    ),
    Page(
        id="support-fit",
        title=_l("Does your support fit your needs?"),
        questions=(
            Question(
                id="support_fits",
                kind="radio",
                label=_l("Does the support you get today help you feel safe and reach "
                         "your goals?"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("partly", _l("Partly")),
                    Option("no", _l("No")),
                    Option("unsure", _l("I am not sure")),
                ),
            ),
            Question(
                id="support_missing",
                kind="textarea",
                label=_l("What is missing, or what does not work well?"),
            ),
        ),
    ),
    Page(
        id="contact",
        title=_l("Who to contact"),
        questions=(
            Question(
                id="knows_contact",
                kind="radio",
                label=_l("Do you know who to contact if you have questions or if your "
                         "health changes?"),
                options=YES_NO_UNSURE,
            ),
            Question(
                id="contact_who",
                kind="textarea",
                label=_l("Who do you contact today?"),
                hint=_l("For example a name, a place or a phone number."),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="invite",
        title=_l("Who should take part in the meeting?"),
        intro=(_l("You decide who is invited. It is good if everyone who gives you "
                  "support or care takes part."),),
        questions=(
            Question(
                id="invite",
                kind="checkboxes",
                label=_l("Who should be invited?"),
                hint=_l("Choose all that fit."),
                options=(*ORGANISATIONS, *PEOPLE),
            ),
            Question(
                id="invite_other",
                kind="textarea",
                label=_l("Anyone else you want there? You can write their names."),
                max_chars=500,
            ),
            Question(
                id="not_invite",
                kind="textarea",
                label=_l("Is there anyone you do not want at the meeting?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="consent",
        title=_l("Sharing information about you"),
        intro=(
            _l("Before the meeting, you will be asked for your consent. Consent means that "
               "you agree that the people at the meeting may talk to each other about you."),
            _l("You can take back your consent at any time. If you say no to a SIP, you "
               "still get the care and support you need."),
            _l("Your answer here is a wish to bring to the meeting. It is not a signature."),
        ),
        questions=(
            Question(
                id="consent",
                kind="radio",
                label=_l("May the people at the meeting share information about you "
                         "with each other?"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("yes_with_limits", _l("Yes, but with some limits")),
                    Option("no", _l("No")),
                    Option("talk_first", _l("I want to talk about it first")),
                ),
            ),
            Question(
                id="consent_limits",
                kind="textarea",
                label=_l("Is there anything they must not share or talk about?"),
                max_chars=1000,
            ),
        ),
    ),
    Page(
        id="meeting-place",
        title=_l("Where to meet"),
        questions=(
            Question(
                id="meeting_place",
                kind="radio",
                label=_l("Where do you want to have the meeting?"),
                options=(
                    Option("home", _l("At my home")),
                    Option("office", _l("At an office, for example at the health centre")),
                    Option("video", _l("By video")),
                    Option("other", _l("Somewhere else")),
                    Option("any", _l("It does not matter")),
                ),
            ),
            Question(
                id="meeting_place_other",
                kind="text",
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
                kind="radio",
                label=_l("What time of day suits you best?"),
                options=(
                    Option("morning", _l("Morning")),
                    Option("midday", _l("Around lunch")),
                    Option("afternoon", _l("Afternoon")),
                    Option("any", _l("It does not matter")),
                ),
            ),
            Question(
                id="meeting_length",
                kind="radio",
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
                kind="textarea",
                label=_l("Is there anything that could disturb you during the meeting?"),
                hint=_l("For example noise, light, smells, many people or a long wait."),
                max_chars=1000,
            ),
            Question(
                id="room_needs",
                kind="textarea",
                label=_l("Is there anything you need to know or have, in the room or around it?"),
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
                kind="checkboxes",
                label=_l("What support do you need at the meeting?"),
                hint=_l("Choose all that fit."),
                options=(
                    Option("interpreter", _l("An interpreter for my language")),
                    Option("sign_language", _l("A sign language interpreter")),
                    Option("pictures", _l("Picture support")),
                    Option("easy_read", _l("Texts that are easy to read")),
                    Option("hearing_loop", _l("A hearing loop")),
                    Option("breaks", _l("Breaks during the meeting")),
                    Option("someone_with_me", _l("Someone with me that I trust")),
                    Option("other", _l("Something else")),
                    Option("none", _l("I do not need any support"), exclusive=True),
                ),
            ),
            Question(
                id="meeting_support_other",
                kind="textarea",
                label=_l("If you need something else: what?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="interpreter",
        title=_l("Interpreter"),
        show_if=when("meeting_support", "interpreter"),
        questions=(
            Question(
                id="interpreter_language",
                kind="text",
                label=_l("Which language?"),
            ),
            Question(
                id="interpreter_dialect",
                kind="text",
                label=_l("Which dialect, if it matters?"),
            ),
            Question(
                id="interpreter_mode",
                kind="radio",
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
        title=_l("Your questions"),
        questions=(
            Question(
                id="own_questions",
                kind="textarea",
                label=_l("What do you want to ask at the meeting?"),
                hint=_l("Your family or the people close to you may also have questions."),
            ),
        ),
    ),
    Page(
        id="anything-else",
        title=_l("Anything else"),
        questions=(
            Question(
                id="anything_else",
                kind="textarea",
                label=_l("Is there anything else you want the others to know?"),
            ),
        ),
    ),
)

#: What the meeting needs, in the order the contact person reads it: support first,
#: then place and time, then who comes, then consent and its limits.
MEETING_NEEDS: tuple[str, ...] = (
    "meeting_support",
    "meeting_support_other",
    "interpreter_language",
    "interpreter_dialect",
    "interpreter_mode",
    "meeting_place",
    "meeting_place_other",
    "meeting_time",
    "meeting_length",
    "disturbs",
    "room_needs",
    "invite",
    "invite_other",
    "not_invite",
    "consent",
    "consent_limits",
)

QUESTIONNAIRE = Questionnaire(
    id="sip-prep",
    version="1",
    pages=PAGES,
    path_question="preparing_for",
    meeting_needs=MEETING_NEEDS,
)
