"""The preparation questions, as data.

Ids are stable: they are the keys of stored answers and of every export. Change a label
freely; never rename or reuse an id. Text is English in ``_l()`` so that ``pybabel extract``
finds it; Swedish and the other languages live in the catalogues.

Which page shows on which path (for myself, for my child, for someone I help) and in which
meeting (first or follow-up) is data here too: ``paths=`` and ``show_if=``.
"""

from __future__ import annotations

from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l

from ..languages import INTERPRETED, name_in
from . import child, followup, life
from .choices import YES_NO_UNSURE, YES_PARTLY_NO_UNSURE
from .model import (
    CHECKBOXES,
    RADIO,
    SELECT,
    TEXT,
    TEXTAREA,
    ByPath,
    CardGroup,
    Option,
    Page,
    Part,
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


def _language(code: str) -> Option:
    """A language to book an interpreter for, named in the reader's own language."""
    return Option(code, LazyString(lambda: name_in(code, str(get_locale()))))


#: The languages on the interpreter page (the page's own is offered first).
INTERPRETER_LANGUAGES: tuple[Option, ...] = tuple(_language(code) for code in INTERPRETED)
#: What the contact person books an interpreter from, read as one line.
INTERPRETER_QUESTIONS = ("interpreter_language_code", "interpreter_language",
                         "interpreter_dialect", "interpreter_gender", "interpreter_mode")
FIRST_MEETING = unless("meeting_kind", "follow_up")


def _support_from(org: Option) -> Question:
    return Question(
        id=f"support_from_{org.value}",
        kind=TEXTAREA,
        label=org.label,
        reader_label=org.label,
        hint=_l("What help is given? How often?"),
        show_if=when("support_now", org.value),
    )


def _may_share(invitee: Option) -> Question:
    """The consent builder: one yes/no for each organisation or person to be invited."""
    return Question(
        id=f"consent_{invitee.value}",
        kind=RADIO,
        label=invitee.label,
        reader_label=invitee.label,
        options=(Option("yes", _l("Yes, may share")), Option("no", _l("No, may not share"))),
        show_if=when("invite", invitee.value),
    )


START: tuple[Page, ...] = (
    Page(
        id="meeting",
        part=1,
        title=_l("Which meeting are you preparing for?"),
        questions=(
            Question(
                id="meeting_kind",
                kind=RADIO,
                label=_l("Which meeting are you preparing for?"),
                reader_label=_l("Meeting"),
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
        part=1,
        title=_l("Who are you preparing for?"),
        questions=(
            Question(
                id="preparing_for",
                kind=RADIO,
                label=_l("Who are you preparing for?"),
                reader_label=_l("Filled in by"),
                options=(
                    Option("self", _l("For myself"),
                           reader_label=_l("The person themself")),
                    Option("guardian", _l("For my child"),
                           _l("You are the child's guardian."),
                           reader_label=_l("A guardian, for their child")),
                    Option("helper", _l("For someone I help"),
                           _l("For example a relative, or someone you are god man for."),
                           reader_label=_l("Someone who helps the person")),
                ),
            ),
        ),
    ),
)

FIRST: tuple[Page, ...] = (
    *child.HELPER_PAGES,
    *life.PAGES,
    Page(
        id="important",
        part=2,
        title=ByPath(_l("What is important to you?"), _l("What is important?"),
                     _l("What is important to the person?")),
        reader_title=_l("What is important to the person"),
        paths=frozenset({"self", "helper"}),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="important",
                kind=TEXTAREA,
                reader_label=_l("Important to the person"),
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
        part=2,
        title=ByPath(_l("Your goals"), _l("Goals for your child"), _l("The person's goals")),
        reader_title=ByPath(_l("The person's goals"), _l("Goals for the child"),
                            _l("The person's goals")),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="goals",
                kind=TEXTAREA,
                reader_label=ByPath(_l("The person's goals"), _l("Goals for the child"),
                                    _l("The person's goals")),
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
        part=2,
        title=ByPath(_l("What you need"), _l("What your child needs"),
                     _l("What the person needs")),
        reader_title=ByPath(_l("What the person needs"), _l("What the child needs"),
                            _l("What the person needs")),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="needs",
                kind=TEXTAREA,
                reader_label=ByPath(_l("Needs help or support with"),
                                    _l("The child needs help or support with"),
                                    _l("Needs help or support with")),
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
        part=3,
        title=_l("Support given today"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="support_now",
                kind=CHECKBOXES,
                reader_label=_l("Gives support or care today"),
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
        part=3,
        title=_l("What support is given?"),
        intro=(_l("Write a few words about each one. You can skip any of them."),),
        questions=tuple(_support_from(org) for org in ORGANISATIONS),
        show_if=when("support_now", *ORGANISATION_IDS),
    ),
    Page(
        id="support-fit",
        part=3,
        title=_l("Does the support fit the needs?"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                # One thing per question: this asked about feeling safe and reaching the
                # goals together until version 3; support_helps_goals asks the second.
                id="support_fits",
                kind=RADIO,
                reader_label=_l("Today's support helps to feel safe"),
                label=ByPath(
                    _l("Does the support you get today help you feel safe?"),
                    _l("Does the support today help your child feel safe?"),
                    _l("Does the support today help the person feel safe?"),
                ),
                options=YES_PARTLY_NO_UNSURE,
            ),
            Question(
                id="support_helps_goals",
                kind=RADIO,
                reader_label=_l("Today's support helps to reach the goals"),
                label=ByPath(
                    _l("Does the support help you reach your goals?"),
                    _l("Does the support help your child reach the goals?"),
                    _l("Does the support help the person reach their goals?"),
                ),
                options=YES_PARTLY_NO_UNSURE,
            ),
            Question(
                id="support_missing",
                kind=TEXTAREA,
                reader_label=_l("Missing, or not working well"),
                label=_l("What is missing, or what does not work well?"),
            ),
        ),
    ),
    Page(
        id="contact",
        part=3,
        title=_l("Who to contact"),
        show_if=FIRST_MEETING,
        questions=(
            Question(
                id="knows_contact",
                kind=RADIO,
                reader_label=_l("Knows who to contact"),
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
                reader_label=_l("The contact today"),
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
        part=4,
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
                reader_label=_l("Invite"),
                label=_l("Who should be invited?"),
                hint=_l("Choose all that fit."),
                options=(*ORGANISATIONS, *PEOPLE),
            ),
            Question(
                id="invite_other",
                kind=TEXTAREA,
                reader_label=_l("Also invite"),
                label=_l("Anyone else to invite? You can write their names."),
                max_chars=500,
            ),
            Question(
                id="not_invite",
                kind=TEXTAREA,
                reader_label=_l("Must not be at the meeting"),
                label=_l("Is there anyone who should not be at the meeting?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="consent",
        part=4,
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
                reader_label=_l("Those taking part may share information"),
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
                reader_label=_l("Must not be shared"),
                label=_l("Is there anything they must not share?"),
                max_chars=1000,
            ),
            Question(
                id="avoid_topics",
                kind=TEXTAREA,
                reader_label=_l("Must not be talked about at the meeting"),
                label=_l("Are there topics that should not be talked about at the meeting?"),
                max_chars=1000,
            ),
        ),
    ),
    Page(
        id="consent-now",
        part=4,
        title=_l("Sharing information"),
        show_if=followup.FOLLOW_UP,
        intro=(
            _l("Consent can change between meetings. You can take it back at any time, and "
               "you still get the care and support you need."),
        ),
        questions=(
            Question(
                id="consent_still",
                kind=RADIO,
                label=_l("Does your consent from the last meeting still hold?"),
                reader_label=_l("The consent from the last meeting still holds"),
                options=(
                    Option("yes", _l("Yes")),
                    Option("changed", _l("Yes, but something has changed")),
                    Option("no", _l("No")),
                    Option("unsure", _l("I am not sure")),
                ),
            ),
            Question(
                id="consent_changes",
                kind=TEXTAREA,
                label=_l("What has changed?"),
                hint=_l("For example someone who may no longer get information."),
                reader_label=_l("What has changed about consent"),
                max_chars=1000,
            ),
        ),
    ),
    Page(
        id="consent-each",
        part=4,
        title=_l("Who may share information?"),
        intro=(_l("Choose for each one you want to invite. You can change your mind later."),),
        show_if=when("consent", "yes_with_limits", "talk_first"),
        questions=tuple(_may_share(invitee) for invitee in (*ORGANISATIONS, *PEOPLE)),
    ),
    Page(
        id="meeting-place",
        part=4,
        title=_l("Where to meet"),
        questions=(
            Question(
                id="meeting_place",
                kind=RADIO,
                reader_label=_l("Place"),
                label=_l("Where should the meeting be?"),
                options=(
                    Option("home", ByPath(_l("At my home"), _l("At our home"),
                                          _l("At the person's home")),
                           reader_label=ByPath(_l("At the person's home"),
                                               _l("At the family's home"),
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
                reader_label=_l("Other place"),
                label=_l("If somewhere else: where?"),
            ),
        ),
    ),
    Page(
        id="meeting-time",
        part=4,
        title=_l("Time and length of the meeting"),
        questions=(
            Question(
                id="meeting_time",
                kind=RADIO,
                reader_label=_l("Time of day"),
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
                reader_label=_l("At most"),
                label=_l("How long can the meeting be at most?"),
                options=(
                    Option("30", _l("30 minutes")),
                    Option("60", _l("1 hour")),
                    Option("90", _l("1 hour and 30 minutes")),
                    Option("120", _l("2 hours")),
                ),
            ),
            Question(
                id="avoid_times",
                kind=TEXT,
                label=_l("Are there days or times that do not work?"),
                hint=_l("For example school hours, treatment days, prayer times or work."),
                reader_label=_l("Days or times that do not work"),
                max_chars=300,
            ),
        ),
    ),
    Page(
        id="meeting-room",
        part=4,
        title=_l("The room and what is around it"),
        questions=(
            Question(
                id="disturbs",
                kind=TEXTAREA,
                reader_label=_l("Could disturb"),
                label=_l("Is there anything that could disturb during the meeting?"),
                hint=_l("For example noise, light, smells, many people or a long wait."),
                max_chars=1000,
            ),
            Question(
                id="room_needs",
                kind=TEXTAREA,
                reader_label=_l("Needs in and around the room"),
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
        part=4,
        title=_l("Support at the meeting"),
        questions=(
            Question(
                id="meeting_support",
                kind=CHECKBOXES,
                reader_label=_l("Support at the meeting"),
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
                    Option("someone_with_me", _l("Someone to come along, a person to trust"),
                           reader_label=_l("Someone the person trusts comes along")),
                    Option("other", _l("Something else")),
                    Option("none", _l("No support is needed"), exclusive=True),
                ),
            ),
            Question(
                id="meeting_support_other",
                kind=TEXTAREA,
                reader_label=_l("Other support"),
                label=_l("If something else: what?"),
                max_chars=500,
            ),
        ),
    ),
    Page(
        id="interpreter",
        part=4,
        title=_l("Interpreter"),
        show_if=when("meeting_support", "interpreter"),
        questions=(
            Question(
                id="interpreter_language_code",
                kind=SELECT,
                label=_l("Which language should the interpreter speak?"),
                reader_label=_l("Language"),
                options=(*INTERPRETER_LANGUAGES,
                         Option("other", _l("Another language"))),
                suggests_page_language=True,
            ),
            # Before the list, this was where the language was written: answers saved then
            # keep showing here, as written.
            Question(id="interpreter_language", kind=TEXT,
                     label=_l("If another language: which one?"),
                     reader_label=_l("Language, as written")),
            Question(id="interpreter_dialect", kind=TEXT,
                     label=_l("Which dialect, if it matters?"), reader_label=_l("Dialect")),
            Question(
                id="interpreter_gender",
                kind=RADIO,
                label=_l("Should the interpreter be a woman or a man?"),
                reader_label=_l("The interpreter"),
                options=(
                    Option("any", _l("It does not matter")),
                    Option("woman", _l("A woman"), reader_label=_l("female interpreter")),
                    Option("man", _l("A man"), reader_label=_l("male interpreter")),
                ),
            ),
            Question(
                id="interpreter_mode",
                kind=RADIO,
                reader_label=_l("Takes part"),
                label=_l("How should the interpreter take part?"),
                options=(
                    Option("on_site", _l("In the room"), reader_label=_l("in the room")),
                    Option("phone", _l("By phone"), reader_label=_l("by phone")),
                    Option("video", _l("By video"), reader_label=_l("by video")),
                    Option("any", _l("It does not matter")),
                ),
            ),
        ),
    ),
    Page(
        id="about-you",
        part=5,
        title=ByPath(_l("About you"), _l("About your child and you"),
                     _l("About the person and you")),
        reader_title=_l("Whose summary it is"),
        intro=(_l("Your contact person needs to know whose summary this is and how to reach "
                  "you. You can leave this out."),),
        questions=(
            Question(id="person_name", kind=TEXT, max_chars=100, reader_label=_l("Name"),
                     label=ByPath(_l("Your name or initials"),
                                  _l("Your child's name or initials"),
                                  _l("The person's name or initials"))),
            Question(
                id="contact_way",
                kind=RADIO,
                label=ByPath(_l("How do you want to be contacted?"),
                             _l("How do you want to be contacted?"),
                             _l("How does the person want to be contacted?")),
                reader_label=_l("Wants to be contacted"),
                options=(
                    Option("phone_call", _l("By phone")),
                    Option("text_message", _l("By text message")),
                    Option("letter", _l("By letter")),
                    Option("through_someone", _l("Through someone else")),
                ),
            ),
            Question(id="contact_details", kind=TEXT, max_chars=200,
                     label=_l("Phone number or address"),
                     reader_label=_l("Phone number or address")),
            Question(id="filler_name", kind=TEXT, max_chars=100,
                     label=_l("Your own name"),
                     reader_label=ByPath(_l("Filled in by"), _l("The guardian's name"),
                                         _l("The helper's name")),
                     show_if=when("preparing_for", "guardian", "helper")),
        ),
    ),
    Page(
        id="your-questions",
        part=5,
        title=_l("Questions for the meeting"),
        questions=(
            Question(
                id="own_questions",
                kind=TEXTAREA,
                reader_label=_l("Questions to ask at the meeting"),
                label=_l("What do you want to ask at the meeting?"),
                hint=_l("Family or people close by may also have questions."),
            ),
        ),
    ),
    Page(
        id="anything-else",
        part=5,
        title=_l("Anything else"),
        questions=(
            Question(
                id="anything_else",
                kind=TEXTAREA,
                reader_label=_l("Anything else"),
                label=_l("Is there anything else the others should know?"),
            ),
        ),
    ),
)

#: The meeting card: the top of the contact person's page and page 1 of their PDF, group
#: by group. The interpreter's answers are read as one line (``outputs.card``).
CARD: tuple[CardGroup, ...] = (
    CardGroup("whose", _l("Whose summary it is"),
              ("person_name", "contact_way", "contact_details", "filler_name", "helper_role")),
    CardGroup("book", _l("What to book"),
              ("meeting_support", "meeting_support_other", *INTERPRETER_QUESTIONS)),
    CardGroup("when_where", _l("Where and when"),
              ("meeting_place", "meeting_place_other", "meeting_time", "meeting_length",
               "avoid_times", "disturbs", "room_needs")),
    CardGroup("invite", _l("Who to invite"),
              ("invite", "invite_other", *child.MEETING_NEEDS)),
    CardGroup("life", _l("Life now, in pictures"),
              tuple(q.id for page in life.PAGES for q in page.questions)
              + tuple(q.id for q in life.CARRIED), mat=True),
    CardGroup("matters_most", _l("What matters most"),
              ("not_invite", "consent_limits", "avoid_topics", "child_not_in_front"),
              matters_most=True),
    CardGroup("consent", _l("Consent and its limits"),
              ("consent", *(f"consent_{invitee.value}" for invitee in (*ORGANISATIONS, *PEOPLE)),
               "consent_still", "consent_changes", *child.CONSENT),
              note=_l("These are wishes for the meeting. They are not a signed consent.")),
)

#: The parts of every journey. Each journey goes through all five, in order.
PARTS: tuple[Part, ...] = (
    Part(_l("Getting started")),
    Part(ByPath(_l("What matters to you"), _l("About your child"),
                _l("What matters to the person")),
         follow_up_title=_l("How the plan has worked")),
    Part(_l("Support today"), follow_up_title=_l("What has changed")),
    Part(_l("The meeting")),
    Part(_l("Last questions")),
)

QUESTIONNAIRE = Questionnaire(
    id="sip-prep",
    version="4",
    pages=(*START, *FIRST, *followup.PAGES, *MEETING),
    path_question="preparing_for",
    card=CARD,
    parts=PARTS,
    follow_up=followup.FOLLOW_UP,
    carried=life.CARRIED,
    about=("meeting_kind", "preparing_for"),
    derive=followup.carry_over,
)
