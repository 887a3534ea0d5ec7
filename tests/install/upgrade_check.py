"""What an upgrade leaves on the host's disk.

Run by tests/install/run in the host's folder, with its settings:

    upgrade_check.py before PREVIOUS_VERSION CHANGELOG
    upgrade_check.py after PREVIOUS_VERSION WHEEL CHANGELOG

"before": the previous release is the one installed, and the templates the CHANGELOG
says later versions removed are there (so "after" proves something). "after": the version
installed is the wheel's, newer than the previous one (pip said "already installed" when
the version was not raised), the extension's files on disk are exactly the wheel's (no
template or module of the old version left behind), and each removed template is gone
for Django's template loader.
"""

import importlib.metadata
import os
import re
import sys
import zipfile
from pathlib import Path

import django

sys.path.insert(0, os.getcwd())
django.setup()

from django.template import TemplateDoesNotExist  # noqa: E402
from django.template.loader import get_template  # noqa: E402

DISTRIBUTION = "tillsammans-mot-vald"
PACKAGES = ("multilingual", "plans", "information")


def version_key(version):
    return tuple(int(part) for part in re.findall(r"\d+", version))


def removed_templates(changelog, since):
    """Template names in the *Removed* sections of the versions after ``since``: each
    entry's names before its "**Upgrading:**" note (which may name what replaces them)."""
    newer = changelog.split(f"## [{since}]", 1)[0]
    names = set()
    for section in re.findall(r"### Removed\n(.*?)(?=\n## |\n### |\Z)", newer, re.S):
        for entry in re.split(r"^- ", section, flags=re.M):
            names.update(re.findall(r"`([\w/.-]+\.html)`", entry.split("**Upgrading", 1)[0]))
    return sorted(names)


def installed_files():
    """The extension's files on disk, relative to site-packages, without byte code."""
    root = Path(importlib.import_module("multilingual").__file__).resolve().parent.parent
    return {
        str(path.relative_to(root))
        for package in PACKAGES
        for path in (root / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def before(previous, changelog):
    installed = importlib.metadata.version(DISTRIBUTION)
    assert installed == previous, f"installed {installed}, expected the previous release {previous}"
    removed = removed_templates(Path(changelog).read_text(encoding="utf-8"), previous)
    for name in removed:
        get_template(name)  # TemplateDoesNotExist: the release record names the wrong commit
    print(
        f"ok before the upgrade: {DISTRIBUTION} {installed}, with {', '.join(removed) or 'no template removed later'}"
    )


def after(previous, wheel, changelog):
    installed = importlib.metadata.version(DISTRIBUTION)
    wheel_version = Path(wheel).name.split("-")[1]
    assert version_key(installed) > version_key(previous), (
        f"the upgrade left {installed} installed: the wheel's version ({wheel_version}) must be "
        f"newer than the previous release's ({previous}), or pip keeps the old files"
    )
    assert installed == wheel_version, f"installed {installed}, the wheel is {wheel_version}"
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.split("/", 1)[0] in PACKAGES}
    left_over = sorted(installed_files() - shipped)
    assert not left_over, f"files of the old version left on disk: {left_over[:10]}"
    removed = removed_templates(Path(changelog).read_text(encoding="utf-8"), previous)
    for name in removed:
        try:
            template = get_template(name)
        except TemplateDoesNotExist:
            continue
        raise AssertionError(
            f"{name}, removed since {previous}, is still found: {template.origin.name}"
        )
    print(f"ok upgraded {previous} -> {installed}; gone: {', '.join(removed) or 'nothing removed'}")


if __name__ == "__main__":
    step, previous, *rest = sys.argv[1:]
    (before if step == "before" else after)(previous, *rest)
