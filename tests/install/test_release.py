"""The version a host upgrades to, and what pip and an index show a host's developer.

pip upgrades by version number alone: a wheel with the number the site has is "already
installed" and changes nothing on disk. So a change a host sees (listed under
*Unreleased* in CHANGELOG.md) needs a version newer than the last release recorded in
tests/install/releases (docs/releasing.md); the install test then upgrades a host from
that release's wheel, built from the commit recorded there.
"""

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
PYPROJECT = tomllib.loads((BASE / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
CHANGELOG = (BASE / "CHANGELOG.md").read_text(encoding="utf-8")


def version_key(version):
    return tuple(int(part) for part in re.findall(r"\d+", version))


def releases():
    lines = (BASE / "tests" / "install" / "releases").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]


def unreleased_entries():
    section = CHANGELOG.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def test_the_version_has_its_changelog_section():
    assert f"## [{VERSION}] - " in CHANGELOG, f"CHANGELOG.md has no section for {VERSION}"
    released = re.findall(r"^## \[(\d[^\]]*)\]", CHANGELOG, re.M)
    assert released[0] == VERSION, (
        f"the newest section is {released[0]}, pyproject.toml says {VERSION}"
    )


def test_a_change_a_host_sees_comes_with_a_new_version():
    last, _commit = releases()[-1]
    assert version_key(VERSION) >= version_key(last), f"{VERSION} is older than the release {last}"
    if version_key(VERSION) == version_key(last):
        assert not unreleased_entries(), (
            f"CHANGELOG.md lists unreleased changes but the version is still {last}, which hosts "
            "have: pip would not upgrade them. Raise the version in pyproject.toml (docs/releasing.md)."
        )


@pytest.mark.parametrize("version,commit", releases())
def test_each_recorded_release_is_the_commit_that_had_its_version(version, commit):
    shown = subprocess.run(
        ["git", "-C", str(BASE), "show", f"{commit}:pyproject.toml"], capture_output=True, text=True
    )
    assert shown.returncode == 0, f"commit {commit} is not in this clone's history: {shown.stderr}"
    assert f'version = "{version}"' in shown.stdout


def test_the_package_description_is_written_for_a_hosts_developer():
    readme = PYPROJECT["project"]["readme"]
    assert readme != "README.md", "README.md is this repository's (make run, relative links)"
    text = (BASE / readme).read_text(encoding="utf-8")
    relative = [link for link in re.findall(r"\]\(([^)]+)\)", text) if "://" not in link]
    assert relative == [], f"links that lead nowhere on an index: {relative}"
    assert "make " not in text and "vinr_setup" in text and "collectstatic" in text
