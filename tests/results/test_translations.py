"""The Japanese catalogue is complete: no untranslated or fuzzy entry."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[2] / "locale" / "ja" / "LC_MESSAGES" / "django.po"


def test_every_japanese_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_the_catalogue_is_not_empty():
    assert len(polib.pofile(str(PO)).translated_entries()) > 0
