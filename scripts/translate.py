"""Re-extract the Japanese catalogue and fill in translations from a JSON file.

Usage (always under the lock, several people may be editing at once):

    flock locale/.lock .venv/bin/python scripts/translate.py MAPPING.json

MAPPING.json is {"English msgid": "日本語"}; for plural entries give a list of forms
(Japanese has one: ["…"]). Entries you set lose their fuzzy flag. Existing translations of
other msgids are kept. Prints what is still untranslated or fuzzy.
"""

import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "ja" / "LC_MESSAGES" / "django.po"


def main(argv: list[str]) -> int:
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ja",
            "--ignore=.venv",
            "--ignore=staticfiles",
            "--ignore=node_modules",
            "--no-obsolete",
            "-v0",
        ],
        cwd=ROOT,
        check=True,
    )
    po = polib.pofile(str(PO))
    po.metadata["Language"] = "ja"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    mapping = {}
    for path in argv:
        mapping.update(json.loads(Path(path).read_text(encoding="utf-8")))
    for entry in po:
        if entry.msgid in mapping:
            value = mapping[entry.msgid]
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.previous_msgid_plural = None
    po.save(str(PO))
    missing = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    for msgid in missing:
        print("untranslated:", msgid)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
