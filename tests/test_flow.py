"""The flow is pure: these tests need no request and no database."""

from __future__ import annotations

import pytest
from flask_babel import lazy_gettext as _l

from prep.questionnaire import flow
from prep.questionnaire.definition import QUESTIONNAIRE as Q
from prep.questionnaire.model import (
    RADIO,
    TEXT,
    TEXTAREA,
    Option,
    Page,
    Question,
    Questionnaire,
    when,
)


def ids(pages):
    return [page.id for page in pages]


def test_a_person_preparing_for_themselves_sees_every_topic_in_order():
    pages = ids(flow.visible_pages(Q, {"preparing_for": "self"}))
    assert pages[:2] == ["meeting", "who"]
    for topic in ("important", "goals", "needs", "support-now", "support-fit", "contact",
                  "invite", "consent", "meeting-place", "meeting-time", "meeting-room",
                  "meeting-support", "your-questions", "anything-else"):
        assert topic in pages
    assert pages.index("goals") < pages.index("consent") < pages.index("meeting-place")


def test_conditional_pages_show_only_when_their_answer_is_given():
    base = {"preparing_for": "self"}
    assert "interpreter" not in ids(flow.visible_pages(Q, base))
    assert "support-details" not in ids(flow.visible_pages(Q, base))
    chosen = {**base, "meeting_support": ["pictures", "interpreter"], "support_now": ["school"]}
    pages = ids(flow.visible_pages(Q, chosen))
    assert "interpreter" in pages and "support-details" in pages


def test_support_details_asks_only_about_the_organisations_chosen():
    page = Q.page("support-details")
    shown = page.visible_questions({"support_now": ["school", "health_centre"]})
    assert [q.id for q in shown] == ["support_from_health_centre", "support_from_school"]
    assert not page.applies("self", {"support_now": ["none"]})


def test_next_and_previous_follow_the_visible_pages():
    answers = {"preparing_for": "self"}
    assert flow.next_page(Q, "who", answers) == "life-now"
    assert flow.next_page(Q, "life-now", answers) == "important"
    assert flow.route(Q, answers).before("important") == "life-now"
    assert flow.route(Q, answers).before("who") == "meeting"
    assert flow.route(Q, answers).before("meeting") is None
    assert flow.next_page(Q, "anything-else", answers) is None
    # The skipped interpreter page is stepped over both ways.
    assert flow.next_page(Q, "meeting-support", answers) == "about-you"
    assert flow.route(Q, answers).before("about-you") == "meeting-support"
    with_interpreter = {**answers, "meeting_support": ["interpreter"]}
    assert flow.next_page(Q, "meeting-support", with_interpreter) == "interpreter"
    assert flow.route(Q, with_interpreter).before("about-you") == "interpreter"


def _journeys():
    """Every path and meeting, with no optional page open and with every one open."""
    everything = {"support_now": ["school"], "meeting_support": ["interpreter"],
                  "consent": "talk_first", "invite": ["school"], "goal_1": "A job"}
    for kind in ("first", "follow_up"):
        for path in ("self", "guardian", "helper"):
            base = {"meeting_kind": kind, "preparing_for": path}
            yield f"{path}, {kind}", base
            yield f"{path}, {kind}, every page open", {**base, **everything}


@pytest.mark.parametrize("name, answers", list(_journeys()))
def test_progress_goes_through_every_part_in_order_and_never_back(name, answers):
    walked = flow.route(Q, answers)
    parts = [walked.progress(page.id).part for page in walked.pages]
    assert parts == sorted(parts), name
    assert sorted(set(parts)) == list(range(1, len(Q.parts) + 1)), name
    assert {walked.progress(page.id).total for page in walked.pages} == {len(Q.parts)}


def test_opening_an_optional_page_does_not_change_any_pages_progress():
    plain = {"preparing_for": "self"}
    opened = {**plain, "meeting_support": ["interpreter"], "support_now": ["school"]}
    for page in flow.visible_pages(Q, plain):
        assert flow.route(Q, plain).progress(page.id) == flow.route(Q, opened).progress(page.id)
    assert flow.route(Q, plain).progress("interpreter") is None


def test_a_part_is_named_for_the_path_and_the_meeting():
    with_child = flow.route(Q, {"preparing_for": "guardian"}).progress("child-important")
    assert (with_child.part, str(with_child.title)) == (2, "About your child")
    later = flow.route(Q, {"meeting_kind": "follow_up"}).progress("plan-goals")
    assert str(later.title) == "How the plan has worked"


def test_after_a_change_the_person_returns_to_check_answers():
    answers = {"preparing_for": "self", "goals": "Work"}
    assert flow.after_change(Q, "goals", answers) is None


