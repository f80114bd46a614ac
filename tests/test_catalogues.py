"""The Bulgarian interface catalogue is complete: no English string leaks into a Bulgarian page."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["bg", "en"])
def test_catalogue_exists_and_has_no_fuzzy_entries(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_every_bulgarian_entry_is_translated():
    po = polib.pofile(str(LOCALE / "bg" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
