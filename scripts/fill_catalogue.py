"""Fill empty entries of one catalogue from a Python dict file: a translator's helper.

    .venv/bin/python scripts/fill_catalogue.py sv /path/to/new.py

(the file defines TRANSLATIONS = {msgid: msgstr}; a plural entry is keyed by its singular
msgid and holds a tuple, one string per plural form of the language)
"""

import runpy
import sys

from babel.messages.pofile import read_po, write_po

lang, source = sys.argv[1], sys.argv[2]
table = runpy.run_path(source)["TRANSLATIONS"]
path = f"translations/{lang}/LC_MESSAGES/messages.po"
with open(path, "rb") as f:
    catalog = read_po(f, locale=lang)


def empty(string: str | tuple) -> bool:
    return not all(string) if isinstance(string, tuple) else not string


filled = 0
for message in catalog:
    key = message.id[0] if isinstance(message.id, tuple) else message.id
    if key in table and empty(message.string):
        message.string = table[key]
        message.flags.discard("fuzzy")
        filled += 1
with open(path, "wb") as f:
    write_po(f, catalog, width=100)
print(f"{lang}: filled {filled} entries")
