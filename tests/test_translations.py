"""Danish is the default language: every string has its Danish text, and the committed .mo is current."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "da" / "LC_MESSAGES" / "django.po"


def test_every_string_has_its_danish_text():
    po = polib.pofile(str(PO))
    missing = [entry.msgid for entry in po if not entry.obsolete and not entry.translated()]
    assert not missing, f"untranslated or fuzzy: {missing[:20]}"


def test_the_committed_mo_file_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} is not compiled: run `python scripts/compile_messages.py`"
        assert compiled[key] == (entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))), entry.msgid
