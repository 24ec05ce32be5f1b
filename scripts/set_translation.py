"""Change translations that are already there (a reviewer's corrections): a translator's
helper, like fill_catalogue.py.

    .venv/bin/python scripts/set_translation.py sv /path/to/changes.py

(the file defines TRANSLATIONS = {msgid: msgstr}; every msgid must be in the catalogue)
"""

import runpy
import sys

from babel.messages.pofile import read_po, write_po

lang, source = sys.argv[1], sys.argv[2]
table = runpy.run_path(source)["TRANSLATIONS"]
path = f"translations/{lang}/LC_MESSAGES/messages.po"
with open(path, "rb") as f:
    catalog = read_po(f, locale=lang)
missing = [msgid for msgid in table if msgid not in catalog]
if missing:
    sys.exit(f"{lang}: not in the catalogue: {missing}")
for msgid, text in table.items():
    catalog[msgid].string = text
    catalog[msgid].flags.discard("fuzzy")
with open(path, "wb") as f:
    write_po(f, catalog, width=100)
print(f"{lang}: changed {len(table)} entries")
