"""The questionnaire definition → a FHIR R4 Questionnaire; answers → a QuestionnaireResponse.

linkIds are our stable ids: pages are groups, questions their items. Swedish is the text;
every other language rides along in FHIR's translation extension. Conditions and paths
become ``enableWhen``, so another system can show the same questions we do.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..languages import bcp47
from ..questionnaire.model import ALL_PATHS, Condition, Page, Question, Questionnaire, for_path
from .rows import Row
from .summary import Summary

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
LANGUAGE = "http://hl7.org/fhir/StructureDefinition/language"


def _texts(text: Any, languages: tuple[str, ...]) -> dict[str, str]:
    """The text in every language; a path-worded text in its "for myself" wording."""
    text = for_path(text, "self")
    found = {}
    for lang in languages:
        with force_locale(lang):
            found[lang] = str(text)
    return found


def _text_fields(name: str, text: Any, languages: tuple[str, ...]) -> dict[str, Any]:
    texts = _texts(text, languages)
    translations = [
        {"url": TRANSLATION, "extension": [{"url": "lang", "valueCode": bcp47(lang)},
                                           {"url": "content", "valueString": value}]}
        for lang, value in texts.items() if lang != "sv"
    ]
    fields: dict[str, Any] = {name: texts["sv"]}
    if translations:
        fields[f"_{name}"] = {"extension": translations}
    return fields


def _enable_when(conditions: list[Condition]) -> dict[str, Any]:
    rules = []
    for cond in conditions:
        if not cond.any_of:
            rules.append({"question": cond.question, "operator": "exists",
                          "answerBoolean": not cond.negate})
        for value in sorted(cond.any_of):
            rules.append({"question": cond.question, "operator": "!=" if cond.negate else "=",
                          "answerCoding": {"code": value}})
    if not rules:
        return {}
    behaviour = "all" if any(c.negate for c in conditions) else "any"
    return {"enableWhen": rules, "enableBehavior": behaviour} if len(rules) > 1 else {
        "enableWhen": rules}


def _question_item(question: Question, languages: tuple[str, ...]) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": question.id, "type": question.kind.fhir_type,
                            **_text_fields("text", question.label, languages),
                            "required": False}
    if question.kind.many:
        item["repeats"] = True
    if question.limit:
        item["maxLength"] = question.limit
    if question.options:
        item["answerOption"] = [
            {"valueCoding": {"code": option.value,
                             "display": _texts(option.label, ("sv",))["sv"]}}
            for option in question.options
        ]
    item.update(_enable_when([question.show_if] if question.show_if else []))
    return item


def _page_item(page: Page, q: Questionnaire, languages: tuple[str, ...]) -> dict[str, Any]:
    conditions = [page.show_if] if page.show_if else []
    if page.paths != ALL_PATHS:
        conditions.append(Condition(q.path_question, frozenset(page.paths)))
    item = {"linkId": page.id, "type": "group", **_text_fields("text", page.title, languages),
            "item": [_question_item(question, languages) for question in page.questions]}
    item.update(_enable_when(conditions))
    return item


def questionnaire(q: Questionnaire, base_url: str, languages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": q.id,
        "url": f"{base_url}/fhir/Questionnaire/{q.id}",
        "version": q.version,
        "name": "InforSIP",
        "title": "Inför SIP",
        "status": "active",
        "language": "sv",
        "subjectType": ["Patient"],
        "item": [_page_item(page, q, languages) for page in q.pages]
        + ([_carried_item(q, languages)] if q.carried else []),
    }


#: The group of answers carried from an earlier meeting (never asked, so read-only).
CARRIED = "earlier-meeting"


def _carried_item(q: Questionnaire, languages: tuple[str, ...]) -> dict[str, Any]:
    items = [{**_question_item(question, languages), "readOnly": True} for question in q.carried]
    return {"linkId": CARRIED, "type": "group", "readOnly": True,
            **_text_fields("text", _l("Life in pictures at the earlier meeting"), languages),
            "item": items}


def questionnaire_response(q: Questionnaire, summary: Summary, base_url: str,
                           written_in: str | None) -> dict[str, Any]:
    """The person's answers, shown questions only; free text tagged with its language."""
    groups = []
    with force_locale("sv"):
        for section in summary.sections:
            items = [{"linkId": row.question_id, "answer": _answers(row, written_in)}
                     for row in section.rows if row.answered]
            if items:
                groups.append({"linkId": section.page_id, "item": items})
        earlier = [{"linkId": question.id, "answer": [{"valueCoding": {
                       "code": summary.answers[question.id],
                       "display": str(question.option_label(summary.answers[question.id]))}}]}
                   for question in q.carried if question.id in summary.answers]
        if earlier:
            groups.append({"linkId": CARRIED, "item": earlier})
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{base_url}/fhir/Questionnaire/{q.id}|{q.version}",
        "status": "completed",
        "authored": datetime.now(UTC).isoformat(timespec="seconds"),
        "item": groups,
    }


def _answers(row: Row, written_in: str | None) -> list[dict[str, Any]]:
    if row.free_text:
        answer: dict[str, Any] = {"valueString": str(row.answer)}
        if written_in:
            answer["_valueString"] = {"extension": [{"url": LANGUAGE,
                                                     "valueCode": bcp47(written_in)}]}
        return [answer]
    codes = [row.answer] if isinstance(row.answer, str) else list(row.answer or ())
    return [{"valueCoding": {"code": code, "display": str(label)}}
            for code, label in zip(codes, row.values, strict=True)]
