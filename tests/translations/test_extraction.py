"""Every interface string in the code is in the catalogues, translated.

The catalogue test (test_catalogues.py) checks the entries a catalogue has; a string that
was marked for translation but never extracted is not there at all, and a visitor reading
Arabic then meets it in English. This test extracts the strings as a translator's
``makemessages`` run would, into a copy of the catalogues, and asks for nothing missing.

Two kinds of strings (docs/translating.md, "Interface strings"): what visitors read has no
gettext context and must be translated in every language; what only the admin shows
(labels, help texts, admin messages) has the context ``admin`` and must be translated in
Swedish, the one admin language besides English, whose text is the msgid itself.
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
SOURCES = [
    "plans",
    "information",
    "translations",
    "editorial",
    "website",
    "multilingual",
    "templates",
]

#: Copies of Wagtail's templates that keep Wagtail's words: their Swedish is in
#: multilingual/admin_locale, so makemessages leaves them out (docs/languages.md).
WAGTAIL_WORDS = ["*/templates/wagtaillocales", "*/templates/editorial/admin/home"]
#: The gettext context of strings only the admin shows (docs/translating.md).
ADMIN = "admin"
#: The admin's languages other than English (``WAGTAILADMIN_PERMITTED_LANGUAGES``).
ADMIN_LANGUAGES = ["sv"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues after a ``makemessages --all`` run over a copy of the code.

    makemessages writes into the ``locale`` folder beside the code it reads, so it runs
    in a copy: the real catalogues are never touched by a test.
    """
    base = Path(settings.BASE_DIR)
    work = tmp_path_factory.mktemp("extracted")
    for name in SOURCES:
        shutil.copytree(
            base / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copytree(
        Path(settings.LOCALE_PATHS[0]), work / "locale", ignore=shutil.ignore_patterns("*.mo")
    )
    cwd = Path.cwd()
    os.chdir(work)
    try:
        with override_settings(LOCALE_PATHS=[str(work / "locale")]):
            call_command(
                "makemessages",
                all=True,
                no_obsolete=True,
                verbosity=0,
                ignore_patterns=WAGTAIL_WORDS,
            )
    finally:
        os.chdir(cwd)
    return work / "locale"


def required(po, code):
    """The entries ``code`` must translate: all in an admin language, else the public ones."""
    return [
        entry
        for entry in po
        if not entry.obsolete and (code in ADMIN_LANGUAGES or entry.msgctxt != ADMIN)
    ]


@pytest.mark.parametrize("code", [code for code, *_ in SITE_LANGUAGES])
def test_every_marked_string_is_translated_in_every_language(extracted, code):
    po = polib.pofile(str(extracted / code / "LC_MESSAGES" / "django.po"))
    entries = required(po, code)
    missing = [
        entry.msgid for entry in entries if not entry.translated() and "fuzzy" not in entry.flags
    ]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert missing == [], f"{code}: not in the catalogue or untranslated: {missing}"
    assert fuzzy == [], f"{code}: changed in the code since translated (fuzzy): {fuzzy}"


def test_admin_labels_are_extracted_with_their_context_and_public_strings_without(extracted):
    """The two kinds stay apart: the admin's field labels carry the context, the site's
    strings do not (a public string marked ``admin`` would reach Arabic visitors untranslated)."""
    po = polib.pofile(str(extracted / "sv" / "LC_MESSAGES" / "django.po"))
    admin = {entry.msgid for entry in po if entry.msgctxt == ADMIN}
    public = {entry.msgid for entry in po if entry.msgctxt is None}
    assert {"phone number", "helpline", "easy-to-read summary", "Submit for review"} <= admin
    assert {"Leave this page quickly", "Need help now?"} <= public


def test_plans_admin_labels_are_extracted_with_their_context_and_public_strings_without(extracted):
    """The two kinds stay apart in plans/: a measure's field labels carry the admin context,
    the measure list's words do not (a public string marked ``admin`` would reach Arabic
    visitors untranslated)."""
    po = polib.pofile(str(extracted / "sv" / "LC_MESSAGES" / "django.po"))
    admin = {entry.msgid: entry.msgstr for entry in po if entry.msgctxt == ADMIN}
    public = {entry.msgid for entry in po if entry.msgctxt is None}
    assert admin["belongs to goal"] == "hör till mål"
    assert admin["prevention level"] == "preventionsnivå"
    assert admin["action plan"] == "handlingsplan"
    assert {"Prevention level", "Co-responsible", "No status reported"} <= public
