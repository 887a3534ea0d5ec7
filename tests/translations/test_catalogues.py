"""Every configured language has a complete interface catalogue.

An untranslated or fuzzy message shows English to someone who may be reading in a crisis;
a broken placeholder crashes the page or shows a raw "%(number)s". A language without a
catalogue at all breaks the /<code>/ URL prefix.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from multilingual.languages import SITE_LANGUAGES

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CODES = [code for code, *_ in SITE_LANGUAGES]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{\w*\}")


def catalogue(code):
    path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: add it with `manage.py makemessages -l {code}`"
    return polib.pofile(str(path))


def test_every_catalogue_language_is_configured_and_the_other_way_round():
    on_disk = {path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/django.po")}
    assert on_disk == set(CODES)
    assert [code for code, _name in settings.LANGUAGES] == CODES


@pytest.mark.parametrize("code", CODES)
def test_catalogue_is_complete_without_fuzzy_or_obsolete_messages(code):
    po = catalogue(code)
    assert po.metadata.get("Language") == code
    assert len(po) > 0
    # Admin-only strings (context "admin") need Swedish only: the admin speaks sv and en.
    needed = [entry for entry in po if code == "sv" or entry.msgctxt != "admin"]
    untranslated = [
        entry.msgid
        for entry in needed
        if not entry.translated() and "fuzzy" not in entry.flags and not entry.obsolete
    ]
    fuzzy = [entry.msgid for entry in needed if "fuzzy" in entry.flags]
    obsolete = [entry.msgid for entry in po.obsolete_entries()]
    plural_gaps = [
        entry.msgid
        for entry in needed
        if entry.msgid_plural and not all(entry.msgstr_plural.values())
    ]
    assert untranslated == [], f"{code}: untranslated {untranslated}"
    assert fuzzy == [], f"{code}: fuzzy {fuzzy}"
    assert obsolete == [], f"{code}: obsolete {obsolete}"
    assert plural_gaps == [], f"{code}: missing plural forms {plural_gaps}"


@pytest.mark.parametrize("code", CODES)
def test_placeholders_in_translations_match_the_english(code):
    wrong = []
    for entry in catalogue(code).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            checked = "python-format" in entry.flags or expected
            found = PLACEHOLDER.findall(text)
            # A plural form may leave out the count ("en del" for 1).
            if (
                checked
                and sorted(found) != expected
                and not (entry.msgid_plural and set(found) <= set(expected))
            ):
                wrong.append((entry.msgid, text))
    assert wrong == [], f"{code}: placeholders differ in {wrong}"


@pytest.mark.parametrize("code", CODES)
def test_catalogue_header_asks_for_a_native_speakers_review(code):
    assert "native speaker" in catalogue(code).header


@pytest.mark.parametrize("code", [c for c in CODES if c not in ("sv", "en")])
def test_compiled_catalogue_is_what_django_serves(code):
    po = catalogue(code)
    entry = next(e for e in po if e.msgid == "Need help now?" and e.msgctxt is None)
    with translation.override(code):
        assert translation.gettext("Need help now?") == entry.msgstr
    assert entry.msgstr != "Need help now?"
