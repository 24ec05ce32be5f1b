"""LIX (läsbarhetsindex), the Swedish readability index: words per sentence plus the share
of long words (more than six letters) in per cent. Under 30 reads very easily, 30–40 is
easy (simple fiction, plain-language news), over 50 is hard (official texts)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A sentence ends at . ! ? or : followed by a space or the end; a line break ends one too
# (a heading, a list item or a button is a sentence of its own).
_END = re.compile(r"[.!?:](?=\s|$)|\n+")


def lix(text: str) -> float:
    chunks = [chunk for chunk in _END.split(text) if _WORD.search(chunk)]
    words = _WORD.findall(text)
    if not words:
        return 0.0
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return len(words) / max(1, len(chunks)) + 100 * long_words / len(words)
