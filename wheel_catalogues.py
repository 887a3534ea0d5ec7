"""The extension's share of the interface catalogues, as the wheel carries them.

Translators keep one catalogue per language in ``locale/`` at the top of this repository,
shared by the extension and the reference site (``website/``). A municipality that
installs the wheel needs the extension's messages without the reference site's, and
compiled: Django reads an installed app's translations from ``<app>/locale/``. So at build
time each app gets the entries that its own code and templates use (the ``#:`` references
``makemessages`` writes), as ``.po`` and compiled ``.mo``. Nothing is written into the
source tree: a ``locale/`` folder inside an app there would make ``makemessages`` split
the translators' catalogues.

The admin's own Swedish (``multilingual/admin_locale/``: Wagtail's and wagtail-localize's
msgids, read through the host's ``LOCALE_PATHS``) travels as it is, compiled here too.

setup.py calls this while building; tests/install/test_wheel_catalogues.py checks that
every string the apps mark is in what is shipped.
"""

from pathlib import Path

import polib

#: The apps the wheel holds (pyproject.toml's packages).
EXTENSION_APPS = ("multilingual", "plans", "information", "translations", "editorial", "opendata")


def used_by(entry, app):
    """Whether a catalogue entry's references name a file inside ``app``."""
    return any(path.split("/", 1)[0] == app for path, _line in entry.occurrences)


def app_catalogue(catalogue, app):
    """A new catalogue with the entries of ``catalogue`` that ``app`` uses."""
    part = polib.POFile(wrapwidth=catalogue.wrapwidth)
    part.header = catalogue.header
    part.metadata = dict(catalogue.metadata)
    for entry in catalogue:
        if not entry.obsolete and used_by(entry, app):
            part.append(entry)
    return part


def write_app_catalogues(source_locale, target_root, apps=EXTENSION_APPS):
    """Write ``<target_root>/<app>/locale/<lang>/LC_MESSAGES/<domain>.po`` and ``.mo``.

    ``source_locale`` is the shared ``locale/`` folder. Fuzzy entries are left out of the
    ``.mo`` as ``msgfmt`` leaves them out. Returns the ``.mo`` files written.
    """
    written = []
    for po_path in sorted(Path(source_locale).glob("*/LC_MESSAGES/*.po")):
        language = po_path.parent.parent.name
        catalogue = polib.pofile(str(po_path))
        for app in apps:
            part = app_catalogue(catalogue, app)
            if not len(part):
                continue
            target = Path(target_root) / app / "locale" / language / "LC_MESSAGES" / po_path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            part.save(str(target))
            part.save_as_mofile(str(target.with_suffix(".mo")))
            written.append(target.with_suffix(".mo"))
    return written


#: Wagtail's and wagtail-localize's admin words in Swedish, inside the multilingual app.
ADMIN_LOCALE = Path("multilingual") / "admin_locale"


def compile_admin_locale(source_root, target_root):
    """Write a ``.mo`` beside each ``.po`` of ``ADMIN_LOCALE`` in ``target_root``.

    The ``.mo`` files are not in the repository (``make messages`` compiles them for the
    reference site), so the build makes the wheel's own. Returns the files written.
    """
    written = []
    for po_path in sorted((Path(source_root) / ADMIN_LOCALE).glob("*/LC_MESSAGES/*.po")):
        target = Path(target_root) / po_path.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        catalogue = polib.pofile(str(po_path))
        catalogue.save(str(target))
        catalogue.save_as_mofile(str(target.with_suffix(".mo")))
        written.append(target.with_suffix(".mo"))
    return written
