"""Change a fresh `wagtail start` project exactly as docs/install.md tells a person to.

The guide marks each code block a person copies with a comment the reader does not see:

    <!-- install-test: append to PROJECT/settings/base.py -->
    <!-- install-test: append to PROJECT/urls.py after removing: path("", include(wagtail_urls)), -->

The block after the comment is appended to that file of the host (PROJECT is the project's
name); "after removing" names a line the guide asks to delete first. The *Upgrading*
section marks what a site already on an earlier version adds when it upgrades:

    <!-- install-test: upgrade from 0.1.0: append to PROJECT/settings/base.py -->

A new site gets the blocks without "upgrade from"; `--upgrade-from 0.1.0` applies only
those marked for an upgrade from 0.1.0 (the site was set up by that version's guide). So the install test
fails when the guide's steps no longer give a working site, and nothing else is written
into the host: the install test copies no code from this repository.

Usage: configure_host.py [--upgrade-from VERSION] GUIDE PROJECT_DIR PROJECT_NAME
"""

import re
import sys
from pathlib import Path

MARK = re.compile(
    r"<!-- install-test: (?:upgrade from (?P<since>\S+): )?append to (?P<file>\S+)(?: after removing: (?P<remove>.+?))? -->\s*\n"
    r"```[a-z]*\n(?P<code>.*?)```",
    re.S,
)


def steps(guide, upgrade_from=None):
    """(file, line to remove or None, code) for each block marked for a new site, or for an
    upgrade from ``upgrade_from``, in the guide's order."""
    return [
        (m["file"], m["remove"], m["code"])
        for m in MARK.finditer(guide)
        if m["since"] == upgrade_from
    ]


def apply(guide, project_dir, project, upgrade_from=None):
    found = steps(guide, upgrade_from)
    if not found and upgrade_from is None:
        raise SystemExit("docs/install.md marks no code block for the install test")
    for file, remove, code in found:
        target = Path(project_dir) / file.replace("PROJECT", project)
        text = target.read_text(encoding="utf-8")
        if remove:
            lines = [
                line for line in text.splitlines(keepends=True) if line.strip() != remove.strip()
            ]
            if len(lines) != len(text.splitlines()) - 1:
                raise SystemExit(
                    f"{target}: the guide asks to remove {remove!r}, which is not there once"
                )
            text = "".join(lines)
        target.write_text(f"{text.rstrip()}\n\n{code}", encoding="utf-8")
        print(f"configured {target.relative_to(project_dir)}")


if __name__ == "__main__":
    args = sys.argv[1:]
    since = None
    if args[0] == "--upgrade-from":
        since, args = args[1], args[2:]
    guide, project_dir, project = args[:3]
    apply(Path(guide).read_text(encoding="utf-8"), project_dir, project, since)