def test_a_change_that_opens_a_new_page_goes_there_first():
    answers = {"preparing_for": "self", "meeting_support": ["interpreter"]}
    assert flow.after_change(Q, "meeting-support", answers) == "interpreter"
    answered = {**answers, "interpreter_language": "Tigrinya"}
    assert flow.after_change(Q, "meeting-support", answered) is None


def test_resume_continues_after_the_last_saved_page():
    answers = {"preparing_for": "self", "important": "My family"}
    assert flow.resume_page(Q, answers, "important") == "goals"
    assert flow.resume_page(Q, {}, None) == "meeting"
    assert flow.resume_page(Q, answers, "anything-else") is None  # done: check answers


def test_prune_drops_answers_that_a_changed_choice_hid():
    answers = {
        "meeting_support": ["pictures"],
        "interpreter_language": "Arabic",
        "support_now": ["none"],
        "support_from_school": "A resource teacher",
    }
    assert flow.prune(Q, answers) == {"meeting_support": ["pictures"], "support_now": ["none"]}


def test_path_defaults_to_self_and_ignores_unknown_values():
    assert Q.path({}) == "self"
    assert Q.path({"preparing_for": "guardian"}) == "guardian"
    assert Q.path({"preparing_for": "robot"}) == "self"


def test_pages_can_be_limited_to_paths():
    only_child = Page("child", _l("Child"), (Question("c", TEXTAREA, _l("C")),),
                      paths=frozenset({"guardian"}))
    q = Questionnaire("t", "1", (Q.page("who"), only_child), path_question="preparing_for")
    assert ids(flow.visible_pages(q, {})) == ["who"]
    assert ids(flow.visible_pages(q, {"preparing_for": "self"})) == ["who"]
    assert ids(flow.visible_pages(q, {"preparing_for": "guardian"})) == ["who", "child"]


@pytest.mark.parametrize(
    "pages, message",
    [
        ((Page("Bad Id", _l("x"), (Question("a", TEXT, _l("A")),)),), "kebab-case"),
        ((Page("a", _l("x"), (Question("a", TEXT, _l("A")),)),
          Page("a", _l("x"), (Question("b", TEXT, _l("B")),))), "used twice"),
        ((Page("a", _l("x"), (Question("a", RADIO, _l("A")),)),), "options do not fit"),
        ((Page("a", _l("x"), (Question("a", TEXT, _l("A"), show_if=when("later", "x")),)),
          Page("b", _l("x"), (Question("later", RADIO, _l("L"), options=(Option("x", "X"),)),))),
         "not asked before"),
        ((Page("a", _l("x"), (Question("p", RADIO, _l("P"), options=(Option("x", "X"),)),
                              Question("q", TEXT, _l("Q"), show_if=when("p", "x")))),),
         "not asked before"),
        ((Page("a", _l("x"), (Question("p", RADIO, _l("P"), options=(Option("x", "X"),)),)),
          Page("b", _l("x"), (Question("q", TEXT, _l("Q"), show_if=when("p", "y")),))),
         "does not offer"),
    ],
)
def test_a_broken_definition_is_refused_at_start(pages, message):
    with pytest.raises(ValueError, match=message):
        Questionnaire("t", "1", pages, path_question=pages[0].questions[0].id)


