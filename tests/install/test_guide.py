"""docs/install.md as a host's developer reads it: the settings block they copy works in a
site that lists some of the apps already, and every setting the extension reads is
explained. (The install test applies the same block to a real `wagtail start` project.)"""

import re
from pathlib import Path

from django.conf import settings

from multilingual.conf import DEFAULTS, RENAMED
from tests.install.configure_host import steps

GUIDE = (Path(settings.BASE_DIR) / "docs" / "install.md").read_text(encoding="utf-8")

#: The parts of a `wagtail start` settings module the block reads, and an app the
#: extension needs that the host uses already.
HOST_SETTINGS = {
    "INSTALLED_APPS": [
        "home",
        "wagtail.contrib.forms",
        "wagtail.contrib.routable_page",
        "wagtail",
        "django.contrib.staticfiles",
    ],
    "MIDDLEWARE": [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
}


def host_settings_after(guide):
    namespace = {name: list(value) for name, value in HOST_SETTINGS.items()}
    for file, _remove, code in steps(guide):
        if file.endswith("settings/base.py"):
            exec(code, namespace)
    return namespace


def test_the_settings_block_adds_each_app_once_to_a_site_that_has_some_of_them():
    after = host_settings_after(GUIDE)
    apps = after["INSTALLED_APPS"]
    assert sorted(app for app in set(apps) if apps.count(app) > 1) == []
    for app in (
        "multilingual",
        "plans",
        "information",
        "opendata",
        "wagtail_localize",
        "wagtail.contrib.table_block",
        "wagtail.contrib.settings",
    ):
        assert app in apps
    assert after["MIDDLEWARE"].count("django.middleware.locale.LocaleMiddleware") == 1
    assert after["MIDDLEWARE"].index("django.middleware.locale.LocaleMiddleware") < after[
        "MIDDLEWARE"
    ].index("django.middleware.common.CommonMiddleware")


def test_the_settings_block_can_be_applied_to_settings_that_have_it_already():
    once = host_settings_after(GUIDE)
    twice = host_settings_after(GUIDE + GUIDE)
    assert (
        once["INSTALLED_APPS"] == twice["INSTALLED_APPS"]
        and once["MIDDLEWARE"] == twice["MIDDLEWARE"]
    )


def test_every_setting_the_extension_reads_is_explained_in_the_guide():
    explained = set(re.findall(r"^\| `(VINR_\w+)` \|", GUIDE, re.M))
    assert sorted(set(DEFAULTS) - explained) == []
    for old in RENAMED:
        assert old in GUIDE, f"the guide does not say what became of {old}"


def test_the_install_steps_include_collectstatic_and_the_wheel_file():
    assert "python manage.py collectstatic" in GUIDE
    assert "pip install tillsammans-mot-vald\n" not in GUIDE, "the package is not on an index"
    assert ".whl" in GUIDE
