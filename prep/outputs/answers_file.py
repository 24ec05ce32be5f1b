"""Save to phone: the person's answers as a signed file they keep, and loading it again.

The file is plain JSON so that it is theirs to read; a signature (the app's secret key, with
the same rotation as links) shows that it came from us unchanged. A file that is malformed,
from an unknown version, too big or changed gets a clear message and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from itsdangerous import Signer

from ..questionnaire.model import Questionnaire

FORMAT = "infor-sip-answers"
FILE_VERSION = 1
#: Questionnaire versions whose files still load. Ids only ever grow, so an older file's
#: answers are a subset of today's questions.
KNOWN_VERSIONS = {"1", "2", "3", "4"}
MAX_BYTES = 200 * 1024


class BadFile(Exception):
    """``reason`` is one of: unreadable, unknown_version, too_big, changed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _signer(secret_keys: Sequence[str]) -> Signer:
    """Signs with the last key; every key verifies (the same rotation as links)."""
    return Signer(list(secret_keys), salt="prep.answers-file")


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def dump(q: Questionnaire, answers: dict[str, Any], secret_keys: Sequence[str]) -> bytes:
    data = {"format": FORMAT, "file_version": FILE_VERSION, "questionnaire": q.id,
            "questionnaire_version": q.version,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "answers": answers}
    signature = _signer(secret_keys).get_signature(_canonical(data)).decode()
    return json.dumps({**data, "signature": signature}, ensure_ascii=False, indent=1).encode()


def load(q: Questionnaire, raw: bytes, secret_keys: Sequence[str]) -> dict[str, Any]:
    """The answers in a saved file, checked against today's questionnaire."""
    if len(raw) > MAX_BYTES:
        raise BadFile("too_big")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # deep nesting too
        raise BadFile("unreadable") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get(
            "questionnaire") != q.id:
        raise BadFile("unreadable")
    if data.get("questionnaire_version") not in KNOWN_VERSIONS or data.get(
            "file_version") != FILE_VERSION:
        raise BadFile("unknown_version")
    signature = data.pop("signature", None)
    if not isinstance(signature, str) or not _signer(secret_keys).verify_signature(
            _canonical(data), signature.encode()):
        raise BadFile("changed")
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise BadFile("unreadable")
    return _checked(q, answers)


def _checked(q: Questionnaire, answers: dict[str, Any]) -> dict[str, Any]:
    """Each answer checked as a question page checks it; one bad answer refuses the file."""
    clean: dict[str, Any] = {}
    for question_id, value in answers.items():
        question = q.question(question_id)
        if question is None:
            raise BadFile("unreadable")
        try:
            answer = question.kind.clean(value)
        except TypeError as exc:
            raise BadFile("unreadable") from exc
        if question.problem(answer) is not None:
            raise BadFile("unreadable")
        if answer is not None:
            clean[question_id] = answer
    return clean