def test_question_ids_are_stable():
    """Ids are the keys of stored answers and exports: this list only ever grows."""
    shipped = {
        "anything_else", "avoid_times", "avoid_topics", "child_attends",
        "child_important", "child_message", "child_not_in_front", "child_story_teller",
        "child_strengths", "child_words", "consent", "consent_arbetsformedlingen",
        "consent_changes", "consent_forsakringskassan", "consent_forvaltare",
        "consent_god_man", "consent_habilitation", "consent_health_centre",
        "consent_home_care", "consent_kriminalvarden", "consent_limits",
        "consent_personligt_ombud", "consent_psychiatry_adult",
        "consent_psychiatry_child", "consent_relative", "consent_school",
        "consent_social_services", "consent_still", "consent_support_person",
        "contact_details", "contact_way", "contact_who", "disturbs", "family_important",
        "filler_name", "goal_1", "goal_1_status", "goal_2", "goal_2_status", "goal_3",
        "goal_3_status", "goal_4", "goal_4_status", "goal_5", "goal_5_status", "goals",
        "guardians_agree", "helper_role", "important", "interpreter_dialect",
        "interpreter_gender", "interpreter_language", "interpreter_language_code",
        "interpreter_mode", "invite", "invite_other", "knows_contact", "life_daily",
        "life_daily_before", "life_daily_better", "life_daily_note", "life_family",
        "life_family_before", "life_family_better", "life_family_note", "life_food",
        "life_food_before", "life_food_better", "life_food_note", "life_free_time",
        "life_free_time_before", "life_free_time_better", "life_free_time_note",
        "life_friends", "life_friends_before", "life_friends_better", "life_friends_note",
        "life_health", "life_health_before", "life_health_better", "life_health_note",
        "life_home", "life_home_before", "life_home_better", "life_home_note",
        "life_money", "life_money_before", "life_money_better", "life_money_note",
        "life_safety", "life_safety_before", "life_safety_better", "life_safety_note",
        "life_sleep", "life_sleep_before", "life_sleep_better", "life_sleep_note",
        "life_support", "life_support_before", "life_support_better", "life_support_note",
        "meeting_kind", "meeting_length", "meeting_place", "meeting_place_other",
        "meeting_support", "meeting_support_other", "meeting_time", "needs",
        "needs_changed", "needs_changed_how", "not_invite", "own_questions",
        "person_agrees", "person_name", "person_takes_part", "plan_can_end",
        "preparing_for", "room_needs", "should_change", "support_as_agreed",
        "support_as_agreed_how", "support_fits", "support_from_arbetsformedlingen",
        "support_from_forsakringskassan", "support_from_habilitation",
        "support_from_health_centre", "support_from_home_care",
        "support_from_kriminalvarden", "support_from_psychiatry_adult",
        "support_from_psychiatry_child", "support_from_school",
        "support_from_social_services", "support_helps_goals", "support_missing",
        "support_now", "worked_badly", "worked_well", "works_less_well_free_time",
        "works_less_well_home", "works_less_well_school", "works_well_free_time",
        "works_well_home", "works_well_school",
    }
    current = {q.id for page in Q.pages for q in page.questions} | {q.id for q in Q.carried}
    assert shipped <= current
    # The codes of life in pictures travel in FHIR and answers files too.
    mat = next(q for page in Q.pages for q in page.questions if q.id == "life_home")
    better = next(q for page in Q.pages for q in page.questions if q.id == "life_home_better")
    assert {"good", "not_sure", "not_good"} <= {o.value for o in mat.options}
    assert {"more_help", "other_help", "someone_to_talk_to", "a_change", "dont_know"} <= {
        o.value for o in better.options}


PATH_PAGES = {
    "self": {"important"},
    "guardian": {"child-important", "child-strengths", "child-works-well",
                 "child-works-less-well", "child-voice", "child-at-meeting", "guardians-agree"},
    "helper": {"helper-role", "important"},
}


@pytest.mark.parametrize("path", ["self", "guardian", "helper"])
def test_each_path_sees_its_own_pages_and_not_the_others(path):
    pages = set(ids(flow.visible_pages(Q, {"preparing_for": path})))
    assert PATH_PAGES[path] <= pages
    others = set().union(*PATH_PAGES.values()) - PATH_PAGES[path]
    assert not others & pages


def test_wording_follows_the_path():
    page = Q.page("goals")
    assert "your child" in str(page.worded_for("guardian").questions[0].label)
    assert "the person" in str(page.worded_for("helper").questions[0].label)
    assert "you want" in str(page.worded_for("self").questions[0].label)


def test_follow_up_asks_about_the_plan_not_the_first_meeting_topics():
    answers = {"meeting_kind": "follow_up", "preparing_for": "self", "goal_1": "A job",
               "goal_2": "A flat"}
    pages = ids(flow.visible_pages(Q, answers))
    assert pages[:5] == ["meeting", "who", "life-now", "plan-goals", "goal-progress"]
    for first_only in ("important", "support-now", "consent"):
        assert first_only not in pages
    shown = Q.page("goal-progress").visible_questions(answers)
    assert [q.id for q in shown] == ["goal_1_status", "goal_2_status"]


def test_goals_are_carried_over_into_a_follow_up():
    earlier = {"goals": "- Get a job\n\n• Live on my own\n", "meeting_kind": "follow_up"}
    carried = Q.derive(earlier)
    assert carried["goal_1"] == "Get a job" and carried["goal_2"] == "Live on my own"
    assert "goal_3" not in carried
    typed = {**earlier, "goal_1": "My own goal"}
    assert Q.derive(typed) == typed  # typed goals are never overwritten
    assert Q.derive({"goals": "A"}) == {"goals": "A"}  # only for a follow-up


def test_hidden_answers_do_not_open_pages_that_depend_on_them():
    """Consent is not asked in a follow-up, so an old consent answer opens nothing."""
    answers = {"consent": "talk_first", "invite": ["school"]}
    assert "consent-each" in ids(flow.visible_pages(Q, answers))
    assert "consent-each" not in ids(
        flow.visible_pages(Q, {**answers, "meeting_kind": "follow_up"}))


def test_consent_builder_asks_about_each_invitee():
    answers = {"consent": "yes_with_limits", "invite": ["school", "god_man"]}
    shown = Q.page("consent-each").visible_questions(answers)
    assert [q.id for q in shown] == ["consent_school", "consent_god_man"]
