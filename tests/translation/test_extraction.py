"""Every interface string in the code is in every catalogue, translated.

The catalogue test (test_catalogues.py) checks the entries a catalogue has; a string that
was marked for translation but never extracted is not there at all, and a visitor reading
Arabic then meets it in English. This test extracts the strings as a translator's
``makemessages`` run would, into a copy of the catalogues, and asks for nothing missing.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from multilingual.languages import SITE_LANGUAGES

#: The folders whose code and templates hold the interface strings.
SOURCES = ["plans", "information", "website", "templates"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues after a ``makemessages --all`` run over a copy of the code.

    makemessages writes into the ``locale`` folder beside the code it reads, so it runs
    in a copy: the real catalogues are never touched by a test.
    """
    base = Path(settings.BASE_DIR)
    work = tmp_path_factory.mktemp("extracted")
    for name in SOURCES:
        shutil.copytree(base / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copytree(Path(settings.LOCALE_PATHS[0]), work / "locale", ignore=shutil.ignore_patterns("*.mo"))
    cwd = Path.cwd()
    os.chdir(work)
    try:
        with override_settings(LOCALE_PATHS=[str(work / "locale")]):
            call_command("makemessages", all=True, no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    return work / "locale"


@pytest.mark.parametrize("code", [code for code, *_ in SITE_LANGUAGES])
def test_every_marked_string_is_translated_in_every_language(extracted, code):
    po = polib.pofile(str(extracted / code / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert missing == [], f"{code}: not in the catalogue or untranslated: {missing}"
    assert fuzzy == [], f"{code}: changed in the code since translated (fuzzy): {fuzzy}"
