"""Every template the extension's templates include or extend travels with them.

Here the reference site's ``templates/`` folder is on the template path, so an extension
template that includes one of its files renders in this repository and fails with
TemplateDoesNotExist in a municipality's site (the support section did, with the reference
site's section card). A name must be found in an extension app's own ``templates/`` or come
from an installed package (Wagtail's admin templates); ``base_template`` is the host's.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from wheel_catalogues import EXTENSION_APPS

BASE = Path(settings.BASE_DIR)
REFERENCE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def shipped(name):
    return any((BASE / app / "templates" / name).is_file() for app in EXTENSION_APPS)


def from_an_installed_package(name):
    return "site-packages" in str(get_template(name).origin.name)


def references(app):
    folder = BASE / app / "templates"
    for path in sorted(folder.rglob("*.html")) if folder.exists() else []:
        for name in REFERENCE.findall(path.read_text(encoding="utf-8")):
            yield path.relative_to(BASE), name


def test_the_check_reads_the_templates_references():
    assert "information/includes/helpline.html" in {
        name for _path, name in references("information")
    }


@pytest.mark.parametrize("app", EXTENSION_APPS)
def test_every_included_or_extended_template_is_in_the_wheel_or_an_installed_package(app):
    missing = [
        f"{path}: {name}"
        for path, name in references(app)
        if not shipped(name) and not from_an_installed_package(name)
    ]
    assert missing == []
