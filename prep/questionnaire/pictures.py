"""Which pictogram goes with each topic and each choice: OpenMoji hexcodes (CC BY-SA 4.0).

A picture never carries meaning alone: the text is always beside it, so the images are
decorative (``alt=""``). One picture per meaning, everywhere: an organisation has the same
picture when it gives support today and when it is invited. ``scripts/pictograms`` copies
exactly these files from the OpenMoji package into ``static/pictograms/``, optimised.
"""

from __future__ import annotations

#: Topic pictures, by page id.
PAGES: dict[str, str] = {
    "meeting": "1F4C5",  # calendar
    "who": "1F465",  # two people
    "important": "2764",  # heart
    "goals": "1F3AF",  # target
    "needs": "1F932",  # open hands
    "support-now": "1F91D",  # handshake
    "support-details": "1F4DD",  # memo
    "support-fit": "1F9E9",  # puzzle piece: does it fit?
    "contact": "1F4DE",  # telephone
    "invite": "2709",  # envelope
    "consent": "270D",  # writing hand
    "consent-now": "270D",
    "consent-each": "1F4CB",  # clipboard
    "meeting-place": "1F4CD",  # pin
    "meeting-time": "23F0",  # alarm clock
    "meeting-room": "1FA91",  # chair
    "meeting-support": "1F4AC",  # speech balloon
    "interpreter": "1F5E3",  # speaking head
    "about-you": "1F4C7",  # card index
    "your-questions": "2753",  # question mark
    "anything-else": "1F4AD",  # thought balloon
    "child-important": "2764",
    "child-strengths": "1F4AA",  # flexed biceps
    "child-works-well": "1F642",  # slightly smiling face
    "child-works-less-well": "1F641",  # slightly frowning face
    "child-voice": "1F5E8",  # speech bubble
    "child-at-meeting": "1F9D2",  # child
    "guardians-agree": "1F46A",  # family
    "helper-role": "1F9D1-200D-1F91D-200D-1F9D1",  # people holding hands
    "plan-goals": "1F3AF",
    "goal-progress": "1F4C8",  # chart going up
    "plan-worked": "2705",  # check mark
    "needs-changed": "1F504",  # arrows in a circle
    "plan-next": "27A1",  # arrow right
    "life-now": "1F5BC",  # framed picture
    "life-better": "1F4A1",  # light bulb
}

#: Choice pictures, by option value (the same value means the same thing everywhere).
OPTIONS: dict[str, str] = {
    # Organisations
    "social_services": "1F3DB",  # classical building
    "home_care": "1F3E0",  # house
    "health_centre": "1FA7A",  # stethoscope
    "psychiatry_adult": "1F9E0",  # brain
    "psychiatry_child": "1F9F8",  # teddy bear
    "habilitation": "267F",  # wheelchair symbol
    "school": "1F3EB",  # school
    "forsakringskassan": "1F4B0",  # money bag
    "arbetsformedlingen": "1F4BC",  # briefcase
    "kriminalvarden": "2696",  # scales
    # People
    "relative": "1F46A",  # family
    "god_man": "1F5C2",  # card index dividers
    "forvaltare": "1F4C2",  # open file folder
    "personligt_ombud": "1F9D1-200D-1F91D-200D-1F9D1",
    "support_person": "1F64B",  # person raising hand
    # The meeting
    "home": "1F3E0",
    "office": "1F3E2",  # office building
    "video": "1F4F9",  # video camera
    "phone": "1F4F1",  # mobile phone
    "on_site": "1FA91",
    "morning": "1F305",  # sunrise
    "midday": "1F37D",  # plate with cutlery
    "afternoon": "1F307",  # sunset
    "interpreter": "1F5E3",
    "sign_language": "1F9CF",  # deaf person
    "pictures": "1F5BC",  # framed picture
    "easy_read": "1F4D6",  # open book
    "hearing_loop": "1F9BB",  # ear with hearing aid
    "breaks": "2615",  # hot beverage
    "someone_with_me": "1F46B",  # two people holding hands
    "none": "1F6AB",  # prohibited
    "other": "2795",  # plus: something else
    "any": "2194",  # left-right arrow: either is fine
    # Answer scales: signs without a gesture (thumbs are rude in parts of the world)
    "yes": "2705",  # check mark
    "no": "274C",  # cross
    "partly": "1F90F",  # pinching hand
    "unsure": "2753",  # question mark
    "yes_with_limits": "1F90F",
    "yes_alone": "1F464",  # one person
    "talk_first": "1F5E8",  # speech bubble
    "changed": "1F504",  # arrows in a circle
    "whole": "1F315",  # full moon: all of it
    "part": "1F313",  # half moon: part of it
    "message": "2709",  # envelope
    "one_guardian": "1F9D1",  # person
    "reached": "1F3C1",  # chequered flag
    "not_reached": "23F3",  # hourglass: not yet
    # Life by pictures: the three places on the mat, and what would make it better
    "good": "1F642",  # slightly smiling face
    "not_sure": "1F610",  # neutral face
    "not_good": "1F641",  # slightly frowning face
    "more_help": "2B06",  # up arrow: more
    "other_help": "1F500",  # twisted arrows: something else instead
    "someone_to_talk_to": "1F4AC",  # speech balloon
    "a_change": "1F6E0",  # hammer and wrench
    "dont_know": "2753",  # question mark
    "woman": "1F469",
    "man": "1F468",
}


#: Question pictures, by question id: the areas of life by pictures (life.py).
QUESTIONS: dict[str, str] = {
    "life_home": "1F3E0",  # house
    "life_daily": "1F4C5",  # calendar: a day's activities
    "life_health": "1FA7A",  # stethoscope
    "life_sleep": "1F6CC",  # person in bed
    "life_food": "1F37D",  # plate with cutlery
    "life_free_time": "26BD",  # football
    "life_family": "1F46A",  # family
    "life_friends": "1F46B",  # two people holding hands
    "life_money": "1FA99",  # coin
    "life_safety": "1F6E1",  # shield
    "life_support": "1F91D",  # handshake
}


def page_picture(page_id: str) -> str | None:
    return PAGES.get(page_id)


def option_picture(value: str) -> str | None:
    return OPTIONS.get(value)


def question_picture(question_id: str) -> str | None:
    """A question's picture; what would make an area better has the area's own."""
    return QUESTIONS.get(question_id.removesuffix("_better"))


def every_picture() -> set[str]:
    return {*PAGES.values(), *OPTIONS.values(), *QUESTIONS.values()}
