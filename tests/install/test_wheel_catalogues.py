"""The wheel speaks every language for every string the extension's apps mark.

A municipality's site gets its translations from the wheel only (it never sees this
repository's ``locale/``). The wheel's catalogues are cut from the shared ones by the
references ``makemessages`` wrote (wheel_catalogues.py); a reference that is out of date,
after code moved between apps, would leave a string in English for an Arabic reader on
that site, or ship a string the app no longer has. This test extracts each app's strings
as ``makemessages`` would and compares them with what the build ships.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from wheel_catalogues import EXTENSION_APPS, write_app_catalogues

BASE = Path(settings.BASE_DIR)
LANGUAGES = sorted(
    path.parent.parent.name for path in (BASE / "locale").glob("*/LC_MESSAGES/django.po")
)
#: The admin's languages other than English (its msgids), as in tests/translations/test_extraction.py.
ADMIN_LANGUAGES = ["sv"]
#: Copies of Wagtail's templates that keep Wagtail's words: their Swedish is in
#: multilingual/admin_locale, so makemessages leaves them out (docs/languages.md).
WAGTAIL_WORDS = ["*/templates/wagtaillocales", "*/templates/editorial/admin/home"]
REFRESH = "run `manage.py makemessages --all` so the references in locale/ name the files that use each string"


def key(entry):
    return (entry.msgctxt, entry.msgid)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The apps' catalogues as setup.py puts them in the wheel."""
    root = tmp_path_factory.mktemp("wheel")
    write_app_catalogues(BASE / "locale", root)
    return root


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The strings each app marks for translation, as makemessages finds them in the app alone."""
    strings = {}
    cwd = Path.cwd()
    for app in EXTENSION_APPS:
        work = tmp_path_factory.mktemp(f"extract-{app}")
        shutil.copytree(
            BASE / app, work / app, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "locale")
        )
        (work / "locale").mkdir()
        os.chdir(work)
        try:
            with override_settings(LOCALE_PATHS=[str(work / "locale")]):
                call_command(
                    "makemessages", locale=["sv"], verbosity=0, ignore_patterns=WAGTAIL_WORDS
                )
        finally:
            os.chdir(cwd)
        po_path = work / "locale" / "sv" / "LC_MESSAGES" / "django.po"
        strings[app] = (
            {key(entry) for entry in polib.pofile(str(po_path))} if po_path.exists() else set()
        )
    return strings


def test_the_apps_mark_strings_at_all(marked):
    assert marked["plans"] and marked["information"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", EXTENSION_APPS)
def test_the_wheel_ships_each_marked_string_of_an_app_translated_and_nothing_else(
    shipped, marked, app, language
):
    po_path = shipped / app / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path)) if po_path.exists() else []
    translated = {key(entry) for entry in catalogue if entry.translated()}
    everything = {key(entry) for entry in catalogue}
    # Admin-only strings (context "admin") are translated in the admin's languages only
    # (docs/translating.md, "Interface strings"); every other marked string in every language.
    required = {k for k in marked[app] if language in ADMIN_LANGUAGES or k[0] != "admin"}
    missing = sorted(msgid for _ctx, msgid in required - translated)
    extra = sorted(msgid for _ctx, msgid in everything - marked[app])
    assert missing == [], f"{app}/{language}: not in the wheel: {missing}; {REFRESH}"
    assert extra == [], f"{app}/{language}: in the wheel but not used by {app}: {extra}; {REFRESH}"


def test_the_wheel_carries_the_admins_own_swedish_compiled(tmp_path):
    """multilingual/admin_locale/ (Wagtail's and wagtail-localize's msgids) goes into the
    wheel with a .mo beside each .po: a host lists it in LOCALE_PATHS (docs/install.md)
    and never runs compilemessages."""
    from wheel_catalogues import compile_admin_locale

    written = compile_admin_locale(BASE, tmp_path)
    names = sorted(path.relative_to(tmp_path).as_posix() for path in written)
    assert names == [
        "multilingual/admin_locale/sv/LC_MESSAGES/django.mo",
        "multilingual/admin_locale/sv/LC_MESSAGES/djangojs.mo",
    ]
    source = polib.pofile(str(BASE / "multilingual/admin_locale/sv/LC_MESSAGES/django.po"))
    compiled = polib.mofile(str(tmp_path / names[0]))
    assert len(compiled) == len(source.translated_entries()) > 100
