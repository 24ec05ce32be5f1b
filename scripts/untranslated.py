"""The entries of a catalogue that still need a translation (empty, partly empty or fuzzy),
as JSON for a translator: .venv/bin/python scripts/untranslated.py fi > fi-todo.json"""

import json
import sys

from babel.messages.pofile import read_po


def todo(lang: str) -> list:
    with open(f"translations/{lang}/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f, locale=lang)
    strings = lambda m: m.string if isinstance(m.string, tuple) else (m.string,)  # noqa: E731
    return [m.id for m in catalog if m.id and (m.fuzzy or not all(strings(m)))]


if __name__ == "__main__":
    json.dump(todo(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1)
    print()
